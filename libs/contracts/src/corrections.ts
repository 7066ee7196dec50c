import { z } from 'zod';
import { isoDateTime, money } from './common';
import { contactStatus, letterChannel, letterDirection } from './detention';
import { incidentSource, incidentType, severity, vitalReading } from './medical';

/** Why a record is corrected after the fact: required, and kept with the earlier version. */
const reason = z.string().trim().min(1, 'is required').max(2000);
const text = (max: number) => z.string().trim().min(1).max(max);
const someChange = (value: Record<string, unknown>) => Object.keys(value).some((key) => key !== 'reason');

/** A correction of a medical incident: only the fields given change; the earlier version stays readable. */
export const correctIncidentRequest = z
  .object({
    occurredAt: isoDateTime.optional(),
    type: incidentType.optional(),
    severity: severity.optional(),
    description: z.string().trim().min(1).max(20_000).optional(),
    facility: z.string().trim().max(300).nullable().optional(),
    outcome: z.string().trim().max(20_000).nullable().optional(),
    source: incidentSource.optional(),
    vitals: z.array(vitalReading).max(200).optional(),
    followUpNeeded: z.boolean().optional(),
    reason,
  })
  .refine(someChange, 'nothing to correct');
export type CorrectIncidentRequest = z.infer<typeof correctIncidentRequest>;

/** A correction of a contact-log entry (its kind stays); the result must still be a valid entry of that kind. */
export const correctContactEventRequest = z
  .object({
    status: contactStatus.optional(),
    occurredAt: isoDateTime.optional(),
    facility: text(300).nullable().optional(),
    visitor: text(200).nullable().optional(),
    refusalReason: text(2000).nullable().optional(),
    refusedBy: text(300).nullable().optional(),
    channel: letterChannel.nullable().optional(),
    direction: letterDirection.nullable().optional(),
    deliveredAt: isoDateTime.nullable().optional(),
    contents: text(2000).nullable().optional(),
    amount: money.nullable().optional(),
    notes: text(4000).nullable().optional(),
    reason,
  })
  .refine(someChange, 'nothing to correct');
export type CorrectContactEventRequest = z.infer<typeof correctContactEventRequest>;

/** An earlier version of a corrected record: what it said, and who replaced it when and why. */
export const recordVersion = z.object({
  version: z.number().int().min(1),
  content: z.record(z.string(), z.unknown()),
  reason: z.string(),
  correctedAt: isoDateTime,
  correctedBy: z.string().nullable(),
});
export type RecordVersion = z.infer<typeof recordVersion>;
export const recordVersions = z.object({ items: z.array(recordVersion) });
export type RecordVersions = z.infer<typeof recordVersions>;
