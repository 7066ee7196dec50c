import { z } from 'zod';
import { isoDateTime, uuid } from './common';

/** Channels an alert reaches people on besides the admin itself (SSE) and mail. */
export const alertChannels = ['push', 'telegram'] as const;
export const alertChannel = z.enum(alertChannels);
export type AlertChannel = z.infer<typeof alertChannel>;

/** One delivery attempt: `sent`, `failed` (retried with backoff), `gone` (the device is no more), `quiet` (quiet hours). */
export const deliveryStatuses = ['sent', 'failed', 'gone', 'quiet'] as const;
export const alertNotification = z.object({
  channel: alertChannel,
  recipientId: uuid,
  recipientName: z.string().nullable(),
  at: isoDateTime,
  status: z.enum(deliveryStatuses),
  /** 0: the person on duty, 1: the next person, 2: everyone with medical rights and the admins. */
  step: z.number().int(),
  attempt: z.number().int(),
});
export type AlertNotification = z.infer<typeof alertNotification>;

export const vapidPublicKey = z.object({ key: z.string() });

const base64url = z
  .string()
  .trim()
  .min(16)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'must be base64url');
export const pushSubscriptionRequest = z.object({
  endpoint: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000),
  keys: z.object({ p256dh: base64url, auth: base64url.min(16).max(40) }),
});
export type PushSubscriptionRequest = z.infer<typeof pushSubscriptionRequest>;

export const pushSubscriptionView = z.object({ id: uuid, host: z.string(), createdAt: isoDateTime, lastSuccessAt: isoDateTime.nullable() });
export type PushSubscriptionView = z.infer<typeof pushSubscriptionView>;
export const pushSubscriptionList = z.object({ items: z.array(pushSubscriptionView) });

export const telegramLink = z.object({ link: z.url() });
export const telegramStatus = z.object({ configured: z.boolean(), linked: z.boolean(), linkedAt: isoDateTime.nullable() });
export type TelegramStatus = z.infer<typeof telegramStatus>;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
export type Clock = z.infer<typeof clock>;

/** Quiet hours hold back non-critical alerts on phones; critical ones always go out. */
export const alertPreferences = z.object({
  language: z.enum(['ru', 'en']),
  quietHours: z.object({ start: clock, end: clock }).nullable(),
});
export type AlertPreferences = z.infer<typeof alertPreferences>;

export const testAlertResult = z.object({ notifications: z.array(alertNotification) });
export type TestAlertResult = z.infer<typeof testAlertResult>;

/** A weekly rota slot: `weekday` 1 = Monday … 7 = Sunday; `end` "00:00" means midnight (end of that day). */
export const onCallShift = z
  .object({ userId: uuid, weekday: z.number().int().min(1).max(7), start: clock, end: clock })
  .refine((s) => s.end === '00:00' || s.end > s.start, { message: 'a shift ends after it starts (the same day)', path: ['end'] });
export type OnCallShift = z.infer<typeof onCallShift>;

export const onCallOverride = z.object({ id: uuid, userId: uuid, userName: z.string().nullable(), startsAt: isoDateTime, endsAt: isoDateTime });
export type OnCallOverride = z.infer<typeof onCallOverride>;

export const onCallScope = z.object({ caseId: uuid.optional() });
export type OnCallScope = z.infer<typeof onCallScope>;

export const onCallPolicyRequest = z.object({
  caseId: uuid.nullable().default(null),
  escalateAfterMinutes: z.number().int().min(1).max(1440),
  shifts: z.array(onCallShift).max(200),
});
export type OnCallPolicyRequest = z.infer<typeof onCallPolicyRequest>;

export const onCallPolicy = z.object({
  caseId: uuid.nullable(),
  /** Whether this case has its own policy (false: the team-wide one applies). */
  own: z.boolean(),
  escalateAfterMinutes: z.number().int(),
  timeZone: z.string(),
  shifts: z.array(onCallShift),
  overrides: z.array(onCallOverride),
  onDutyNow: uuid.nullable(),
  /** Who may be put on the rota: users with alert rights (admins, and the case's medical staff). */
  candidates: z.array(z.object({ id: uuid, name: z.string(), role: z.string() })),
});
export type OnCallPolicy = z.infer<typeof onCallPolicy>;

export const onCallOverrideRequest = z
  .object({ caseId: uuid.nullable().default(null), userId: uuid, startsAt: isoDateTime, endsAt: isoDateTime })
  .refine((o) => Date.parse(o.endsAt) > Date.parse(o.startsAt), { message: 'ends after it starts', path: ['endsAt'] })
  .refine((o) => Date.parse(o.endsAt) - Date.parse(o.startsAt) <= 90 * 86_400_000, { message: 'at most 90 days', path: ['endsAt'] });
export type OnCallOverrideRequest = z.infer<typeof onCallOverrideRequest>;
