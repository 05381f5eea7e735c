import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPii, PiiDecryptError } from './pii';

const pii = createPii(randomBytes(32));

describe('personal-data encryption', () => {
  it('round-trips a value, including Chinese text', () => {
    for (const plain of ['32010219900307123X', '13812345678', '张三 · 6222 0202 0011 2233', '']) {
      expect(pii.decryptField(pii.encryptField(plain))).toBe(plain);
    }
  });

  it('writes a versioned value with a fresh IV each time', () => {
    const a = pii.encryptField('13812345678');
    const b = pii.encryptField('13812345678');
    expect(a).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
  });

  it('refuses a tampered, truncated, re-versioned or foreign-key value', () => {
    const stored = pii.encryptField('32010219900307123X');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[14] = raw[14]! ^ 0x01;
    expect(() => pii.decryptField(`v1:${raw.toString('base64')}`)).toThrow(PiiDecryptError);
    expect(() => pii.decryptField('v1:AAAA')).toThrow(PiiDecryptError);
    expect(() => pii.decryptField(`v2:${stored.slice(3)}`)).toThrow(/version/);
    expect(() => createPii(randomBytes(32)).decryptField(stored)).toThrow(PiiDecryptError);
  });

  it('gives a stable blind index per purpose that differs across purposes and keys', () => {
    const a = pii.blindIndex('32010219900307123X', 'founder.idNumber');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(pii.blindIndex('32010219900307123X', 'founder.idNumber')).toBe(a);
    expect(pii.blindIndex('32010219900307123X', 'enterprise.contactIdNumber')).not.toBe(a);
    expect(pii.blindIndex('32010219900307123Y', 'founder.idNumber')).not.toBe(a);
    expect(createPii(randomBytes(32)).blindIndex('32010219900307123X', 'founder.idNumber')).not.toBe(a);
  });
});
