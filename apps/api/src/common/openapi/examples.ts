import {
  checkoutRequest,
  createCaseRequest,
  createContactEventRequest,
  createDeadlineRequest,
  createExpenseRequest,
  createHearingRequest,
  createIncidentRequest,
  createUserRequest,
  documentKinds,
  documentStatuses,
  loginRequest,
  offlineDonationRequest,
  resolveAlertRequest,
} from '@habeas/contracts';
import type { z } from 'zod';

/** A request body shown in Swagger UI ("Try it out" starts from it); a spec checks each against its schema. */
export interface RequestExample {
  method: 'post' | 'put' | 'patch';
  path: string;
  schema: z.ZodType;
  example: Record<string, unknown>;
}

/** The main requests of a working day, with values as the demo case uses them. */
export const requestExamples: RequestExample[] = [
  { method: 'post', path: '/api/auth/login', schema: loginRequest, example: { email: 'lawyer@demo.local', password: 'the demo password' } },
  {
    method: 'post',
    path: '/api/cases',
    schema: createCaseRequest,
    example: { slug: 'ivanova', title: 'Дело Ивановой', publicSummary: 'Задержана 12 марта; защита обжалует арест.', isPublic: false },
  },
  {
    method: 'post',
    path: '/api/cases/{id}/hearings',
    schema: createHearingRequest,
    example: {
      scheduledAt: '2026-12-15T07:00:00.000Z',
      timeZone: 'Europe/Moscow',
      kind: 'custody_extension',
      court: 'Тверской районный суд г. Москвы',
      courtroom: '412',
    },
  },
  {
    method: 'post',
    path: '/api/cases/{id}/deadlines',
    schema: createDeadlineRequest,
    example: { dueAt: '2026-12-18T20:59:00.000Z', title: 'Подать апелляционную жалобу на продление ареста' },
  },
  {
    method: 'post',
    path: '/api/cases/{id}/medical-incidents',
    schema: createIncidentRequest,
    example: {
      occurredAt: '2026-12-01T18:30:00.000Z',
      type: 'ambulance_call',
      severity: 'high',
      source: 'lawyer_visit',
      description: 'Жалобы на боль в груди; вызвана скорая помощь.',
      vitals: [{ at: '2026-12-01T18:40:00.000Z', systolic: 185, diastolic: 112, pulse: 104 }],
      followUpNeeded: true,
    },
  },
  {
    method: 'post',
    path: '/api/medical-alerts/{id}/resolve',
    schema: resolveAlertRequest,
    example: { note: 'Осмотрен врачом, давление снижено, назначено лечение.' },
  },
  {
    method: 'post',
    path: '/api/cases/{id}/contacts',
    schema: createContactEventRequest,
    example: {
      kind: 'visit',
      status: 'refused',
      occurredAt: '2026-12-02T09:00:00.000Z',
      visitor: 'Адвокат Соколов С. П.',
      refusalReason: 'нет свободных кабинетов',
    },
  },
  {
    method: 'post',
    path: '/api/public/campaigns/{slug}/checkout',
    schema: checkoutRequest,
    example: { amountMinor: 2500, currency: 'EUR', interval: 'month', anonymous: true },
  },
  {
    method: 'post',
    path: '/api/donations/offline',
    schema: offlineDonationRequest,
    example: {
      caseId: '5b1e3c7a-2f64-4c1e-9a59-2a4f0f6d9b10',
      amountMinor: 500000,
      currency: 'RUB',
      method: 'наличные на встрече',
      receivedOn: '2026-11-28',
      anonymous: true,
    },
  },
  {
    method: 'post',
    path: '/api/cases/{id}/expenses',
    schema: createExpenseRequest,
    example: { category: 'legal_fees', payee: 'Коллегия адвокатов «Защита»', spentOn: '2026-11-30', amountMinor: 15000000, currency: 'RUB' },
  },
  { method: 'post', path: '/api/users', schema: createUserRequest, example: { email: 'new.lawyer@example.org', name: 'Мария Петрова', role: 'lawyer' } },
];

/** The multipart uploads: the file part and the text fields beside it, so Swagger UI offers a file picker. */
export const uploadForms: Record<string, { required: string[]; properties: Record<string, Record<string, unknown>> }> = {
  'post /api/cases/{id}/documents': {
    required: ['file', 'title', 'kind'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'PDF, DOCX, text or an image; at most UPLOAD_MAX_BYTES' },
      title: { type: 'string', example: 'Ходатайство об изменении меры пресечения' },
      kind: { type: 'string', enum: [...documentKinds] },
      status: { type: 'string', enum: [...documentStatuses], default: 'draft' },
      court: { type: 'string' },
      filedAt: { type: 'string', format: 'date-time' },
      hearingId: { type: 'string', format: 'uuid' },
      deadlineId: { type: 'string', format: 'uuid' },
      privileged: { type: 'boolean', default: false, description: 'Attorney–client privileged: only the lawyers of the case see it' },
      tags: { type: 'string', description: 'Comma-separated, or a JSON array' },
    },
  },
  'post /api/documents/{id}/versions': {
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary', description: 'The new version of the document' } },
  },
  'post /api/donations/bank-statements': {
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary', description: '1CClientBankExchange statement (Windows-1251, UTF-8 or DOS)' } },
  },
};
