import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for a cookie or a link (256 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored for a token: its HMAC under the app's session secret, so a database leak reveals no usable token. */
export function tokenHash(secret: Buffer, token: string): Buffer {
  return createHmac('sha256', secret).update(token).digest();
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
