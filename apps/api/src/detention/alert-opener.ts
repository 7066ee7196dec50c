/** Opens a "no contact" alert; bound to MedicalNoContactAlerts so it lands in the medical alerts inbox. */
export interface AlertOpener {
  openNoContactAlert(caseId: string, lastContactAt: Date | null): Promise<void>;
}

export const ALERT_OPENER = 'detention.ALERT_OPENER';
