import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SessionUser } from '@habeas/contracts';
import type { Actor } from '../common/auth/actor';
import { Conflict, DomainError } from '../common/http/domain-error';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { verifyPassword } from '../users/passwords';
import { LoginThrottleService } from './login-throttle.service';
import { newMfaSecret, otpauthUrl, totpMatches } from './mfa';
import { SessionsService } from './sessions.service';

export class InvalidCredentials extends DomainError {
  constructor(extra: Record<string, unknown> = {}) {
    super(401, 'Invalid email or password', extra);
  }
}

export class MfaRequired extends DomainError {
  constructor(message = 'Enter the code from your authenticator app') {
    super(401, message, { mfaRequired: true });
  }
}

export function toSessionUser(user: UserEntity): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mfaEnabled: user.mfaEnabledAt !== null,
    mfaSetupRequired: false,
  };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks email, password and (when enabled) the TOTP code. Every failure
   * looks the same from outside and counts towards the per-email limit.
   */
  async verifyCredentials(email: string, password: string, totp: string | undefined, ip: string): Promise<UserEntity> {
    const normalized = email.trim().toLowerCase();
    await this.throttle.assertAllowed(normalized, ip);
    const user = await this.users.findByEmail(normalized);
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !passwordOk || user.disabledAt) {
      await this.fail(normalized, ip, user?.id ?? null, 'bad credentials');
      throw new InvalidCredentials();
    }
    if (user.mfaEnabledAt && user.mfaSecret) {
      if (!totp) throw new MfaRequired();
      if (!totpMatches(totp, user.mfaSecret)) {
        await this.fail(normalized, ip, user.id, 'bad code');
        throw new MfaRequired('The code is not valid; try the current one');
      }
    }
    return user;
  }

  private async fail(email: string, ip: string, userId: string | null, reason: string): Promise<void> {
    await this.throttle.recordFailure(email, ip);
    await this.audit.record({ actorId: null, ip }, { action: 'auth.sign-in-failed', entityType: 'user', entityId: userId, details: { reason } });
  }

  /** Starts a fresh session (the id is new at every sign-in) and ends the one the browser had, if any. */
  async signIn(user: UserEntity, ip: string, userAgent: string, previousSessionId?: string): Promise<{ token: string; user: SessionUser }> {
    if (previousSessionId) await this.sessions.revoke(previousSessionId, 'replaced at sign-in');
    const { token, sessionId } = await this.sessions.create(user.id, ip, userAgent);
    await this.db.getRepository(UserEntity).update({ id: user.id }, { lastSignInAt: new Date() });
    await this.throttle.clear(user.email);
    await this.audit.record({ actorId: user.id, ip }, { action: 'auth.sign-in', entityType: 'session', entityId: sessionId });
    return { token, user: toSessionUser(user) };
  }

  async signOut(actor: Actor): Promise<void> {
    await this.sessions.revoke(actor.sessionId, 'signed out');
    await this.audit.record(actor, { action: 'auth.sign-out', entityType: 'session', entityId: actor.sessionId });
  }

  async me(actor: Actor): Promise<SessionUser> {
    return toSessionUser(await this.users.get(actor.id));
  }

  async beginMfaSetup(actor: Actor): Promise<{ otpauthUrl: string; secret: string }> {
    const user = await this.users.get(actor.id);
    if (user.mfaEnabledAt) throw new Conflict('Two-factor sign-in is already enabled');
    const secret = newMfaSecret();
    await this.db.getRepository(UserEntity).update({ id: user.id }, { mfaSecret: secret });
    return { otpauthUrl: otpauthUrl(user.email, secret), secret };
  }

  async enableMfa(actor: Actor, code: string): Promise<void> {
    const user = await this.users.get(actor.id);
    if (user.mfaEnabledAt) throw new Conflict('Two-factor sign-in is already enabled');
    if (!user.mfaSecret) throw new DomainError(409, 'Start the setup first (POST /api/auth/mfa/setup)');
    if (!totpMatches(code, user.mfaSecret)) throw new DomainError(422, 'totp: the code is not valid; try the current one');
    await this.db.getRepository(UserEntity).update({ id: user.id }, { mfaEnabledAt: new Date() });
    await this.audit.record(actor, { action: 'auth.mfa-enabled', entityType: 'user', entityId: user.id });
  }
}
