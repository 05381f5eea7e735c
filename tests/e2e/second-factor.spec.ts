import { totpCode, totpStep, TOTP_PERIOD_SECONDS } from '@fund/domain';
import { expect, test } from '@playwright/test';
import {
  currentTotp,
  demoTotpSecret,
  keepScreenshot,
  serverNow,
  signInToConsole,
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

/** Ant Design puts a space between the two characters of a two-character button (完成 → 完 成). */
const button = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`);

test('a new reviewer sets up the 动态验证码 at first sign-in, keeps a recovery code and later signs in with it', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // Unique per run, so that a rerun against a kept database does not clash with an earlier account.
  const username = `clerk.${Date.now().toString(36)}`;
  const displayName = '周晓岚';
  const initialPassword = 'Chushi-Mima-2026!';
  const newPassword = 'Dongting hu shui qing 2026';

  await test.step('the administrator creates the staff account with the reviewer role and an initial password', async () => {
    await signInToConsole(page, 'admin');
    await page.getByRole('menu', { name: '功能导航' }).getByRole('menuitem', { name: '用户管理' }).click();
    await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建工作人员账号' });
    await dialog.getByLabel('用户名', { exact: true }).fill(username);
    await dialog.getByLabel('姓名', { exact: true }).fill(displayName);
    // As a clerk does: type the role's Chinese name into the picker and take the match with Enter. The options of the
    // (portalled, virtual) list carry their label as a title, as does the chosen tag.
    const roles = dialog.getByLabel('角色', { exact: true });
    await roles.click();
    await roles.fill('审核');
    await expect(
      page.locator('.ant-select-dropdown:visible').getByTitle('审核经办人', { exact: true }),
    ).toBeVisible();
    await roles.press('Enter');
    await expect(dialog.getByTitle('审核经办人', { exact: true })).toBeVisible();
    await dialog.getByLabel('初始密码', { exact: true }).fill(initialPassword);
    await dialog.getByRole('button', { name: button('创建') }).click();
    await expect(page.getByText(/^账号已创建/)).toBeVisible();
    await expect(dialog).toBeHidden();
    await page.getByLabel('搜索用户').fill(username);
    await page.getByLabel('搜索用户').press('Enter');
    const row = page.getByRole('row').filter({ hasText: username });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell', { name: displayName })).toBeVisible();
    await expect(row.getByText('审核经办人')).toBeVisible();
    await expect(row.getByText('未启用')).toBeVisible();
  });

  const clerk = await (await browser.newContext()).newPage();
  let kept = '';

  await test.step('the new reviewer signs in with the initial password and must change it first', async () => {
    await clerk.goto('/admin/login');
    await clerk.getByLabel('用户名', { exact: true }).fill(username);
    await clerk.getByLabel('密码', { exact: true }).fill(initialPassword);
    await clerk.getByRole('button', { name: button('登录') }).click();
    await expect(clerk.getByRole('heading', { name: '修改密码' })).toBeVisible();
    await expect(clerk.getByText('请先修改密码')).toBeVisible();
    await clerk.getByLabel('当前密码', { exact: true }).fill(initialPassword);
    await clerk.getByLabel('新密码', { exact: true }).fill(newPassword);
    await clerk.getByLabel('确认新密码', { exact: true }).fill(newPassword);
    await clerk.getByRole('button', { name: '修改密码' }).click();
    await expect(clerk.getByText('密码已修改')).toBeVisible();
  });

  await test.step('then sets up the 动态验证码: scans the QR code (or types the key) and proves it with a code', async () => {
    await expect(clerk.getByRole('heading', { name: '设置动态验证码' })).toBeVisible();
    await expect(clerk).toHaveURL(/\/admin\/account\/second-factor/);
    await expect(clerk.getByText('请先设置动态验证码')).toBeVisible();
    for (const title of ['安装身份验证器', '扫码并验证', '保存恢复码']) {
      await expect(clerk.getByText(title, { exact: true }).first()).toBeVisible();
    }
    // No way around the set-up while it is forced: the menu is empty.
    await expect(clerk.getByRole('menu', { name: '功能导航' }).getByRole('menuitem')).toHaveCount(0);
    await clerk.getByRole('button', { name: '开始设置' }).click();
    await expect(clerk.getByRole('img', { name: '供身份验证器扫描的二维码' })).toBeVisible();
    await expect(clerk.getByText(`您的用户名 ${username}`)).toBeVisible();
    const secret = (await clerk.getByLabel('密钥', { exact: true }).innerText()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expect(clerk.getByText('密码已修改')).toBeHidden(); // the earlier toast, out of the screenshots
    await keepScreenshot(clerk, 'admin-second-factor-setup-qr');
    // What the authenticator app shows at the server's (test) time.
    const code = totpCode(secret, await serverNow(clerk.request));
    await clerk.getByLabel('动态验证码', { exact: true }).fill(code);
    await clerk.getByRole('button', { name: '验证并启用' }).click();
  });

  await test.step('and keeps the ten recovery codes before going on to the console', async () => {
    await expect(clerk.getByText('恢复码只显示这一次，请立即保存')).toBeVisible();
    const codes = clerk.getByRole('list', { name: '恢复码' }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    const all = (await codes.allInnerTexts()).map((c) => c.trim());
    expect(new Set(all).size).toBe(10);
    kept = all[3]!;
    expect(kept).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)+$/);
    const done = clerk.getByRole('button', { name: button('完成') });
    await expect(done).toBeDisabled();
    await clerk.getByRole('checkbox', { name: '我已将恢复码保存在安全的地方' }).check();
    await expect(done).toBeEnabled();
    await keepScreenshot(clerk, 'admin-second-factor-recovery-codes');
    await done.click();
    await expect(clerk.getByText('动态验证码已启用，今后登录时须输入')).toBeVisible();
    await expect(clerk.getByRole('heading', { name: '工作台' })).toBeVisible();
    const review = clerk
      .getByRole('menu', { name: '功能导航' })
      .getByRole('link', { name: '审核', exact: true });
    await expect(review).toBeVisible();
    await review.click();
    await expect(clerk.getByRole('heading', { name: '审核' })).toBeVisible();
  });

  await test.step('signed out, the reviewer signs in again with a recovery code instead of the app', async () => {
    await clerk.getByRole('button', { name: `用户菜单：${displayName}` }).click();
    await clerk.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(clerk.getByText('您已安全退出')).toBeVisible();
    await expect(clerk).toHaveURL(/\/admin\/login/);
    await startConsoleSignIn(clerk, username, newPassword);
    await clerk.getByRole('button', { name: '无法使用身份验证器？使用恢复码' }).click();
    await expect(clerk.getByLabel('动态验证码', { exact: true })).toHaveCount(0);
    await expect(clerk.getByText('请输入恢复码')).toBeVisible();
    const field = clerk.getByLabel('恢复码', { exact: true });
    await expect(field).toBeFocused();
    await field.fill(kept);
    await clerk.getByRole('button', { name: button('登录') }).click();
    const notice = clerk.getByRole('alert').filter({ hasText: '您已使用恢复码登录' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('剩余 9 个恢复码');
    // Back in the console: on 工作台, or on 审核 when the sign-in page kept where she signed out (?next=/review).
    await expect(clerk.getByRole('heading', { level: 3, name: /^(工作台|审核)$/ })).toBeVisible();
    await expect(clerk).not.toHaveURL(/\/admin\/login/);
    await expect(
      clerk.getByRole('menu', { name: '功能导航' }).getByRole('link', { name: '审核', exact: true }),
    ).toBeVisible();
    // The notice lies over the user menu (top right) for 15 s: she closes it after reading.
    await notice.getByRole('button', { name: '关闭' }).click();
    await expect(notice).toBeHidden();
  });

  await test.step('账号安全 shows the 动态验证码 on, with 9 recovery codes left', async () => {
    await clerk.getByRole('button', { name: `用户菜单：${displayName}` }).click();
    await clerk.getByRole('menuitem', { name: '账号安全' }).click();
    await expect(clerk.getByRole('heading', { name: '账号安全' })).toBeVisible();
    await expect(clerk.getByText('已启用', { exact: true })).toBeVisible();
    const left = clerk.getByRole('row').filter({ hasText: '剩余恢复码' });
    await expect(left).toContainText('9 个');
    await keepScreenshot(clerk, 'admin-account-security');
  });

  await test.step('the administrator resets the lost factor on 用户管理', async () => {
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: username });
    await expect(row.getByText('已启用')).toBeVisible();
    await row.getByRole('button', { name: '重置动态验证码' }).click();
    const dialog = page.getByRole('dialog', { name: `重置动态验证码：${displayName}（${username}）` });
    await expect(dialog.getByText('本人下次登录时须重新设置动态验证码')).toBeVisible();
    await dialog.getByLabel('原因', { exact: true }).fill('本人手机丢失，已当面核实身份');
    await dialog.getByRole('button', { name: button('重置') }).click();
    await expect(page.getByText('动态验证码已重置')).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(row.getByText('未启用')).toBeVisible();
    await expect(row.getByRole('button', { name: '重置动态验证码' })).toHaveCount(0);
  });
  await clerk.context().close();
});
