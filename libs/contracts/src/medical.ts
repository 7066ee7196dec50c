import { z } from 'zod';
import { isoDateTime, page, pageQuery, uuid } from './common';
import { knownConditions } from './vital-rules';
import { alertNotification } from './alerting';

export const incidentTypes = [
  'ambulance_call',
  'hospitalisation',
  'transfer_to_hospital',
  'return_from_hospital',
  'denied_care',
  'medication_withheld',
  'injury',
  'hunger_strike',
  'chronic_condition',
  'check_up',
  'other',
] as const;
export const incidentType = z.enum(incidentTypes);
export type IncidentType = z.infer<typeof incidentType>;

export const severities = ['low', 'moderate', 'high', 'critical'] as const;
export const severity = z.enum(severities);
export type Severity = z.infer<typeof severity>;

export const incidentSources = ['lawyer_visit', 'family', 'facility_statement', 'press', 'the_person'] as const;
export const incidentSource = z.enum(incidentSources);
export type IncidentSource = z.infer<typeof incidentSource>;

/** One dated reading; every measure is optional but a reading carries at least one. */
export const vitalReading = z
  .object({
    at: isoDateTime,
    systolic: z.number().int().min(40).max(300).optional(),
    diastolic: z.number().int().min(20).max(200).optional(),
    pulse: z.number().int().min(20).max(250).optional(),
    temperatureC: z.number().min(30).max(45).optional(),
    glucoseMmolL: z.number().min(0.5).max(50).optional(),
  })
  .refine((r) => [r.systolic, r.diastolic, r.pulse, r.temperatureC, r.glucoseMmolL].some((v) => v !== undefined), {
    message: 'a reading needs at least one measure',
  });
export type VitalReading = z.infer<typeof vitalReading>;

export const createIncidentRequest = z.object({
  occurredAt: isoDateTime,
  type: incidentType,
  severity,
  description: z.string().trim().min(1).max(20_000),
  facility: z.string().trim().max(300).optional(),
  outcome: z.string().trim().max(20_000).optional(),
  source: incidentSource,
  vitals: z.array(vitalReading).max(200).default([]),
  followUpNeeded: z.boolean().default(false),
});
export type CreateIncidentRequest = z.infer<typeof createIncidentRequest>;

export const medicalIncident = z.object({
  id: uuid,
  caseId: uuid,
  occurredAt: isoDateTime,
  type: incidentType,
  severity,
  description: z.string(),
  facility: z.string().nullable(),
  outcome: z.string().nullable(),
  source: incidentSource,
  vitals: z.array(vitalReading),
  followUpNeeded: z.boolean(),
  createdBy: uuid.nullable(),
  createdAt: isoDateTime,
  /** 1 as recorded; each correction adds one (earlier versions: GET /api/medical-incidents/:id/versions). */
  version: z.number().int().min(1),
});
export type MedicalIncident = z.infer<typeof medicalIncident>;
export const medicalIncidentPage = page(medicalIncident);
export const incidentListQuery = pageQuery;

export const alertStatuses = ['open', 'acknowledged', 'resolved'] as const;
export const alertStatus = z.enum(alertStatuses);
export type AlertStatus = z.infer<typeof alertStatus>;

/** Why the alert was opened: an incident, no medical news for too long, or another area's rule. */
/** `family_report`: a relative's report through an intake link describes a health emergency. */
export const alertKinds = ['incident', 'no_news', 'no_contact', 'family_report', 'other'] as const;
export const alertKind = z.enum(alertKinds);
export type AlertKind = z.infer<typeof alertKind>;

export const medicalAlert = z.object({
  id: uuid,
  /** Monotonic sequence, also the SSE event id. */
  seq: z.number().int(),
  kind: alertKind,
  incidentId: uuid.nullable(),
  caseId: uuid,
  caseTitle: z.string(),
  caseSlug: z.string(),
  severity,
  status: alertStatus,
  reason: z.string(),
  /** The reason as data, told by `alertReason.<kind>` of the event catalog: `{type}` of the incident, `{count}` days, `{since}` date. */
  reasonParams: z.record(z.string(), z.unknown()),
  openedAt: isoDateTime,
  acknowledgedAt: isoDateTime.nullable(),
  acknowledgedBy: uuid.nullable(),
  acknowledgedByName: z.string().nullable(),
  resolvedAt: isoDateTime.nullable(),
  resolvedBy: uuid.nullable(),
  resolvedByName: z.string().nullable(),
  note: z.string().nullable(),
  escalatedAt: isoDateTime.nullable(),
  /** Who was notified when, on which channel, and whether it got through (single alert reads only). */
  notifications: z.array(alertNotification).optional(),
});
export type MedicalAlert = z.infer<typeof medicalAlert>;
export const medicalAlertPage = page(medicalAlert);

/** `unresolved` = open or acknowledged (in progress): what still needs someone. */
export const alertListQuery = pageQuery.extend({
  status: z.enum([...alertStatuses, 'unresolved']).optional(),
  caseId: uuid.optional(),
});
export type AlertListQuery = z.infer<typeof alertListQuery>;

export const resolveAlertRequest = z.object({ note: z.string().trim().min(1, 'a note is required').max(5000) });
export type ResolveAlertRequest = z.infer<typeof resolveAlertRequest>;

/** `open`: nobody has taken it yet; `inProgress`: acknowledged, not yet resolved. Both still need someone. */
export const alertCount = z.object({ open: z.number().int(), inProgress: z.number().int() });
export type AlertCount = z.infer<typeof alertCount>;

/**
 * Per-case medical settings: after `noNewsDays` without a check-in the "no news" rule opens an alert;
 * `knownConditions` make the vital-sign rules (vital-rules.ts) stricter for this person.
 */
export const medicalSettings = z.object({
  noNewsDays: z.number().int().min(1).max(365),
  knownConditions: z.array(z.enum(knownConditions)).max(knownConditions.length).default([]),
});
export type MedicalSettings = z.infer<typeof medicalSettings>;

/** The medical state of one case at a glance: the medic's home lists one per case they work on. */
export const caseMedicalState = z.object({
  caseId: uuid,
  caseSlug: z.string(),
  caseTitle: z.string(),
  lastIncidentAt: isoDateTime.nullable(),
  lastIncidentType: incidentType.nullable(),
  lastSeverity: severity.nullable(),
  openAlerts: z.number().int(),
  inProgressAlerts: z.number().int(),
  noNewsDays: z.number().int(),
  knownConditions: z.array(z.enum(knownConditions)),
});
export type CaseMedicalState = z.infer<typeof caseMedicalState>;
export const medicalOverview = z.object({ items: z.array(caseMedicalState) });
export type MedicalOverview = z.infer<typeof medicalOverview>;
