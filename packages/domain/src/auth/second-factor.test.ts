import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { SignIn } from './schemas';
import {
  formatRecoveryCode,
  groupSecret,
  isTotpSecret,
  makeRecoveryCodes,
  normaliseRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  totpCode,
  totpStep,
  totpUri,
  verifyTotp,
} from './second-factor';

/** RFC 6238 Appendix B: the ASCII seed "12345678901234567890" (SHA-1), in base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP codes (RFC 6238)', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ])('at T=%i s the code is the last six digits of the RFC test vector (%s)', (seconds, code) => {
    expect(totpCode(RFC_SECRET, new Date(seconds * 1000))).toBe(code);
  });

  it('counts 30-second steps from the Unix epoch', () => {
    expect(totpStep(new Date(0))).toBe(0);
    expect(totpStep(new Date(29_999))).toBe(0);
    expect(totpStep(new Date(30_000))).toBe(1);
    expect(totpStep(new Date(59_000))).toBe(1);
  });
});

describe('verifyTotp', () => {
  const at = new Date('2026-11-26T02:00:10.000Z');
  const step = totpStep(at);

  it('accepts the current code and returns its step', () => {
    expect(verifyTotp({ secret: RFC_SECRET, code: totpCode(RFC_SECRET, at), at, lastStep: null })).toEqual({
      ok: true,
      step,
    });
  });

  it('accepts the previous and the next step (clock drift), not two steps away', () => {
    const prev = totpCode(RFC_SECRET, new Date(at.getTime() - 30_000));
    const next = totpCode(RFC_SECRET, new Date(at.getTime() + 30_000));
    const twoAgo = totpCode(RFC_SECRET, new Date(at.getTime() - 60_000));
    const twoAhead = totpCode(RFC_SECRET, new Date(at.getTime() + 60_000));
    expect(verifyTotp({ secret: RFC_SECRET, code: prev, at, lastStep: null })).toEqual({
      ok: true,
      step: step - 1,
    });
    expect(verifyTotp({ secret: RFC_SECRET, code: next, at, lastStep: null })).toEqual({
      ok: true,
      step: step + 1,
    });
    expect(verifyTotp({ secret: RFC_SECRET, code: twoAgo, at, lastStep: null })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(verifyTotp({ secret: RFC_SECRET, code: twoAhead, at, lastStep: null })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses a code whose step was already used, or an earlier one, as a replay', () => {
    const code = totpCode(RFC_SECRET, at);
    expect(verifyTotp({ secret: RFC_SECRET, code, at, lastStep: step })).toEqual({
      ok: false,
      reason: 'reused',
    });
    expect(verifyTotp({ secret: RFC_SECRET, code, at, lastStep: step + 1 })).toEqual({
      ok: false,
      reason: 'reused',
    });
    const prev = totpCode(RFC_SECRET, new Date(at.getTime() - 30_000));
    expect(verifyTotp({ secret: RFC_SECRET, code: prev, at, lastStep: step - 1 })).toEqual({
      ok: false,
      reason: 'reused',
    });
    expect(verifyTotp({ secret: RFC_SECRET, code, at, lastStep: step - 1 })).toEqual({ ok: true, step });
  });

  it.each(['', '12345', '1234567', 'abcdef', '12 345', '１２３４５６'])(
    'refuses the malformed code %j',
    (code) => {
      expect(verifyTotp({ secret: RFC_SECRET, code, at, lastStep: null })).toEqual({
        ok: false,
        reason: 'invalid',
      });
    },
  );

  it('refuses any code when the stored secret is not base32 (a corrupt row)', () => {
    expect(verifyTotp({ secret: 'not-a-secret', code: '123456', at, lastStep: null })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  fcTest.prop([fc.integer({ min: 0, max: 4_000_000_000 }), fc.integer({ min: 0, max: 999_999 })])(
    'a code is accepted only if it is the code of a step within one of now',
    (seconds, n) => {
      const when = new Date(seconds * 1000);
      const code = String(n).padStart(6, '0');
      const verdict = verifyTotp({ secret: RFC_SECRET, code, at: when, lastStep: null });
      const inWindow = [-1, 0, 1].some(
        (d) => totpCode(RFC_SECRET, new Date(when.getTime() + d * 30_000)) === code,
      );
      expect(verdict.ok).toBe(inWindow);
    },
  );
});

describe('secrets and the enrolment URI', () => {
  it('recognises base32 secrets of at least 80 bits', () => {
    expect(isTotpSecret(RFC_SECRET)).toBe(true);
    expect(isTotpSecret('ABCDEFGHIJKLMNO')).toBe(false);
    expect(isTotpSecret('abcdefghijklmnop')).toBe(false);
    expect(isTotpSecret('ABCDEFGHIJKLMNO1')).toBe(false);
  });

  it('builds an otpauth URI with the issuer and the account for the app to show', () => {
    const uri = totpUri(RFC_SECRET, 'reviewer');
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    expect(uri).toContain(`secret=${RFC_SECRET}`);
    expect(uri).toContain('period=30');
    expect(uri).toContain('digits=6');
    expect(decodeURIComponent(uri)).toContain('中小微企业发展引导基金:reviewer');
  });

  it('groups the secret in fours for typing', () => {
    expect(groupSecret('ABCDEFGHIJKLMNOP')).toBe('ABCD EFGH IJKL MNOP');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });
});

describe('recovery codes', () => {
  it('normalises case, spaces, dashes and the letters people misread', () => {
    expect(normaliseRecoveryCode('abcde-12345')).toBe('ABCDE12345');
    expect(normaliseRecoveryCode(' ABCDE 12345 ')).toBe('ABCDE12345');
    expect(normaliseRecoveryCode('o0ilx-12345')).toBe('0011X12345');
  });

  it.each(['', 'ABCDE-1234', 'ABCDE-123456', 'ABCDU-12345', 'ABCD!-12345'])('refuses %j', (input) => {
    expect(normaliseRecoveryCode(input)).toBeNull();
  });

  it('makes ten distinct formatted codes from the alphabet', () => {
    let state = 12345; // a small LCG: deterministic and varied enough for ten codes
    const bytes = (n: number) =>
      Uint8Array.from({ length: n }, () => {
        state = (state * 1103515245 + 12345) % 2 ** 31;
        return state >>> 16;
      });
    const codes = makeRecoveryCodes(bytes);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      expect(normaliseRecoveryCode(c)).toBe(c.replace('-', ''));
      for (const ch of c.replace('-', '')) expect(RECOVERY_CODE_ALPHABET).toContain(ch);
    }
  });

  it('formats a normalised code as five and five', () => {
    expect(formatRecoveryCode('ABCDE12345')).toBe('ABCDE-12345');
  });
});

describe('SignIn with a second factor', () => {
  const base = { username: 'reviewer', password: 'x' };

  it('takes the code with spaces removed', () => {
    expect(SignIn.parse({ ...base, totp: '123 456' }).totp).toBe('123456');
  });

  it('takes a recovery code in its normalised form', () => {
    expect(SignIn.parse({ ...base, recoveryCode: 'abcde-12345' }).recoveryCode).toBe('ABCDE12345');
  });

  it('explains a malformed code or recovery code in Chinese', () => {
    const a = SignIn.safeParse({ ...base, totp: '12345' });
    expect(a.success).toBe(false);
    expect(a.error?.issues[0]?.message).toBe('动态验证码应为6位数字');
    const b = SignIn.safeParse({ ...base, recoveryCode: 'nope' });
    expect(b.error?.issues[0]?.message).toContain('恢复码格式不正确');
  });

  it('refuses both a code and a recovery code at once', () => {
    const r = SignIn.safeParse({ ...base, totp: '123456', recoveryCode: 'ABCDE-12345' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('动态验证码和恢复码只需填写一项');
  });
});
