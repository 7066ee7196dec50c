import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'habeas_session';
export const CSRF_COOKIE = 'csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** HttpOnly, SameSite=Strict session cookie plus a readable csrf cookie for the double-submit check. */
export function setSessionCookies(reply: FastifyReply, token: string, csrf: string, secure: boolean): void {
  const common = { path: '/', sameSite: 'strict' as const, secure };
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, secure: boolean): void {
  const common = { path: '/', sameSite: 'strict' as const, secure };
  reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, common);
}
