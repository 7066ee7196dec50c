import type { VitalReading } from '@habeas/contracts';
import { openField, openText, sealField, sealText, type SealedAt } from '../common/crypto/field-cipher';

/** What an incident keeps sealed at rest. */
export interface IncidentSecrets {
  description: string;
  outcome: string | null;
  vitals: VitalReading[];
}

const at = (column: string, row: string): SealedAt => ({ table: 'medical_incidents', column, row });

/** Seals an incident's secrets bound to its row (the id is chosen before the insert). */
export function sealIncident(id: string, secrets: IncidentSecrets): { description: string; outcome: string | null; vitals: string } {
  return {
    description: sealField(secrets.description, at('description', id)),
    outcome: sealText(secrets.outcome, at('outcome', id)),
    vitals: sealField(secrets.vitals, at('vitals', id)),
  };
}

export function openIncident(row: { id: string; description: string; outcome: string | null; vitals: string }): IncidentSecrets {
  return {
    description: openField<string>(row.description, at('description', row.id)),
    outcome: openText(row.outcome, at('outcome', row.id)),
    vitals: openField<VitalReading[]>(row.vitals, at('vitals', row.id)),
  };
}
