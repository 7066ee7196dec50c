import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  AdminContacts,
  CreateUserRequest,
  CreateUserResponse,
  Page,
  ReinviteResponse,
  Role,
  UpdateMeRequest,
  UpdateUserRequest,
  User,
} from '@habeas/contracts';
import type { Actor } from '../common/auth/actor';
import { Conflict, DomainError, NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { AppConfig } from '../config/app-config';
import { newToken, tokenHash } from '../common/crypto/tokens';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import { MailService } from '../mail/mail.service';
import { inviteMail } from './account-mails';
import { assertAcceptablePassword, hashPassword } from './passwords';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

const INVITE_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export function toUser(entity: UserEntity, inviteExpiresAt: Date | null = null): User {
  const disabled = entity.disabledAt !== null;
  return {
    id: entity.id,
    email: entity.email,
    name: entity.name,
    role: entity.role,
    disabled,
    status: disabled ? 'disabled' : entity.passwordHash ? 'active' : 'invited',
    inviteExpiresAt: !entity.passwordHash && inviteExpiresAt ? inviteExpiresAt.toISOString() : null,
    mfaEnabled: entity.mfaEnabledAt !== null,
    lastSignInAt: entity.lastSignInAt?.toISOString() ?? null,
    createdAt: entity.createdAt.toISOString(),
    language: entity.language,
    advocateRegistryNumber: entity.advocateRegistryNumber,
  };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly repository: UsersRepository,
    // Absent in the operator CLI (admin:create), which prints its invite link instead of mailing it.
    @Optional() private readonly mail?: MailService,
  ) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repository.byEmail(email.toLowerCase());
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repository.byId(id);
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.findById(id);
    if (!user) throw new NotFound('User');
    return user;
  }

  async list(query: { limit: number; cursor?: string; q?: string }): Promise<Page<User>> {
    const after = decodeCursor(query.cursor);
    const rows = await this.repository.page(query.limit + 1, after, query.q);
    const expiries = await this.repository.openInviteExpiries(rows.filter((u) => !u.passwordHash).map((u) => u.id));
    return toPage(
      rows,
      query.limit,
      (u) => ({ key: u.email, id: u.id }),
      (u) => toUser(u, expiries.get(u.id) ?? null),
    );
  }

  /** The user as the admin's table shows it, with the expiry of a pending invite. */
  async describe(id: string): Promise<User> {
    const user = await this.get(id);
    return toUser(user, (await this.repository.openInviteExpiries([id])).get(id) ?? null);
  }

  /** Whom a user without cases can ask for access: the enabled admins. */
  async adminContacts(): Promise<AdminContacts> {
    const admins = await this.repository.enabledAdmins();
    return { items: admins.map((admin) => ({ name: admin.name, email: admin.email })) };
  }

  /** Stores a new password hash (invite accepted or password reset), in the caller's transaction. */
  async setPasswordHash(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await this.repository.update(manager, id, { passwordHash });
  }

  /** Creates a user with a password, or with a one-time invite link when no password is given. */
  async create(actor: Actor, request: CreateUserRequest): Promise<CreateUserResponse> {
    if (request.password) assertAcceptablePassword(request.password, request.email);
    const passwordHash = request.password ? await hashPassword(request.password) : null;
    return this.db.transaction(async (manager) => {
      const existing = await this.repository.byEmail(request.email, manager);
      if (existing) throw new DomainError(409, 'A user with this email already exists', { field: 'email' });
      const user = await this.repository.insert(manager, { email: request.email, name: request.name, role: request.role, passwordHash });
      const inviteUrl = passwordHash ? null : await this.issueInvite(manager, user.id);
      await this.audit.record(
        actor,
        { action: 'user.create', entityType: 'user', entityId: user.id, details: { role: user.role, invited: !passwordHash } },
        manager,
      );
      return { ...toUser(user), inviteUrl };
    });
  }

  /**
   * `npm run admin:create`: a new admin with a one-time invite link, or a fresh link for an admin who has
   * not set a password yet. Recorded in the audit log as done by the system.
   */
  async inviteAdmin(email: string, name: string): Promise<{ inviteUrl: string; created: boolean }> {
    const system = { actorId: null, ip: null };
    return this.db.transaction(async (manager) => {
      const existing = await this.repository.byEmail(email.toLowerCase(), manager);
      if (existing && (existing.role !== 'admin' || existing.passwordHash)) {
        throw new Conflict(`${email} already has an account (${existing.role}${existing.passwordHash ? ', password set' : ''}); nothing changed`);
      }
      const user = existing ?? (await this.repository.insert(manager, { email: email.toLowerCase(), name, role: 'admin', passwordHash: null }));
      if (existing) await this.repository.closeOpenInvites(manager, user.id);
      const inviteUrl = await this.issueInvite(manager, user.id);
      const action = existing ? 'user.reinvite' : 'user.create';
      await this.audit.record(system, { action, entityType: 'user', entityId: user.id, details: { role: 'admin', invited: true, via: 'cli' } }, manager);
      return { inviteUrl, created: !existing };
    });
  }

  /** Whether anyone can administer the app (an enabled admin, with or without a password yet). */
  async adminExists(): Promise<boolean> {
    return this.repository.enabledAdminExists();
  }

  /**
   * A new invite link for a user who has not set a password yet (earlier links stop working); mailed to them
   * as well when mail is configured. A revoked (disabled) invitee is enabled again by it.
   */
  async reinvite(actor: Actor, id: string): Promise<ReinviteResponse> {
    return this.db.transaction(async (manager) => {
      const user = await this.repository.byId(id, manager);
      if (!user) throw new NotFound('User');
      if (user.passwordHash) throw new Conflict('This user has already set a password');
      await this.repository.closeOpenInvites(manager, id);
      if (user.disabledAt) await this.repository.update(manager, id, { disabledAt: null });
      const inviteUrl = await this.issueInvite(manager, id);
      const mailed = Boolean(this.config.smtpUrl && this.mail);
      if (mailed) await this.mail!.queue({ to: user.email, ...inviteMail(user.name, inviteUrl) }, manager);
      await this.audit.record(actor, { action: 'user.reinvite', entityType: 'user', entityId: id, details: { mailed } }, manager);
      return { inviteUrl, mailed };
    });
  }

  /** Withdraws a pending invite: every open link stops working and the account is disabled (kept, never deleted). */
  async revokeInvite(actor: Actor, id: string): Promise<User> {
    await this.db.transaction(async (manager) => {
      const user = await this.repository.byId(id, manager);
      if (!user) throw new NotFound('User');
      if (user.passwordHash) throw new Conflict('This user has already accepted the invite; disable the account instead');
      const closed = await this.repository.closeOpenInvites(manager, id);
      await this.repository.update(manager, id, { disabledAt: user.disabledAt ?? new Date() });
      await this.audit.record(actor, { action: 'user.invite-revoked', entityType: 'user', entityId: id, details: { links: closed } }, manager);
    });
    return this.describe(id);
  }

  private async issueInvite(manager: EntityManager, userId: string): Promise<string> {
    const token = newToken();
    await this.repository.insertInvite(manager, {
      userId,
      tokenHash: tokenHash(this.config.sessionSecret, token),
      expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS),
    });
    return `${this.config.publicUrl}/invite/${token}`;
  }

  /** Sets the password of an invited user; the link works once and until it expires. */
  async acceptInvite(token: string, password: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const invite = await this.repository.inviteForUpdate(manager, tokenHash(this.config.sessionSecret, token));
      if (!invite || invite.usedAt || invite.expiresAt < new Date()) {
        throw new DomainError(400, 'This invite link is invalid, used or expired; ask an admin for a new one');
      }
      const user = await this.repository.byId(invite.userId, manager);
      if (!user) throw new NotFound('User');
      assertAcceptablePassword(password, user.email);
      await this.repository.update(manager, user.id, { passwordHash: await hashPassword(password) });
      await this.repository.markInviteUsed(manager, invite.id);
      await this.audit.record({ actorId: user.id, ip: null }, { action: 'user.invite-accepted', entityType: 'user', entityId: user.id }, manager);
    });
  }

  /**
   * Role change or disabling ends every session of the user at once. Each kind of change is its own audit
   * entry with what it was before and after (`user.role-changed`, `user.disabled`, `user.enabled`, `user.renamed`).
   */
  async update(actor: Actor, id: string, change: UpdateUserRequest): Promise<User> {
    const user = await this.get(id);
    if (id === actor.id && (change.disabled === true || (change.role && change.role !== user.role))) {
      throw new DomainError(409, 'You cannot disable yourself or change your own role');
    }
    const patch: Partial<UserEntity> = {};
    const changes: Array<{ action: string; before: unknown; after: unknown }> = [];
    if (change.name !== undefined && change.name !== user.name) {
      patch.name = change.name;
      changes.push({ action: 'user.renamed', before: { name: user.name }, after: { name: change.name } });
    }
    if (change.role !== undefined && change.role !== user.role) {
      patch.role = change.role as Role;
      changes.push({ action: 'user.role-changed', before: { role: user.role }, after: { role: change.role } });
    }
    if (change.disabled !== undefined && change.disabled !== (user.disabledAt !== null)) {
      patch.disabledAt = change.disabled ? new Date() : null;
      changes.push({
        action: change.disabled ? 'user.disabled' : 'user.enabled',
        before: { disabled: !change.disabled },
        after: { disabled: change.disabled },
      });
    }
    if (change.advocateRegistryNumber !== undefined && change.advocateRegistryNumber !== user.advocateRegistryNumber) {
      patch.advocateRegistryNumber = change.advocateRegistryNumber;
      changes.push({
        action: 'user.registry-number-changed',
        before: { advocateRegistryNumber: user.advocateRegistryNumber },
        after: { advocateRegistryNumber: change.advocateRegistryNumber },
      });
    }
    await this.db.transaction(async (manager) => {
      if (Object.keys(patch).length > 0) await this.repository.update(manager, id, patch);
      for (const { action, before, after } of changes) {
        await this.audit.record(actor, { action, entityType: 'user', entityId: id, details: { before, after } }, manager);
      }
    });
    const privilegeChanged = patch.role !== undefined || change.disabled === true;
    if (privilegeChanged) await this.sessions.revokeAllFor(id, change.disabled ? 'user disabled' : 'role changed');
    return this.describe(id);
  }

  /** A signed-in user's own settings: the language of their mail and server texts; a lawyer's registry number. */
  async updateSelf(actor: Actor, change: UpdateMeRequest): Promise<void> {
    if (change.advocateRegistryNumber !== undefined && actor.role !== 'lawyer' && actor.role !== 'admin') {
      throw new DomainError(403, 'Only lawyers keep an advocate registry number');
    }
    const patch: Partial<UserEntity> = {};
    if (change.language !== undefined) patch.language = change.language;
    if (change.advocateRegistryNumber !== undefined) patch.advocateRegistryNumber = change.advocateRegistryNumber;
    await this.db.transaction(async (tx) => {
      await this.repository.update(tx, actor.id, patch);
      await this.audit.record(actor, { action: 'user.update-self', entityType: 'user', entityId: actor.id, details: { ...change } }, tx);
    });
  }
}
