import { z } from 'zod';
import { isoDateTime, money, page, pageQuery, uuid } from './common';
import { singleLine } from './text';
import { incidentType, severity } from './medical';

/** Life in detention: the contact log, the legal actions it (and medical incidents) start, and their templates. */
export const contactKinds = ['visit', 'call', 'letter', 'parcel', 'money_transfer'] as const;
export const contactKind = z.enum(contactKinds);
export type ContactKind = z.infer<typeof contactKind>;

/** Status by kind: visit requested|held|refused; call held|refused; letter sent|delivered|not_delivered; parcel and money sent|accepted|returned. */
export const contactStatuses = ['requested', 'held', 'refused', 'sent', 'delivered', 'not_delivered', 'accepted', 'returned'] as const;
export const contactStatus = z.enum(contactStatuses);
export type ContactStatus = z.infer<typeof contactStatus>;

export const allowedContactStatuses: Record<ContactKind, readonly ContactStatus[]> = {
  visit: ['requested', 'held', 'refused'],
  call: ['held', 'refused'],
  letter: ['sent', 'delivered', 'not_delivered'],
  parcel: ['sent', 'accepted', 'returned'],
  money_transfer: ['sent', 'accepted', 'returned'],
};

export const letterChannel = z.enum(['prison_letter_service', 'post']);
export const letterDirection = z.enum(['to_detainee', 'from_detainee']);

const text = (max: number) => z.string().trim().min(1).max(max);

export const createContactEventRequest = z
  .object({
    kind: contactKind,
    status: contactStatus,
    occurredAt: isoDateTime,
    facility: text(300).optional(),
    /** Visits: who went (name of the lawyer or relative). */
    visitor: text(200).optional(),
    /** Refusals: the reason given and who refused. */
    refusalReason: text(2000).optional(),
    refusedBy: text(300).optional(),
    /** Letters. */
    channel: letterChannel.optional(),
    direction: letterDirection.optional(),
    deliveredAt: isoDateTime.optional(),
    /** Parcels and money transfers. */
    contents: text(2000).optional(),
    amount: money.refine((value) => value.amountMinor > 0, 'must be positive').optional(),
    notes: text(4000).optional(),
  })
  .superRefine((value, context) => {
    if (!allowedContactStatuses[value.kind].includes(value.status)) {
      context.addIssue({ code: 'custom', path: ['status'], message: `a ${value.kind} is one of ${allowedContactStatuses[value.kind].join(', ')}` });
    }
    if (value.kind === 'letter' && !value.channel) context.addIssue({ code: 'custom', path: ['channel'], message: 'a letter needs its channel' });
    if (value.kind === 'money_transfer' && !value.amount) context.addIssue({ code: 'custom', path: ['amount'], message: 'a money transfer needs its amount' });
    if (value.deliveredAt && value.status !== 'delivered') {
      context.addIssue({ code: 'custom', path: ['deliveredAt'], message: 'only a delivered letter has a delivery date' });
    }
  });
export type CreateContactEventRequest = z.infer<typeof createContactEventRequest>;

export const contactEvent = z.object({
  id: uuid,
  caseId: uuid,
  kind: contactKind,
  status: contactStatus,
  occurredAt: isoDateTime,
  facility: z.string().nullable(),
  visitor: z.string().nullable(),
  refusalReason: z.string().nullable(),
  refusedBy: z.string().nullable(),
  channel: letterChannel.nullable(),
  direction: letterDirection.nullable(),
  deliveredAt: isoDateTime.nullable(),
  contents: z.string().nullable(),
  amount: money.nullable(),
  notes: z.string().nullable(),
  createdBy: uuid.nullable(),
  createdAt: isoDateTime,
  /** 1 as logged; each correction adds one (earlier versions: GET /api/contact-events/:id/versions). */
  version: z.number().int().min(1),
});
export type ContactEvent = z.infer<typeof contactEvent>;
export const contactEventPage = page(contactEvent);
export const contactListQuery = pageQuery.extend({ kind: contactKind.optional() });
export type ContactListQuery = z.infer<typeof contactListQuery>;

export const contactTrendQuery = z.object({ bucket: z.enum(['week', 'month']).default('week') });
export type ContactTrendQuery = z.infer<typeof contactTrendQuery>;
export const contactTrend = z.object({
  bucket: z.enum(['week', 'month']),
  items: z.array(
    z.object({
      /** Start of the week (Monday) or month, YYYY-MM-DD. */
      period: z.string(),
      refusedVisits: z.number().int(),
      undeliveredLetters: z.number().int(),
      returnedParcels: z.number().int(),
    }),
  ),
  totals: z.object({ refusedVisits: z.number().int(), undeliveredLetters: z.number().int(), returnedParcels: z.number().int() }),
});
export type ContactTrend = z.infer<typeof contactTrend>;

export const contactSettings = z.object({
  noContactDays: z.number().int().min(1).max(365),
  lastContactAt: isoDateTime.nullable(),
  /** When the open "no contact" alert of the case opened, if one is open. */
  noContactAlertOpenedAt: isoDateTime.nullable(),
});
export type ContactSettings = z.infer<typeof contactSettings>;
export const updateContactSettingsRequest = z.object({ noContactDays: z.number().int().min(1, 'at least 1 day').max(365, 'at most 365 days') });
export type UpdateContactSettingsRequest = z.infer<typeof updateContactSettingsRequest>;

export const legalSteps = [
  'complaint_facility',
  'complaint_prosecutor',
  'motion_independent_doctor',
  'motion_custody_health',
  'interim_measures_international',
] as const;
export const legalStep = z.enum(legalSteps);
export type LegalStep = z.infer<typeof legalStep>;

