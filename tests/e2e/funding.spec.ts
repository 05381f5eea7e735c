import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { freshUscc, keepScreenshot, signInToConsole } from './support';

/**
 * The funding journey across both apps: an enterprise gets its licence and bank account verified, applies for a
 * loan interest subsidy, is recommended and published in a notice; after the notice period (test clock moved) the
 * finance bureau approves and records the payment, and the enterprise sees 已拨付 with the amount. The demo
 * `reviewer` and `finance` are different people (separation of duties). Data is unique per run; the clock is
 * restored at the end so other spec files are unaffected.
 */

const run = (Date.now() % 1_000_000) + 1;
const year = new Date().getFullYear();
const programmeName = `${year}年度贷款贴息（端到端${run}）`;
const enterprise = {
  uscc: freshUscc((run * 7 + 13) % 89_999_999),
  name: `岳阳贴息测试科技有限公司${run}`,
  username: `e2e_fund_${run}`,
  password: 'a long and private phrase 2026',
};
/** 200万 at 3.50% from 2026-01-15 for 181 days, LPR 3.00% − 150BP floor → ¥20,111.11 (§4, as in the API tests). */
const AMOUNT = '¥20,111.11';
const loan = {
  mode: 'lpr-spread',
  bankName: '中国建设银行岳阳分行',
  contractNo: `JH-E2E-${run}`,
  contractSignedOn: '2026-01-15',
  maturityOn: '2027-01-15',
  principalFen: 200_000_000,
  contractRatePct: '3.50',
  segments: [{ principalFen: 200_000_000, start: '2026-01-15', endExclusive: '2026-07-15' }],
};

/** A small valid PDF, generated here (the server checks the bytes, not the name). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

const CSRF = { 'x-fund-request': '1' };

async function trpc<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await request.post(`/trpc/${path}`, { data: input, headers: CSRF });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok() || !body.result)
    throw new Error(`${path} failed: ${res.status()} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

async function trpcQuery<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(`/trpc/${path}`);
  const body = (await res.json()) as { result?: { data: T } };
  if (!res.ok() || !body.result) throw new Error(`${path} failed: ${res.status()}`);
  return body.result.data;
}

async function setClock(request: APIRequestContext, now: Date) {
  await trpc(request, 'testing.setClock', { now: now.toISOString() });
}

/** A new browser with a staff user signed in to the console (with the 动态验证码 for the server's current time). */
async function staffPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInToConsole(page, username);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  return page;
}

async function applicantPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(enterprise.username);
  await page.getByLabel('密码').fill(enterprise.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '我的企业' })).toBeVisible();
  return page;
}

