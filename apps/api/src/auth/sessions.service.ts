import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { Role } from '@habeas/contracts';
import type { Actor } from '../common/auth/actor';
import { newToken, tokenHash } from '../common/crypto/tokens';
import { AppConfig } from '../config/app-config';
import { SessionEntity } from './session.entity';

export const SESSION_IDLE_MS = 4 * 3600 * 1000;
export const SESSION_ABSOLUTE_MS = 24 * 3600 * 1000;
/** How long after sign-in a session counts as a fresh proof of the password. */
const FRESH_SESSION = '10 minutes';
/** lastSeenAt is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  device: string;
  current: boolean;
}

interface SessionRow {
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

export interface LiveSession {
  userId: string;
  role: Role;
  mfaSetupRequired: boolean;
  /** When it expires by itself unless used again. */
  endsAt: Date;
}

/**
 * A browser told by its proper names only, e.g. "Firefox · Windows", so it reads the same in every language;
 * '' when the user-agent says nothing known (the screen then says "unknown device" in its own language).
 */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return '';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\//.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : (/curl|node|undici|axios|python/i.exec(userAgent)?.[0].toLowerCase() ?? '');
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return [browser, os].filter(Boolean).join(' · ');
}

/** Server-side sessions in PostgreSQL: revocable at once, from any API instance. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async create(userId: string, ip: string, userAgent: string): Promise<{ token: string; sessionId: string }> {
    const token = newToken();
    const now = new Date();
    const session = await this.db.getRepository(SessionEntity).save({
      userId,
      tokenHash: tokenHash(this.config.sessionSecret, token),
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ip,
      userAgent: userAgent.slice(0, 300),
    });
    return { token, sessionId: session.id };
  }

  /** The actor behind a session token, or null when it is unknown, revoked, expired or its user disabled. */
  async authenticate(token: string, ip: string, userAgent: string): Promise<Actor | null> {
    const row = await this.liveSession('s.token_hash = $1', tokenHash(this.config.sessionSecret, token));
    if (!row) return null;
    if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await this.db.query(`update sessions set last_seen_at = now(), ip = $2 where id = $1`, [row.session_id, ip]);
    }
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      language: row.language,
      sessionId: row.session_id,
      ip,
      userAgent,
      mfaSetupRequired: row.mfa_setup_required,
    };
  }

  /**
   * The session as it stands now, for long-lived connections that must re-check it on every delivery:
   * the user's current role, and when it ends by itself (absolute or idle expiry); null once it is over.
   */
  async current(sessionId: string): Promise<LiveSession | null> {
    const row = await this.liveSession('s.id = $1', sessionId);
    if (!row) return null;
    const endsAt = Math.min(row.expires_at.getTime(), row.last_seen_at.getTime() + SESSION_IDLE_MS);
    return { userId: row.id, role: row.role, mfaSetupRequired: row.mfa_setup_required, endsAt: new Date(endsAt) };
  }

  private async liveSession(where: string, value: unknown): Promise<SessionRow | undefined> {
    const rows: SessionRow[] = await this.db.query(
      `select s.id as session_id, s.last_seen_at, s.expires_at, u.id, u.email, u.name, u.role, u.language,
              (u.mfa_enabled_at is null and exists (
                 select 1 from app_settings a where a.key = 'mfa.requiredRoles' and a.value ? u.role::text)) as mfa_setup_required
           from sessions s join users u on u.id = s.user_id
          where ${where} and s.revoked_at is null and u.disabled_at is null`,
      [value],
    );
    const row = rows[0];
    const now = Date.now();
    if (!row || row.expires_at.getTime() <= now || row.last_seen_at.getTime() + SESSION_IDLE_MS <= now) return undefined;
    return row;
  }

  /** True for a session opened by a sign-in within the last few minutes (recent proof of the password). */
  async isFresh(sessionId: string): Promise<boolean> {
    const rows: Array<{ fresh: boolean }> = await this.db.query(
      `select created_at > now() - interval '${FRESH_SESSION}' as fresh from sessions where id = $1`,
      [sessionId],
    );
    return rows[0]?.fresh ?? false;
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.db.getRepository(SessionEntity).update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
  }

  /** Ends one of a user's own sessions; false when it is not theirs (so callers answer 404). */
  async revokeOwn(userId: string, sessionId: string): Promise<boolean> {
    const result = await this.db
      .getRepository(SessionEntity)
      .update({ id: sessionId, userId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: 'ended by user' });
    return (result.affected ?? 0) > 0;
  }

  async revokeAllFor(userId: string, reason: string): Promise<number> {
    const result = await this.db.getRepository(SessionEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
    return result.affected ?? 0;
  }

  async revokeAllExcept(userId: string, keepSessionId: string, reason: string): Promise<number> {
    const result = await this.db
      .getRepository(SessionEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where('user_id = :userId and revoked_at is null and id <> :keep', { userId, keep: keepSessionId })
      .execute();
    return result.affected ?? 0;
  }

  async activeFor(userId: string, currentSessionId?: string): Promise<SessionView[]> {
    const rows = await this.db
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.user_id = :userId and s.revoked_at is null and s.expires_at > now() and s.last_seen_at > :idle', {
        userId,
        idle: new Date(Date.now() - SESSION_IDLE_MS),
      })
      .orderBy('s.last_seen_at', 'DESC')
      .getMany();
    return rows.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
      device: describeDevice(s.userAgent),
      current: s.id === currentSessionId,
    }));
  }
}
