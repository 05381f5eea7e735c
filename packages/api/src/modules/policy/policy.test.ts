import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/account-fixtures';
import type { CookieJar, TestServer } from '../../test/harness';
import { apply, createProgramme, LOAN_DOCS } from '../funding/test/flow';
import {
  loanData,
  makeReady,
  NOTICE_CONTACT,
  signedIn,
  startFundingServer,
  type Client,
} from '../funding/test/fixtures';
import { newMentor, requestInput } from '../mentoring/mentoring.fixtures';
import { missingYearWarning } from './policy.service';

/**
 * NOT the official 2027 arrangement (it is not published yet): an obviously invented schedule for the tests, with
 * a Sunday and a Saturday 调休. The product ships without 2027 until an administrator enters the real notice.
 */
const TEST_2027 = {
  year: 2027,
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-03',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
    '2027-02-13',
  ],
  workdays: ['2027-02-14', '2027-02-20'],
  source: '测试用安排（非官方，仅供自动化测试）',
};

/** Mon 2026-12-28 10:00 in Beijing. */
const DEC_28 = new Date('2026-12-28T02:00:00.000Z');

function count(server: TestServer, sql: string, ...params: unknown[]): number {
  return (server.sqlite.prepare(sql).get(...params) as { n: number }).n;
}

function policyWrites(server: TestServer) {
  return {
    years: count(server, 'select count(*) as n from calendar_year'),
    lpr: count(server, 'select count(*) as n from lpr_rate'),
    audit: count(server, "select count(*) as n from audit_event where action like 'policy.%'"),
  };
}

