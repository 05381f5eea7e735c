import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv, REPO_ROOT } from './env';

const hexKey = () => randomBytes(32).toString('hex');
const keys = () => ({ DATA_KEY: hexKey(), AUDIT_ANCHOR_KEY: randomBytes(32).toString('base64') });
const tmp = () => mkdtempSync(join(tmpdir(), 'fund-env-'));

function problemsOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source, { warn: () => {} });
  } catch (e) {
    expect(e).toBeInstanceOf(EnvError);
    return (e as EnvError).message;
  }
  throw new Error('expected parseEnv to refuse');
}

describe('environment', () => {
  it('applies the documented defaults under the repository data directory', () => {
    const env = parseEnv({ ...keys() });
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: join(REPO_ROOT, 'data'),
      DATABASE_PATH: join(REPO_ROOT, 'data', 'fund.db'),
      UPLOAD_DIR: join(REPO_ROOT, 'data', 'uploads'),
      NODE_ENV: 'development',
      FUND_TEST_MODE: false,
      PASSWORD_HASH_PROFILE: 'owasp',
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_HOURS: 12,
      SECURE_COOKIES: false,
    });
    expect(env.DATA_KEY).toHaveLength(32);
    expect(env.AUDIT_ANCHOR_KEY).toHaveLength(32);
  });

  it('refuses the test clock in production', () => {
    const message = problemsOf({ NODE_ENV: 'production', FUND_TEST_MODE: '1', ...keys() });
    expect(message).toMatch(/FUND_TEST_MODE/);
    expect(message).toMatch(/生产环境禁止/);
  });

  it.each(['abc', '70000', '-1', '3.5'])('refuses PORT=%s with a message naming the variable', (port) => {
    const message = problemsOf({ PORT: port, ...keys() });
    expect(message).toMatch(/环境变量 PORT 无效 \(PORT\)/);
  });

  it('refuses malformed keys and requires both keys in production', () => {
    expect(problemsOf({ DATA_KEY: 'too-short', AUDIT_ANCHOR_KEY: hexKey() })).toMatch(/DATA_KEY/);
    const prod = problemsOf({ NODE_ENV: 'production' });
    expect(prod).toMatch(/DATA_KEY is required/);
    expect(prod).toMatch(/AUDIT_ANCHOR_KEY is required/);
  });

  it('generates missing development keys once, with mode 0600, and reuses them', () => {
    const dir = tmp();
    const warnings: string[] = [];
    const first = parseEnv({ DATA_DIR: dir }, { warn: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(2);
    expect(statSync(join(dir, 'data.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'audit-anchor.key'), 'utf8').trim()).toBe(first.AUDIT_ANCHOR_KEY.toString('hex'));
    const second = parseEnv({ DATA_DIR: dir }, { warn: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(2);
    expect(second.DATA_KEY.equals(first.DATA_KEY)).toBe(true);
  });

  it('normalises PUBLIC_ORIGIN and turns on secure cookies for https', () => {
    const env = parseEnv({ PUBLIC_ORIGIN: 'https://fund.example.gov.cn/', ...keys() });
    expect(env.PUBLIC_ORIGIN).toBe('https://fund.example.gov.cn');
    expect(env.SECURE_COOKIES).toBe(true);
    expect(problemsOf({ PUBLIC_ORIGIN: 'ftp://x', ...keys() })).toMatch(/PUBLIC_ORIGIN/);
  });

  it('accepts FUND_TEST_MODE=1 outside production and rejects other values', () => {
    expect(parseEnv({ FUND_TEST_MODE: '1', NODE_ENV: 'test', ...keys() }).FUND_TEST_MODE).toBe(true);
    expect(problemsOf({ FUND_TEST_MODE: 'yes', ...keys() })).toMatch(/FUND_TEST_MODE/);
    expect(problemsOf({ PASSWORD_HASH_PROFILE: 'md5', ...keys() })).toMatch(/PASSWORD_HASH_PROFILE/);
  });
});
