import { totpCode, totpStep, TOTP_PERIOD_SECONDS } from '@fund/domain';
import { expect, test } from '@playwright/test';
import {
  currentTotp,
  demoTotpSecret,
  keepScreenshot,
  serverNow,
  startConsoleSignIn,
  submitConsoleCode,
} from './support';

/**
 * Staff second factor at sign-in (docs/decisions/013-second-factor.md): reviewer, finance and admin accounts enter
 * the 动态验证码 of their authenticator app after the password. The demo `reviewer` signs in here — not `finance`:
 * funding.spec.ts signs finance in weeks ahead on the test clock and then restores real time, and a code of a step
 * at or before the last accepted one is refused as a replay, so finance has no valid code left for the rest of the run.
 */

test('a reviewer is asked for the 动态验证码, is told a wrong code is wrong, and gets in with the right one', async ({
  page,
}) => {
  await page.goto('/admin/');
  await expect(page).toHaveURL(/\/admin\/login/);
  await startConsoleSignIn(page, 'reviewer');
  await expect(page.getByText('请输入动态验证码').first()).toBeVisible();
  const codeField = page.getByLabel('动态验证码', { exact: true });
  await expect(codeField).toBeFocused();
  await keepScreenshot(page, 'admin-signin-second-factor');

  // A six-digit code that no step the server could accept now (or in the next minute) shows.
  const secret = demoTotpSecret('reviewer');
  const step = totpStep(await serverNow(page.request));
  const valid = new Set(
    [-1, 0, 1, 2].map((d) => totpCode(secret, new Date((step + d) * TOTP_PERIOD_SECONDS * 1000))),
  );
  let wrong = 123_456;
  while (valid.has(String(wrong))) wrong++;
  await submitConsoleCode(page, String(wrong));
  const refusal = '动态验证码不正确，请输入身份验证器当前显示的6位数字';
  await expect(page.getByText(refusal)).toBeVisible();
  await expect(codeField).toHaveAccessibleDescription(refusal);
  await expect(page).toHaveURL(/\/admin\/login/);
  await keepScreenshot(page, 'admin-signin-second-factor-wrong-code');

  await submitConsoleCode(page, await currentTotp(page.request, 'reviewer'));
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page).not.toHaveURL(/\/admin\/login/);
  await expect(page.getByText(refusal)).toHaveCount(0);
});