describe('a 公示 that reaches into a year the administrator enters later', () => {
  let server: TestServer;
  let admin: Client;
  let reviewer: Client;
  let caseId: number;
  beforeAll(async () => {
    server = await startFundingServer();
    admin = (await signedIn(server, 'admin')).client;
    reviewer = (await signedIn(server, 'reviewer')).client;
    const applicant = await signedIn(server, 'applicant');
    const programmeId = await createProgramme(admin, {
      name: '2026年度中小微企业贷款贴息',
      scheme: 'loan-interest-subsidy',
      budgetFen: 100_000_000,
    });
    await makeReady(server, applicant, reviewer);
    caseId = await apply(server, applicant, programmeId, loanData(), LOAN_DOCS);
    const c = await reviewer.cases.get.query({ caseId });
    await reviewer.review.recommend.mutate({ caseId, amountFen: c.computedAmountFen! });
    // Sessions do not survive a month of simulated time: sign in again on 2026-12-28.
    server.clock.freeze(DEC_28);
    admin = (await signedIn(server, 'admin')).client;
    reviewer = (await signedIn(server, 'reviewer')).client;
  });
  afterAll(async () => {
    await server.close();
  });

  const publish = () =>
    reviewer.notices.publish.mutate({
      caseIds: [caseId],
      publishedOn: '2026-12-28',
      title: '2026年度扶持资金拟支持名单公示',
      objectionContact: NOTICE_CONTACT,
    });

  it('warns the administrator near year end that 2027 is not entered', async () => {
    const overview = await admin.policy.calendar.list.query();
    expect(overview).toMatchObject({ today: '2026-12-28', nextYear: 2027, nextYearCovered: false });
    expect(overview.warning).toBe(missingYearWarning(2027));
    expect(overview.warning).toBe(
      '尚未录入 2027 年法定节假日安排，公示期和导师响应期限跨年时将无法计算。国务院办公厅发布后请及时录入。',
    );
    expect(overview.years.map((y) => [y.year, y.origin])).toEqual([
      [2022, 'bundled'],
      [2023, 'bundled'],
      [2024, 'bundled'],
      [2025, 'bundled'],
      [2026, 'bundled'],
    ]);
  });

  it('refuses to publish on 2026-12-28 while 2027 is not entered, in Chinese, and writes nothing', async () => {
    await expect(publish()).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', domainCode: 'CALENDAR.YEAR_NOT_COVERED' },
      message: expect.stringMatching(/^尚未录入 2027 年的法定节假日安排/),
    });
    expect(count(server, 'select count(*) as n from notice')).toBe(0);
    expect((await reviewer.cases.get.query({ caseId })).status).toBe('recommended');
  });

  it('computes the notice end across the new year once the administrator enters 2027', async () => {
    const preview = () => reviewer.notices.previewPeriod.query({ publishedOn: '2026-12-28', workingDays: 5 });
    await expect(preview()).rejects.toMatchObject({ data: { domainCode: 'CALENDAR.YEAR_NOT_COVERED' } });
    const entered = await admin.policy.calendar.setYear.mutate(TEST_2027);
    // The publish form's preview uses the same effective calendar as the publication itself.
    expect(await preview()).toMatchObject({ startsOn: '2026-12-29', endsOn: '2027-01-05' });
    expect(entered).toMatchObject({ year: 2027, origin: 'entered', workdays: ['2027-02-14', '2027-02-20'] });
    // 5 working days after Mon 12-28: 29, 30, 31 December, then 元旦 1–3 January off, then 4 and 5 January.
    const { endsOn } = await publish();
    expect(endsOn).toBe('2027-01-05');
    expect(await reviewer.cases.get.query({ caseId })).toMatchObject({
      status: 'in_notice',
      noticeEndsOn: '2027-01-05',
    });
  });

  it('lists 2027 as entered, by whom and from which document, and stops warning', async () => {
    const overview = await reviewer.policy.calendar.list.query();
    expect(overview.warning).toBeNull();
    expect(overview.years.at(-1)).toMatchObject({
      year: 2027,
      origin: 'entered',
      holidayCount: 11,
      workdayCount: 2,
      source: TEST_2027.source,
      enteredByName: '系统管理员',
      replacesBundled: false,
    });
    expect(
      count(server, "select count(*) as n from audit_event where action = 'policy.calendar.enter'"),
    ).toBe(1);
  });

  it('answers a clerk whether a date is a working day and which working days follow', async () => {
    expect(await reviewer.policy.calendar.check.query({ date: '2027-02-14' })).toMatchObject({
      weekday: '星期日',
      covered: true,
      workingDay: true,
      kindLabel: '调休上班',
    });
    expect(await reviewer.policy.calendar.check.query({ date: '2026-12-31' })).toMatchObject({
      workingDay: true,
      nextWorkingDays: ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'],
      problem: null,
    });
    // A 10-working-day period from 2026-12-28 on the effective calendar, for a preview in the console.
    const ten = await reviewer.policy.calendar.check.query({ date: '2026-12-28', count: 10 });
    expect(ten.nextWorkingDays.at(-1)).toBe('2027-01-12');
    const beyond = await reviewer.policy.calendar.check.query({ date: '2028-03-01' });
    expect(beyond).toMatchObject({ covered: false, workingDay: null, nextWorkingDays: [] });
    expect(beyond.problem).toMatch(/^尚未录入 2028 年/);
  });
});

describe('a mentor proposal made just before a year the administrator enters later', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startFundingServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('gets its response deadline in 2027 once the schedule is entered, and is refused before', async () => {
    let admin = (await signedIn(server, 'admin')).client;
    const applicant = (await signedIn(server, 'applicant')).client;
    const mentor = await newMentor(server, admin);
    const request = await applicant.mentoring.requests.create.mutate(
      requestInput({ manager: { name: '跨年经理', title: '部门经理' } }),
    );
    server.clock.freeze(DEC_28);
    admin = (await signedIn(server, 'admin')).client;
    const reviewer = (await signedIn(server, 'reviewer')).client;
    const propose = () =>
      reviewer.mentoring.pairings.propose.mutate({ requestId: request.id, mentorId: mentor.id });

    await expect(propose()).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', domainCode: 'CALENDAR.YEAR_NOT_COVERED' },
      message: expect.stringContaining('尚未录入 2027 年'),
    });
    expect(count(server, 'select count(*) as n from pairing where request_id = ?', request.id)).toBe(0);

    await admin.policy.calendar.setYear.mutate(TEST_2027);
    const pairing = await propose();
    expect(pairing).toMatchObject({ proposedOn: '2026-12-28', responseDueOn: '2027-01-05' });
  });
});

