/**
 * Stored XSS (reliability-security.md §4, ASVS 1.2 output encoding / 3.2): names and reasons typed by outsiders are
 * shown as plain text. The data is made through the real API over HTTP (as the apps would send it): an enterprise
 * registers under a hostile name, applies for 以奖代投 with a hostile investor name, a reviewer recommends it and
 * publishes it in a notice with a hostile title. The browser then opens the public notice page, the applicant's case
 * page in the portal and the reviewer's case page in the admin console: no dialog may fire, no injected element may
 * exist, and the literal text must be visible.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiSignIn, freshUscc, signInToConsole } from './support';

const HOSTILE_NAME = '<img src=x onerror=alert(1)>岳阳测试科技有限公司';
const HOSTILE_INVESTOR = '<script>alert("investor")</script>岳阳创投';
const HOSTILE_TITLE = '<svg onload=alert(2)>2026年度拟支持名单公示';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

const run = Date.now() % 1_000_000;
const applicant = { username: `e2e_xss_${run}`, password: 'a long and private phrase 2026' };

async function trpc<T>(api: APIRequestContext, path: string, input?: unknown, type: 'query' | 'mutation' = 'mutation'): Promise<T> {
  const res =
    type === 'query'
      ? await api.get(`/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`)
      : await api.post(`/trpc/${path}`, {
          headers: { 'content-type': 'application/json', 'x-fund-request': '1' },
          ...(input === undefined ? {} : { data: JSON.stringify(input) }),
        });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok() || body.error) throw new Error(`${path} failed (${res.status()}): ${JSON.stringify(body.error)}`);
  return body.result!.data;
}

async function upload(api: APIRequestContext, kind: string): Promise<number> {
  const res = await api.post('/api/documents', {
    headers: { 'x-fund-request': '1' },
    multipart: { kind, file: { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: PDF } },
  });
  if (res.status() !== 201) throw new Error(`upload ${kind} failed ${res.status()}: ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}


/** Fails the test if any dialog (alert/confirm/prompt) opens. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

async function expectInert(page: Page, dialogs: string[]): Promise<void> {
  await expect(page.locator('img[src="x"], script:not([src]):has-text("alert"), svg[onload]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
}

test.describe.configure({ mode: 'serial' });

let noticeId: number;
let caseId: number;

test('hostile names are stored through the API and reach a published notice', async ({ playwright, baseURL }) => {
  const anon = await playwright.request.newContext({ baseURL });
  const app = await playwright.request.newContext({ baseURL });
  const reviewer = await playwright.request.newContext({ baseURL });
  const admin = await playwright.request.newContext({ baseURL });

  const today = (await trpc<{ now: string }>(anon, 'health', undefined, 'query')).now;
  const day = new Date(Date.parse(today) + 8 * 3600_000).toISOString().slice(0, 10); // Beijing date

  await trpc(app, 'registration.registerEnterprise', {
    uscc: freshUscc(run + 7),
    name: HOSTILE_NAME,
    legalRepresentative: '张<b>三</b>',
    industry: 'software-it',
    establishedOn: '2025-05-01',
    registeredDistrictCode: '430602',
    employees: 20,
    revenueFen: 300_000_000,
    totalAssetsFen: null,
    reportingYear: 2025,
    contactName: '李四海',
    contactMobile: '13812345678',
    username: applicant.username,
    password: applicant.password,
    privacyConsentVersion: '2026-11',
  });
  const me = await trpc<{ id: number; name: string }>(app, 'enterprises.mine', undefined, 'query');
  expect(me.name).toBe(HOSTILE_NAME);
  const licenceDocumentId = await upload(app, 'business-licence');
  await trpc(app, 'verification.submitBankAccount', { bank: '中国工商银行岳阳分行', accountName: HOSTILE_NAME, accountNumber: '6222021234567890123' });

  await apiSignIn(reviewer, 'reviewer'); // with the 动态验证码 (second factor)
  const accounts = await trpc<{ bankAccounts: { id: number }[] }>(reviewer, 'verification.ofEnterprise', { enterpriseId: me.id }, 'query');
  await trpc(reviewer, 'verification.verifyEnterprise', {
    enterpriseId: me.id,
    licenceDocumentId,
    registeredDistrictCode: '430602',
    note: '营业执照核验一致',
  });
  await trpc(reviewer, 'verification.verifyBankAccount', { accountId: accounts.bankAccounts[0]!.id, decision: 'verified', reason: '开户许可证一致' });

  await apiSignIn(admin, 'admin');
  const { id: programmeId } = await trpc<{ id: number }>(admin, 'programmes.create', {
    name: `以奖代投（XSS 测试 ${run}）`,
    fiscalYear: Number(day.slice(0, 4)),
    opensOn: `${day.slice(0, 4)}-01-01`,
    closesOn: `${day.slice(0, 4)}-12-31`,
    parameters: { scheme: 'award-in-lieu-of-investment' },
    guidelines: '申报指南',
  });
  await trpc(admin, 'budget.allocate', { programmeId, amountFen: 50_000_000, memo: '预算下达', idempotencyKey: `xss-${run}-budget` });

  const evidence = await upload(app, 'milestone-evidence');
  const draft = await trpc<{ id: number }>(app, 'cases.saveDraft', {
    programmeId,
    data: { kind: 'equity-financing', financingFen: 300_000_000, financedOn: '2026-06-01', investorName: HOSTILE_INVESTOR },
    documentIds: [evidence],
  });
  caseId = draft.id;
  await trpc(app, 'cases.submit', { caseId });
  const c = await trpc<{ computedAmountFen: number }>(reviewer, 'cases.get', { caseId }, 'query');
  await trpc(reviewer, 'review.recommend', { caseId, amountFen: c.computedAmountFen });
  ({ noticeId } = await trpc<{ noticeId: number }>(reviewer, 'notices.publish', {
    caseIds: [caseId],
    publishedOn: day,
    title: HOSTILE_TITLE,
    objectionContact: '岳阳楼区中小微企业发展引导基金办公室 0730-8888888',
  }));
  for (const ctx of [anon, app, reviewer, admin]) await ctx.dispose();
});

test('the public notice page shows the hostile name and title as text', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto(`/notices/${noticeId}`);
  await expect(page.getByText(HOSTILE_NAME).first()).toBeVisible();
  await expect(page.getByText(HOSTILE_TITLE).first()).toBeVisible();
  await page.goto('/notices');
  await expect(page.getByText(HOSTILE_TITLE).first()).toBeVisible();
  await expectInert(page, dialogs);
});

test("the applicant's case page in the portal shows the hostile investor name as text", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto('/login');
  await page.getByLabel('用户名').fill(applicant.username);
  await page.getByLabel('密码').fill(applicant.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '我的企业' })).toBeVisible();
  await expect(page.getByText(HOSTILE_NAME).first()).toBeVisible();
  await page.goto(`/funding/cases/${caseId}`);
  await expect(page.getByText(HOSTILE_INVESTOR).first()).toBeVisible();
  await expectInert(page, dialogs);
});

test("the reviewer's case page in the admin console shows the hostile names as text", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await signInToConsole(page, 'reviewer');
  await page.goto(`/admin/review/cases/${caseId}`);
  await expect(page.getByText(HOSTILE_NAME).first()).toBeVisible();
  await expect(page.getByText(HOSTILE_INVESTOR).first()).toBeVisible();
  await expectInert(page, dialogs);
});
