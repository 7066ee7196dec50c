import type { Role } from '@habeas/contracts';

/** The authenticated user on whose behalf a service acts; services receive it already authorized. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  ip: string;
  userAgent: string;
  /** The language server texts are told in for this user (their setting; Russian by default). */
  language?: 'ru' | 'en';
  /** The role requires MFA and the user has not set it up: only the setup routes are open. */
  mfaSetupRequired?: boolean;
}

/** Who did something, for the audit log: a user, or the system itself (jobs, webhooks). */
export interface AuditContext {
  actorId: string | null;
  ip: string | null;
}
