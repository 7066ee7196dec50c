import { graver, type MedicalIncident, type Severity } from '@habeas/contracts';

/** Types that open an alert whatever their severity. */
const ALARMING_TYPES = new Set(['hospitalisation', 'transfer_to_hospital', 'denied_care', 'medication_withheld', 'hunger_strike']);

/**
 * The alert an incident opens, if any: its severity is the graver of the one chosen and the one its vital
 * readings call for (vital-rules.ts), so 190/110 recorded as "moderate" still opens a critical alert.
 */
export function alertSeverityFor(incident: Pick<MedicalIncident, 'type' | 'severity'>, vitalsSeverity: Severity | null): Severity | null {
  const severity = graver(incident.severity, vitalsSeverity);
  return severity === 'high' || severity === 'critical' || ALARMING_TYPES.has(incident.type) ? severity : null;
}
