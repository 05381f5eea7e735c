import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  findUnmaskedPersonalData,
  ID_NUMBER_PATTERN,
  maskBankAccount,
  maskEmail,
  maskIdNumber,
  maskMobile,
  maskName,
  MOBILE_PATTERN,
} from './mask';

const MASKS = { maskName, maskIdNumber, maskMobile, maskBankAccount, maskEmail };

describe('maskName', () => {
  it.each([
    ['张三丰', '张**'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['阿卜杜拉·买买提', '阿*******'],
    ['𠮷野家', '𠮷**'],
    ['  李四 ', '李*'],
    ['张', '*'],
    ['', ''],
  ])('masks %j as %j', (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });
});

describe('maskIdNumber', () => {
  it('shows the first 6 and last 4 of an 18-digit number', () => {
    expect(maskIdNumber('430602199001011234')).toBe('430602********1234');
    expect(maskIdNumber('43060219900101123x')).toBe('430602********123X');
  });

  it('shows the first 6 and last 4 of an old 15-digit number', () => {
    expect(maskIdNumber('430602900101123')).toBe('430602*****1123');
  });

  it('masks odd input without showing more than a quarter at each end', () => {
    expect(maskIdNumber('43060219900101123')).toBe('4306*********1123');
    expect(maskIdNumber('12345')).toBe('1***5');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(null)).toBe('');
  });
});

describe('maskMobile', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['+86 13812345678', '+86138****5678'],
    ['008613812345678', '0086138****5678'],
  ])('masks %j as %j', (input, expected) => {
    expect(maskMobile(input)).toBe(expected);
  });

  it('masks a landline or a short number by the general rule', () => {
    expect(maskMobile('0730-8888888')).toBe('07*******88');
    expect(maskMobile('1381')).toBe('1**1');
    expect(maskMobile('12')).toBe('**');
    expect(maskMobile(undefined)).toBe('');
  });
});

describe('maskBankAccount', () => {
  it('shows first 4 and last 4 with a fixed middle that hides the length', () => {
    expect(maskBankAccount('6222021234567890123')).toBe('6222 **** **** 0123');
    expect(maskBankAccount('6222 0212 3456 7890')).toBe('6222 **** **** 7890');
    expect(maskBankAccount('430602000000123456789012')).toBe('4306 **** **** 9012');
  });

  it('shows less of a short account', () => {
    expect(maskBankAccount('12345678')).toBe('12 **** **** 78');
    expect(maskBankAccount('123')).toBe('**** ****');
    expect(maskBankAccount('')).toBe('');
  });
});

describe('maskEmail', () => {
  it.each([
    ['zhangsan@example.com', 'z***@example.com'],
    ['a@qq.com', '***@qq.com'],
    [' Li.Si@163.com ', 'L***@163.com'],
    ['zhangsan', 'z*******'],
    ['', ''],
  ])('masks %j as %j', (input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });
});

describe('masking never leaks the full value', () => {
  const plain = fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 40 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    )
    .filter((s) => !s.includes('*') && s.trim() !== '');

  test.prop([plain])('no mask returns its input or contains it', (s) => {
    for (const [name, mask] of Object.entries(MASKS)) {
      const masked = mask(s);
      expect(masked, name).not.toBe(s);
      expect(masked.includes(s.trim()), `${name}(${JSON.stringify(s)}) = ${masked}`).toBe(false);
    }
  });

  test.prop([fc.anything()])('no mask throws, whatever it is given', (v) => {
    for (const mask of Object.values(MASKS)) expect(typeof mask(v as string)).toBe('string');
  });
});

describe('scanning text for unmasked personal data', () => {
  const idNumber = fc
    .tuple(
      fc.stringMatching(/^[1-9]\d{5}$/),
      fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
      fc.stringMatching(/^\d{3}[\dX]$/),
    )
    .map(([region, birth, tail]) => region + birth.toISOString().slice(0, 10).replaceAll('-', '') + tail);
  const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);

  test.prop([idNumber, mobile])(
    'finds raw ID and mobile numbers in a log line, and none once masked',
    (id, tel) => {
      const raw = `applicant id=${id} tel:${tel}.`;
      expect(ID_NUMBER_PATTERN.test(raw)).toBe(true);
      expect(MOBILE_PATTERN.test(raw)).toBe(true);
      expect(findUnmaskedPersonalData(raw)).toEqual([id, tel]);
      expect(findUnmaskedPersonalData(`applicant id=${maskIdNumber(id)} tel:${maskMobile(tel)}.`)).toEqual(
        [],
      );
    },
  );

  it('finds a mobile number written with +86 or in 3-4-4 groups', () => {
    expect(findUnmaskedPersonalData('call +86 138-1234-5678 or 138 1234 5678')).toEqual([
      '+86 138-1234-5678',
      '138 1234 5678',
    ]);
  });

  it('ignores USCCs, timestamps and longer numbers', () => {
    expect(
      findUnmaskedPersonalData('91350100M000100Y43 914306027123456780 1732612345678 4306021990010112345'),
    ).toEqual([]);
  });
});
