import { z } from 'zod';
import { advocateRegistryNumber, role } from './auth';
import { pageQuery, page } from './common';
import { singleLine } from './text';

export const passwordRule = z.string().min(12, 'must be at least 12 characters').max(256, 'must be at most 256 characters');

export const user = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role,
  disabled: z.boolean(),
  /** `invited`: has not set a password yet (the invite is pending); `disabled` wins over both. */
  status: z.enum(['active', 'invited', 'disabled']),
  /** When the newest open invite link stops working; null when none is open. */
  inviteExpiresAt: z.string().nullable(),
  mfaEnabled: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
  language: z.enum(['ru', 'en']),
  advocateRegistryNumber: z.string(),
});
export type User = z.infer<typeof user>;

export const createUserRequest = z.object({
  email: z.string().trim().toLowerCase().email('must be an email address').max(254),
  name: singleLine().min(1, 'is required').max(200),
  role,
  password: passwordRule.optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const createUserResponse = user.extend({ inviteUrl: z.string().nullable() });
export type CreateUserResponse = z.infer<typeof createUserResponse>;

export const updateUserRequest = z
  .object({
    role: role.optional(),
    disabled: z.boolean().optional(),
    name: singleLine().min(1).max(200).optional(),
    advocateRegistryNumber: advocateRegistryNumber.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'nothing to change');
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;

export const userListQuery = pageQuery.extend({ q: z.string().trim().max(200).optional() });
export const userPage = page(user);

/** A new invite link (earlier ones stop working); `mailed` when it also went to the user by mail. */
export const reinviteResponse = z.object({ inviteUrl: z.string(), mailed: z.boolean() });
export type ReinviteResponse = z.infer<typeof reinviteResponse>;

/** Whom a user without cases can ask: the enabled admins. */
export const adminContacts = z.object({ items: z.array(z.object({ name: z.string(), email: z.string() })) });
export type AdminContacts = z.infer<typeof adminContacts>;

// Password reset: by mail when mail is configured, otherwise a one-time link an admin issues and hands over.
export const passwordResetOptions = z.object({ byMail: z.boolean() });
export type PasswordResetOptions = z.infer<typeof passwordResetOptions>;
export const passwordResetRequest = z.object({ email: z.string().trim().toLowerCase().email('must be an email address').max(254) });
export type PasswordResetRequest = z.infer<typeof passwordResetRequest>;
export const passwordResetConfirm = z.object({ token: z.string().min(10).max(200), password: passwordRule });
/** An invited user sets a password with the invite's token. */
export const acceptInviteRequest = z.object({ token: z.string().min(10).max(200), password: passwordRule });
export type AcceptInviteRequest = z.infer<typeof acceptInviteRequest>;
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirm>;
export const resetLinkResponse = z.object({ resetUrl: z.string(), expiresAt: z.string() });
export type ResetLinkResponse = z.infer<typeof resetLinkResponse>;
