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