export const legalActionStatuses = ['proposed', 'drafting', 'filed', 'decided', 'dismissed'] as const;
export const legalActionStatus = z.enum(legalActionStatuses);
export type LegalActionStatus = z.infer<typeof legalActionStatus>;
export const triggerType = z.enum(['medical_incident', 'contact']);
export type TriggerType = z.infer<typeof triggerType>;
export const templateLanguage = z.enum(['ru', 'en']);
export type TemplateLanguage = z.infer<typeof templateLanguage>;

/** What started a proposal, as data: the admin tells it in the reader's language, a draft in the template's. */
export const legalActionTrigger = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('medical_incident'),
    id: uuid.nullable().optional(),
    incidentType,
    severity,
    occurredAt: isoDateTime,
    facility: z.string().nullable(),
  }),
  z.object({
    type: z.literal('contact'),
    id: uuid.nullable().optional(),
    kind: contactKind,
    status: contactStatus,
    occurredAt: isoDateTime,
    facility: z.string().nullable(),
    refusalReason: z.string().nullable().optional(),
    refusedBy: z.string().nullable().optional(),
  }),
]);
export type LegalActionTrigger = z.infer<typeof legalActionTrigger>;

export const legalAction = z.object({
  id: uuid,
  caseId: uuid,
  caseSlug: z.string(),
  caseTitle: z.string(),
  step: legalStep,
  status: legalActionStatus,
  title: z.string(),
  language: templateLanguage,
  draftText: z.string(),
  /** Fields the template asked for that the case did not have; they are marked in the draft. */
  missingFields: z.array(z.string()),
  deadlineAt: isoDateTime.nullable(),
  ownerId: uuid.nullable(),
  ownerName: z.string().nullable(),
  triggerType: triggerType.nullable(),
  triggerId: uuid.nullable(),
  /** The trigger told in the action's language (the admin renders `trigger` in the reader's). */
  triggerSummary: z.string().nullable(),
  trigger: legalActionTrigger.nullable(),
  /** Later events that called for the same step while this proposal was open ("also because …"). */
  alsoBecause: z.array(legalActionTrigger),
  documentId: uuid.nullable(),
  documentVersion: z.number().int().nullable(),
  /** Where to download the filed/generated document, when the store serves one. */
  documentUrl: z.string().nullable(),
  outcome: z.string().nullable(),
  filedAt: isoDateTime.nullable(),
  decidedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type LegalAction = z.infer<typeof legalAction>;
export const legalActionPage = page(legalAction);
export const legalActionListQuery = pageQuery.extend({
  status: legalActionStatus.optional(),
  triggerType: triggerType.optional(),
  triggerId: uuid.optional(),
});
export type LegalActionListQuery = z.infer<typeof legalActionListQuery>;

export const updateLegalActionRequest = z
  .object({
    status: legalActionStatus.optional(),
    title: singleLine().min(1).max(300).optional(),
    draftText: z.string().max(100_000).optional(),
    deadlineAt: isoDateTime.nullable().optional(),
    ownerId: uuid.nullable().optional(),
    outcome: text(4000).nullable().optional(),
    /** A document filed outside Habeas (the documents area) to link to. */
    documentId: uuid.nullable().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'nothing to change');
export type UpdateLegalActionRequest = z.infer<typeof updateLegalActionRequest>;

export const createLegalActionRequest = z.object({
  step: legalStep,
  language: templateLanguage.default('ru'),
  deadlineAt: isoDateTime.optional(),
  ownerId: uuid.optional(),
  triggerType: triggerType.optional(),
  triggerId: uuid.optional(),
});
export type CreateLegalActionRequest = z.input<typeof createLegalActionRequest>;

export const generateDocumentRequest = z.object({ format: z.enum(['docx', 'pdf', 'markdown']).default('docx') });
export type GenerateDocumentRequest = z.infer<typeof generateDocumentRequest>;
export const generatedDocument = z.object({ documentId: uuid, version: z.number().int(), fileName: z.string(), downloadUrl: z.string().nullable() });
export type GeneratedDocument = z.infer<typeof generatedDocument>;

export const legalTemplate = z.object({
  id: uuid,
  step: legalStep,
  language: templateLanguage,
  title: z.string(),
  body: z.string(),
  isDefault: z.boolean(),
  updatedAt: isoDateTime,
});
export type LegalTemplate = z.infer<typeof legalTemplate>;
export const legalTemplatePage = page(legalTemplate);
export const legalTemplateListQuery = pageQuery.extend({ step: legalStep.optional(), language: templateLanguage.optional() });
export type LegalTemplateListQuery = z.infer<typeof legalTemplateListQuery>;
export const createLegalTemplateRequest = z.object({
  step: legalStep,
  language: templateLanguage,
  title: singleLine().min(1).max(300),
  body: text(50_000),
  isDefault: z.boolean().default(false),
});
export type CreateLegalTemplateRequest = z.input<typeof createLegalTemplateRequest>;
export const updateLegalTemplateRequest = z
  .object({ title: singleLine().min(1).max(300).optional(), body: text(50_000).optional(), isDefault: z.boolean().optional() })
  .refine((value) => Object.keys(value).length > 0, 'nothing to change');
export type UpdateLegalTemplateRequest = z.infer<typeof updateLegalTemplateRequest>;

/** The reply to logging a contact event: the event and the legal actions it proposed. */
export const contactEventCreated = z.object({ event: contactEvent, proposedActions: z.array(legalAction) });
export type ContactEventCreated = z.infer<typeof contactEventCreated>;
