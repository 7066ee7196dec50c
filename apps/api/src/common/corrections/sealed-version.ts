import type { RecordVersions } from '@habeas/contracts';
import { randomUUID } from 'node:crypto';
import { openField, sealField } from '../crypto/field-cipher';

/** An earlier version as read back: opened, with the name of whoever replaced it. */
export interface OpenedVersion {
  version: number;
  content: Record<string, unknown>;
  reason: string;
  correctedAt: Date;
  correctedByName: string | null;
}

/** An earlier version of a corrected record as stored: its content and the reason, sealed and bound to the row. */
export interface SealedVersion {
  id: string;
  content: string;
  reason: string;
}

/** Seals a version's content and reason to a new row of `table` (its id is chosen here, before the insert). */
export function sealVersion(table: string, content: Record<string, unknown>, reason: string): SealedVersion {
  const id = randomUUID();
  return { id, content: sealField(content, { table, column: 'content', row: id }), reason: sealField(reason, { table, column: 'reason', row: id }) };
}

export function openVersion(table: string, row: SealedVersion): { content: Record<string, unknown>; reason: string } {
  return {
    content: openField<Record<string, unknown>>(row.content, { table, column: 'content', row: row.id }),
    reason: openField<string>(row.reason, { table, column: 'reason', row: row.id }),
  };
}

/** The earlier versions as the contract's history of a record. */
export function toRecordVersions(rows: OpenedVersion[]): RecordVersions {
  return {
    items: rows.map((row) => ({
      version: row.version,
      content: row.content,
      reason: row.reason,
      correctedAt: row.correctedAt.toISOString(),
      correctedBy: row.correctedByName,
    })),
  };
}
