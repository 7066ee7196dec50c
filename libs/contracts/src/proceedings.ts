import { z } from 'zod';
import { isoDate, isoDateTime, money, page, pageQuery } from './common';
import { singleLine } from './text';

export const facilityKinds = ['temporary_detention_centre', 'pretrial_detention_centre', 'hospital', 'court', 'colony'] as const;
export const facilityKind = z.enum(facilityKinds);
export type FacilityKind = z.infer<typeof facilityKind>;

export const createFacilityRequest = z.object({
  name: singleLine().min(1, 'is required').max(300),
  kind: facilityKind,
  region: z.string().trim().max(200).default(''),
  address: z.string().trim().max(500).default(''),
  contact: z.string().trim().max(500).default(''),
});
export type CreateFacilityRequest = z.infer<typeof createFacilityRequest>;
export const facility = z.object({ id: z.uuid(), name: z.string(), kind: facilityKind, region: z.string(), address: z.string(), contact: z.string() });
export type Facility = z.infer<typeof facility>;
export const facilityPage = page(facility);

export const hearingKinds = ['arraignment', 'custody_extension', 'preliminary', 'trial_session', 'verdict', 'appeal'] as const;
export const hearingKind = z.enum(hearingKinds);
export type HearingKind = z.infer<typeof hearingKind>;
/** A decision that opens an appeal term: custody (3 days) or verdict (15 days), configurable per case. */
export const appealableDecisions = ['custody', 'verdict'] as const;
export const appealableDecision = z.enum(appealableDecisions);
export type AppealableDecision = z.infer<typeof appealableDecision>;

/** An IANA time zone name the runtime knows, e.g. Europe/Moscow. */
export const timeZoneName = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Moscow');

export const createHearingRequest = z.object({
  scheduledAt: isoDateTime,
  /** The court's zone; the case's court zone (Moscow time by default) when absent. */
  timeZone: timeZoneName.optional(),
  kind: hearingKind,
  court: z.string().trim().max(300).optional(),
  courtroom: z.string().trim().max(100).optional(),
  judge: z.string().trim().max(300).optional(),
  notes: z.string().max(5000).optional(),
});
export type CreateHearingRequest = z.infer<typeof createHearingRequest>;

