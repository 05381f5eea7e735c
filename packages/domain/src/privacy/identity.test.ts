import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { idCheckChar, isMainlandMobile, normalizeMobile, validateIdNumber } from './identity';

/** Builds a valid number from a 17-digit body. */
const withCheck = (first17: string) => first17 + idCheckChar(first17);

describe('validateIdNumber', () => {
  it('accepts the worked example of GB 11643-1999 and returns its birth date', () => {
    expect(validateIdNumber('11010519491231002X')).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
    });
  });

  it('accepts a generated number from 岳阳楼区 and normalises a lower-case x and spaces', () => {
    expect(validateIdNumber(withCheck('43060219900101123'))).toMatchObject({
      ok: true,
      birthDate: '1990-01-01',
    });
    expect(validateIdNumber(' 110105 19491231 002x ')).toMatchObject({
      ok: true,
      normalized: '11010519491231002X',
    });
  });

  it('accepts a birth date of 29 February in a leap year', () => {
    expect(validateIdNumber(withCheck('43060220000229002'))).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
    });
  });

  it('refuses a wrong check character', () => {
    const result = validateIdNumber('110105194912310021');
    expect(result).toEqual({ ok: false, message: '身份证号码校验位不正确，请核对后重新输入' });
  });

  it('refuses 17 and 19 characters, and the old 15-digit form', () => {
    for (const s of ['11010519491231002', '11010519491231002X1', '110105491231002']) {
      expect(validateIdNumber(s)).toEqual({ ok: false, message: '身份证号码应为18位' });
    }
  });

  it('asks for the number when it is empty or blank', () => {
    expect(validateIdNumber('')).toEqual({ ok: false, message: '请输入身份证号码' });
    expect(validateIdNumber('   ')).toEqual({ ok: false, message: '请输入身份证号码' });
  });

  it('refuses letters other than a final X', () => {
    expect(validateIdNumber('11010519491231002Y')).toMatchObject({
      ok: false,
      message: expect.stringContaining('最后一位为数字或X'),
    });
    expect(validateIdNumber('X10105194912310021')).toMatchObject({
      ok: false,
      message: expect.stringContaining('前17位应为数字'),
    });
  });

  it('refuses impossible birth dates even with a correct check character', () => {
    for (const body of ['43060219900230123', '43060219901301123', '43060220010229123', '43060218991231123']) {
      expect(validateIdNumber(withCheck(body))).toEqual({
        ok: false,
        message: '身份证号码中的出生日期无效，请核对',
      });
    }
  });

  it('never echoes the number in its message (it is personal data)', () => {
    const result = validateIdNumber('430602199001011230');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain('4306');
  });

  test.prop([
    fc.integer({ min: 110000, max: 829999 }),
    fc.date({
      min: new Date('1930-01-01T00:00:00Z'),
      max: new Date('2025-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    fc.integer({ min: 0, max: 999 }),
  ])('accepts every well-formed number and rejects every single-digit change of it', (region, birth, seq) => {
    const ymd = birth.toISOString().slice(0, 10);
    const body = `${region}${ymd.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
    const id = withCheck(body);
    expect(validateIdNumber(id)).toEqual({ ok: true, normalized: id, birthDate: ymd });
    // GB 11643's mod-11 check detects every single-character substitution in the sequence code.
    const pos = 14 + (seq % 3);
    const changed = id.slice(0, pos) + String((Number(id[pos]) + 1) % 10) + id.slice(pos + 1);
    expect(validateIdNumber(changed).ok).toBe(false);
  });
});

describe('mainland mobile numbers', () => {
  it('accepts 11 digits starting with 13–19', () => {
    for (const m of ['13800138000', '14512345678', '19912345678', '16612345678'])
      expect(isMainlandMobile(m)).toBe(true);
  });

  it('accepts spaces, hyphens and a +86, 0086 or 86 country code', () => {
    expect(isMainlandMobile('138 0013 8000')).toBe(true);
    expect(isMainlandMobile('138-0013-8000')).toBe(true);
    expect(isMainlandMobile('+86 138 0013 8000')).toBe(true);
    expect(isMainlandMobile('0086-13800138000')).toBe(true);
    expect(isMainlandMobile('8613800138000')).toBe(true);
  });

  it('refuses a second digit of 0–2, wrong lengths, landlines and letters', () => {
    for (const m of [
      '12800138000',
      '10800138000',
      '1380013800',
      '138001380001',
      '0730-8888888',
      '1380013800a',
      '',
      '+1 13800138000',
    ]) {
      expect(isMainlandMobile(m)).toBe(false);
    }
  });

  it('normalises to the bare 11 digits', () => {
    expect(normalizeMobile('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizeMobile(' 13800138000 ')).toBe('13800138000');
  });

  it('leaves what is not a +86 mobile number compacted but otherwise unchanged', () => {
    expect(normalizeMobile('0730-8888888')).toBe('07308888888');
    expect(normalizeMobile('86123')).toBe('86123');
  });
});
