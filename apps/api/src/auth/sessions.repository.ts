import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { Role } from '@habeas/contracts';
import { SessionEntity } from './session.entity';

/** How long after sign-in a session counts as a fresh proof of the password. */
const FRESH_SESSION = '10 minutes';

export interface SessionRow {
  session_id: string;
  last_seen_at: Date;
  expires_at: Date;
  id: string;
  email: string;
  name: string;
  role: Role;
  language: 'ru' | 'en';
  mfa_setup_required: boolean;
}

/** The sessions table: one row per sign-in, revoked rather than deleted. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(session: { userId: string; tokenHash: Buffer; lastSeenAt: Date; expiresAt: Date; ip: string; userAgent: string }): Promise<string> {
    const saved = await this.db.getRepository(SessionEntity).save(session);
    return saved.id;
  }

  async touch(sessionId: string, ip: string): Promise<void> {
    await this.db.query(`update sessions set last_seen_at = now(), ip = $2 where id = $1`, [sessionId, ip]);
  }

  /** The unrevoked session with this token hash (or id), with its enabled user; expiry is the caller's rule. */
  async unrevoked(by: { tokenHash: Buffer } | { id: string }): Promise<SessionRow | undefined> {
    const [where, value] = 'id' in by ? ['s.id = $1', by.id] : ['s.token_hash = $1', by.tokenHash];
    const rows: SessionRow[] = await this.db.query(
      `select s.id as session_id, s.last_seen_at, s.expires_at, u.id, u.email, u.name, u.role, u.language,
              (u.mfa_enabled_at is null and exists (
                 select 1 from app_settings a where a.key = 'mfa.requiredRoles' and a.value ? u.role::text)) as mfa_setup_required
           from sessions s join users u on u.id = s.user_id
          where ${where} and s.revoked_at is null and u.disabled_at is null`,
      [value],
    );
    return rows[0];
  }

  /** True for a session opened by a sign-in within the last few minutes (recent proof of the password). */
  async isFresh(sessionId: string): Promise<boolean> {
    const rows: Array<{ fresh: boolean }> = await this.db.query(
      `select created_at > now() - interval '${FRESH_SESSION}' as fresh from sessions where id = $1`,
      [sessionId],
    );
    return rows[0]?.fresh ?? false;
  }

  /** Revokes the matching unrevoked sessions (one by id, one of a user's, or all of a user's but one); returns how many. */
  async revoke(which: { id: string; userId?: string } | { userId: string; exceptId?: string }, reason: string): Promise<number> {
    const repository = this.db.getRepository(SessionEntity);
    const change = { revokedAt: new Date(), revokedReason: reason };
    if ('id' in which) {
      const result = await repository.update({ id: which.id, ...(which.userId ? { userId: which.userId } : {}), revokedAt: IsNull() }, change);
      return result.affected ?? 0;
    }
    if (!which.exceptId) return (await repository.update({ userId: which.userId, revokedAt: IsNull() }, change)).affected ?? 0;
    const result = await repository
      .createQueryBuilder()
      .update()
      .set(change)
      .where('user_id = :userId and revoked_at is null and id <> :keep', { userId: which.userId, keep: which.exceptId })
      .execute();
    return result.affected ?? 0;
  }

  /** A user's sessions that are neither revoked nor expired nor idle since `idleSince`, most recently used first. */
  active(userId: string, idleSince: Date): Promise<SessionEntity[]> {
    return this.db
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.user_id = :userId and s.revoked_at is null and s.expires_at > now() and s.last_seen_at > :idle', { userId, idle: idleSince })
      .orderBy('s.last_seen_at', 'DESC')
      .getMany();
  }
}
