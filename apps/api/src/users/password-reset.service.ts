import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PasswordResetOptions, ResetLinkResponse } from '@habeas/contracts';
import type { Actor } from '../common/auth/actor';
import { Conflict, DomainError } from '../common/http/domain-error';
import { newToken, tokenHash } from '../common/crypto/tokens';
import { AppConfig } from '../config/app-config';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import { MailService } from '../mail/mail.service';
import { assertAcceptablePassword, hashPassword } from './passwords';
import { PasswordResetsRepository } from './password-resets.repository';
import { UsersService } from './users.service';
import { resetMail } from './account-mails';

/** A mailed link is short-lived; a link an admin hands over in person or by messenger lives a day. */
export const MAILED_RESET_LIFETIME_MS = 60 * 60 * 1000;
export const ISSUED_RESET_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** At most this many reset mails per address and hour, so the form cannot be used to flood someone. */
const MAILS_PER_HOUR = 3;

/**
 * Password reset: by mail when mail is configured (SMTP_URL), otherwise by a one-time link an admin issues.
 * A link works once, until it expires; using it ends every session of the user.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly resets: PasswordResetsRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    // Absent in the operator CLI (admin:create), which never mails.
    @Optional() private readonly mail?: MailService,
  ) {}

  options(): PasswordResetOptions {
    return { byMail: Boolean(this.config.smtpUrl && this.mail) };
  }

  /** Mails a link to an enabled user with a password; says nothing either way about whether the address is known. */
  async requestByMail(email: string, ip: string | null): Promise<void> {
    const mail = this.mail;
    if (!this.config.smtpUrl || !mail) return;
    const user = await this.users.findByEmail(email);
    if (!user || user.disabledAt || !user.passwordHash) return;
    if ((await this.resets.countSince(user.id, new Date(Date.now() - 3600_000))) >= MAILS_PER_HOUR) return;
    const token = newToken();
    await this.db.transaction(async (manager) => {
      await this.resets.replaceOpen(manager, {
        userId: user.id,
        tokenHash: tokenHash(this.config.sessionSecret, token),
        expiresAt: new Date(Date.now() + MAILED_RESET_LIFETIME_MS),
        issuedBy: null,
      });
      await mail.queue({ to: user.email, ...resetMail(user.name, this.linkFor(token)) }, manager);
      await this.audit.record({ actorId: null, ip }, { action: 'user.password-reset-mailed', entityType: 'user', entityId: user.id }, manager);
    });
  }

  /** An admin's one-time link for a user who has a password (an invited user gets a new invite instead). */
  async issueLink(actor: Actor, userId: string): Promise<ResetLinkResponse> {
    const user = await this.users.get(userId);
    if (!user.passwordHash) throw new Conflict('This user has not set a password yet; send a new invite instead');
    if (user.disabledAt) throw new Conflict('This user is disabled; enable the account first');
    const token = newToken();
    const expiresAt = new Date(Date.now() + ISSUED_RESET_LIFETIME_MS);
    await this.db.transaction(async (manager) => {
      await this.resets.replaceOpen(manager, { userId, tokenHash: tokenHash(this.config.sessionSecret, token), expiresAt, issuedBy: actor.id });
      await this.audit.record(actor, { action: 'user.password-reset-issued', entityType: 'user', entityId: userId }, manager);
    });
    return { resetUrl: this.linkFor(token), expiresAt: expiresAt.toISOString() };
  }

  /** Sets the new password; the link is spent, and every session of the user ends. */
  async confirm(token: string, password: string): Promise<void> {
    const userId = await this.db.transaction(async (manager) => {
      const reset = await this.resets.lockByHash(manager, tokenHash(this.config.sessionSecret, token));
      if (!reset || reset.usedAt || reset.expiresAt < new Date()) {
        throw new DomainError(400, 'This reset link is invalid, used or expired; ask for a new one');
      }
      const user = await this.users.get(reset.userId);
      if (user.disabledAt) throw new DomainError(400, 'This reset link is invalid, used or expired; ask for a new one');
      assertAcceptablePassword(password, user.email);
      await this.users.setPasswordHash(manager, user.id, await hashPassword(password));
      await this.resets.markUsed(manager, reset.id);
      await this.audit.record({ actorId: user.id, ip: null }, { action: 'user.password-reset', entityType: 'user', entityId: user.id }, manager);
      return user.id;
    });
    await this.sessions.revokeAllFor(userId, 'password reset');
  }

  private linkFor(token: string): string {
    return `${this.config.publicUrl}/reset-password/${token}`;
  }
}