async function fillDate(page: Page, label: string, date: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

test.afterAll(async ({ playwright, baseURL }) => {
  // Back to real time for whatever runs next.
  const request = await playwright.request.newContext({ baseURL });
  await setClock(request, new Date());
  await request.dispose();
});

test('贷款贴息: verified, applied, recommended, published, approved after the notice and paid', async ({
  browser,
}) => {
  test.setTimeout(240_000);

  // ── admin: a programme with its budget ───────────────────────────────────────────────────────────────
  const admin = await staffPage(browser, 'admin');
  await admin.getByRole('menuitem', { name: '项目管理' }).click();
  await expect(admin.getByRole('heading', { name: '项目管理' })).toBeVisible();
  await admin.getByRole('button', { name: '新建项目' }).click();
  await admin.getByLabel('项目名称').fill(programmeName);
  await fillDate(admin, '申报开始日期', `${year}-01-01`);
  await fillDate(admin, '申报截止日期', `${year}-12-31`);
  await keepScreenshot(admin, 'funding-admin-programme-new');
  await admin.getByRole('button', { name: '创建项目' }).click();
  await expect(admin.getByRole('heading', { name: '项目管理' })).toBeVisible();
  await admin.getByRole('button', { name: `下达预算：${programmeName}` }).click();
  const allocate = admin.getByRole('dialog', { name: `下达预算：${programmeName}` });
  await allocate.getByLabel('下达金额').fill('100万');
  await allocate.getByLabel('下达说明').fill(`岳财预〔${year}〕${run}号`);
  await allocate.getByRole('button', { name: '确认下达' }).click();
  await expect(allocate).toBeHidden();
  const row = admin.getByRole('row', { name: new RegExp(programmeName) });
  await expect(row.getByText('¥1,000,000.00').first()).toBeVisible();
  await keepScreenshot(admin, 'funding-admin-programmes');
  const programmeId = (
    await trpcQuery<{ id: number; name: string }[]>(admin.request, 'programmes.list')
  ).find((p) => p.name === programmeName)?.id;

  // ── applicant: registers, uploads its licence and enters its bank account (portal) ───────────────────
  const applicant = await (await browser.newContext()).newPage();
  await trpc(applicant.request, 'registration.registerEnterprise', {
    uscc: enterprise.uscc,
    name: enterprise.name,
    legalRepresentative: '李测试',
    industry: 'software-it',
    establishedOn: '2024-05-06',
    registeredDistrictCode: '430602',
    employees: 20,
    revenueFen: 300_000_000,
    totalAssetsFen: null,
    reportingYear: year - 1,
    contactName: '王联系',
    contactMobile: '13812345678',
    username: enterprise.username,
    password: enterprise.password,
    privacyConsentVersion: '2026-11',
  });
  await applicant.goto('/enterprise/verification');
  await expect(applicant.getByRole('heading', { name: '企业核验' })).toBeVisible();
  const chooser = applicant.waitForEvent('filechooser');
  await applicant.getByRole('button', { name: '上传营业执照' }).click();
  await (await chooser).setFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(applicant.getByText('已上传，等待工作人员核验')).toBeVisible();
  await applicant.getByLabel('开户银行').fill('中国工商银行岳阳分行');
  await expect(applicant.getByLabel('账户名称')).toHaveValue(enterprise.name);
  await applicant.getByLabel('银行账号').fill('6222 0212 3456 7890 123');
  await applicant.getByRole('button', { name: '提交核验' }).click();
  await expect(applicant.getByText('账户已提交，等待工作人员核验', { exact: true })).toBeVisible();
  await keepScreenshot(applicant, 'funding-portal-verification-submitted');

  // ── reviewer: verifies the licence (district) and the account ────────────────────────────────────────
  const reviewer = await staffPage(browser, 'reviewer');
  await reviewer.getByRole('menuitem', { name: '企业核验' }).click();
  await reviewer.getByPlaceholder('企业名称或统一社会信用代码').fill(enterprise.name);
  await reviewer.getByRole('button', { name: '查询' }).click();
  await reviewer.getByRole('row', { name: new RegExp(enterprise.name) }).click();
  const drawer = reviewer.getByRole('dialog', { name: `核验：${enterprise.name}` });
  await expect(drawer.getByRole('link', { name: '查看/下载' })).toBeVisible();
  await expect(drawer.getByLabel('营业执照登记地（行政区划代码）')).toHaveValue('430602');
  await drawer.getByLabel('核验意见').fill('营业执照与登记信息一致，住所在岳阳楼区');
  await keepScreenshot(reviewer, 'funding-admin-verification');
  await drawer.getByRole('button', { name: '营业执照核验通过' }).click();
  await expect(drawer.getByText('已核验').first()).toBeVisible();
  await drawer.getByRole('button', { name: '账户核验通过' }).click();
  const decide = reviewer.getByRole('dialog', { name: '收款账户核验通过' });
  await decide.getByLabel('核验意见').fill('开户许可证与户名一致');
  await decide.getByRole('button', { name: '确定' }).click();
  await expect(drawer.getByText('核验通过', { exact: true })).toBeVisible();
  await keepScreenshot(reviewer, 'funding-admin-verification-done');
  // Escape closes the drawer once focus is back inside it (a toast can hold focus for a moment): retry briefly.
  await expect(async () => {
    await drawer.click({ position: { x: 5, y: 5 } });
    await reviewer.keyboard.press('Escape');
    await expect(drawer).toBeHidden({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });

  // ── applicant: applies for the programme with its documents (portal) ─────────────────────────────────
  await applicant.getByRole('menuitem', { name: '可申报项目' }).click();
  await expect(applicant.getByRole('heading', { name: '可申报项目' })).toBeVisible();
  const card = applicant
    .locator('.ant-card')
    .filter({ has: applicant.getByText(programmeName, { exact: true }) });
  await keepScreenshot(applicant, 'funding-apply-programmes');
  await card.getByRole('button', { name: /在线申报/ }).click();
  await expect(applicant.getByRole('heading', { name: '在线申报' })).toBeVisible();
  expect(programmeId).toBeDefined();
  await expect(applicant).toHaveURL(new RegExp(`/funding/apply/${programmeId}$`));
  await expect(applicant.getByText(programmeName, { exact: true })).toBeVisible();
  await applicant.getByLabel('贷款银行').fill(loan.bankName);
  await applicant.getByLabel('贷款合同编号').fill(loan.contractNo);
  await fillDate(applicant, '签约日期', loan.contractSignedOn);
  await fillDate(applicant, '到期日', loan.maturityOn);
  await applicant.getByLabel('贷款本金').fill('200万');
  await applicant.getByLabel('合同利率').fill(loan.contractRatePct);
  // A new form starts with one empty segment row (添加一段 adds more; one suffices for this loan).
  await expect(applicant.getByRole('button', { name: /添加一段/ })).toBeVisible();
  await applicant.getByLabel('第 1 段未偿本金').fill('200万');
  await fillDate(applicant, '第 1 段开始日期', loan.segments[0]!.start);
  await fillDate(applicant, '第 1 段结束日期', loan.segments[0]!.endExclusive);
  // The licence is on file from 企业核验; the loan's own documents are uploaded here.
  await expect(applicant.getByText('已在企业核验中上传，无需重复提交')).toBeVisible();
  for (const [label, file] of [
    ['借款合同', '借款合同.pdf'],
    ['放款凭证（借款借据）', '借款借据.pdf'],
    ['银行付息凭证或利息清单', '利息清单.pdf'],
  ] as const) {
    const picker = applicant.waitForEvent('filechooser');
    await applicant.getByRole('button', { name: `上传${label}` }).click();
    await (await picker).setFiles({ name: file, mimeType: 'application/pdf', buffer: PDF });
    await expect(applicant.getByRole('link', { name: new RegExp(file) })).toBeVisible();
  }
  await applicant.getByRole('button', { name: /保存草稿/ }).click();
  await expect(applicant.getByText(/草稿已保存（申报编号 /)).toBeVisible();
  await keepScreenshot(applicant, 'funding-apply-form');
  await applicant.getByRole('button', { name: /计算并预览/ }).click();
  const confirmCard = applicant.locator('.ant-card').filter({ hasText: '确认申报金额' });
  await expect(confirmCard.getByText('符合申报条件')).toBeVisible();
  await expect(confirmCard.getByText(AMOUNT).first()).toBeVisible();
  // The working, as the API tests assert it: 3.50% − (3.00% LPR − 150BP) = 2.00% over 181 days.
  await expect(confirmCard.getByRole('row', { name: '贴息利率 2.00%', exact: true })).toBeVisible();
  await expect(
    confirmCard.getByRole('row', {
      name: '2026-01-15 至 2026-07-15（181 天） ¥2,000,000.00 × 2.00% × 181/360 = ¥20,111.11',
      exact: true,
    }),
  ).toBeVisible();
  await keepScreenshot(applicant, 'funding-apply-preview');
  await applicant.getByRole('button', { name: '确认提交' }).click();
  const caseHeading = applicant.getByRole('heading', { name: /^申报 / });
  await expect(caseHeading).toBeVisible();
  await expect(applicant.getByText('已提交', { exact: true }).first()).toBeVisible();
  await keepScreenshot(applicant, 'funding-apply-submitted');
  const caseNo = (/^申报 (\S+)$/.exec((await caseHeading.textContent())?.trim() ?? '') ?? [])[1]!;
  expect(caseNo).toBeTruthy();

  // ── reviewer: the case page, recommend, publish the notice ───────────────────────────────────────────
  await reviewer.getByRole('menuitem', { name: '审核' }).click();
  await expect(reviewer.getByRole('heading', { name: '审核' })).toBeVisible();
  await keepScreenshot(reviewer, 'funding-admin-review-queue');
  await reviewer.getByRole('link', { name: caseNo }).click();
  await expect(reviewer.getByRole('heading', { name: `案件 ${caseNo}` })).toBeVisible();
  await expect(reviewer.getByText(AMOUNT).first()).toBeVisible();
  await expect(reviewer.getByText(/提交申报/).first()).toBeVisible();
  await keepScreenshot(reviewer, 'funding-admin-case');
  await reviewer.getByRole('button', { name: '推荐' }).click();
  const recommend = reviewer.getByRole('dialog', { name: `推荐：${caseNo}` });
  await expect(recommend.getByLabel('推荐金额')).toHaveValue('20111.11');
  await recommend.getByRole('button', { name: '确认推荐' }).click();
  await expect(reviewer.getByText('已推荐', { exact: true }).first()).toBeVisible();

  await reviewer.getByRole('menuitem', { name: '公示管理' }).click();
  await reviewer.getByRole('checkbox', { name: `选择 ${caseNo}` }).check();
  await expect(reviewer.getByText(/个工作日）/)).toBeVisible();
  await keepScreenshot(reviewer, 'funding-admin-notice-publish');
  await reviewer.getByRole('button', { name: '发布公示' }).click();
  const published = reviewer.getByRole('dialog').filter({ hasText: '公示已发布' });
  await expect(published).toBeVisible();
  const endsOn = /公示期至 (\d{4}-\d{2}-\d{2})/.exec((await published.textContent()) ?? '')?.[1];
  expect(endsOn).toBeDefined();
  await keepScreenshot(reviewer, 'funding-admin-notice-published');

  // ── finance: approval is refused while the notice runs ───────────────────────────────────────────────
  let finance = await staffPage(browser, 'finance');
  await finance.getByRole('menuitem', { name: '财政审批' }).click();
  await finance.getByRole('button', { name: `审批通过 ${caseNo}` }).click();
  let approve = finance.getByRole('dialog', { name: `审批通过：${caseNo}` });
  await approve.getByRole('button', { name: '确认审批通过' }).click();
  await expect(approve.getByRole('alert')).toContainText(`公示期至 ${endsOn} 结束`);
  await keepScreenshot(finance, 'funding-admin-finance-refused-in-notice');
  await approve.getByRole('button', { name: '关闭', exact: true }).last().click();
  await expect(approve).toBeHidden();

  // ── after the notice period ──────────────────────────────────────────────────────────────────────────
  const payDay = addDays(endsOn!, 1);
  await setClock(finance.request, new Date(`${payDay}T02:00:00.000Z`));
  finance = await staffPage(browser, 'finance');
  await finance.getByRole('menuitem', { name: '财政审批' }).click();
  await finance.getByRole('button', { name: `审批通过 ${caseNo}` }).click();
  approve = finance.getByRole('dialog', { name: `审批通过：${caseNo}` });
  await expect(approve.getByText(/请求编号/)).toBeVisible();
  await keepScreenshot(finance, 'funding-admin-finance-approve');
  await approve.getByRole('button', { name: '确认审批通过' }).click();
  await expect(finance.getByText(/已审批通过，占用预算 ¥20,111.11/)).toBeVisible();

  await finance.getByRole('tab', { name: '待拨付' }).click();
  await finance.getByRole('checkbox', { name: `选择 ${caseNo}` }).check();
  await finance.getByRole('button', { name: /生成拨付批次/ }).click();
  await expect(finance.getByText(/已生成拨付批次 PB-/)).toBeVisible();
  const caseRow = finance.getByRole('row', { name: new RegExp(caseNo) });
  await caseRow.getByRole('button', { name: '导出银行文件' }).click();
  const exportDialog = finance.getByRole('dialog').filter({ hasText: '完整银行账号' });
  await expect(exportDialog).toContainText('记入审计日志');
  await keepScreenshot(finance, 'funding-admin-finance-export');
  const download = finance.waitForEvent('download');
  await exportDialog.getByRole('button', { name: '确认导出（记入审计）' }).click();
  expect((await download).suggestedFilename()).toMatch(/^PB-.*\.xlsx$/);

  await caseRow.getByRole('button', { name: `登记付款 ${caseNo}` }).click();
  const pay = finance.getByRole('dialog', { name: `登记付款：${caseNo}` });
  await pay.getByLabel('支付凭证号').fill(`GK-${run}`);
  await fillDate(finance, '支付日期', payDay);
  await keepScreenshot(finance, 'funding-admin-finance-payment');
  await pay.getByRole('button', { name: '确认登记付款' }).click();
  await expect(finance.getByText(/已登记付款 ¥20,111.11/)).toBeVisible();
  await finance.getByRole('tab', { name: '已拨付' }).click();
  await expect(finance.getByRole('row', { name: new RegExp(caseNo) })).toBeVisible();
  await keepScreenshot(finance, 'funding-admin-finance-disbursed');

  // ── applicant: sees 已拨付 and the amount ───────────────────────────────────────────────────────────
  const portal = await applicantPage(browser);
  await portal.goto('/funding/cases');
  const mine = portal.getByRole('row', { name: new RegExp(caseNo) });
  await expect(mine.getByText('已拨付')).toBeVisible();
  await expect(mine.getByText(AMOUNT)).toBeVisible();
  await keepScreenshot(portal, 'funding-portal-disbursed');
});
