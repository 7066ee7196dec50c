import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, IsNull } from 'typeorm';
import type { CreateUserRequest, CreateUserResponse, Page, Role, UpdateUserRequest, UpdateMeRequest, User } from '@habeas/contracts';
import type { Actor } from '../common/auth/actor';
import { Conflict, DomainError, NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { AppConfig } from '../config/app-config';
import { newToken, tokenHash } from '../common/crypto/tokens';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import { assertAcceptablePassword, hashPassword } from './passwords';
import { UserEntity } from './user.entity';
import { UserInviteEntity } from './user-invite.entity';

const INVITE_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export function toUser(entity: UserEntity): User {
  return {
    id: entity.id,
    email: entity.email,
    name: entity.name,
    role: entity.role,
    disabled: entity.disabledAt !== null,
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
  ) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ email: email.toLowerCase() });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ id });
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.findById(id);
    if (!user) throw new NotFound('User');
    return user;
  }

  async list(query: { limit: number; cursor?: string; q?: string }): Promise<Page<User>> {
    const after = decodeCursor(query.cursor);
    const builder = this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('u.email', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(query.limit + 1);
    if (after) builder.andWhere('(u.email, u.id) > (:key, :id)', { key: after.key, id: after.id });
    if (query.q) {
      builder.andWhere(new Brackets((w) => w.where('u.email ilike :q', { q: `%${query.q}%` }).orWhere('u.name ilike :q', { q: `%${query.q}%` })));
    }
    const rows = await builder.getMany();
    return toPage(rows, query.limit, (u) => ({ key: u.email, id: u.id }), toUser);
  }

  /** Creates a user with a password, or with a one-time invite link when no password is given. */
  async create(actor: Actor, request: CreateUserRequest): Promise<CreateUserResponse> {
    if (request.password) assertAcceptablePassword(request.password, request.email);
    const passwordHash = request.password ? await hashPassword(request.password) : null;
    return this.db.transaction(async (manager) => {
      const existing = await manager.getRepository(UserEntity).findOneBy({ email: request.email });
      if (existing) throw new Conflict('A user with this email already exists');
      const user = await manager.getRepository(UserEntity).save({ email: request.email, name: request.name, role: request.role, passwordHash });
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
      const existing = await manager.getRepository(UserEntity).findOneBy({ email: email.toLowerCase() });
      if (existing && (existing.role !== 'admin' || existing.passwordHash)) {
        throw new Conflict(`${email} already has an account (${existing.role}${existing.passwordHash ? ', password set' : ''}); nothing changed`);
      }
      const user = existing ?? (await manager.getRepository(UserEntity).save({ email: email.toLowerCase(), name, role: 'admin', passwordHash: null }));
      if (existing) await manager.getRepository(UserInviteEntity).update({ userId: user.id, usedAt: IsNull() }, { usedAt: new Date() });
      const inviteUrl = await this.issueInvite(manager, user.id);
      const action = existing ? 'user.reinvite' : 'user.create';
      await this.audit.record(system, { action, entityType: 'user', entityId: user.id, details: { role: 'admin', invited: true, via: 'cli' } }, manager);
      return { inviteUrl, created: !existing };
    });
  }

  /** Whether anyone can administer the app (an enabled admin, with or without a password yet). */
  async adminExists(): Promise<boolean> {
    return this.db.getRepository(UserEntity).existsBy({ role: 'admin', disabledAt: IsNull() });
  }

  /** A new invite link for a user who has not set a password yet (earlier links stop working). */
  async reinvite(actor: Actor, id: string): Promise<{ inviteUrl: string }> {
    return this.db.transaction(async (manager) => {
      const user = await manager.getRepository(UserEntity).findOneBy({ id });
      if (!user) throw new NotFound('User');
      if (user.passwordHash) throw new Conflict('This user has already set a password');
      await manager.getRepository(UserInviteEntity).update({ userId: id, usedAt: IsNull() }, { usedAt: new Date() });
      const inviteUrl = await this.issueInvite(manager, id);
      await this.audit.record(actor, { action: 'user.reinvite', entityType: 'user', entityId: id }, manager);
      return { inviteUrl };
    });
  }

  private async issueInvite(manager: EntityManager, userId: string): Promise<string> {
    const token = newToken();
    await manager.getRepository(UserInviteEntity).insert({
      userId,
      tokenHash: tokenHash(this.config.sessionSecret, token),
      expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS),
    });
    return `${this.config.publicUrl}/invite/${token}`;
  }

  /** Sets the password of an invited user; the link works once and until it expires. */
  async acceptInvite(token: string, password: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const invite = await manager
        .getRepository(UserInviteEntity)
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.token_hash = :hash', { hash: tokenHash(this.config.sessionSecret, token) })
        .getOne();
      if (!invite || invite.usedAt || invite.expiresAt < new Date()) {
        throw new DomainError(400, 'This invite link is invalid, used or expired; ask an admin for a new one');
      }
      const user = await manager.getRepository(UserEntity).findOneByOrFail({ id: invite.userId });
      assertAcceptablePassword(password, user.email);
      await manager.getRepository(UserEntity).update({ id: user.id }, { passwordHash: await hashPassword(password) });
      await manager.getRepository(UserInviteEntity).update({ id: invite.id }, { usedAt: new Date() });
      await this.audit.record({ actorId: user.id, ip: null }, { action: 'user.invite-accepted', entityType: 'user', entityId: user.id }, manager);
    });
  }

  /** Role change or disabling ends every session of the user at once. */
  async update(actor: Actor, id: string, change: UpdateUserRequest): Promise<User> {
    const user = await this.get(id);
    if (id === actor.id && (change.disabled === true || (change.role && change.role !== user.role))) {
      throw new DomainError(409, 'You cannot disable yourself or change your own role');
    }
    const patch: Partial<UserEntity> = {};
    if (change.name !== undefined) patch.name = change.name;
    if (change.role !== undefined) patch.role = change.role as Role;
    if (change.advocateRegistryNumber !== undefined) patch.advocateRegistryNumber = change.advocateRegistryNumber;
    if (change.disabled !== undefined) patch.disabledAt = change.disabled ? (user.disabledAt ?? new Date()) : null;
    if (Object.keys(patch).length) await this.db.getRepository(UserEntity).update({ id }, patch);
    const privilegeChanged = (change.role !== undefined && change.role !== user.role) || change.disabled === true;
    if (privilegeChanged) await this.sessions.revokeAllFor(id, change.disabled ? 'user disabled' : 'role changed');
    await this.audit.record(actor, { action: 'user.update', entityType: 'user', entityId: id, details: { ...change } });
    return toUser(await this.get(id));
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
      await tx.getRepository(UserEntity).update({ id: actor.id }, patch);
      await this.audit.record(actor, { action: 'user.update-self', entityType: 'user', entityId: actor.id, details: { ...change } }, tx);
    });
  }
}
