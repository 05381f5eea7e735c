/**
 * The one place that reads configuration (style guide rule 12). `loadEnv()` reads `process.env` once at start-up;
 * everything else receives the parsed `Env`. Tests build their own with `parseEnv({...})`.
 *
 * A bad value stops start-up with a message naming the variable, in Chinese and with the English key name.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** packages/api/src/env.ts → repository root (three levels up). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const KEY_BYTES = 32;

export class EnvError extends Error {
  override readonly name = 'EnvError';
  constructor(readonly problems: string[]) {
    super(`配置有误 (invalid environment):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const intIn = (min: number, max: number, fallback: number, label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${label}应为 ${min}–${max} 之间的整数，实际为 "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

const RawEnv = z.object({
  PORT: intIn(0, 65535, 3000, '端口号'),
  HOST: optionalText.transform((v) => v?.trim() ?? '127.0.0.1'),
  DATA_DIR: optionalText,
  DATABASE_PATH: optionalText,
  UPLOAD_DIR: optionalText,
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { message: '应为 development、production 或 test' })
    .default('development'),
  PUBLIC_ORIGIN: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, message: '应为 http(s) 网址，例如 https://fund.example.gov.cn' })
      .transform((u) => new URL(u).origin)
      .optional(),
  ),
  DATA_KEY: optionalText,
  AUDIT_ANCHOR_KEY: optionalText,
  DEMO_PASSWORD: optionalText,
  FUND_TEST_MODE: z
    .enum(['0', '1', ''], { message: '只能为 1（开启测试时钟）或不设置' })
    .optional()
    .transform((v) => v === '1'),
  PASSWORD_HASH_PROFILE: z.enum(['owasp', 'fast'], { message: '应为 owasp 或 fast' }).default('owasp'),
  SIGNIN_RATE_PER_ACCOUNT: intIn(1, 10_000, 10, '每个账号的登录尝试次数上限'),
  SIGNIN_RATE_PER_IP: intIn(1, 100_000, 50, '每个 IP 的登录尝试次数上限'),
  SESSION_IDLE_MINUTES: intIn(1, 24 * 60, 30, '会话空闲超时（分钟）'),
  SESSION_ABSOLUTE_HOURS: intIn(1, 24 * 30, 12, '会话最长有效期（小时）'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: '应为 fatal/error/warn/info/debug/trace/silent' })
    .default('info'),
  NOTIFY_TRANSPORT: optionalText.pipe(
    z.enum(['log'], { message: '目前只能为 log（外发短信/邮件写入日志）' }).default('log'),
  ),
});

export interface Env {
  PORT: number;
  HOST: string;
  DATA_DIR: string;
  DATABASE_PATH: string;
  UPLOAD_DIR: string;
  NODE_ENV: 'development' | 'production' | 'test';
  /** Normalised origin (`https://host[:port]`), no trailing slash. */
  PUBLIC_ORIGIN: string | undefined;
  /** 32-byte master key for personal-data encryption (see src/crypto/pii.ts). Never logged, never in the DB. */
  DATA_KEY: Buffer;
  /** 32-byte HMAC key for audit-chain anchors (src/audit/audit-anchor.ts). Never in the DB. */
  AUDIT_ANCHOR_KEY: Buffer;
  /** Where the latest audit anchor is written: `<DATA_DIR>/audit-anchor.json`. */
  AUDIT_ANCHOR_FILE: string;
  DEMO_PASSWORD: string | undefined;
  /** FUND_TEST_MODE=1: the request clock is a settable TestClock. Refused when NODE_ENV=production. */
  FUND_TEST_MODE: boolean;
  /** 'owasp' = scrypt N=2^17 (reliability-security.md §4, ASVS 11.4.2); 'fast' only for tests and bulk seeding. */
  PASSWORD_HASH_PROFILE: 'owasp' | 'fast';
  /** Sign-in attempts allowed per account per 15 minutes (token-bucket capacity, refilled over 15 minutes). */
  SIGNIN_RATE_PER_ACCOUNT: number;
  /** Sign-in attempts allowed per client IP per 15 minutes (token-bucket capacity, refilled over 15 minutes). */
  SIGNIN_RATE_PER_IP: number;
  SESSION_IDLE_MINUTES: number;
  SESSION_ABSOLUTE_HOURS: number;
  /** True when PUBLIC_ORIGIN is https: cookies get `Secure` and the `__Host-` prefix; HSTS is sent. */
  SECURE_COOKIES: boolean;
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Outbound SMS/e-mail transport (src/notify/outbound.ts, ADR 012): 'log' (default, the only one for now). */
  NOTIFY_TRANSPORT: 'log';
}

export interface ParseEnvOptions {
  /** Where to print warnings (generated development keys). Default: console.warn. */
  warn?: (message: string) => void;
}

/** Parses a 32-byte key given as 64 hex characters or base64; returns null when it is neither. */
export function parseKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) {
    const b = Buffer.from(t, 'base64');
    if (b.length === KEY_BYTES) return b;
  }
  return null;
}

