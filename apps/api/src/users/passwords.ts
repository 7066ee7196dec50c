import { Algorithm, hash, verify } from '@node-rs/argon2';
import { Unprocessable } from '../common/http/domain-error';
import { commonPasswords } from './common-passwords';

// OWASP/ASVS minimum for argon2id: 19 MiB, 2 iterations, 1 lane.
const options = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Length 12..256 is checked by the schema; here: not a well-known password. */
export function assertAcceptablePassword(password: string, email?: string): void {
  const lowered = password.toLowerCase();
  if (
    commonPasswords.has(lowered) ||
    /^(.)\1+$/.test(password) ||
    (email && lowered.includes(email.split('@')[0].toLowerCase()) && email.split('@')[0].length >= 4)
  ) {
    throw new Unprocessable('password: this password is too common or too easy to guess', { field: 'password' });
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

const dummyHash = hash('not-a-real-password-just-for-timing', options);

/** Verifies a password; with no stored hash it still spends the same time (no user enumeration by timing). */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
