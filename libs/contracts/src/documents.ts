import { z } from 'zod';
import { isoDate, isoDateTime, page, pageQuery } from './common';
import { singleLine } from './text';

export const documentKinds = [
  'motion',
  'appeal',
  'complaint',
  'petition',
  'ruling',
  'indictment',
  'evidence',
  'correspondence',
  'memo',
  'receipt',
  'other',
] as const;
export const documentKind = z.enum(documentKinds);
export type DocumentKind = z.infer<typeof documentKind>;

export const documentStatuses = ['draft', 'filed', 'accepted', 'rejected', 'decided'] as const;
export const documentStatus = z.enum(documentStatuses);
export type DocumentStatus = z.infer<typeof documentStatus>;

export const textStatuses = ['pending', 'done', 'failed', 'unsupported'] as const;
export type TextStatus = (typeof textStatuses)[number];
/** Why extraction failed ('failed') or was cut short ('done' + 'truncated'); the file itself is always kept. */
export const textIssues = ['too_large', 'memory', 'timeout', 'bomb', 'corrupt', 'unreadable', 'truncated'] as const;
export type TextIssue = (typeof textIssues)[number];

/** Search snippets mark hits with these; the admin renders them as <mark>. */
export const snippetStart = '««';
export const snippetStop = '»»';

export const documentVersion = z.object({
  id: z.uuid(),
  number: z.number().int(),
  originalName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.uuid(),
  uploadedAt: isoDateTime,
  textStatus: z.enum(textStatuses),
  textIssue: z.enum(textIssues).nullable(),
});
export type DocumentVersion = z.infer<typeof documentVersion>;

export const documentSummary = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: documentKind,
  title: z.string(),
  court: z.string().nullable(),
  status: documentStatus,
  filedAt: isoDateTime.nullable(),
  hearingId: z.uuid().nullable(),
  deadlineId: z.uuid().nullable(),
  privileged: z.boolean(),
  tags: z.array(z.string()),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** The newest version. */
  latest: documentVersion.nullable(),
  /** With `?q=`: a highlighted excerpt (hits between «« and »»). */
  snippet: z.string().optional(),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

export const documentDetail = documentSummary.extend({ versions: z.array(documentVersion) });
export type DocumentDetail = z.infer<typeof documentDetail>;

export const documentPage = page(documentSummary);

/**
 * `q` takes web-search syntax ("exact phrase", -excluded, or); names and case numbers such as 3/2-2026-0508 also match
 * part of a word. With `q` results come newest first by document date (filed, else uploaded); `from`/`to` filter that
 * date (inclusive, Moscow calendar days); `caseId` narrows the all-cases list to one case.
 */
export const documentListQuery = pageQuery
  .extend({
    q: z.string().trim().max(200).optional(),
    kind: documentKind.optional(),
    status: documentStatus.optional(),
    caseId: z.uuid().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: 'must not be before from', path: ['to'] });
export type DocumentListQuery = z.infer<typeof documentListQuery>;

const tagList = z.array(z.string().trim().min(1).max(50)).max(20);

const booleanField = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on'])])
  .transform((value) => value === true || value === 'true' || value === '1' || value === 'on');

/** The text fields of the multipart upload (POST /api/cases/:id/documents); `tags` is comma-separated or JSON. */
export const createDocumentFields = z.object({
  title: singleLine().min(1, 'is required').max(300),
  kind: documentKind,
  court: z.string().trim().max(300).optional(),
  status: documentStatus.default('draft'),
  filedAt: isoDateTime.optional(),
  hearingId: z.uuid().optional(),
  deadlineId: z.uuid().optional(),
  privileged: booleanField.default(false),
  tags: z
    .string()
    .max(2000)
    .optional()
    .transform((value) => {
      if (!value) return [] as string[];
      if (value.trim().startsWith('[')) {
        try {
          return JSON.parse(value) as unknown;
        } catch {
          return null;
        }
      }
      return value.split(',');
    })
    .pipe(
      z
        .array(z.string())
        .transform((tags) => tags.map((tag) => tag.trim()).filter(Boolean))
        .pipe(tagList),
    ),
});
export type CreateDocumentFields = z.infer<typeof createDocumentFields>;

export const updateDocumentRequest = z
  .object({
    title: singleLine().min(1).max(300),
    kind: documentKind,
    court: z.string().trim().max(300).nullable(),
    status: documentStatus,
    filedAt: isoDateTime.nullable(),
    hearingId: z.uuid().nullable(),
    deadlineId: z.uuid().nullable(),
    privileged: z.boolean(),
    tags: tagList,
  })
  .partial()
  .strict();
export type UpdateDocumentRequest = z.infer<typeof updateDocumentRequest>;

export const downloadQuery = z.object({
  version: z.coerce.number().int().min(1).optional(),
  inline: z.enum(['1', 'true', '0', 'false']).optional(),
});
export type DownloadQuery = z.infer<typeof downloadQuery>;

/**
 * A receipt (a document of kind `receipt`, never a privileged one) as those who record expenses see it: its name
 * and when it was uploaded, nothing of its content and nothing of the case's other documents.
 */
export const receiptOption = z.object({ id: z.uuid(), title: z.string(), uploadedAt: isoDateTime });
export type ReceiptOption = z.infer<typeof receiptOption>;
export const receiptPage = page(receiptOption);
/** `q` narrows to receipts whose name contains it (any case). */
export const receiptListQuery = pageQuery.extend({ q: z.string().trim().max(200).optional() });
export type ReceiptListQuery = z.infer<typeof receiptListQuery>;
/** The text field of a receipt upload (multipart `file` + `title?`); without a title the file's name is used. */
export const receiptUploadFields = z.object({ title: singleLine().min(1).max(300).optional() });
