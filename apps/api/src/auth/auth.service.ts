import { Injectable } from '@nestjs/common';
import { mfaSecretOf, sealMfaSecret } from '../users/mfa-secret';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthRepository } from './auth.repository';
import type { SessionUser } from '@habeas/contracts';
import type { Actor } from '../common/auth/actor';
import { Conflict, DomainError } from '../common/http/domain-error';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { verifyPassword } from '../users/passwords';
import { LoginThrottleService } from './login-throttle.service';
import { newMfaSecret, newRecoveryCodes, normalizeRecoveryCode, otpauthUrl, totpStep } from './mfa';
import { assertAcceptablePassword, hashPassword } from '../users/passwords';
import { tokenHash } from '../common/crypto/tokens';
import { AppConfig } from '../config/app-config';
import type { Role } from '@habeas/contracts';
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

export function toSessionUser(user: UserEntity, requiredRoles: readonly Role[] = []): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mfaEnabled: user.mfaEnabledAt !== null,
    mfaSetupRequired: user.mfaEnabledAt === null && requiredRoles.includes(user.role),
    language: user.language,
    advocateRegistryNumber: user.advocateRegistryNumber,
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
    private readonly config: AppConfig,
    private readonly repository: AuthRepository,
  ) {}

  mfaRequiredRoles(): Promise<Role[]> {
    return this.repository.mfaRequiredRoles();
  }

  async setMfaRequiredRoles(actor: Actor, roles: Role[]): Promise<{ requiredRoles: Role[] }> {
    const unique = [...new Set(roles)];
    await this.repository.setMfaRequiredRoles(unique);
    await this.audit.record(actor, { action: 'settings.mfa-required-roles', entityType: 'user', entityId: null, details: { roles: unique } });
    return { requiredRoles: unique };
  }

  private recoveryHash(code: string): Buffer {
    return tokenHash(this.config.sessionSecret, `recovery:${normalizeRecoveryCode(code)}`);
  }

  /** Uses one recovery code of the user; true only the first time a valid code is used. */
  private consumeRecoveryCode(userId: string, code: string): Promise<boolean> {
    return this.repository.useRecoveryCode(userId, this.recoveryHash(code));
  }

  /**
   * Checks email, password and (when enabled) the TOTP code. Every failure
   * looks the same from outside and counts towards the per-email limit.
   */
  async verifyCredentials(email: string, password: string, totp: string | undefined, ip: string): Promise<UserEntity> {
    const normalized = email.trim().toLowerCase();
    const attempt = await this.throttle.begin(normalized, ip);
    const user = await this.users.findByEmail(normalized);
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !passwordOk || user.disabledAt) {
      await this.fail(ip, user?.id ?? null, 'bad credentials');
      throw new InvalidCredentials();
    }
    const mfaSecret = mfaSecretOf(user);
    if (user.mfaEnabledAt && mfaSecret) {
      if (!totp) {
        await this.throttle.forget(attempt);
        throw new MfaRequired();
      }
      const isTotp = /^\d{6}$/.test(totp.trim());
      const ok = isTotp ? await this.consumeTotpStep(user.id, totpStep(totp.trim(), mfaSecret)) : await this.consumeRecoveryCode(user.id, totp);
      if (!ok) {
        await this.fail(ip, user.id, 'bad code');
        throw new MfaRequired('The code is not valid; try the current one');
      }
      if (!isTotp) {
        await this.audit.record({ actorId: user.id, ip }, { action: 'auth.recovery-code-used', entityType: 'user', entityId: user.id });
      }
    }
    return user;
  }

  /** A code works once: a phished or shoulder-surfed code cannot be replayed within its 90-second window. */
  private async consumeTotpStep(userId: string, step: number | null): Promise<boolean> {
    if (step === null) return false;
    return this.repository.useTotpStep(userId, step);
  }

  /** The attempt itself was recorded by the throttle before the check; this writes the audit entry. */
  private async fail(ip: string, userId: string | null, reason: string): Promise<void> {
    await this.audit.record({ actorId: null, ip }, { action: 'auth.sign-in-failed', entityType: 'user', entityId: userId, details: { reason } });
  }

  /** Starts a fresh session (the id is new at every sign-in) and ends the one the browser had, if any. */
  async signIn(user: UserEntity, ip: string, userAgent: string, previousSessionId?: string): Promise<{ token: string; sessionId: string; user: SessionUser }> {
    if (previousSessionId) await this.sessions.revoke(previousSessionId, 'replaced at sign-in');
    const { token, sessionId } = await this.sessions.create(user.id, ip, userAgent);
    await this.repository.markSignedIn(user.id);
    await this.throttle.clear(user.email);
    await this.audit.record({ actorId: user.id, ip }, { action: 'auth.sign-in', entityType: 'session', entityId: sessionId });
    return { token, sessionId, user: toSessionUser(user, await this.mfaRequiredRoles()) };
  }

  async signOut(actor: Actor): Promise<void> {
    await this.sessions.revoke(actor.sessionId, 'signed out');
    await this.audit.record(actor, { action: 'auth.sign-out', entityType: 'session', entityId: actor.sessionId });
  }

  async me(actor: Actor): Promise<SessionUser> {
    return toSessionUser(await this.users.get(actor.id), await this.mfaRequiredRoles());
  }

  /**
   * Password or a current TOTP of the signed-in user, for sensitive changes (a stolen session alone is not enough).
   * A code is used up here like at sign-in: one that already served cannot confirm anything.
   */
  private async reauthenticate(user: UserEntity, proof: { password?: string; totp?: string }): Promise<void> {
    const passwordOk = proof.password ? await verifyPassword(user.passwordHash, proof.password) : false;
    const mfaSecret = mfaSecretOf(user);
    const totpOk =
      !passwordOk && proof.totp && mfaSecret && user.mfaEnabledAt ? await this.consumeTotpStep(user.id, totpStep(proof.totp.trim(), mfaSecret)) : false;
    if (!passwordOk && !totpOk) throw new DomainError(403, 'Confirm with your current password or a current code', { reauthRequired: true });
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.get(actor.id);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new DomainError(403, 'The current password is not right', { field: 'currentPassword' });
    }
    assertAcceptablePassword(newPassword, user.email);
    await this.repository.setPasswordHash(user.id, await hashPassword(newPassword));
    const ended = await this.sessions.revokeAllExcept(user.id, actor.sessionId, 'password changed');
    await this.audit.record(actor, { action: 'auth.password-changed', entityType: 'user', entityId: user.id, details: { endedSessions: ended } });
  }

  async disableMfa(actor: Actor, proof: { password?: string; totp?: string }): Promise<void> {
    const user = await this.users.get(actor.id);
    if (!user.mfaEnabledAt) throw new Conflict('Two-factor sign-in is not enabled');
    if ((await this.mfaRequiredRoles()).includes(user.role)) throw new Conflict('Your role requires two-factor sign-in; it cannot be turned off');
    await this.reauthenticate(user, proof);
    await this.db.transaction(async (manager) => {
      await this.repository.disableMfa(manager, user.id);
      await this.audit.record(actor, { action: 'auth.mfa-disabled', entityType: 'user', entityId: user.id }, manager);
    });
  }

  /**
   * Issues ten new recovery codes (the old ones stop working) and returns them once.
   * Right after enabling (no codes yet) no confirmation is needed; later the password or a code is.
   */
  async regenerateRecoveryCodes(actor: Actor, proof: { password?: string; totp?: string }): Promise<{ codes: string[] }> {
    const user = await this.users.get(actor.id);
    if (!user.mfaEnabledAt) throw new Conflict('Enable two-factor sign-in first');
    if ((await this.repository.recoveryCodeCount(user.id, false)) > 0) await this.reauthenticate(user, proof);
    const codes = newRecoveryCodes(10);
    await this.db.transaction(async (manager) => {
      await this.repository.replaceRecoveryCodes(
        manager,
        user.id,
        codes.map((code) => this.recoveryHash(code)),
      );
      await this.audit.record(actor, { action: 'auth.recovery-codes-issued', entityType: 'user', entityId: user.id }, manager);
    });
    return { codes };
  }

  recoveryCodesLeft(userId: string): Promise<number> {
    return this.repository.recoveryCodeCount(userId, true);
  }

  async beginMfaSetup(actor: Actor): Promise<{ otpauthUrl: string; secret: string }> {
    const user = await this.users.get(actor.id);
    if (user.mfaEnabledAt) throw new Conflict('Two-factor sign-in is already enabled');
    const secret = newMfaSecret();
    await this.repository.setMfaSecret(user.id, sealMfaSecret(user.id, secret));
    return { otpauthUrl: otpauthUrl(user.email, secret), secret };
  }

  /**
   * Turns MFA on. The password is required unless the session was opened by a password sign-in minutes
   * ago (so someone holding an older session cannot lock the owner out); the code is used up; every other
   * session of the user ends, since one of them may be the reason MFA is being turned on.
   */
  async enableMfa(actor: Actor, code: string, password: string | undefined): Promise<void> {
    const user = await this.users.get(actor.id);
    if (user.mfaEnabledAt) throw new Conflict('Two-factor sign-in is already enabled');
    const mfaSecret = mfaSecretOf(user);
    if (!mfaSecret) throw new DomainError(409, 'Start the setup first (POST /api/auth/mfa/setup)');
    const passwordOk = password !== undefined && (await verifyPassword(user.passwordHash, password));
    if (!passwordOk && (password !== undefined || !(await this.sessions.isFresh(actor.sessionId)))) {
      throw new DomainError(403, 'Confirm with your current password', { reauthRequired: true, field: 'password' });
    }
    const step = totpStep(code.trim(), mfaSecret);
    if (step === null) throw new DomainError(422, 'totp: the code is not valid; try the current one');
    if (!(await this.repository.enableMfa(user.id, step))) throw new DomainError(422, 'totp: the code was already used; wait for the next one');
    const ended = await this.sessions.revokeAllExcept(user.id, actor.sessionId, 'MFA enabled');
    await this.audit.record(actor, { action: 'auth.mfa-enabled', entityType: 'user', entityId: user.id, details: { endedSessions: ended } });
  }
}