describe('an LPR quotation entered by the administrator', () => {
  let server: TestServer;
  let admin: Client;
  let applicant: { client: Client; jar: CookieJar };
  let programmeId: number;
  beforeAll(async () => {
    server = await startFundingServer();
    admin = (await signedIn(server, 'admin')).client;
    applicant = await signedIn(server, 'applicant');
    const reviewer = (await signedIn(server, 'reviewer')).client;
    programmeId = await createProgramme(admin, {
      name: '2026年度中小微企业贷款贴息',
      scheme: 'loan-interest-subsidy',
      budgetFen: 100_000_000,
    });
    await makeReady(server, applicant, reviewer);
  });
  afterAll(async () => {
    await server.close();
  });

  // Below the ceiling (LPR + 0.50%) under both rates, so the LPR moves the subsidy rate: min(3.20%, ceiling) − floor.
  const CONTRACT_RATE = '3.20';
  const estimate = async (signedOn: string) => {
    const [result] = await applicant.client.cases.calculator.query({
      programmeId,
      data: loanData({ contractSignedOn: signedOn, contractRatePct: CONTRACT_RATE }),
    });
    return result!.estimate!;
  };

  it('applies to a loan signed on its effective date and not to one signed the day before', async () => {
    // Bundled: 3.00% since 2025-05-20 → 200万 × (3.20% − (3.00% − 1.50%)) × 181/360 = 17,094.44 元.
    expect((await estimate('2026-01-15')).amountFen).toBe(1_709_444);
    const added = await admin.policy.lpr.add.mutate({
      effectiveOn: '2026-01-15',
      ratePct: '2.8',
      source: '测试用报价（非官方，仅供自动化测试）',
    });
    expect(added).toMatchObject({ effectiveOn: '2026-01-15', ratePct: '2.80', origin: 'entered' });

    // 200万 × (3.20% − (2.80% − 1.50%)) × 181/360 = 19,105.56 元.
    const onTheDay = await estimate('2026-01-15');
    expect(onTheDay.amountFen).toBe(1_910_556);
    expect(onTheDay.working.some((l) => l.value.includes('2.80%'))).toBe(true);
    const dayBefore = await estimate('2026-01-14');
    expect(dayBefore.amountFen).toBe(1_709_444);
    expect(dayBefore.working.some((l) => l.value.includes('2.80%'))).toBe(false);
  });

  it('is used by the submission too, and frozen into the case', async () => {
    const data = loanData({ contractRatePct: CONTRACT_RATE });
    const caseId = await apply(server, applicant, programmeId, data, LOAN_DOCS);
    const c = await applicant.client.cases.get.query({ caseId });
    expect(c.computedAmountFen).toBe(1_910_556);
    expect(c.working.some((l) => l.value.includes('2.80%'))).toBe(true);
  });

  it('lists the entry above the bundled history with its source, and the rate in force today', async () => {
    const list = await admin.policy.lpr.list.query();
    expect(list.current).toEqual({ effectiveOn: '2026-01-15', ratePct: '2.80' });
    expect(list.entries[0]).toMatchObject({
      effectiveOn: '2026-01-15',
      origin: 'entered',
      enteredByName: '系统管理员',
    });
    expect(list.entries[1]).toMatchObject({ effectiveOn: '2025-05-20', ratePct: '3.00', origin: 'bundled' });
  });

  it('corrects a rate only with a reason, audited with before and after', async () => {
    const before = policyWrites(server);
    await expect(
      admin.policy.lpr.add.mutate({ effectiveOn: '2024-07-22', ratePct: '3.36', source: '测试来源' }),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', domainCode: 'POLICY.REASON_REQUIRED' },
      message: expect.stringContaining('3.35%'),
    });
    expect(policyWrites(server)).toEqual(before);
    await admin.policy.lpr.add.mutate({
      effectiveOn: '2024-07-22',
      ratePct: '3.36',
      source: '测试来源',
      reason: '测试：更正录入错误',
    });
    const event = server.sqlite
      .prepare("select payload_json from audit_event where action = 'policy.lpr.correct'")
      .get() as { payload_json: string };
    expect(JSON.parse(event.payload_json)).toMatchObject({
      before: { ratePct: '3.35' },
      after: { ratePct: '3.36' },
      details: { reason: '测试：更正录入错误' },
    });
  });

  it('refuses an inexact or future rate, writing nothing', async () => {
    const before = policyWrites(server);
    for (const [input, domainCode] of [
      [{ effectiveOn: '2026-11-20', ratePct: '2,8' }, 'POLICY.INVALID_RATE'],
      [{ effectiveOn: '2026-11-20', ratePct: '2.805' }, 'POLICY.INVALID_RATE'],
      [{ effectiveOn: '2026-12-21', ratePct: '2.8' }, 'POLICY.LPR_IN_FUTURE'],
    ] as const) {
      await expect(admin.policy.lpr.add.mutate({ ...input, source: '测试来源' })).rejects.toMatchObject({
        data: { code: 'BAD_REQUEST', domainCode },
      });
    }
    expect(policyWrites(server)).toEqual(before);
  });
});

