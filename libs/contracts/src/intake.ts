import { z } from 'zod';
import { documentKind } from './documents';
import { contactKind, contactStatus } from './detention';
import { isoDateTime, page, pageQuery, uuid } from './common';
import { optionalText } from './text';
import { incidentType, severity } from './medical';

/** Family intake: per-case links for relatives, their reports, the triage inbox of the team. */
export const intakeLanguage = z.enum(['ru', 'en']);
export type IntakeLanguage = z.infer<typeof intakeLanguage>;

export const createIntakeLinkRequest = z.object({
  /** For whom the team made the link (shown to the team only), e.g. "мать". */
  label: z.string().trim().max(200).default(''),
  /** After this moment the link answers 404; none = until revoked. */
  expiresAt: isoDateTime.optional(),
});
export type CreateIntakeLinkRequest = z.infer<typeof createIntakeLinkRequest>;

export const intakeLinkCreated = z.object({ id: uuid, url: z.string() });
export type IntakeLinkCreated = z.infer<typeof intakeLinkCreated>;

export const intakeLink = z.object({
  id: uuid,
  caseId: uuid,
  label: z.string(),
  expiresAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  createdByName: z.string().nullable(),
  reportCount: z.number().int(),
});
export type IntakeLink = z.infer<typeof intakeLink>;
export const intakeLinkPage = page(intakeLink);

/** What a relative sends: only `what` is required; each field is free text in the sender's words. */
export const intakeSubmission = z.object({
  what: z.string().trim().min(1, 'is required').max(10_000),
  when: optionalText(300),
  where: optionalText(500),
  howKnown: optionalText(2000),
  contactBack: optionalText(500),
  language: intakeLanguage.default('ru'),
});
export type IntakeSubmission = z.infer<typeof intakeSubmission>;

export const intakeReceipt = z.object({ receipt: z.string() });
export const intakeStatuses = ['received', 'seen', 'acted_on'] as const;
export const intakeStatus = z.enum(intakeStatuses);
export type IntakeStatus = z.infer<typeof intakeStatus>;
/** What the sender may learn with the receipt: the status, and nothing of the content. */
export const intakeStatusReply = z.object({ status: intakeStatus }).strict();

export const intakeConversionKinds = ['medical_incident', 'contact_event', 'document'] as const;
export const intakeConversion = z.object({ into: z.enum(intakeConversionKinds), id: uuid, at: isoDateTime, byName: z.string().nullable() });

export const intakeFile = z.object({ id: uuid, name: z.string(), mimeType: z.string(), size: z.number().int() });

export const intakeReport = z.object({
  id: uuid,
  caseId: uuid,
  receivedAt: isoDateTime,
  status: intakeStatus,
  emergency: z.boolean(),
  alertId: uuid.nullable(),
  linkLabel: z.string().nullable(),
  language: intakeLanguage,
  what: z.string(),
  when: z.string().nullable(),
  where: z.string().nullable(),
  howKnown: z.string().nullable(),
  contactBack: z.string().nullable(),
  files: z.array(intakeFile),
  conversions: z.array(intakeConversion),
});
export type IntakeReport = z.infer<typeof intakeReport>;
export const intakeReportPage = page(intakeReport);
export const intakeReportListQuery = pageQuery.extend({ status: intakeStatus.optional() });
export type IntakeReportListQuery = z.infer<typeof intakeReportListQuery>;

/** One click from a report to the case's records; fields left out are taken from the report. */
export const convertIntakeRequest = z.discriminatedUnion('into', [
  z.object({
    into: z.literal('medical_incident'),
    type: incidentType.default('other'),
    severity: severity.default('moderate'),
    occurredAt: isoDateTime.optional(),
    description: z.string().trim().min(1).max(20_000).optional(),
  }),
  z.object({
    into: z.literal('contact_event'),
    kind: contactKind.default('visit'),
    status: contactStatus.default('refused'),
    occurredAt: isoDateTime.optional(),
    notes: z.string().trim().min(1).max(4000).optional(),
  }),
  z.object({
    into: z.literal('document'),
    title: z.string().trim().min(1).max(300).optional(),
    kind: documentKind.default('evidence'),
    /** One of the report's files; without it the report's own text becomes the document. */
    fileId: uuid.optional(),
  }),
]);
export type ConvertIntakeRequest = z.infer<typeof convertIntakeRequest>;
export const intakeConverted = z.object({ into: z.enum(intakeConversionKinds), id: uuid });
