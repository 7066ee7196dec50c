import { z } from 'zod';

export const roles = ['admin', 'lawyer', 'medical', 'finance'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const sessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role,
  mfaEnabled: z.boolean(),
  mfaSetupRequired: z.boolean(),
  /** The language mail and server texts are written in for this user. */
  language: z.enum(['ru', 'en']),
  /** A lawyer's number in the register of advocates (e.g. "77/15342"), used by drafts; '' when not entered. */
  advocateRegistryNumber: z.string(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const loginRequest = z.object({
  email: z.string().trim().toLowerCase().email('must be an email address').max(254),
  password: z.string().min(1, 'is required').max(1024),
  totp: z.string().trim().max(64).optional(),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const loginResponse = z.object({ user: sessionUser });
export type LoginResponse = z.infer<typeof loginResponse>;

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1, 'is required').max(1024),
  newPassword: z.string().min(12, 'must be at least 12 characters').max(256),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

export const mfaSetupResponse = z.object({ otpauthUrl: z.string(), secret: z.string() });
export type MfaSetupResponse = z.infer<typeof mfaSetupResponse>;

/** Re-authentication for sensitive MFA changes: the current password (or a current code). */
export const reauthRequest = z.object({ password: z.string().max(1024).optional(), totp: z.string().trim().max(64).optional() });
export type ReauthRequest = z.infer<typeof reauthRequest>;

/**
 * Turning two-factor sign-in on: a code from the authenticator app and the current password. The password may be
 * left out only on a session opened minutes ago (see AuthService.enableMfa).
 */
export const enableMfaRequest = z.object({ totp: z.string().trim().min(1, 'is required').max(10), password: z.string().min(1).max(200).optional() });
export type EnableMfaRequest = z.infer<typeof enableMfaRequest>;

export const recoveryCodesResponse = z.object({ codes: z.array(z.string()) });
export type RecoveryCodesResponse = z.infer<typeof recoveryCodesResponse>;

export const mfaPolicy = z.object({ requiredRoles: z.array(role).max(4) });
export type MfaPolicy = z.infer<typeof mfaPolicy>;

export const sessionView = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  device: z.string(),
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionView>;

/** An advocate's registry number: region code, slash, number ("77/15342"). */
export const advocateRegistryNumber = z
  .string()
  .trim()
  .max(20)
  .refine((value) => value === '' || /^\d{1,3}\/\d{1,6}$/.test(value), 'must look like 77/15342 (region/number)');

/** What signed-in users change about themselves: their language; lawyers their registry number. */
export const updateMeRequest = z
  .object({ language: z.enum(['ru', 'en']).optional(), advocateRegistryNumber: advocateRegistryNumber.optional() })
  .strict()
  .refine((value) => Object.keys(value).length > 0, 'nothing to change');
export type UpdateMeRequest = z.infer<typeof updateMeRequest>;
