import { openText, sealText, type SealedAt } from '../common/crypto/field-cipher';

const at = (userId: string): SealedAt => ({ table: 'users', column: 'mfa_secret', row: userId });

/** The user's TOTP secret as stored: sealed, bound to the user's row. */
export function sealMfaSecret(userId: string, secret: string): string {
  return sealText(secret, at(userId))!;
}

/** The user's TOTP secret, or null when none was set up. */
export function mfaSecretOf(user: { id: string; mfaSecret: string | null }): string | null {
  return openText(user.mfaSecret, at(user.id));
}
