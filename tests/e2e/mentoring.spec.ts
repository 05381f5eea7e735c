import { expect, request as apiRequest, test, type Browser, type Page } from '@playwright/test';
import { apiSignIn, DEMO_PASSWORD, keepScreenshot, signInToConsole } from './support';

/**
 * The mentoring journey (导师制“传帮带”): an enterprise asks for a financing mentor, staff pair it from the ranked
 * list, the mentor accepts and logs a session, the enterprise rates it, and the yearly targets count it.
 *
 * Robust to the demo data and to the other spec files (one server, one database): the demo applicant's enterprise
 * already has a live request of its own (mentoring.seed.ts) and a mentee has one live request at a time, so the
 * enterprise asks on behalf of a named manager of the firm (企业家培育), with a name unique to this run. The demo
 * mentor is picked by name from the ranked list, and given a free place first should earlier runs have filled it.
 * The targets are compared with the figures read before the journey, not with absolute numbers.
 */

const run = Date.now() % 1_000_000;
const manager = { name: `端到端经理${run}`, title: '副总经理' };
const MENTOR = '孙志远';
const year = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

type Targets = { sessions: number; ratings: number; growthFirmManagersMentored: { count: number } };

/** A signed-in API session (the same /trpc the apps call, with the CSRF header they send). */
async function apiSession(baseURL: string, username: string) {
  const ctx = await apiRequest.newContext({ baseURL, extraHTTPHeaders: { 'x-fund-request': '1' } });
  await apiSignIn(ctx, username); // staff with a second factor (reviewer) send the current 动态验证码
  return {
    async query<T>(path: string, input?: unknown): Promise<T> {
      const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const res = await ctx.get(`/trpc/${path}${qs}`);
      expect(res.ok()).toBe(true);
      return ((await res.json()) as { result: { data: T } }).result.data;
    },
    async mutate<T>(path: string, input: unknown): Promise<T> {
      const res = await ctx.post(`/trpc/${path}`, { data: input });
      expect(res.ok()).toBe(true);
      return ((await res.json()) as { result: { data: T } }).result.data;
    },
    dispose: () => ctx.dispose(),
  };
}

async function signIn(browser: Browser, username: string, admin: boolean): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (admin) {
    await signInToConsole(page, username); // reviewer: with the 动态验证码; mentor: password only
  } else {
    await page.goto('/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
  }
  await expect(page.getByRole('button', { name: '登录' })).toHaveCount(0);
  return page;
}

/** Picks an option of an Ant Design Select (searchable, virtual list) found by its form label. */
async function choose(page: Page, label: string, option: string) {
  const select = page.getByLabel(label, { exact: true });
  await select.click();
  await select.fill(option);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .getByText(option, { exact: true })
    .click();
}

