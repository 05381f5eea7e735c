import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/account-fixtures';
import type { TestServer } from '../../test/harness';
import {
  awardData,
  enterpriseClient,
  FAKE_PDF,
  key,
  loanData,
  makeReady,
  NOTICE_CONTACT,
  PDF_BYTES,
  signedIn,
  startFundingServer,
  upload,
  uploadOk,
  type Client,
} from './test/fixtures';
import {
  AFTER_NOTICE,
  apply,
  AWARD_DOCS,
  createProgramme,
  LOAN_DOCS,
  recommendAndPublish,
} from './test/flow';
import type { CookieJar } from '../../test/harness';

/** 200万 × (3.50% − (3.00% − 1.50%)) × 181/360 = 20,111.11 元 (§4 worked the same way). */
const LOAN_AMOUNT_FEN = 2_011_111;
const AWARD_AMOUNT_FEN = 30_000_000;

interface Actors {
  admin: Client;
  reviewer: Client;
  reviewer2: Client;
  finance: Client;
  dual: Client;
  applicant: { client: Client; jar: CookieJar };
}

async function actors(server: TestServer): Promise<Actors> {
  return {
    admin: (await signedIn(server, 'admin')).client,
    reviewer: (await signedIn(server, 'reviewer')).client,
    reviewer2: (await signedIn(server, 'reviewer2')).client,
    finance: (await signedIn(server, 'finance')).client,
    dual: (await signedIn(server, 'dual')).client,
    applicant: await signedIn(server, 'applicant'),
  };
}

/** Moves the test clock and signs everyone in again (sessions expire across days of simulated time). */
async function travel(server: TestServer, instant: Date): Promise<Actors> {
  server.clock.freeze(instant);
  return actors(server);
}

