import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/http/domain-error';
import { LoginAttemptsRepository } from './login-attempts.repository';

const WINDOW = '15 minutes';
export const MAX_FAILURES_PER_EMAIL = 10;
/** Generous enough for an office behind one NAT, low enough to stop password spraying. */
export const MAX_FAILURES_PER_IP = 100;

/**
 * Counts sign-in attempts in PostgreSQL so the limits hold across API instances.
 * An attempt is recorded before the password is checked and counted after, so parallel
 * guesses cannot all pass a count taken before any of them was written: the n-th
 * recorded attempt always sees at least n rows.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly attempts: LoginAttemptsRepository) {}

  /** Records an attempt and returns its id; 429 (and the attempt forgotten) when over a limit. */
  async begin(email: string, ip: string): Promise<string> {
    const id = await this.attempts.record(email, ip);
    const { byEmail, byIp } = await this.attempts.countSince(email, ip, WINDOW);
    if (byEmail > MAX_FAILURES_PER_EMAIL || byIp > MAX_FAILURES_PER_IP) {
      // A refused attempt does not extend the lock: the window runs from the failures themselves.
      await this.forget(id);
      throw new DomainError(429, 'Too many failed sign-in attempts; try again in 15 minutes');
    }
    return id;
  }

  /** Drops one recorded attempt that turned out not to be a failure (e.g. the code was only asked for). */
  async forget(attemptId: string): Promise<void> {
    await this.attempts.remove(attemptId);
  }

  /** A successful sign-in clears that email's failures. */
  async clear(email: string): Promise<void> {
    await this.attempts.removeForEmail(email);
  }
}
