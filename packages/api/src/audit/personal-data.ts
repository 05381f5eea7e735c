/**
 * Keeps personal data and secrets out of audit payloads (reliability-security.md §4 PIPL, ASVS 16.2.5): the audit
 * log is read by auditors and exported, so it must never hold an ID number, a phone number, a bank account or a
 * credential in clear. Masks come from @fund/domain (domain-rules §8), so the console, exports and audit agree.
 */
import { maskBankAccount, maskIdNumber, maskMobile } from '@fund/domain';

/** Shown instead of a secret (password, TOTP secret, token) or a personal value that is not a string. */
export const HIDDEN = '[已隐藏]';

type KeyClass = 'id' | 'mobile' | 'bank' | 'secret' | 'drop' | 'plain';

/** Classifies a key regardless of case and separators: `idNumber`, `id_number`, `contactMobile`, `bankAccountNo`… */
export function classifyKey(key: string): KeyClass {
  const k = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (k.endsWith('masked')) return 'plain'; // already masked at write time (ADR 002)
  if (k.endsWith('enc') || k.endsWith('bidx')) return 'drop'; // ciphertext and blind indexes: no audit value, linkable
  if (/password|passwd|totp|secret|token|otp$/.test(k)) return 'secret';
  if (k.includes('idnumber') || k.includes('idcard')) return 'id';
  if (k.includes('mobile') || k.includes('phone')) return 'mobile';
  if (k.includes('bankaccount') || k.includes('accountnumber') || k.includes('accountno')) return 'bank';
  return 'plain';
}

/** Returns a deep copy of `value` with personal data masked and secrets replaced by HIDDEN. */
export function maskPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const cls = classifyKey(key);
    if (cls === 'drop') continue;
    if (cls === 'plain') out[key] = maskPersonalData(v);
    else out[key] = maskValue(cls, v);
  }
  return out;
}

function maskValue(cls: Exclude<KeyClass, 'plain' | 'drop'>, v: unknown): unknown {
  // Facts *about* a secret (mustChangePassword: true) and absent values are not secret.
  if (v === null || v === undefined || typeof v === 'boolean') return v;
  if (typeof v !== 'string' && typeof v !== 'number') return HIDDEN;
  const s = String(v); // an ID or mobile that lost its type on the way is still personal data
  switch (cls) {
    case 'secret':
      return HIDDEN;
    case 'id':
      return maskIdNumber(s);
    case 'mobile':
      return maskMobile(s);
    case 'bank':
      return maskBankAccount(s);
    default:
      return cls satisfies never;
  }
}
