import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords';
import {
  PASSWORD_MESSAGES,
  PasswordSchema,
  checkPassword,
  isCommonPassword,
  passwordLength,
} from './password';

const messagesOf = (input: unknown) => {
  const result = PasswordSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('checkPassword (ASVS 6.2.1, 6.2.4, 6.2.5, 6.2.9)', () => {
  it('refuses 7 characters and accepts 8', () => {
    expect(checkPassword('k7#vQ2m')).toEqual({ ok: false, message: PASSWORD_MESSAGES.tooShort });
    expect(checkPassword('k7#vQ2mx')).toEqual({ ok: true });
  });

  it('accepts 64 characters and refuses 65', () => {
    const base = 'Correct horse battery staple on the 岳阳楼 at dawn! '.padEnd(64, 'z');
    expect(passwordLength(base)).toBe(64);
    expect(checkPassword(base)).toEqual({ ok: true });
    expect(checkPassword(`${base}z`)).toEqual({ ok: false, message: PASSWORD_MESSAGES.tooLong });
  });

  it('counts code points, so Chinese characters and emoji count as one each', () => {
    expect(passwordLength('洞庭湖边岳阳楼上')).toBe(8);
    expect(checkPassword('洞庭湖边岳阳楼上')).toEqual({ ok: true });
    expect(checkPassword('洞庭湖边岳阳楼')).toMatchObject({ ok: false });
    // 7 emoji are 14 UTF-16 units but 7 characters.
    expect(checkPassword('🐟🐟🐟🐟🐟🐟🐟')).toEqual({ ok: false, message: PASSWORD_MESSAGES.tooShort });
    expect(checkPassword('🐟'.repeat(64))).toEqual({ ok: true });
    expect(checkPassword('🐟'.repeat(65))).toEqual({ ok: false, message: PASSWORD_MESSAGES.tooLong });
  });

  it('has no composition rules: lower-case letters only, or digits only, are fine when not common', () => {
    expect(checkPassword('dongtinghu rice fields')).toEqual({ ok: true });
    expect(checkPassword('73915046288')).toEqual({ ok: true });
  });

  it.each([
    'woaini1314',
    'qq123456',
    '123456789',
    'password',
    '12345678',
    '1qaz2wsx',
    'abcd1234',
    'iloveyou',
    '88888888',
    'woaini520',
    'a123456789',
    'zxcvbnm123',
  ])('refuses the common password %s', (pw) => {
    expect(checkPassword(pw)).toEqual({ ok: false, message: PASSWORD_MESSAGES.common });
  });

  it('refuses common passwords whatever their case', () => {
    expect(checkPassword('PassWord')).toEqual({ ok: false, message: PASSWORD_MESSAGES.common });
    expect(checkPassword('WOAINI1314')).toEqual({ ok: false, message: PASSWORD_MESSAGES.common });
  });

  it('refuses a common password that is too short with the length message', () => {
    expect(checkPassword('a123456')).toEqual({ ok: false, message: PASSWORD_MESSAGES.tooShort });
    expect(isCommonPassword('a123456')).toBe(true);
  });

  it('refuses a password equal to the username, ignoring case and surrounding spaces of the username', () => {
    expect(checkPassword('zhangsan.yy', { username: 'zhangsan.yy' })).toEqual({
      ok: false,
      message: PASSWORD_MESSAGES.sameAsUsername,
    });
    expect(checkPassword('ZhangSan.YY', { username: ' zhangsan.yy ' })).toEqual({
      ok: false,
      message: PASSWORD_MESSAGES.sameAsUsername,
    });
    expect(checkPassword('zhangsan.yy!', { username: 'zhangsan.yy' })).toEqual({ ok: true });
    expect(checkPassword('zhangsan.yy', { username: null })).toEqual({ ok: true });
  });

  it('does not trim: spaces count toward the length and are part of the password', () => {
    expect(checkPassword(' 123456')).toEqual({ ok: false, message: PASSWORD_MESSAGES.tooShort });
    expect(checkPassword(' 1234567')).toEqual({ ok: true });
    expect(checkPassword(' password ')).toEqual({ ok: true });
  });
});

describe('the bundled common-password list', () => {
  it('holds well over a thousand entries, all lower-case and without whitespace', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(1500);
    for (const pw of COMMON_PASSWORDS) {
      expect(pw).toBe(pw.toLowerCase());
      expect(pw).not.toMatch(/\s/);
    }
  });

  it('includes the passwords most typical of Chinese users', () => {
    for (const pw of [
      'woaini1314',
      'qq123456',
      'a123456',
      '123456789',
      'password',
      '5201314',
      '147258369',
      'dearbook',
    ]) {
      expect(COMMON_PASSWORDS.has(pw)).toBe(true);
    }
  });

  it('holds several hundred entries long enough to matter under the 8-character minimum', () => {
    expect([...COMMON_PASSWORDS].filter((pw) => passwordLength(pw) >= 8).length).toBeGreaterThan(700);
  });

  it('holds no mobile numbers (personal data)', () => {
    expect([...COMMON_PASSWORDS].filter((pw) => /(?<!\d)1[3-9]\d{9}(?!\d)/.test(pw))).toEqual([]);
  });
});

describe('PasswordSchema', () => {
  it('passes a good password through unchanged', () => {
    expect(PasswordSchema.parse('  Dongting lake 2026  ')).toBe('  Dongting lake 2026  ');
  });

  it('reports the policy message', () => {
    expect(messagesOf('short')).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(messagesOf('qq123456')).toEqual([PASSWORD_MESSAGES.common]);
    expect(messagesOf('x'.repeat(65))).toEqual([PASSWORD_MESSAGES.tooLong]);
  });

  it('asks for a password when none is given', () => {
    expect(messagesOf(undefined)).toEqual(['请输入密码']);
    expect(messagesOf(12345678)).toEqual(['请输入密码']);
  });
});
