import { expect, test, type Page } from '@playwright/test';
import { freshUscc, keepScreenshot, signInToConsole } from './support';

/** Picks an option of an Ant Design Select (searchable, virtual list) found by its form label. */
async function choose(page: Page, label: string, option: string) {
  const select = page.getByLabel(label, { exact: true });
  await select.click();
  await select.fill(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').getByText(option, { exact: true }).click();
}

async function fillDate(page: Page, label: string, date: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

// The admin journey looks up the enterprise the first journey registered: run (and retry) them together.
test.describe.configure({ mode: 'serial' });

const run = Date.now() % 1_000_000;
const enterprise = {
  uscc: freshUscc(run),
  name: `岳阳端到端测试科技有限公司${run}`,
  username: `e2e_ent_${run}`,
  password: 'a long and private phrase 2026',
};

test('an enterprise registers by its USCC, is signed in and sees its size class, stage and what it still needs', async ({
  page,
}) => {
  await page.goto('/');
  await keepScreenshot(page, 'portal-home');
  await page.getByRole('link', { name: /注册/ }).first().click();
  await page.getByRole('button', { name: '企业注册' }).click();
  await expect(page.getByRole('heading', { name: '企业注册' })).toBeVisible();

  await page.getByLabel('统一社会信用代码').fill(enterprise.uscc);
  await expect(page.getByText(/代码校验通过/)).toBeVisible();
  await page.getByLabel('企业名称').fill(enterprise.name);
  await page.getByLabel('法定代表人').fill('李测试');
  await choose(page, '所属行业', '软件和信息技术服务业');
  await fillDate(page, '成立日期', '2024-05-06');
  await page.getByLabel('从业人员').fill('12');
  await page.getByLabel('营业收入').fill('86.5万');
  await page.getByLabel('资产总额').fill('300000');
  await page.getByLabel('联系人姓名').fill('王联系');
  await page.getByLabel('联系人手机号码').fill('13812345678');
  await page.getByLabel('用户名').fill(enterprise.username);
  await page.getByLabel('密码', { exact: true }).fill(enterprise.password);
  await page.getByLabel('确认密码').fill(enterprise.password);
  await page.getByRole('checkbox', { name: /个人信息保护告知书/ }).check();
  await keepScreenshot(page, 'portal-register-enterprise-filled');
  await page.getByRole('button', { name: '注册', exact: true }).click();

  await expect(page.getByRole('heading', { name: '我的企业' })).toBeVisible();
  await expect(page.getByText(enterprise.name).first()).toBeVisible();
  await expect(page.getByText('小型企业').first()).toBeVisible(); // software-it: 12 staff, 86.5万 revenue → small
  await expect(page.getByText('初创期').first()).toBeVisible();
  await expect(page.getByText('待核验').first()).toBeVisible();
  await expect(page.getByText(/上传营业执照/)).toBeVisible();
  await expect(page.getByText('138****5678')).toBeVisible();
  await expect(page.getByText('13812345678')).toHaveCount(0);
  await keepScreenshot(page, 'portal-my-enterprise');

  // Signs out and back in with the new account.
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(enterprise.username);
  await page.getByLabel('密码').fill(enterprise.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '我的企业' })).toBeVisible();
});

test('an admin signs in to the console and finds the new enterprise by name and by USCC', async ({ page }) => {
  await page.goto('/admin/');
  await expect(page).toHaveURL(/\/admin\/login/);
  await keepScreenshot(page, 'admin-login');
  await signInToConsole(page, 'admin'); // with the 动态验证码 of the demo admin's second factor
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await keepScreenshot(page, 'admin-dashboard');

  await page.getByRole('menuitem', { name: '企业管理' }).click();
  await expect(page.getByRole('heading', { name: '企业管理' })).toBeVisible();
  const search = page.getByPlaceholder(/企业名称或统一社会信用代码/);
  await search.fill('端到端测试科技');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('link', { name: enterprise.name })).toBeVisible();
  await keepScreenshot(page, 'admin-enterprise-search');

  await search.fill(enterprise.uscc.slice(0, 12));
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name: enterprise.name }).click();
  await expect(page.getByText(enterprise.uscc).first()).toBeVisible();
  await expect(page.getByText('138****5678').first()).toBeVisible();
  await keepScreenshot(page, 'admin-enterprise-detail');

  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByText(/审计链完整|校验通过/).first()).toBeVisible();
  await keepScreenshot(page, 'admin-audit-log');
});

test('an individual founder without a licence registers and sees a masked profile', async ({ page }) => {
  await page.goto('/register');
  await page.getByRole('button', { name: '个人创业者注册' }).click();
  await page.getByLabel('姓名').fill('陈同学');
  await page.getByLabel('身份证号码').fill('430602200201011235');
  await page.getByLabel('学校').fill('湖南理工学院');
  await page.getByLabel('毕业年份').fill('2026');
  await page.getByLabel('手机号码').fill('13900001111');
  await page.getByLabel('用户名').fill(`e2e_founder_${run}`);
  await page.getByLabel('密码', { exact: true }).fill('another private phrase 2026');
  await page.getByLabel('确认密码').fill('another private phrase 2026');
  await page.getByRole('checkbox', { name: /个人信息保护告知书/ }).check();
  await page.getByRole('button', { name: '注册', exact: true }).click();

  await expect(page.getByRole('heading', { name: '我的资料' })).toBeVisible();
  await expect(page.getByText('陈同学').first()).toBeVisible();
  await expect(page.getByText('430602********1235')).toBeVisible();
  await expect(page.getByText('139****1111')).toBeVisible();
  await expect(page.getByText('430602200201011235')).toHaveCount(0);
  await keepScreenshot(page, 'portal-founder-profile');
});
