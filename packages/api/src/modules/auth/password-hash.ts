import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password storage (ASVS 5.0 11.4.2, ADR 005): Node's built-in scrypt. Each stored hash is a PHC-style string that
 * carries its own algorithm, cost parameters and salt — `$scrypt$ln=17,r=8,p=1$<salt>$<key>` (unpadded base64) —
 * so a change of profile never breaks existing hashes, and a hash made with weaker parameters is recognised and
 * re-hashed at the next successful sign-in.
 */
export type PasswordHashProfile = 'owasp' | 'fast';

export interface ScryptParams {
  /** log2(N) */
  readonly ln: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1. 'fast' exists only for tests and bulk seeding. */
export const SCRYPT_PROFILES: Readonly<Record<PasswordHashProfile, ScryptParams>> = {
  owasp: { ln: 17, r: 8, p: 1 },
  fast: { ln: 10, r: 8, p: 1 },
};

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** scrypt needs 128·N·r bytes (128 MiB for the OWASP profile); Node's default maxmem is 32 MiB. */
const MAX_MEM = 256 * 1024 * 1024;
/** Bounds that a stored string may claim, so a corrupt or hostile row cannot make us allocate gigabytes. */
const LN_RANGE = { min: 1, max: 20 } as const;

export interface ParsedHash {
  readonly params: ScryptParams;
  readonly salt: Buffer;
  readonly key: Buffer;
}

export function formatHash(params: ScryptParams, salt: Buffer, key: Buffer): string {
  const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

export function parseHash(stored: string): ParsedHash | null {
  const m = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
    stored,
  );
  if (!m) return null;
  const [ln, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (ln < LN_RANGE.min || ln > LN_RANGE.max || r < 1 || p < 1) return null;
  const salt = Buffer.from(m[4]!, 'base64');
  const key = Buffer.from(m[5]!, 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { params: { ln, r, p }, salt, key };
}

/** True when `stored` was made with less work than `target` asks for (upgrade on next successful sign-in). */
export function isWeakerThan(stored: ScryptParams, target: ScryptParams): boolean {
  return stored.ln < target.ln || stored.r < target.r || stored.p < target.p;
}

// ---- one hash at a time ---------------------------------------------------------------------------------------
// Sign-in is the only CPU-bound hot spot (≈1 s per OWASP hash on 2 shared vCPUs, reliability-security.md §4).
// Running hashes in parallel only makes every one of them slower and lets a flood starve the event loop's thread
// pool, so they are serialised through one promise chain. Rate limits run *before* anything is queued here.
let tail: Promise<unknown> = Promise.resolve();
let waiting = 0;
/** Counts scrypt computations in this process; tests read it to prove a refused attempt computed nothing. */
const stats = { computed: 0 };

export function passwordHashStats(): { readonly computed: number; readonly waiting: number } {
  return { computed: stats.computed, waiting };
}

function serialised<T>(task: () => Promise<T>): Promise<T> {
  waiting += 1;
  const run = tail.then(
    () => {
      waiting -= 1;
      return task();
    },
    () => {
      waiting -= 1;
      return task();
    },
  );
  tail = run.catch(() => undefined);
  return run;
}

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  return serialised(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        stats.computed += 1;
        scrypt(
          password.normalize('NFKC'),
          salt,
          keyLength,
          { N: 2 ** params.ln, r: params.r, p: params.p, maxmem: MAX_MEM },
          (err, key) => (err ? reject(err) : resolve(key)),
        );
      }),
  );
}

export async function hashPassword(password: string, profile: PasswordHashProfile): Promise<string> {
  const params = SCRYPT_PROFILES[profile];
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return formatHash(params, salt, key);
}

export type VerifyResult = { readonly ok: false } | { readonly ok: true; readonly needsRehash: boolean };

/**
 * Verifies with the parameters stored in the hash. `stored === null` (unknown user, or an account without a
 * password) still computes one hash with the current profile, so the answer takes comparable time either way.
 */
export async function verifyPassword(
  password: string,
  stored: string | null,
  profile: PasswordHashProfile,
): Promise<VerifyResult> {
  const parsed = stored === null ? null : parseHash(stored);
  if (parsed === null) {
    await derive(password, randomBytes(SALT_BYTES), SCRYPT_PROFILES[profile], KEY_BYTES);
    return { ok: false };
  }
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  if (!timingSafeEqual(key, parsed.key)) return { ok: false };
  return { ok: true, needsRehash: isWeakerThan(parsed.params, SCRYPT_PROFILES[profile]) };
}

// ---- generated passwords ---------------------------------------------------------------------------------------
/** Lower-case letters and digits without the look-alikes (0/o, 1/l/i), so a password read aloud is typed right. */
const READABLE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A password for a person to read and type once (temporary passwords, the demo password): three groups of four
 * characters from the CSPRNG, e.g. `k7mq-4xhp-t9wz` — 12 random characters of a 31-letter alphabet (≈59 bits).
 */
export function generateReadablePassword(groups = 3, groupLength = 4): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) {
    let part = '';
    for (let i = 0; i < groupLength; i++) part += READABLE_ALPHABET[randomInt(READABLE_ALPHABET.length)];
    parts.push(part);
  }
  return parts.join('-');
}
