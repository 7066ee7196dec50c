import { Injectable } from '@nestjs/common';
import type { Role } from '@habeas/contracts';
import type { Actor } from '../common/auth/actor';
import { newToken, tokenHash } from '../common/crypto/tokens';
import { AppConfig } from '../config/app-config';
import { SessionsRepository, type SessionRow } from './sessions.repository';

export const SESSION_IDLE_MS = 4 * 3600 * 1000;
export const SESSION_ABSOLUTE_MS = 24 * 3600 * 1000;
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
    private readonly sessions: SessionsRepository,
    private readonly config: AppConfig,
  ) {}

  async create(userId: string, ip: string, userAgent: string): Promise<{ token: string; sessionId: string }> {
    const token = newToken();
    const now = new Date();
    const sessionId = await this.sessions.insert({
      userId,
      tokenHash: tokenHash(this.config.sessionSecret, token),
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ip,
      userAgent: userAgent.slice(0, 300),
    });
    return { token, sessionId };
  }

  /** The actor behind a session token, or null when it is unknown, revoked, expired or its user disabled. */
  async authenticate(token: string, ip: string, userAgent: string): Promise<Actor | null> {
    const row = await this.liveSession({ tokenHash: tokenHash(this.config.sessionSecret, token) });
    if (!row) return null;
    if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) await this.sessions.touch(row.session_id, ip);
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
    const row = await this.liveSession({ id: sessionId });
    if (!row) return null;
    const endsAt = Math.min(row.expires_at.getTime(), row.last_seen_at.getTime() + SESSION_IDLE_MS);
    return { userId: row.id, role: row.role, mfaSetupRequired: row.mfa_setup_required, endsAt: new Date(endsAt) };
  }

  /** The unrevoked session, unless it has passed its absolute or its idle expiry. */
  private async liveSession(by: { tokenHash: Buffer } | { id: string }): Promise<SessionRow | undefined> {
    const row = await this.sessions.unrevoked(by);
    const now = Date.now();
    if (!row || row.expires_at.getTime() <= now || row.last_seen_at.getTime() + SESSION_IDLE_MS <= now) return undefined;
    return row;
  }

  /** True for a session opened by a sign-in within the last few minutes (recent proof of the password). */
  isFresh(sessionId: string): Promise<boolean> {
    return this.sessions.isFresh(sessionId);
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.sessions.revoke({ id: sessionId }, reason);
  }

  /** Ends one of a user's own sessions; false when it is not theirs (so callers answer 404). */
  async revokeOwn(userId: string, sessionId: string): Promise<boolean> {
    return (await this.sessions.revoke({ id: sessionId, userId }, 'ended by user')) > 0;
  }

  revokeAllFor(userId: string, reason: string): Promise<number> {
    return this.sessions.revoke({ userId }, reason);
  }

  revokeAllExcept(userId: string, keepSessionId: string, reason: string): Promise<number> {
    return this.sessions.revoke({ userId, exceptId: keepSessionId }, reason);
  }

  async activeFor(userId: string, currentSessionId?: string): Promise<SessionView[]> {
    const rows = await this.sessions.active(userId, new Date(Date.now() - SESSION_IDLE_MS));
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
