import { TOTP_PERIOD_SECONDS, TOTP_WINDOW, totpCode, totpStep } from '@fund/domain';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demo password the e2e server is started with (playwright.config.ts). */
export const DEMO_PASSWORD = 'Demo-Pass-2026!';

const screensDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts', 'screens');

/** Keeps a full-page screenshot of what the user sees as a test artifact (tests/artifacts/screens). */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screensDir, { recursive: true });
  await page.screenshot({ path: join(screensDir, `${name}.png`), fullPage: true });
}

/** Computes a valid 统一社会信用代码 (GB 32100-2015) for a given 17-character body with a valid org-code check. */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export function usccWithCheckChar(first17: string): string {
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARS.indexOf(first17[i]!) * w[i]!;
  const c = 31 - (sum % 31);
  return first17 + CHARS[c === 31 ? 0 : c]!;
}

/** A fresh, valid USCC registered in 岳阳楼区 (430602), unique per call within a run. */
export function freshUscc(seed: number): string {
  const body = String(10_000_000 + (seed % 89_999_999))
    .padStart(8, '0')
    .slice(-8);
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(body[i]) * orgWeights[i]!;
  const r = 11 - (s % 11);
  const orgCheck = r === 10 ? 'X' : r === 11 ? '0' : String(r);
  return usccWithCheckChar(`91430602${body}${orgCheck}`);
}

// ─── staff second factor (TOTP) ──────────────────────────────────────────────────────────────────────────────────

/** The demo accounts whose roles (reviewer, finance, admin) require a second factor at sign-in. */
export const SECOND_FACTOR_USERNAMES: ReadonlySet<string> = new Set(['admin', 'reviewer', 'finance']);

const PERIOD_MS = TOTP_PERIOD_SECONDS * 1000;
/** The longest we wait for the server's clock to reach a step with a fresh code (normally at most one step). */
const MAX_TOTP_WAIT_MS = 35_000;
const CSRF = { 'x-fund-request': '1' };

/**
 * The demo TOTP secret of a staff account, as the demo seed derives it from the demo password: base32 of the first
 * 20 bytes of HMAC-SHA256(key = password, 'demo-totp/' + username). Keep in step with
 * packages/api/src/seed/demo-totp.ts (`demoTotpSecret`).
 */
export function demoTotpSecret(username: string, password = DEMO_PASSWORD): string {
  const bytes = createHmac('sha256', password).update(`demo-totp/${username}`).digest().subarray(0, 20);
  return base32(bytes);
}

/** RFC 4648 base32 without padding (20 bytes → 32 characters, as `otpauth`'s Secret#base32 gives). */
function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/**
 * The server's current time. Its clock is a test clock that specs move (`testing.setClock`), so codes must be
 * computed for it, not for this process's clock. There is no "read the clock" procedure: advancing by 0 ms changes
 * nothing and answers the time (packages/api/src/testing.router.ts).
 */
export async function serverNow(request: APIRequestContext): Promise<Date> {
  const res = await request.post('/trpc/testing.advanceClock', { data: { ms: 0 }, headers: CSRF });
  const body = (await res.json()) as { result?: { data: { now: string } } };
  if (!res.ok() || !body.result) throw new Error(`testing.advanceClock(0) failed: ${res.status()}`);
  return new Date(body.result.data.now);
}

/**
 * The last TOTP step this worker used per username. The server accepts a code once only: a code of the same or an
 * earlier step than the account's last accepted one is refused (AUTH.TOTP_REUSED). Tests run one after another in
 * one worker, so this map knows every step we used — unless the worker was restarted after a failure, in which case
 * the server's AUTH.TOTP_REUSED answer teaches it again (`rememberUsedStep`).
 */
const lastUsedStep = new Map<string, number>();