/**
 * Builds an `Env` from a plain record (never reads process.env itself). Absent keys in development/test are
 * generated once into `<DATA_DIR>/<file>` with mode 0600 and a printed warning; production requires them.
 */
export function parseEnv(source: Record<string, string | undefined>, options: ParseEnvOptions = {}): Env {
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const parsed = RawEnv.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(
      parsed.error.issues.map((i) => {
        const key = String(i.path[0] ?? '?');
        return `环境变量 ${key} 无效 (${key}): ${i.message}`;
      }),
    );
  }
  const raw = parsed.data;
  const problems: string[] = [];
  const production = raw.NODE_ENV === 'production';

  if (production && raw.FUND_TEST_MODE) {
    problems.push('生产环境禁止开启测试时钟 (FUND_TEST_MODE must not be set when NODE_ENV=production)');
  }

  const abs = (p: string) => (isAbsolute(p) ? p : resolve(REPO_ROOT, p));
  const DATA_DIR = abs(raw.DATA_DIR ?? join(REPO_ROOT, 'data'));
  const DATABASE_PATH = raw.DATABASE_PATH === ':memory:' ? ':memory:' : abs(raw.DATABASE_PATH ?? join(DATA_DIR, 'fund.db'));
  const UPLOAD_DIR = abs(raw.UPLOAD_DIR ?? join(DATA_DIR, 'uploads'));

  const key = (name: 'DATA_KEY' | 'AUDIT_ANCHOR_KEY', file: string, purpose: string): Buffer => {
    const given = raw[name];
    if (given !== undefined) {
      const k = parseKey(given);
      if (!k) problems.push(`环境变量 ${name} 无效 (${name}): 应为 32 字节密钥（64 位十六进制或 base64）`);
      return k ?? Buffer.alloc(KEY_BYTES);
    }
    if (production) {
      problems.push(`生产环境必须设置${purpose} (${name} is required when NODE_ENV=production)`);
      return Buffer.alloc(KEY_BYTES);
    }
    if (problems.length > 0) return Buffer.alloc(KEY_BYTES); // do not touch the disk for a config that fails anyway
    return loadOrCreateKeyFile(join(DATA_DIR, file), name, purpose, warn, problems);
  };
  const DATA_KEY = key('DATA_KEY', 'data.key', '个人信息加密密钥');
  const AUDIT_ANCHOR_KEY = key('AUDIT_ANCHOR_KEY', 'audit-anchor.key', '审计锚点密钥');
  if (problems.length > 0) throw new EnvError(problems);

  return {
    PORT: raw.PORT,
    HOST: raw.HOST,
    DATA_DIR,
    DATABASE_PATH,
    UPLOAD_DIR,
    NODE_ENV: raw.NODE_ENV,
    PUBLIC_ORIGIN: raw.PUBLIC_ORIGIN,
    DATA_KEY,
    AUDIT_ANCHOR_KEY,
    AUDIT_ANCHOR_FILE: join(DATA_DIR, 'audit-anchor.json'),
    DEMO_PASSWORD: raw.DEMO_PASSWORD,
    FUND_TEST_MODE: raw.FUND_TEST_MODE,
    PASSWORD_HASH_PROFILE: raw.PASSWORD_HASH_PROFILE,
    SIGNIN_RATE_PER_ACCOUNT: raw.SIGNIN_RATE_PER_ACCOUNT,
    SIGNIN_RATE_PER_IP: raw.SIGNIN_RATE_PER_IP,
    SESSION_IDLE_MINUTES: raw.SESSION_IDLE_MINUTES,
    SESSION_ABSOLUTE_HOURS: raw.SESSION_ABSOLUTE_HOURS,
    SECURE_COOKIES: raw.PUBLIC_ORIGIN?.startsWith('https:') ?? false,
    LOG_LEVEL: raw.LOG_LEVEL,
    NOTIFY_TRANSPORT: raw.NOTIFY_TRANSPORT,
  };
}

function loadOrCreateKeyFile(
  file: string,
  name: string,
  purpose: string,
  warn: (m: string) => void,
  problems: string[],
): Buffer {
  if (existsSync(file)) {
    const k = parseKey(readFileSync(file, 'utf8'));
    if (!k) problems.push(`密钥文件损坏 (${name} file ${file} does not hold a 32-byte key)`);
    return k ?? Buffer.alloc(KEY_BYTES);
  }
  const k = randomBytes(KEY_BYTES);
  mkdirSync(dirname(file), { recursive: true });
  // 'wx': never overwrite a key another process created meanwhile (that would make its data unreadable).
  writeFileSync(file, k.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  warn(
    `⚠ 未设置${purpose}，已生成并保存到 ${file}（仅限开发/测试；生产环境请通过 ${name} 提供并妥善备份）\n` +
      `  (${name} not set: generated a development key in ${file}; production requires ${name})`,
  );
  return k;
}

/** Reads `process.env` — called once, by the entry points (main.ts, cli/*). */
export function loadEnv(options?: ParseEnvOptions): Env {
  return parseEnv(process.env, options);
}
