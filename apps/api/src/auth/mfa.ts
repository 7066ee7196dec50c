import { authenticator } from 'otplib';

// Accept the code of the previous and next 30-second step too (clock drift of phones).
authenticator.options = { window: 1 };

export function newMfaSecret(): string {
  return authenticator.generateSecret(20);
}

export function otpauthUrl(email: string, secret: string): string {
  return authenticator.keyuri(email, 'Habeas', secret);
}

export function totpMatches(code: string, secret: string): boolean {
  return /^\d{6}$/.test(code) && authenticator.check(code, secret);
}