function rememberUsedStep(username: string, step: number): void {
  lastUsedStep.set(username, Math.max(step, lastUsedStep.get(username) ?? -Infinity));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A code the server will accept now for a demo staff account, as its authenticator app would show it — and marks
 * its step as used. The server accepts the steps now−1 … now+1 (TOTP_WINDOW) that are later than the last accepted
 * one, so:
 * - nothing used yet at or after the server's current step: the current step's code;
 * - the current step already used (two sign-ins within 30 s): the next step's code, which the window accepts now
 *   (an app showing the code a little early);
 * - the next step used too: wait (polling the server's clock) until it reaches that step, then use the step after —
 *   at most one step, 30 s;
 * - the last used step lies further ahead than that: a spec moved the server's clock back after signing this account
 *   in (funding.spec.ts signs `finance` in weeks ahead, then restores real time). Every code up to that step is
 *   refused until the server's clock gets there again; no honest code exists, so this fails with an explanation
 *   rather than after a puzzling AUTH.TOTP_REUSED. Do not sign such an account in again in the same run.
 */
export async function currentTotp(
  request: APIRequestContext,
  username: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const secret = demoTotpSecret(username, password);
  const started = Date.now();
  for (;;) {
    const now = await serverNow(request);
    const step = totpStep(now);
    const last = lastUsedStep.get(username);
    const candidate = last === undefined ? step : Math.max(step, last + 1);
    if (candidate <= step + TOTP_WINDOW) {
      rememberUsedStep(username, candidate);
      return totpCode(secret, new Date(candidate * PERIOD_MS));
    }
    // The candidate becomes acceptable once the server's step reaches candidate − WINDOW.
    const waitMs = (candidate - TOTP_WINDOW) * PERIOD_MS - now.getTime();
    if (waitMs > MAX_TOTP_WAIT_MS || Date.now() - started > MAX_TOTP_WAIT_MS) {
      throw new Error(
        `No fresh TOTP code for "${username}": a code of step ${last} was already used, but the server's clock ` +
          `(${now.toISOString()}, step ${step}) is ${Math.round(waitMs / 1000)} s short of accepting a later one. ` +
          'A spec probably moved the server clock back after signing this account in; codes up to that step are ' +
          'refused as replays until the server clock gets there again. Sign in another account instead.',
      );
    }
    await sleep(Math.min(waitMs + 250, 5_000));
  }
}

type SignInError = { message?: string; data?: { domainCode?: string | null } };

/**
 * Signs a request context in through `auth.signIn`, as the apps do; demo staff with a second factor send the current
 * code. A code refused as a replay (the worker forgot a step it used) is retried with a fresh one.
 */
export async function apiSignIn(
  request: APIRequestContext,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const totp = SECOND_FACTOR_USERNAMES.has(username)
      ? await currentTotp(request, username, password)
      : undefined;
    const res = await request.post('/trpc/auth.signIn', {
      data: { username, password, ...(totp === undefined ? {} : { totp }) },
      headers: CSRF,
    });
    if (res.ok()) return;
    const error = ((await res.json()) as { error?: SignInError }).error;
    if (error?.data?.domainCode === 'AUTH.TOTP_REUSED' && attempt < 3) continue; // its step is remembered already
    throw new Error(`auth.signIn as ${username} failed: ${res.status()} ${JSON.stringify(error)}`);
  }
}

const SIGN_IN_BUTTON = { name: /^登\s*录$/ };

async function fillCredentials(page: Page, username: string, password: string): Promise<void> {
  if (!/\/admin\/login/.test(page.url())) await page.goto('/admin/login');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', SIGN_IN_BUTTON).click();
}

/**
 * The first half of a console sign-in for staff with a second factor: opens the sign-in page (unless already on it),
 * fills 用户名 and 密码, clicks 登录 and waits for the console to ask for the 动态验证码.
 */
export async function startConsoleSignIn(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await fillCredentials(page, username, password);
  await expect(page.getByLabel('动态验证码', { exact: true })).toBeVisible();
}

/** What the console shows under 动态验证码 when the server refuses a code (AUTH.TOTP_INVALID / AUTH.TOTP_REUSED). */
export const CODE_REFUSED = /动态验证码不正确|该动态验证码已使用过/;

/** Types a code into 动态验证码 (which clears an earlier refusal under it) and submits the form again. */
export async function submitConsoleCode(page: Page, code: string): Promise<void> {
  const field = page.getByLabel('动态验证码', { exact: true });
  await field.fill(code);
  await expect(page.getByText(CODE_REFUSED).first()).toBeHidden();
  // Enter submits the form as people do after typing a code; a click on 登录 once hung under heavy load in CI.
  await field.press('Enter');
}

/**
 * Signs a user in through the admin console's sign-in page, as a person would: 用户名, 密码, 登录; for staff with a
 * second factor (reviewer, finance, admin) then the 动态验证码 their app shows at the server's time, 登录 again.
 * Returns once the console has left the sign-in page.
 */
export async function signInToConsole(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  if (!SECOND_FACTOR_USERNAMES.has(username)) {
    await fillCredentials(page, username, password);
  } else {
    await startConsoleSignIn(page, username, password);
    const refused = page.getByText(CODE_REFUSED).first();
    for (let attempt = 1; ; attempt++) {
      // Computed only now that the field is shown, so the code is as fresh as can be when it is submitted.
      await submitConsoleCode(page, await currentTotp(page.request, username, password));
      let outcome = 'waiting' as 'in' | 'refused' | 'waiting';
      await expect
        .poll(
          async () =>
            (outcome = !new URL(page.url()).pathname.startsWith('/admin/login')
              ? 'in'
              : (await refused.isVisible())
                ? 'refused'
                : 'waiting'),
          { timeout: 15_000, message: `console sign-in as ${username}` },
        )
        .not.toBe('waiting');
      if (outcome === 'in') break;
      // A replay the worker did not know of (its step is remembered now): one more try with a fresh code.
      if (
        attempt >= 2 ||
        !(await page
          .getByText(/该动态验证码已使用过/)
          .first()
          .isVisible())
      )
        throw new Error(`console sign-in as ${username}: ${await refused.first().textContent()}`);
    }
  }
  await expect(page).not.toHaveURL(/\/admin\/login/);
}
