import type { FastifyReply } from 'fastify';
import { tokenHash } from '../common/crypto/tokens';

/** Names outside production (CONTRACT §Sessions: the readable cookie is `csrf`). */
export const SESSION_COOKIE = 'habeas_session';
export const CSRF_COOKIE = 'csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface CookieNames {
  session: string;
  csrf: string;
}

/**
 * In production both names carry the `__Host-` prefix: browsers then accept the cookies only over HTTPS,
 * for the whole site and from this exact host, so a sibling subdomain cannot plant or overwrite them.
 */
export function cookieNames(production: boolean): CookieNames {
  return production ? { session: `__Host-${SESSION_COOKIE}`, csrf: `__Host-${CSRF_COOKIE}` } : { session: SESSION_COOKIE, csrf: CSRF_COOKIE };
}

/** The CSRF token of a session: an HMAC of its id, so a token is worth nothing with any other session. */
export function csrfTokenFor(secret: Buffer, sessionId: string): string {
  return tokenHash(secret, `csrf:${sessionId}`).toString('base64url');
}

/** HttpOnly, SameSite=Strict session cookie plus a readable csrf cookie the admin copies into the header. */
export function setSessionCookies(reply: FastifyReply, names: CookieNames, token: string, csrf: string, secure: boolean): void {
  const common = { path: '/', sameSite: 'strict' as const, secure };
  reply.setCookie(names.session, token, { ...common, httpOnly: true });
  setCsrfCookie(reply, names, csrf, secure);
}

export function setCsrfCookie(reply: FastifyReply, names: CookieNames, csrf: string, secure: boolean): void {
  reply.setCookie(names.csrf, csrf, { path: '/', sameSite: 'strict', secure, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, names: CookieNames, secure: boolean): void {
  const common = { path: '/', sameSite: 'strict' as const, secure };
  reply.clearCookie(names.session, { ...common, httpOnly: true });
  reply.clearCookie(names.csrf, common);
}
