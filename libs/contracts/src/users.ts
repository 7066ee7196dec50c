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