test('an enterprise asks for a financing mentor, staff pair it, the mentor accepts and logs a session, the enterprise rates it and the yearly targets count it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(360_000); // 5 sign-ins and 11 full-page screenshots; generous for a loaded CI machine
  const reviewerApi = await apiSession(baseURL!, 'reviewer');
  const before = await reviewerApi.query<Targets>('mentoring.targets.yearly', { year });

  // The demo mentor must have a free place for the ranked list to offer it.
  const mentorApi = await apiSession(baseURL!, 'mentor');
  const profile = await mentorApi.query<Record<string, unknown> & { load: { free: number; taken: number } }>(
    'mentoring.mentors.mine',
  );
  if (profile.load.free === 0 || profile.availability !== 'accepting') {
    await mentorApi.mutate('mentoring.mentors.updateMine', {
      name: profile.name,
      kind: profile.kind,
      organisation: profile.organisation,
      title: profile.title,
      industries: profile.industries,
      topics: profile.topics,
      capacity: Math.min(20, profile.load.taken + 1),
      availability: 'accepting',
      bio: profile.bio,
    });
  }
  await mentorApi.dispose();

  const enterprise = await signIn(browser, 'applicant', false);
  await test.step('the enterprise asks for a mentor on financing for a named manager of the firm', async () => {
    await enterprise.getByRole('menuitem', { name: '找导师' }).click();
    await expect(enterprise.getByRole('heading', { name: '找导师' })).toBeVisible();
    await enterprise.getByRole('radio', { name: /本企业的经营管理者/ }).check();
    await enterprise.getByLabel('经营管理者姓名').fill(manager.name);
    await enterprise.getByLabel('经营管理者职务').fill(manager.title);
    await enterprise.getByRole('checkbox', { name: '融资', exact: true }).check();
    await choose(enterprise, '所属行业', '软件和信息技术服务业');
    await enterprise.getByRole('radio', { name: '成长期' }).check();
    await enterprise.getByRole('radio', { name: '企业家导师' }).check();
    await enterprise
      .getByLabel('需求描述')
      .fill('公司计划明年启动A轮融资，希望导师指导融资方案设计、估值谈判和投资人对接。');
    await keepScreenshot(enterprise, 'mentoring-1-request-filled');
    await enterprise.getByRole('button', { name: '提交需求' }).click();

    await expect(enterprise.getByRole('heading', { name: '我的导师' })).toBeVisible();
    const card = enterprise.getByRole('region', {
      name: `导师需求：为 ${manager.name}（${manager.title}）申请`,
    });
    await expect(card.getByText('待匹配导师')).toBeVisible();
    await expect(card.getByText('融资', { exact: true })).toBeVisible();
    await keepScreenshot(enterprise, 'mentoring-2-request-submitted');
  });

  const staff = await signIn(browser, 'reviewer', true);
  await test.step('staff pair it with the demo mentor from the ranked, explained list', async () => {
    await staff.getByRole('menuitem', { name: '结对管理' }).click();
    await expect(staff.getByRole('heading', { name: '结对管理' })).toBeVisible();
    const row = staff.getByRole('row').filter({ hasText: manager.name });
    await expect(row.getByText('融资')).toBeVisible();
    await keepScreenshot(staff, 'mentoring-3-staff-queue');
    await row.getByRole('link', { name: '匹配导师' }).click();

    await expect(staff.getByRole('heading', { name: new RegExp(`辅导需求：${manager.name}`) })).toBeVisible();
    const mentorRow = staff.getByRole('row').filter({ hasText: MENTOR });
    await expect(mentorRow.getByText('行业匹配')).toBeVisible();
    await expect(mentorRow.getByText(/覆盖 1\/1 个需求主题：融资/)).toBeVisible();
    await expect(mentorRow.getByText(/符合希望的导师类型/)).toBeVisible();
    await keepScreenshot(staff, 'mentoring-4-ranked-suggestions');
    await mentorRow.getByRole('button', { name: '推荐结对' }).click();
    const dialog = staff.getByRole('dialog', { name: `推荐导师 ${MENTOR} 结对` });
    await dialog.getByRole('button', { name: '发出结对邀请' }).click();
    await expect(staff.getByText(new RegExp(`已向导师 ${MENTOR} 发出结对邀请`)).first()).toBeVisible();
    await expect(staff.getByText('结对记录')).toBeVisible();
    await keepScreenshot(staff, 'mentoring-5-proposed');
  });

  const mentor = await signIn(browser, 'mentor', true);
  await test.step('the mentor sees the deadline, accepts and logs a session', async () => {
    await mentor.getByRole('menuitem', { name: '我的结对' }).click();
    await expect(mentor.getByRole('heading', { name: '我的结对' })).toBeVisible();
    const proposal = mentor.getByRole('listitem').filter({ hasText: manager.name });
    await expect(proposal.getByText(/前回复/)).toBeVisible();
    await keepScreenshot(mentor, 'mentoring-6-mentor-proposal');
    await proposal.getByRole('button', { name: '接受' }).click();
    await expect(mentor.getByText(/已接受与 .* 结对/).first()).toBeVisible();

    await mentor.getByRole('button', { name: new RegExp(`辅导记录：${manager.name}`) }).click();
    await mentor.getByRole('button', { name: '登记辅导记录' }).click();
    const dialog = mentor.getByRole('dialog', { name: '登记辅导记录' });
    await dialog.getByLabel('辅导时长（分钟）').fill('90');
    await dialog.getByRole('radio', { name: '线上辅导' }).check();
    await dialog.getByRole('checkbox', { name: '融资', exact: true }).check();
    await dialog.getByLabel('辅导内容记录').fill('梳理融资路径，讨论A轮估值区间和投资人名单。');
    await dialog.getByLabel('约定事项').fill('一周内整理财务预测\n两周内完成融资路演材料');
    await keepScreenshot(mentor, 'mentoring-7-session-form');
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(mentor.getByText(/已开展 1 次/)).toBeVisible();
    await expect(mentor.getByText('梳理融资路径，讨论A轮估值区间和投资人名单。')).toBeVisible();
    await keepScreenshot(mentor, 'mentoring-8-session-logged');
  });

  await test.step('the enterprise sees its mentor and rates the session', async () => {
    await enterprise.reload();
    const card = enterprise.getByRole('region', {
      name: `导师需求：为 ${manager.name}（${manager.title}）申请`,
    });
    await expect(card.getByText('结对辅导中')).toBeVisible();
    await expect(card.getByText('岳阳巴陵创业投资有限公司')).toBeVisible();
    await expect(card.getByText('1 次（约定至少 4 次）')).toBeVisible();
    await card.getByRole('button', { name: '评价' }).click();
    const dialog = enterprise.getByRole('dialog', { name: /评价 .* 的辅导/ });
    await dialog.getByRole('radio', { name: /5 分/ }).check();
    await dialog.getByLabel('评价（选填）').fill('导师经验丰富，建议很具体。');
    await keepScreenshot(enterprise, 'mentoring-9-rating');
    await dialog.getByRole('button', { name: '提交评价' }).click();
    await expect(dialog).toBeHidden();
    await expect(card.getByText(/学员评分：5 分/)).toBeVisible();
    await expect(card.getByRole('button', { name: '评价' })).toHaveCount(0);
    await keepScreenshot(enterprise, 'mentoring-10-rated');
  });

  await test.step('the yearly targets count the session, the rating and the manager', async () => {
    await staff.getByRole('menuitem', { name: '年度目标' }).click();
    await expect(staff.getByRole('heading', { name: '年度目标' })).toBeVisible();
    await expect(staff.getByRole('region', { name: '辅导次数' })).toContainText(
      new RegExp(`辅导次数\\s*${before.sessions + 1}\\s*次`),
    );
    await expect(staff.getByRole('region', { name: '平均评分' })).toContainText(
      `共 ${before.ratings + 1} 次评分`,
    );
    await expect(staff.getByRole('region', { name: '辅导成长型企业经营管理者' })).toContainText(
      `${before.growthFirmManagersMentored.count + 1} 人`,
    );
    await expect(staff.getByText(new RegExp(manager.name))).toBeVisible();
    const after = await reviewerApi.query<Targets>('mentoring.targets.yearly', { year });
    expect(after.sessions).toBe(before.sessions + 1);
    expect(after.ratings).toBe(before.ratings + 1);
    await keepScreenshot(staff, 'mentoring-11-targets');
    const download = staff.waitForEvent('download');
    await staff.getByRole('button', { name: '导出导师贡献（Excel）' }).click();
    expect((await download).suggestedFilename()).toBe(`导师年度贡献-${year}.xlsx`);
  });
  await reviewerApi.dispose();
});