describe('贷款贴息 from application to recorded payment', () => {
  let server: TestServer;
  let a: Actors;
  let programmeId: number;
  let caseId: number;
  beforeAll(async () => {
    server = await startFundingServer();
    a = await actors(server);
    programmeId = await createProgramme(a.admin, {
      name: '2026年度中小微企业贷款贴息',
      scheme: 'loan-interest-subsidy',
      budgetFen: 100_000_000,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses a submission by an enterprise that staff have not verified yet', async () => {
    const docs = [];
    for (const k of ['business-licence', ...LOAN_DOCS]) docs.push(await uploadOk(server, a.applicant.jar, k));
    const { id } = await a.applicant.client.cases.saveDraft.mutate({
      programmeId,
      data: loanData(),
      documentIds: docs,
    });
    await expect(a.applicant.client.cases.submit.mutate({ caseId: id })).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'FUNDING.NOT_ELIGIBLE' },
      message: expect.stringContaining('核验'),
    });
    await a.applicant.client.cases.withdraw.mutate({ caseId: id, reason: '先完成企业核验' });
  });

  it('lists what the enterprise still lacks until its licence and bank account are verified', async () => {
    const before = await a.applicant.client.enterprises.mine.query();
    expect(before.missing).toContain('填写并核验收款银行账户');
    await makeReady(server, a.applicant, a.reviewer);
    const after = await a.applicant.client.enterprises.mine.query();
    expect(after.verification).toBe('verified');
    expect(after.missing).toEqual([]);
  });

  it('lists the open programme publicly, without budget figures', async () => {
    const open = await server.client().programmes.open.query();
    expect(open.map((p) => p.id)).toContain(programmeId);
    expect(open[0]).not.toHaveProperty('budget');
  });

  it('shows the policy calculator with the amount the domain computes', async () => {
    const results = await a.applicant.client.cases.calculator.query({ programmeId, data: loanData() });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      eligible: true,
      failures: [],
      estimate: { amountFen: LOAN_AMOUNT_FEN },
    });
  });

  it('previews an own draft without counting it as a repeat application of itself', async () => {
    const { id } = await a.applicant.client.cases.saveDraft.mutate({ programmeId, data: loanData() });
    const general = await a.applicant.client.cases.calculator.query({ programmeId, data: loanData() });
    expect(general[0]!.failures.map((f) => f.code)).toContain('ELIGIBILITY.DUPLICATE_APPLICATION');
    const own = await a.applicant.client.cases.calculator.query({
      programmeId,
      data: loanData(),
      caseId: id,
    });
    expect(own[0]).toMatchObject({ eligible: true, failures: [], estimate: { amountFen: LOAN_AMOUNT_FEN } });
    await a.applicant.client.cases.withdraw.mutate({ caseId: id, reason: '仅用于预览测试' });
  });

  it('submits with the frozen parameters and the computed amount and working', async () => {
    caseId = await apply(server, a.applicant, programmeId, loanData(), LOAN_DOCS);
    const c = await a.applicant.client.cases.get.query({ caseId });
    expect(c).toMatchObject({
      status: 'submitted',
      computedAmountFen: LOAN_AMOUNT_FEN,
      programmeVersionId: expect.any(Number),
    });
    expect(c.caseNo).toMatch(/^DK-2026-\d{6}$/);
    expect(c.working.some((l) => l.value.includes('2.00%'))).toBe(true);
    const queue = await a.reviewer.review.queue.query({ programmeId });
    expect(queue.items.map((i) => i.id)).toContain(caseId);
  });

  it('creates a new parameters version once a case references the current one, and the case keeps its version', async () => {
    const before = await a.admin.programmes.get.query({ programmeId });
    const { version } = await a.admin.programmes.newVersion.mutate({
      programmeId,
      parameters: { ...before.parameters, noticeWorkingDays: 7 },
    });
    expect(version).toBe(before.version + 1);
    const c = await a.reviewer.cases.get.query({ caseId });
    const versions = server.sqlite
      .prepare('select id, version from programme_version where programme_id = ?')
      .all(programmeId) as { id: number; version: number }[];
    expect(versions.find((v) => v.id === c.programmeVersionId)!.version).toBe(1);
  });

  it('refuses to subsidise the same loan days twice, across programmes', async () => {
    const other = await createProgramme(a.admin, {
      name: '2026年度科技型企业贷款贴息',
      scheme: 'loan-interest-subsidy',
    });
    const docs = [];
    for (const k of LOAN_DOCS) docs.push(await uploadOk(server, a.applicant.jar, k));
    const { id } = await a.applicant.client.cases.saveDraft.mutate({
      programmeId: other,
      data: loanData({
        contractNo: 'jh 2026 0001',
        segments: [{ principalFen: 200_000_000, start: '2026-06-01', endExclusive: '2026-09-01' }],
      }),
      documentIds: docs,
    });
    await expect(a.applicant.client.cases.submit.mutate({ caseId: id })).rejects.toMatchObject({
      data: { domainCode: 'FUNDING.LOAN_DAYS_ALREADY_SUBSIDISED' },
    });
  });

  it('publishes the recommended case for 5 working days on a public page', async () => {
    const { endsOn, noticeId } = await recommendAndPublish(a.reviewer, caseId);
    expect(endsOn).toBe('2026-12-03');
    const anonymous = server.client();
    const list = await anonymous.notices.publicList.query({});
    expect(list[0]).toMatchObject({ id: noticeId, endsOn: '2026-12-03', objectionOpen: true });
    const notice = await anonymous.notices.publicGet.query({ noticeId });
    expect(notice.objectionContact).toBe(NOTICE_CONTACT);
    expect(notice.entries).toEqual([
      expect.objectContaining({
        caseId,
        enterpriseName: '岳阳某某科技有限公司',
        uscc: '91430602MA4L1A2B9Q',
        amountFen: LOAN_AMOUNT_FEN,
      }),
    ]);
    expect(JSON.stringify(notice)).not.toMatch(/1[3-9]\d{9}/);
  });

  it('refuses approval while the notice period runs', async () => {
    await expect(a.finance.finance.approve.mutate({ caseId, idempotencyKey: key() })).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'FUNDING.NOTICE_PERIOD_RUNNING' },
    });
  });

  it('approves after the notice period within budget, once, and replays a retried approval', async () => {
    a = await travel(server, AFTER_NOTICE);
    const k = key();
    const first = await a.finance.finance.approve.mutate({ caseId, idempotencyKey: k });
    const again = await a.finance.finance.approve.mutate({ caseId, idempotencyKey: k });
    expect(again).toEqual(first);
    await expect(
      a.finance.finance.approve.mutate({ caseId: caseId + 1000, idempotencyKey: k }),
    ).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'IDEMPOTENCY.KEY_REUSED' },
    });
    const count = server.sqlite
      .prepare('select count(*) n from disbursement where case_id = ?')
      .get(caseId) as { n: number };
    expect(count.n).toBe(1);
    const p = await a.admin.programmes.get.query({ programmeId });
    expect(p.budget).toMatchObject({
      allocatedFen: 100_000_000,
      committedFen: LOAN_AMOUNT_FEN,
      paidFen: 0,
      availableFen: 100_000_000 - LOAN_AMOUNT_FEN,
    });
  });

  it('records the payment once, replays a retry, and tells the applicant', async () => {
    const q = await a.finance.finance.queue.query({ status: 'approved' });
    const disbursementId = q.items.find((i) => i.id === caseId)!.disbursementId!;
    const k = key();
    const input = { disbursementId, voucherNo: 'GK-2026-12-0001', paidOn: '2026-12-04', idempotencyKey: k };
    const first = await a.finance.finance.recordPayment.mutate(input);
    expect(await a.finance.finance.recordPayment.mutate(input)).toEqual(first);
    await expect(
      a.finance.finance.recordPayment.mutate({ ...input, idempotencyKey: key() }),
    ).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'FUNDING.ALREADY_PAID' },
    });
    const c = await a.applicant.client.cases.get.query({ caseId });
    expect(c).toMatchObject({ status: 'disbursed', voucherNo: 'GK-2026-12-0001', paidOn: '2026-12-04' });
    expect(c.timeline.map((t) => t.action)).toEqual(
      expect.arrayContaining([
        'funding.case.submit',
        'funding.case.recommend',
        'funding.case.publish',
        'funding.case.approve',
        'funding.case.disburse',
      ]),
    );
    const p = await a.admin.programmes.get.query({ programmeId });
    expect(p.budget.paidFen).toBe(LOAN_AMOUNT_FEN);
    const unread = await a.applicant.client.notifications.unreadCount.query();
    expect(unread.count).toBeGreaterThanOrEqual(3);
    await a.applicant.client.notifications.markRead.mutate({});
    expect((await a.applicant.client.notifications.unreadCount.query()).count).toBe(0);
    const mine = await a.applicant.client.cases.mine.query({ page: 1, pageSize: 10 });
    expect(mine.items[0]!.id).toBe(caseId);
  });

  it('exports the payment batch for the bank with full account numbers, as an audited action', async () => {
    // A second case would be needed for a realistic batch; one paid disbursement cannot be batched any more.
    const q = await a.finance.finance.queue.query({ status: 'disbursed' });
    const disbursementId = q.items.find((i) => i.id === caseId)!.disbursementId!;
    await expect(
      a.finance.finance.createBatch.mutate({ disbursementIds: [disbursementId] }),
    ).rejects.toMatchObject({
      data: { domainCode: 'FUNDING.BATCH_CONFLICT' },
    });
  });

  it('refuses a clawback of a loan interest subsidy (以奖代投 only)', async () => {
    await expect(
      a.reviewer.clawbacks.record.mutate({ caseId, ground: 'false-material', reason: '材料虚假' }),
    ).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'FUNDING.CLAWBACK_NOT_APPLICABLE' },
    });
  });

  it('asks for verification again when the bank account changes', async () => {
    const me = await a.applicant.client.enterprises.mine.query();
    await a.applicant.client.verification.submitBankAccount.mutate({
      bank: '中国农业银行岳阳分行',
      accountName: me.name,
      accountNumber: '6228480000000000017',
    });
    expect((await a.applicant.client.enterprises.mine.query()).missing).toContain('填写并核验收款银行账户');
    const accounts = (await a.applicant.client.verification.mine.query()).bankAccounts;
    expect(accounts.map((x) => x.status)).toEqual(['pending', 'replaced']);
    expect(accounts[0]!.accountNumberMasked).toBe('6228 **** **** 0017');
  });

  it('keeps the ledger append-only', () => {
    expect(() => server.sqlite.prepare('update ledger_entry set amount_fen = 1').run()).toThrow(
      /append-only/,
    );
    expect(() => server.sqlite.prepare('delete from ledger_entry').run()).toThrow(/append-only/);
  });
});