describe('entering and replacing a year’s schedule', () => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startFundingServer();
    server.clock.freeze(TEST_NOW);
    admin = (await signedIn(server, 'admin')).client;
  });
  afterAll(async () => {
    await server.close();
  });

  it('is refused to everyone but the administrator; staff may read', async () => {
    const reviewer = (await signedIn(server, 'reviewer')).client;
    const applicant = (await signedIn(server, 'applicant')).client;
    const forbidden = { data: { code: 'FORBIDDEN' }, message: '您没有执行此操作的权限' };
    await expect(reviewer.policy.calendar.setYear.mutate(TEST_2027)).rejects.toMatchObject(forbidden);
    await expect(
      reviewer.policy.lpr.add.mutate({ effectiveOn: '2026-11-20', ratePct: '2.8', source: '测试来源' }),
    ).rejects.toMatchObject(forbidden);
    await expect(applicant.policy.calendar.list.query()).rejects.toMatchObject(forbidden);
    await expect(applicant.policy.lpr.list.query()).rejects.toMatchObject(forbidden);
    await expect(server.client().policy.calendar.check.query({ date: '2026-12-01' })).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
    expect((await reviewer.policy.calendar.list.query()).years).toHaveLength(5);
    expect(policyWrites(server)).toEqual({ years: 0, lpr: 0, audit: 0 });
  });

  it('refuses bad schedules in Chinese and writes nothing', async () => {
    const cases: [Partial<typeof TEST_2027>, string, RegExp][] = [
      // Mon 2027-03-01 is a working day anyway: listing it as 调休 is a typo.
      [{ workdays: ['2027-03-01'] }, 'CALENDAR.INVALID_SCHEDULE', /2027-03-01 不是周六或周日/],
      [{ holidays: [...TEST_2027.holidays, '2027-02-30'] }, 'INPUT.INVALID', /日期格式应为 YYYY-MM-DD/],
      [{ workdays: ['2027-2-14'] }, 'INPUT.INVALID', /日期格式应为 YYYY-MM-DD/],
      [
        { holidays: [...TEST_2027.holidays, '2027-02-20'] },
        'CALENDAR.INVALID_SCHEDULE',
        /2027-02-20 不能同时是放假日和调休上班日/,
      ],
      [{ holidays: [...TEST_2027.holidays, '2025-10-01'] }, 'CALENDAR.INVALID_SCHEDULE', /不属于 2027 年/],
      [{ holidays: TEST_2027.holidays.slice(1) }, 'CALENDAR.INVALID_SCHEDULE', /没有 2027-01-01（元旦）/],
      [{ source: '' }, 'INPUT.INVALID', /依据文件/],
    ];
    for (const [override, domainCode, message] of cases) {
      await expect(admin.policy.calendar.setYear.mutate({ ...TEST_2027, ...override })).rejects.toMatchObject(
        {
          data: { code: 'BAD_REQUEST', domainCode },
          message: expect.stringMatching(message),
        },
      );
    }
    expect(policyWrites(server)).toEqual({ years: 0, lpr: 0, audit: 0 });
    expect((await admin.policy.calendar.list.query()).nextYearCovered).toBe(false);
  });

  it('refuses a next-year notice that contradicts this year’s about a shared date', async () => {
    // Thu 2026-12-31 is an ordinary working day of the bundled 2026 schedule; the 2027 notice may make it a day off
    // (as 2023's did with 2022-12-31), but a Sunday 调休 in December must agree with 2026's list: it does not.
    await admin.policy.calendar.setYear.mutate({
      year: 2026,
      holidays: ['2026-01-01', '2026-12-27'],
      workdays: [],
      source: '测试用修订（非官方）',
      reason: '测试：构造相邻年份冲突',
    });
    await expect(
      admin.policy.calendar.setYear.mutate({ ...TEST_2027, workdays: [...TEST_2027.workdays, '2026-12-27'] }),
    ).rejects.toMatchObject({
      data: { domainCode: 'CALENDAR.CONFLICT' },
      message: expect.stringContaining('2026-12-27'),
    });
    expect(count(server, 'select count(*) as n from calendar_year where year = 2027')).toBe(0);
  });

  it('replaces an entered year only with a reason, audited with the schedule before and after', async () => {
    await admin.policy.calendar.setYear.mutate(TEST_2027);
    const amended = {
      ...TEST_2027,
      holidays: [...TEST_2027.holidays, '2027-02-15'],
      source: '测试用修订安排',
    };
    await expect(admin.policy.calendar.setYear.mutate(amended)).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', domainCode: 'POLICY.REASON_REQUIRED' },
      message: expect.stringContaining('替换时须填写原因'),
    });
    await expect(admin.policy.calendar.setYear.mutate({ ...amended, reason: '  ' })).rejects.toMatchObject({
      data: { domainCode: 'POLICY.REASON_REQUIRED' },
    });
    expect((await admin.policy.calendar.get.query({ year: 2027 })).holidays).toHaveLength(11);

    await admin.policy.calendar.setYear.mutate({ ...amended, reason: '测试：通知调整了春节假期' });
    expect((await admin.policy.calendar.get.query({ year: 2027 })).holidays).toContain('2027-02-15');
    expect(await admin.policy.calendar.check.query({ date: '2027-02-15' })).toMatchObject({
      workingDay: false,
    });
    const event = server.sqlite
      .prepare(
        "select summary, payload_json from audit_event where action = 'policy.calendar.replace' and object_id = '2027'",
      )
      .get() as { summary: string; payload_json: string };
    expect(event.summary).toBe(
      '替换 2027 年法定节假日安排（放假 12 天、调休上班 2 天），依据 测试用修订安排',
    );
    const payload = JSON.parse(event.payload_json) as {
      before: { holidays: string[]; source: string };
      after: { holidays: string[] };
      details: { reason: string };
    };
    expect(payload.before.holidays).toHaveLength(11);
    expect(payload.before.source).toBe(TEST_2027.source);
    expect(payload.after.holidays).toHaveLength(12);
    expect(payload.details.reason).toBe('测试：通知调整了春节假期');
  });

  it('replaces a bundled year only with a reason, keeping the bundled schedule in the audit', async () => {
    const { holidays, workdays } = await admin.policy.calendar.get.query({ year: 2025 });
    await expect(
      admin.policy.calendar.setYear.mutate({ year: 2025, holidays, workdays, source: '测试来源' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('2025 年的放假安排已内置') });
    await admin.policy.calendar.setYear.mutate({
      year: 2025,
      holidays,
      workdays,
      source: '测试来源',
      reason: '测试：重新录入',
    });
    const overview = await admin.policy.calendar.list.query();
    expect(overview.years.find((y) => y.year === 2025)).toMatchObject({
      origin: 'entered',
      replacesBundled: true,
    });
    const event = server.sqlite
      .prepare(
        "select payload_json from audit_event where action = 'policy.calendar.replace' and object_id = '2025'",
      )
      .get() as { payload_json: string };
    expect(JSON.parse(event.payload_json)).toMatchObject({
      before: { source: '内置：《国务院办公厅关于2025年部分节假日安排的通知》' },
    });
  });
});
