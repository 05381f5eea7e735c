import { createHmac } from 'node:crypto';
import { needsSecondFactor, type Role } from '@fund/domain';
import { Secret } from 'otpauth';
import type { Pii } from '../crypto/pii';

/**
 * The demo TOTP secret of a staff account, derived from the demo password and the username (HMAC-SHA256, first 160
 * bits, base32): printed at every start next to the demo password, and computable by the tests and the bench, which
 * know the password. Never used outside demo and test data (production accounts set up their own, at random).
 */
export function demoTotpSecret(password: string, username: string): string {
  const bytes = createHmac('sha256', password).update(`demo-totp/${username}`).digest().subarray(0, 20);
  return new Secret({ buffer: new Uint8Array(bytes).buffer }).base32;
}

/** For `insertAccount`: the encrypted demo secret of an account whose roles require a second factor, else null. */
export function demoTotpSecretEnc(
  pii: Pii,
  password: string,
  username: string,
  roles: readonly Role[],
): string | null {
  return needsSecondFactor(roles) ? pii.encryptField(demoTotpSecret(password, username)) : null;
}
