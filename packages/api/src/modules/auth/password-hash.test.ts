import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  formatHash,
  hashPassword,
  parseHash,
  passwordHashStats,
  SCRYPT_PROFILES,
  verifyPassword,
} from './password-hash';

describe('password hashing', () => {
  it('stores the algorithm, cost parameters and salt beside each hash', async () => {
    const stored = await hashPassword('correct horse battery', 'fast');
    expect(stored).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(parseHash(stored)?.params).toEqual(SCRYPT_PROFILES.fast);
  });

  it('uses a fresh salt for every hash of the same password', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same password', 'fast'),
      hashPassword('same password', 'fast'),
    ]);
    expect(a).not.toBe(b);
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery', 'fast');
    expect(await verifyPassword('correct horse battery', stored, 'fast')).toEqual({
      ok: true,
      needsRehash: false,
    });
    expect(await verifyPassword('correct horse batterY', stored, 'fast')).toEqual({ ok: false });
  });

  it('verifies with the parameters stored in the hash and asks for an upgrade when they are weaker', async () => {
    const salt = randomBytes(16);
    const weak = formatHash(
      { ln: 4, r: 8, p: 1 },
      salt,
      scryptSync('legacy pass phrase', salt, 32, { N: 16, r: 8, p: 1 }),
    );
    expect(await verifyPassword('legacy pass phrase', weak, 'fast')).toEqual({ ok: true, needsRehash: true });
  });

  it('still computes one hash when there is no stored hash, so an unknown user takes comparable time', async () => {
    const before = passwordHashStats().computed;
    expect(await verifyPassword('whatever it is', null, 'fast')).toEqual({ ok: false });
    expect(passwordHashStats().computed - before).toBe(1);
  });

  it('refuses a stored string that claims absurd cost parameters instead of allocating for it', () => {
    expect(parseHash('$scrypt$ln=40,r=8,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5')).toBeNull();
    expect(parseHash('plain-text')).toBeNull();
  });

  it('computes at most one hash at a time', async () => {
    const before = passwordHashStats().computed;
    const pending = [1, 2, 3, 4].map((i) => hashPassword(`password number ${i}`, 'fast'));
    expect(passwordHashStats().waiting).toBeGreaterThanOrEqual(1);
    await Promise.all(pending);
    expect(passwordHashStats().computed - before).toBe(4);
    expect(passwordHashStats().waiting).toBe(0);
  });

  it('hashes with the OWASP profile (N=2^17, r=8, p=1) within the 256 MiB memory cap', async () => {
    const stored = await hashPassword('an owasp strength password', 'owasp');
    expect(parseHash(stored)?.params).toEqual({ ln: 17, r: 8, p: 1 });
    expect(await verifyPassword('an owasp strength password', stored, 'owasp')).toEqual({
      ok: true,
      needsRehash: false,
    });
  });
});
