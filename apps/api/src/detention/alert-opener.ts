/**
 * Opens a "no contact" alert. The medical area binds this token to its alerts mechanism
 * (`MedicalAlertsService`) so the alert lands in the medical alerts inbox; FallbackNoContactAlerts
 * keeps it in `no_contact_alerts` until then.
 */
export interface AlertOpener {
  openNoContactAlert(caseId: string, lastContactAt: Date | null): Promise<void>;
}

export const ALERT_OPENER = 'detention.ALERT_OPENER';
