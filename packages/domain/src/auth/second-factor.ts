import { Secret, TOTP } from 'otpauth';
import { z } from 'zod';

/**
 * Staff second factor (reliability-security.md, ASVS 6.3.2; 等保 L3 "two factors"): a time-based one-time password
 * (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) from any authenticator app, plus single-use recovery codes for a
 * lost phone. Pure: the secret and the time come in, a verdict goes out. The API stores the secret encrypted and the
 * last accepted step, so a code is accepted once only (RFC 6238 §5.2, ASVS 6.5.1). docs/decisions/013-second-factor.md.
 */

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of "now" that are still accepted: phones drift, people type slowly (RFC 6238 §5.2, §6). */
export const TOTP_WINDOW = 1;
/** 160-bit secrets, the HMAC-SHA1 block RFC 4226 §4 recommends. */
export const TOTP_SECRET_BYTES = 20;
export const TOTP_ISSUER = '中小微企业发展引导基金';

export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32 without I, L, O, U: nothing to misread on paper. 10 symbols = 50 bits per code. */
export const RECOVERY_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_CODE_LENGTH = 10;

function totp(secretBase32: string, label = ''): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A base32 secret as an authenticator app accepts it: A–Z and 2–7, at least 80 bits. */
export function isTotpSecret(secret: string): boolean {
  return /^[A-Z2-7]{16,}$/.test(secret);
}

/** The RFC 6238 time step of an instant. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code an authenticator shows at `at` (tests, the demo, and the bench use it; the server only verifies). */
export function totpCode(secretBase32: string, at: Date): string {
  return totp(secretBase32).generate({ timestamp: at.getTime() });
}

export type TotpVerdict =
  | { ok: true; step: number }
  | { ok: false; reason: 'invalid' }
  /** Right code, but its step was already used (or an earlier one was): a replay. */
  | { ok: false; reason: 'reused' };

/**
 * Checks `code` against the steps now−1 … now+1 and refuses a step at or before `lastStep`, the step of the last code
 * this account had accepted. The caller stores the returned step in the same transaction that acts on it.
 */
export function verifyTotp(args: {
  secret: string;
  code: string;
  at: Date;
  lastStep: number | null;
}): TotpVerdict {
  if (!/^\d{6}$/.test(args.code) || !isTotpSecret(args.secret)) return { ok: false, reason: 'invalid' };
  const delta = totp(args.secret).validate({
    token: args.code,
    timestamp: args.at.getTime(),
    window: TOTP_WINDOW,
  });
  if (delta === null) return { ok: false, reason: 'invalid' };
  const step = totpStep(args.at) + delta;
  if (args.lastStep !== null && step <= args.lastStep) return { ok: false, reason: 'reused' };
  return { ok: true, step };
}

/** The `otpauth://totp/…` URI an authenticator app scans (Key Uri Format), labelled with the account name. */
export function totpUri(secretBase32: string, account: string): string {
  return totp(secretBase32, account).toString();
}

/** `ABCD EFGH IJKL …`: the secret as a person types it into an app that cannot scan. */
export function groupSecret(secretBase32: string): string {
  return secretBase32.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * A recovery code as typed: case, spaces and dashes do not matter, and the letters people confuse with digits
 * (O, I, L) are read as the digits. Returns null when it cannot be a recovery code.
 */
export function normaliseRecoveryCode(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== RECOVERY_CODE_LENGTH) return null;
  for (const ch of s) if (!RECOVERY_CODE_ALPHABET.includes(ch)) return null;
  return s;
}

/** `ABCDE-12345`: how a normalised recovery code is shown and printed. */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Ten random recovery codes from `randomBytes` (the caller's CSPRNG), formatted; rejection sampling keeps it uniform. */
export function makeRecoveryCodes(
  randomBytes: (n: number) => Uint8Array,
  count = RECOVERY_CODE_COUNT,
): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let code = '';
    while (code.length < RECOVERY_CODE_LENGTH) {
      for (const b of randomBytes(16)) {
        // 256 = 8 × 32: every byte maps uniformly onto the 32 symbols.
        if (code.length < RECOVERY_CODE_LENGTH) code += RECOVERY_CODE_ALPHABET[b % 32];
      }
    }
    codes.add(formatRecoveryCode(code));
  }
  return [...codes];
}

// ─── inputs ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** Six digits from the authenticator; spaces people type ("123 456") are dropped. */
export const TotpCode = z
  .string({ error: '请输入6位动态验证码' })
  .overwrite((s) => s.replace(/\s+/g, ''))
  .regex(/^\d{6}$/, { error: '动态验证码应为6位数字' });

export const RecoveryCodeInput = z
  .string({ error: '请输入恢复码' })
  .max(40, { error: '恢复码格式不正确' })
  .transform((s, ctx) => {
    const code = normaliseRecoveryCode(s);
    if (code === null) {
      ctx.addIssue({ code: 'custom', message: '恢复码格式不正确，应为10位字母和数字（如 ABCDE-12345）' });
      return z.NEVER;
    }
    return code;
  });

/** Confirms enrolment with the first code the app shows; regenerating recovery codes also asks for a current code. */
export const ConfirmTotp = z.object({ code: TotpCode });
export type ConfirmTotp = z.infer<typeof ConfirmTotp>;
