import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../test/harness';
import {
  activePairing,
  auditActions,
  newMentor,
  requestInput,
  signedIn,
  startAccountServer,
  type Client,
} from './mentoring.fixtures';

describe('yearly mentoring targets', () => {
  let server: TestServer;
  let reviewer: Client;
  let completedRequestId: number;
  let openRequestId: number;
  beforeAll(async () => {
    server = await startAccountServer();
    const admin = (await signedIn(server, 'admin')).client;
    reviewer = (await signedIn(server, 'reviewer')).client;
    const mentor = await newMentor(server, admin, { name: '钱导师', capacity: 1 });

    // A founder mentored to completion: one session, rated 3 by the founder.
    const { client: founder } = await signedIn(server, 'founder2');
    completedRequestId = (await founder.mentoring.requests.create.mutate(requestInput({ stage: 'idea' }))).id;
    const pairingId = await activePairing(reviewer, mentor, completedRequestId, 1);
    const { id: sessionId } = await mentor.client.mentoring.sessions.log.mutate({
      pairingId,
      date: '2026-11-26',
      durationMinutes: 60,
      mode: 'online',
      topics: ['financing'],
    });
    await founder.mentoring.sessions.rate.mutate({ sessionId, score: 3 });
    await mentor.client.mentoring.pairings.complete.mutate({ pairingId });

    // A growth-firm manager of the demo applicant, mentored by the same (now free) mentor, with a session.
    const { client: applicant } = await signedIn(server, 'applicant');
    const manager = await applicant.mentoring.requests.create.mutate(
      requestInput({ manager: { name: '赵经理', title: '生产副总' } }),
    );
    const managerPairing = await activePairing(reviewer, mentor, manager.id, 4);
    await mentor.client.mentoring.sessions.log.mutate({
      pairingId: managerPairing,
      date: '2026-11-26',
      durationMinutes: 90,
      mode: 'on-site',
      topics: ['management'],
    });

    const { client: founder3 } = await signedIn(server, 'founder3');
    openRequestId = (await founder3.mentoring.requests.create.mutate(requestInput({ stage: 'idea' }))).id;
  });
  afterAll(async () => {
    await server.close();
  });

  it('counts pairings, the completed pairing, sessions, ratings and growth-firm managers against the targets', async () => {
    const t = await reviewer.mentoring.targets.yearly.query({ year: 2026 });
    expect(t).toMatchObject({
      year: 2026,
      activePairings: 3, // the demo pairing, the completed one, the manager's
      completedPairings: 1,
      sessions: 4, // 2 from the demo seed + 2
      sessionsPerPairing: '1.33',
      ratings: 3, // demo: 5 and 4, plus 3
      averageRating: '4.0',
      averageRatingBySide: { mentee: '4.0', mentor: null },
      growthFirmManagersMentored: { count: 1, target: 20, met: false },
      outstandingEntrepreneurs: { count: 0, target: 2, met: false },
      mentorsAtCapacity: { count: 1, asOf: '2026-11-26' },
      mentorsAtCapacityNames: ['钱导师'],
    });
    expect(t.managers.map((m) => m.menteeName)).toEqual(['赵经理（岳阳某某科技有限公司）']);
  });

  it('counts a designated outstanding entrepreneur, with the reason, once a year, audited', async () => {
    await reviewer.mentoring.targets.designateOutstanding.mutate({
      year: 2026,
      requestId: completedRequestId,
      reason: '在导师辅导下完成公司注册并获得首笔订单',
    });
    const t = await reviewer.mentoring.targets.yearly.query({ year: 2026 });
    expect(t.outstandingEntrepreneurs).toMatchObject({ count: 1, target: 2, met: false });
    expect(t.outstanding).toEqual([
      expect.objectContaining({ menteeName: '王芳', reason: '在导师辅导下完成公司注册并获得首笔订单' }),
    ]);
    await expect(
      reviewer.mentoring.targets.designateOutstanding.mutate({
        year: 2026,
        requestId: completedRequestId,
        reason: '再认定一次',
      }),
    ).rejects.toMatchObject({ data: { code: 'CONFLICT', domainCode: 'MENTORING.ALREADY_DESIGNATED' } });
    expect(auditActions(server, 'mentoring.designateOutstanding')).toHaveLength(1);
    // Another year is counted separately.
    expect(
      (await reviewer.mentoring.targets.yearly.query({ year: 2025 })).outstandingEntrepreneurs.count,
    ).toBe(0);
  });

  it('refuses to designate a mentee who was never mentored, a future year, or without a reason', async () => {
    await expect(
      reviewer.mentoring.targets.designateOutstanding.mutate({
        year: 2026,
        requestId: openRequestId,
        reason: '表现突出',
      }),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', domainCode: 'MENTORING.DESIGNATION_NOT_MENTEE' },
    });
    await expect(
      reviewer.mentoring.targets.designateOutstanding.mutate({
        year: 2027,
        requestId: completedRequestId,
        reason: '表现突出',
      }),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', domainCode: 'MENTORING.DESIGNATION_FUTURE_YEAR' },
    });
    await expect(
      reviewer.mentoring.targets.designateOutstanding.mutate({
        year: 2026,
        requestId: completedRequestId,
        reason: '',
      }),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', fieldErrors: { reason: '请填写认定理由（至少 2 个字）' } },
    });
  });

  it('exports each mentor’s yearly contribution as an xlsx workbook that Excel can read', async () => {
    const file = await reviewer.mentoring.targets.export.query({ year: 2026 });
    expect(file).toMatchObject({
      filename: '导师年度贡献-2026.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['2026年导师贡献', '2026年度指标']);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['导师', '导师类型', '工作单位']);
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => {
      if (n > 1) rows.set(row.getCell(1).text, (row.values as unknown[]).slice(1));
    });
    expect(rows.size).toBe(10); // 9 demo mentors + 钱导师
    const col = (name: string) => header.indexOf(name);
    const sun = rows.get('孙志远')!;
    expect([
      sun[col('年内结对数')],
      sun[col('年内辅导次数')],
      sun[col('年内辅导时长（分钟）')],
      sun[col('学员评分（平均）')],
    ]).toEqual([1, 2, 180, '4.5']);
    const qian = rows.get('钱导师')!;
    expect([
      qian[col('年内结对数')],
      qian[col('年内办结数')],
      qian[col('年内辅导次数')],
      qian[col('培育成长型企业经营管理者（人）')],
      qian[col('培育优秀创业者（人）')],
    ]).toEqual([2, 1, 2, 1, 1]);
    const summary = book.worksheets[1]!;
    expect(summary.getRow(2).values).toEqual([undefined, '培育优秀创业者（人）', 1, 2]);
  });

  it('keeps natural persons’ names masked in the audit log (founders and named managers)', () => {
    const hits = (text: string) =>
      (
        server.sqlite
          .prepare('select count(*) as n from audit_event where summary like ? or payload_json like ?')
          .get(`%${text}%`, `%${text}%`) as { n: number }
      ).n;
    expect(hits('王芳')).toBe(0);
    expect(hits('赵经理')).toBe(0);
    expect(hits('认定 王* 为 2026 年度导师制培育的优秀创业者')).toBe(1);
    expect(hits('赵**（岳阳某某科技有限公司）')).toBeGreaterThan(0);
  });

  it('shows the targets to report readers but lets only mentoring staff designate', async () => {
    const { client: auditor } = await signedIn(server, 'auditor');
    expect((await auditor.mentoring.targets.yearly.query({ year: 2026 })).year).toBe(2026);
    await expect(
      auditor.mentoring.targets.designateOutstanding.mutate({
        year: 2026,
        requestId: completedRequestId,
        reason: '表现突出',
      }),
    ).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    const { client: applicant } = await signedIn(server, 'applicant');
    await expect(applicant.mentoring.targets.yearly.query({ year: 2026 })).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    await expect(applicant.mentoring.targets.export.query({ year: 2026 })).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
  });
});