describe('以奖代投 from application to payment, clawback and recovery', () => {
  let server: TestServer;
  let a: Actors;
  let programmeId: number;
  let caseId: number;
  beforeAll(async () => {
    server = await startFundingServer();
    a = await actors(server);
    programmeId = await createProgramme(a.admin, {
      name: '2026年度以奖代投',
      scheme: 'award-in-lieu-of-investment',
      budgetFen: 50_000_000,
    });
    await makeReady(server, a.applicant, a.reviewer);
  });
  afterAll(async () => {
    await server.close();
  });

  it('pays the tiered award for the first equity financing', async () => {
    caseId = await apply(server, a.applicant, programmeId, awardData(), AWARD_DOCS);
    const c = await a.reviewer.cases.get.query({ caseId });
    expect(c).toMatchObject({ status: 'submitted', computedAmountFen: AWARD_AMOUNT_FEN });
    expect(c.caseNo).toMatch(/^JD-2026-/);
    await recommendAndPublish(a.reviewer, caseId);
    a = await travel(server, AFTER_NOTICE);
    const { disbursementId } = await a.finance.finance.approve.mutate({ caseId, idempotencyKey: key() });
    const { batchId } = await a.finance.finance.createBatch.mutate({ disbursementIds: [disbursementId] });
    const file = await a.finance.finance.exportBatch.mutate({ batchId });
    expect(file).toMatchObject({ rows: 1, totalFen: AWARD_AMOUNT_FEN });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    expect(wb.getWorksheet('拨付清单')!.getRow(2).getCell(6).value).toBe('6222021234567890123');
    const audit = server.sqlite
      .prepare("select summary, payload_json from audit_event where action = 'pii.unmask.export'")
      .all() as { summary: string; payload_json: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('6222021234567890123');
    await a.finance.finance.recordPayment.mutate({
      disbursementId,
      voucherNo: 'GK-0002',
      paidOn: '2026-12-04',
      idempotencyKey: key(),
    });
    expect((await a.applicant.client.cases.get.query({ caseId })).status).toBe('disbursed');
  });

  it('awards the same milestone only once', async () => {
    const other = await createProgramme(a.admin, {
      name: '2026年度以奖代投（第二批）',
      scheme: 'award-in-lieu-of-investment',
    });
    a = await travel(server, TEST_NOW);
    const docs = [await uploadOk(server, a.applicant.jar, 'milestone-evidence')];
    const { id } = await a.applicant.client.cases.saveDraft.mutate({
      programmeId: other,
      data: awardData({ financingFen: 600_000_000 }),
      documentIds: docs,
    });
    await expect(a.applicant.client.cases.submit.mutate({ caseId: id })).rejects.toMatchObject({
      data: { domainCode: 'FUNDING.MILESTONE_ALREADY_AWARDED' },
    });
  });

  it('claws back pro rata after a move out of the district and returns the recovery to the budget', async () => {
    a = await travel(server, new Date('2027-03-10T02:00:00.000Z'));
    const { clawbackId, amountFen } = await a.reviewer.clawbacks.record.mutate({
      caseId,
      ground: 'moved-out',
      movedOutOn: '2027-03-05',
      reason: '企业注册地迁出本区',
    });
    // paid 2026-12-04, moved 2027-03-05: 3 full months → 30万 × 33/36 = 275,000.00 元
    expect(amountFen).toBe(27_500_000);
    const before = (await a.admin.programmes.get.query({ programmeId })).budget;
    await a.finance.clawbacks.recordRecovery.mutate({
      clawbackId,
      amountFen: 27_500_000,
      receivedOn: '2027-03-10',
      idempotencyKey: key(),
    });
    const after = (await a.admin.programmes.get.query({ programmeId })).budget;
    expect(after.recoveredFen).toBe(27_500_000);
    expect(after.availableFen).toBe(before.availableFen + 27_500_000);
    expect((await a.reviewer.cases.get.query({ caseId })).status).toBe('clawed_back');
    await expect(
      a.finance.clawbacks.recordRecovery.mutate({
        clawbackId,
        amountFen: 1,
        receivedOn: '2027-03-10',
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ data: { domainCode: 'FUNDING.RECOVERY_EXCEEDS_CLAWBACK' } });
  });
});

describe('returns, rejections, objections and separation of duties', () => {
  let server: TestServer;
  let a: Actors;
  let contract = 0;
  const freshLoan = () => loanData({ contractNo: `JH-2026-${String(++contract).padStart(4, '0')}` });
  const newLoanProgramme = (name: string) =>
    createProgramme(a.admin, { name, scheme: 'loan-interest-subsidy', budgetFen: 100_000_000 });
  beforeAll(async () => {
    server = await startFundingServer();
    a = await actors(server);
    await makeReady(server, a.applicant, a.reviewer);
  });
  afterAll(async () => {
    await server.close();
  });

  it('returns a case for correction and accepts the answered, corrected resubmission', async () => {
    a = await travel(server, TEST_NOW);
    const programmeId = await newLoanProgramme('退回测试项目');
    const data = freshLoan();
    const caseId = await apply(server, a.applicant, programmeId, data, LOAN_DOCS);
    await a.reviewer.review.returnForCorrection.mutate({ caseId, reason: '请补充第二段还款后的本金余额' });
    const returned = await a.applicant.client.cases.get.query({ caseId });
    expect(returned).toMatchObject({
      status: 'returned',
      returns: [{ reason: '请补充第二段还款后的本金余额', answer: null }],
    });
    const all = await a.applicant.client.notifications.list.query({});
    expect(all[0]).toMatchObject({ key: `reminder:returned-awaiting-answer:${caseId}`, read: false });
    expect(all[0]!.text).toContain('退回待补正');
    const notes = all.filter((n) => n.reminder === undefined);
    expect(notes[0]!.text).toContain('退回修改');
    await expect(a.applicant.client.cases.resubmit.mutate({ caseId })).rejects.toMatchObject({
      data: { domainCode: 'FUNDING.RETURN_NOT_ANSWERED' },
    });
    const corrected = {
      ...data,
      segments: [
        { principalFen: 200_000_000, start: '2026-01-15', endExclusive: '2026-04-15' },
        { principalFen: 100_000_000, start: '2026-04-15', endExclusive: '2026-07-15' },
      ],
    };
    const c = await a.applicant.client.cases.get.query({ caseId });
    await a.applicant.client.cases.saveDraft.mutate({
      caseId,
      programmeId,
      data: corrected,
      documentIds: c.documents.map((d) => d.id),
    });
    await a.applicant.client.cases.answerReturn.mutate({ caseId, answer: '已补充分段本金' });
    const r = await a.applicant.client.cases.resubmit.mutate({ caseId });
    expect(r.status).toBe('submitted');
    expect(r.computedAmountFen).toBeLessThan(LOAN_AMOUNT_FEN);
  });

  it('lets a reviewer reject a case with a reason, releasing its loan days', async () => {
    a = await travel(server, TEST_NOW);
    const programmeId = await newLoanProgramme('驳回测试项目');
    const data = freshLoan();
    const caseId = await apply(server, a.applicant, programmeId, data, LOAN_DOCS);
    await a.reviewer.review.reject.mutate({ caseId, reason: '借款用途不符合政策' });
    expect(await a.applicant.client.cases.get.query({ caseId })).toMatchObject({
      status: 'rejected',
      closeReason: '借款用途不符合政策',
    });
    const held = server.sqlite
      .prepare('select count(*) n from subsidised_period where case_id = ?')
      .get(caseId) as { n: number };
    expect(held.n).toBe(0);
  });

  it('lets finance refuse a case after the notice with a reason', async () => {
    a = await travel(server, TEST_NOW);
    const programmeId = await newLoanProgramme('财政不通过测试项目');
    const caseId = await apply(server, a.applicant, programmeId, freshLoan(), LOAN_DOCS);
    await recommendAndPublish(a.reviewer, caseId);
    a = await travel(server, AFTER_NOTICE);
    await a.finance.finance.refuse.mutate({ caseId, reason: '贷款资金流向不符合规定' });
    expect(await a.applicant.client.cases.get.query({ caseId })).toMatchObject({
      status: 'rejected',
      closeReason: '贷款资金流向不符合规定',
    });
  });

  it('refuses approval by the reviewer who recommended the case', async () => {
    a = await travel(server, TEST_NOW);
    const programmeId = await newLoanProgramme('职责分离测试项目');
    const caseId = await apply(server, a.applicant, programmeId, freshLoan(), LOAN_DOCS);
    await recommendAndPublish(a.dual, caseId);
    a = await travel(server, AFTER_NOTICE);
    await expect(a.dual.finance.approve.mutate({ caseId, idempotencyKey: key() })).rejects.toMatchObject({
      data: { code: 'FORBIDDEN', domainCode: 'FUNDING.SEPARATION_OF_DUTIES' },
    });
    await expect(a.finance.finance.approve.mutate({ caseId, idempotencyKey: key() })).resolves.toMatchObject({
      caseId,
    });
  });

  it('withdraws a case when an objection is upheld', async () => {
    a = await travel(server, TEST_NOW);
    const programmeId = await newLoanProgramme('异议撤销测试项目');
    const caseId = await apply(server, a.applicant, programmeId, freshLoan(), LOAN_DOCS);
    await recommendAndPublish(a.reviewer, caseId);
    const { objectionId } = await server.client().objections.lodge.mutate({
      caseId,
      name: '王建华',
      contact: '13900001111',
      reasons: '该企业贷款实际用于购买理财产品，不符合贴息条件',
    });
    const listed = await a.reviewer.objections.list.query({ caseId });
    expect(listed[0]).toMatchObject({ id: objectionId, contactMasked: '139****1111', status: 'open' });
    const stored = server.sqlite
      .prepare('select contact_enc from objection where id = ?')
      .get(objectionId) as { contact_enc: string };
    expect(stored.contact_enc).not.toContain('13900001111');
    a = await travel(server, AFTER_NOTICE);
    await expect(a.finance.finance.approve.mutate({ caseId, idempotencyKey: key() })).rejects.toMatchObject({
      data: { domainCode: 'FUNDING.OBJECTION_OPEN' },
    });
    await a.reviewer.objections.resolve.mutate({
      objectionId,
      outcome: 'upheld-withdraw',
      answer: '经核查异议属实，撤销该案件',
    });
    expect((await a.applicant.client.cases.get.query({ caseId })).status).toBe('withdrawn');
  });

  it('adjusts the amount on an upheld objection and publishes the case again in a new notice', async () => {
    a = await travel(server, TEST_NOW);
    const programmeId = await newLoanProgramme('异议调整测试项目');
    const caseId = await apply(server, a.applicant, programmeId, freshLoan(), LOAN_DOCS);
    const first = await recommendAndPublish(a.reviewer, caseId);
    const { objectionId } = await server.client().objections.lodge.mutate({
      caseId,
      name: '刘晓东',
      contact: 'liu@example.com',
      reasons: '贷款有一段时间已提前归还，贴息天数多算了',
    });
    await a.reviewer.objections.resolve.mutate({
      objectionId,
      outcome: 'upheld-adjust',
      answer: '核减提前还款期间的贴息',
      adjustedAmountFen: 1_500_000,
    });
    const c = await a.reviewer.cases.get.query({ caseId });
    expect(c).toMatchObject({ status: 'recommended', recommendedAmountFen: 1_500_000, noticeId: null });
    const old = await server.client().notices.publicGet.query({ noticeId: first.noticeId });
    expect(old.entries[0]).toMatchObject({ current: false, statusLabel: '已调整，另行公示' });
    const second = await a.reviewer2.notices.publish.mutate({
      caseIds: [caseId],
      publishedOn: '2026-11-26',
      title: '调整后重新公示',
      objectionContact: NOTICE_CONTACT,
    });
    expect(second.noticeId).not.toBe(first.noticeId);
    a = await travel(server, AFTER_NOTICE);
    // The reviewer who adjusted is now the recommender; finance approves the new amount.
    const approved = await a.finance.finance.approve.mutate({ caseId, idempotencyKey: key() });
    expect(approved.amountFen).toBe(1_500_000);
  });

  it('dismisses an objection and lets the case proceed; objections after the deadline are refused', async () => {
    a = await travel(server, TEST_NOW);
    const programmeId = await newLoanProgramme('异议不成立测试项目');
    const caseId = await apply(server, a.applicant, programmeId, freshLoan(), LOAN_DOCS);
    await recommendAndPublish(a.reviewer, caseId);
    const { objectionId } = await server.client().objections.lodge.mutate({
      caseId,
      name: '赵强',
      contact: '0730-8123456',
      reasons: '怀疑该企业不在本区实际经营，请核查',
    });
    await a.reviewer.objections.resolve.mutate({
      objectionId,
      outcome: 'dismissed',
      answer: '经实地核查，企业在本区实际经营',
    });
    expect((await a.reviewer.cases.get.query({ caseId })).status).toBe('in_notice');
    a = await travel(server, AFTER_NOTICE);
    await expect(
      server.client().objections.lodge.mutate({
        caseId,
        name: '赵强',
        contact: '0730-8123456',
        reasons: '再次提出异议，请重新核查该企业',
      }),
    ).rejects.toMatchObject({ data: { domainCode: 'FUNDING.OBJECTION_WINDOW_CLOSED' } });
    await expect(a.finance.finance.approve.mutate({ caseId, idempotencyKey: key() })).resolves.toMatchObject({
      caseId,
    });
  });

  it('refuses submissions to a closed programme', async () => {
    a = await travel(server, TEST_NOW);
    const programmeId = await createProgramme(a.admin, {
      name: '已截止项目',
      scheme: 'loan-interest-subsidy',
      opensOn: '2026-10-01',
      closesOn: '2026-11-20',
    });
    const docs = [];
    for (const k of LOAN_DOCS) docs.push(await uploadOk(server, a.applicant.jar, k));
    const { id } = await a.applicant.client.cases.saveDraft.mutate({
      programmeId,
      data: freshLoan(),
      documentIds: docs,
    });
    await expect(a.applicant.client.cases.submit.mutate({ caseId: id })).rejects.toMatchObject({
      data: { domainCode: 'FUNDING.NOT_ELIGIBLE' },
      message: expect.stringContaining('不在申报期内'),
    });
  });

  it('refuses a submission without the required documents', async () => {
    a = await travel(server, TEST_NOW);
    const programmeId = await newLoanProgramme('材料清单测试项目');
    const { id } = await a.applicant.client.cases.saveDraft.mutate({
      programmeId,
      data: freshLoan(),
      documentIds: [],
    });
    await expect(a.applicant.client.cases.submit.mutate({ caseId: id })).rejects.toMatchObject({
      data: { domainCode: 'FUNDING.DOCUMENTS_MISSING' },
      message: expect.stringContaining('借款合同'),
    });
  });
});

describe('documents and other enterprises’ data', () => {
  let server: TestServer;
  let a: Actors;
  let other: { client: Client; jar: CookieJar };
  beforeAll(async () => {
    server = await startFundingServer();
    a = await actors(server);
    other = await enterpriseClient(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses a file that claims to be a PDF but is not', async () => {
    const res = await upload(
      server,
      a.applicant.jar,
      'business-licence',
      FAKE_PDF,
      'licence.pdf',
      'application/pdf',
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'FUNDING.DOCUMENT_TYPE_REFUSED' } });
  });

  it('refuses an upload without the CSRF header or from another origin', async () => {
    expect(
      (await upload(server, a.applicant.jar, 'business-licence', PDF_BYTES, 'a.pdf', 'application/pdf', {}))
        .status,
    ).toBe(403);
    const foreign = await upload(
      server,
      a.applicant.jar,
      'business-licence',
      PDF_BYTES,
      'a.pdf',
      'application/pdf',
      { 'x-fund-request': '1', origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
  });

  it('refuses a file over 10 MB', async () => {
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024 + 1)]);
    expect((await upload(server, a.applicant.jar, 'business-licence', big)).status).toBe(413);
  });

  it('serves a document only to its enterprise and staff, as an attachment that is never sniffed', async () => {
    const id = await uploadOk(server, a.applicant.jar, 'business-licence');
    const own = await server.fetch(`/api/documents/${id}`, {}, a.applicant.jar);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(own.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await own.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    const staff = await signedIn(server, 'reviewer');
    expect((await server.fetch(`/api/documents/${id}`, {}, staff.jar)).status).toBe(200);
    expect((await server.fetch(`/api/documents/${id}`, {}, other.jar)).status).toBe(404);
    expect((await server.fetch(`/api/documents/999999`, {}, a.applicant.jar)).status).toBe(404);
    expect((await server.fetch(`/api/documents/${id}`)).status).toBe(401);
  });

  it('answers NOT_FOUND for another enterprise’s case and refuses its documents in a draft', async () => {
    const programmeId = await createProgramme(a.admin, {
      name: '越权测试项目',
      scheme: 'loan-interest-subsidy',
    });
    const { id } = await a.applicant.client.cases.saveDraft.mutate({
      programmeId,
      data: loanData(),
      documentIds: [],
    });
    await expect(other.client.cases.get.query({ caseId: id })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    await expect(other.client.cases.submit.mutate({ caseId: id })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    await expect(
      other.client.cases.withdraw.mutate({ caseId: id, reason: '恶意撤回' }),
    ).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
    const doc = await uploadOk(server, a.applicant.jar, 'loan-contract');
    await expect(
      other.client.cases.saveDraft.mutate({ programmeId, data: loanData(), documentIds: [doc] }),
    ).rejects.toMatchObject({
      data: { code: 'NOT_FOUND', domainCode: 'FUNDING.DOCUMENT_NOT_FOUND' },
    });
  });

  it('refuses a bank account whose name is not the enterprise’s', async () => {
    await expect(
      a.applicant.client.verification.submitBankAccount.mutate({
        bank: '中国银行岳阳分行',
        accountName: '张三',
        accountNumber: '6216600000000000001',
      }),
    ).rejects.toMatchObject({ data: { domainCode: 'FUNDING.BANK_ACCOUNT_NAME_MISMATCH' } });
  });

  it('keeps staff-only procedures from applicants and the public', async () => {
    await expect(a.applicant.client.review.queue.query({})).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    await expect(
      a.applicant.client.finance.approve.mutate({ caseId: 1, idempotencyKey: key() }),
    ).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    await expect(server.client().programmes.list.query()).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
    await expect(
      a.reviewer.budget.allocate.mutate({
        programmeId: 1,
        amountFen: 1,
        memo: '越权下达',
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
  });

  it('flags and clears the 失信 mark with a reason, audited', async () => {
    const me = await other.client.enterprises.mine.query();
    await a.reviewer.verification.flagDishonest.mutate({
      enterpriseId: me.id,
      reason: '列入信用中国失信名单',
    });
    expect((await other.client.enterprises.mine.query()).dishonest).toBe(true);
    await a.reviewer.verification.clearDishonest.mutate({ enterpriseId: me.id, reason: '已完成信用修复' });
    expect((await other.client.enterprises.mine.query()).dishonest).toBe(false);
    const events = server.sqlite
      .prepare("select action from audit_event where action like 'funding.enterprise.%Dishonest'")
      .all();
    expect(events).toHaveLength(2);
  });
});