export const updateHearingRequest = z
  .object({
    scheduledAt: isoDateTime,
    kind: hearingKind,
    court: z.string().trim().max(300),
    courtroom: z.string().trim().max(100),
    judge: z.string().trim().max(300),
    notes: z.string().max(5000),
    outcome: z.string().trim().max(5000).nullable(),
    /** Logging a custody decision or a verdict suggests the appeal deadline. */
    decision: appealableDecision.nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateHearingRequest = z.infer<typeof updateHearingRequest>;

export const hearing = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: hearingKind,
  scheduledAt: isoDateTime,
  /** The court's IANA zone: hearings are shown in court time, labelled ("10:00 МСК"). */
  timeZone: z.string(),
  court: z.string(),
  courtroom: z.string(),
  judge: z.string(),
  outcome: z.string().nullable(),
  decision: appealableDecision.nullable(),
  notes: z.string(),
  /** The appeal deadline suggested by the decision, if any. */
  appealDeadlineId: z.uuid().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Hearing = z.infer<typeof hearing>;
export const hearingPage = page(hearing);
export const hearingListQuery = pageQuery.extend({ from: isoDateTime.optional() });
export type HearingListQuery = z.infer<typeof hearingListQuery>;

export const createDeadlineRequest = z.object({
  dueAt: isoDateTime,
  title: singleLine().min(1, 'is required').max(300),
  sourceHearingId: z.uuid().optional(),
  sourceDocumentId: z.uuid().optional(),
});
export type CreateDeadlineRequest = z.infer<typeof createDeadlineRequest>;
export const updateDeadlineRequest = z
  .object({ dueAt: isoDateTime, title: singleLine().min(1, 'is required').max(300), done: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateDeadlineRequest = z.infer<typeof updateDeadlineRequest>;

/** How a computed deadline was reached: the rule, the term, and the production calendar that moved it. */
export const termRule = z.object({
  rule: z.literal('cpc_128_2'),
  days: z.number().int(),
  from: isoDate,
  lastDay: isoDate,
  /** The nominal last day, when it was not a working day and the term moved. */
  movedFrom: isoDate.nullable(),
  /** The decision whose appeal term this is (absent on older rows and on terms of other kinds). */
  decision: appealableDecision.optional(),
  /** The official calendar used, as its Russian source reads, or null when a year is missing (weekends only). */
  calendar: z.string().nullable(),
  /** The years whose production calendar counted the term, and those the app has no calendar for (absent on older rows). */
  calendarYears: z.array(z.number().int()).optional(),
  missingYears: z.array(z.number().int()).optional(),
  timeZone: z.string(),
});
export type TermRule = z.infer<typeof termRule>;

const appealTitles: Record<'ru' | 'en', Record<AppealableDecision, (days: number) => string>> = {
  ru: { custody: (days) => `Обжаловать постановление о мере пресечения (${days} сут.)`, verdict: (days) => `Обжаловать приговор (${days} сут.)` },
  en: {
    custody: (days) => `Appeal the custody decision (${days} ${days === 1 ? 'day' : 'days'})`,
    verdict: (days) => `Appeal the verdict (${days} ${days === 1 ? 'day' : 'days'})`,
  },
};

/** The title of a suggested appeal deadline; stored in Russian (the team's language), shown in the reader's. */
export function suggestedAppealTitle(decision: AppealableDecision, days: number, language: string): string {
  return appealTitles[language === 'en' ? 'en' : 'ru'][decision](days);
}

/** A deadline's title in the reader's language: a suggested appeal nobody retitled is told anew, any other as entered. */
export function deadlineTitleIn(deadline: { title: string; suggested?: boolean; termRule?: TermRule | null }, language: string): string {
  const decision = deadline.termRule?.decision;
  if (!deadline.suggested || !decision || deadline.title !== suggestedAppealTitle(decision, deadline.termRule!.days, 'ru')) return deadline.title;
  return suggestedAppealTitle(decision, deadline.termRule!.days, language);
}

export const deadline = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  dueAt: isoDateTime,
  title: z.string(),
  sourceHearingId: z.uuid().nullable(),
  sourceDocumentId: z.uuid().nullable(),
  /** Computed from a decision (appeal term) rather than entered by hand. */
  suggested: z.boolean(),
  termRule: termRule.nullable(),
  done: z.boolean(),
  doneAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type Deadline = z.infer<typeof deadline>;
export const deadlinePage = page(deadline);
export const deadlineListQuery = pageQuery.extend({
  status: z.enum(['open', 'done', 'all']).default('all'),
});
export type DeadlineListQuery = z.infer<typeof deadlineListQuery>;

export const custodyEventKinds = ['placed', 'transferred', 'hospitalised', 'returned', 'measure_extended', 'measure_changed', 'released'] as const;
export const custodyEventKind = z.enum(custodyEventKinds);
export type CustodyEventKind = z.infer<typeof custodyEventKind>;
export const createCustodyEventRequest = z.object({
  kind: custodyEventKind,
  occurredAt: isoDateTime,
  facilityId: z.uuid().nullable().optional(),
  /** For placement, extension or change: the new "detained until" date, copied onto the case. */
  detainedUntil: isoDate.nullable().optional(),
  notes: z.string().max(5000).optional(),
});
export type CreateCustodyEventRequest = z.infer<typeof createCustodyEventRequest>;
export const updateCustodyEventRequest = z
  .object({
    kind: custodyEventKind,
    occurredAt: isoDateTime,
    facilityId: z.uuid().nullable(),
    detainedUntil: isoDate.nullable(),
    notes: z.string().max(5000),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateCustodyEventRequest = z.infer<typeof updateCustodyEventRequest>;
export const custodyEvent = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: custodyEventKind,
  occurredAt: isoDateTime,
  facilityId: z.uuid().nullable(),
  facilityName: z.string().nullable(),
  detainedUntil: z.string().nullable(),
  notes: z.string(),
});
export type CustodyEvent = z.infer<typeof custodyEvent>;
export const custodyEventPage = page(custodyEvent);

export const calendarFeed = z.object({
  /** Present only right after (re)generation: the secret URL is never shown again. */
  url: z.string().nullable(),
  active: z.boolean(),
  createdAt: isoDateTime.nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeed>;

export const dashboard = z.object({
  upcomingHearings: z.array(hearing.extend({ caseSlug: z.string(), caseTitle: z.string() })),
  upcomingDeadlines: z.array(deadline.extend({ caseSlug: z.string(), caseTitle: z.string() })),
  custody: z.array(z.object({ caseId: z.uuid(), caseSlug: z.string(), caseTitle: z.string(), detainedUntil: z.string(), daysLeft: z.number().int() })),
  recentActivity: z.array(
    z.object({
      caseSlug: z.string(),
      caseTitle: z.string(),
      type: z.string(),
      at: isoDateTime,
      title: z.string(),
      event: z.string(),
      params: z.record(z.string(), z.unknown()),
      ref: z.string(),
    }),
  ),
  /** Figures other areas plug in (e.g. openMedicalAlerts: number, raisedThisMonth: money[]), only those the user may see. */
  widgets: z.record(z.string(), z.unknown()),
});
export type Dashboard = z.infer<typeof dashboard>;
export const raisedThisMonthWidget = z.array(money);
