import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, IsNull } from 'typeorm';
import type { Role } from '@habeas/contracts';
import type { KeysetCursor } from '../common/pagination';
import { UserEntity } from './user.entity';
import { UserInviteEntity } from './user-invite.entity';

/** Users and their invite links (token hashes only); users are disabled, never deleted. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  byEmail(email: string, manager: EntityManager = this.db.manager): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ email });
  }

  byId(id: string, manager: EntityManager = this.db.manager): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ id });
  }

  /** Up to `limit` users after `after` by (email, id), those whose email or name contains `q` when given. */
  page(limit: number, after: KeysetCursor | undefined, q: string | undefined): Promise<UserEntity[]> {
    const builder = this.db.getRepository(UserEntity).createQueryBuilder('u').orderBy('u.email', 'ASC').addOrderBy('u.id', 'ASC').limit(limit);
    if (after) builder.andWhere('(u.email, u.id) > (:key, :id)', { key: after.key, id: after.id });
    if (q) builder.andWhere(new Brackets((w) => w.where('u.email ilike :q', { q: `%${q}%` }).orWhere('u.name ilike :q', { q: `%${q}%` })));
    return builder.getMany();
  }

  /** When each user's newest open (unused) invite link expires. */
  async openInviteExpiries(userIds: string[]): Promise<Map<string, Date>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db
      .getRepository(UserInviteEntity)
      .createQueryBuilder('i')
      .select('i.user_id', 'userId')
      .addSelect('max(i.expires_at)', 'expiresAt')
      .where('i.user_id in (:...userIds) and i.used_at is null', { userIds })
      .groupBy('i.user_id')
      .getRawMany<{ userId: string; expiresAt: Date }>();
    return new Map(rows.map((row) => [row.userId, new Date(row.expiresAt)]));
  }

  enabledAdmins(): Promise<UserEntity[]> {
    return this.db.getRepository(UserEntity).find({ where: { role: 'admin', disabledAt: IsNull() }, order: { name: 'ASC' } });
  }

  enabledAdminExists(): Promise<boolean> {
    return this.db.getRepository(UserEntity).existsBy({ role: 'admin', disabledAt: IsNull() });
  }

  insert(manager: EntityManager, user: { email: string; name: string; role: Role; passwordHash: string | null }): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(user);
  }

  async update(manager: EntityManager, id: string, patch: Partial<UserEntity>): Promise<void> {
    await manager.getRepository(UserEntity).update({ id }, patch);
  }

  async insertInvite(manager: EntityManager, invite: { userId: string; tokenHash: Buffer; expiresAt: Date }): Promise<void> {
    await manager.getRepository(UserInviteEntity).insert(invite);
  }

  /** The invite with this token hash, locked until the transaction ends (so a link is used once). */
  inviteForUpdate(manager: EntityManager, tokenHash: Buffer): Promise<UserInviteEntity | null> {
    return manager
      .getRepository(UserInviteEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.token_hash = :hash', { hash: tokenHash })
      .getOne();
  }

  async markInviteUsed(manager: EntityManager, inviteId: string): Promise<void> {
    await manager.getRepository(UserInviteEntity).update({ id: inviteId }, { usedAt: new Date() });
  }

  /** Every open invite link of a user stops working; returns how many there were. */
  async closeOpenInvites(manager: EntityManager, userId: string): Promise<number> {
    return (await manager.getRepository(UserInviteEntity).update({ userId, usedAt: IsNull() }, { usedAt: new Date() })).affected ?? 0;
  }
}
