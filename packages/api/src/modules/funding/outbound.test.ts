/** Outbound SMS after a state change (ADR 012) and deadline reminders on read, through the real router. */
import { maskMobile } from '@fund/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/account-fixtures';
import type { TestServer } from '../../test/harness';
import { loanData, makeReady, signedIn, startFundingServer, uploadOk } from './test/fixtures';
import { apply, createProgramme, LOAN_DOCS } from './test/flow';

function plainMobileOf(server: TestServer, enterpriseId: number): string {
  const row = server.sqlite
    .prepare('select contact_mobile_enc from enterprise where id = ?')
    .get(enterpriseId) as {
    contact_mobile_enc: string;
  };
  return server.pii.decryptField(row.contact_mobile_enc);
}

interface OutboundLine {
  outbound?: { channel: string; to: string; text: string; caseNo?: string };
  msg: string;
}
const outboundLines = (lines: string[]): OutboundLine[] =>
  lines
    .filter((l) => l.includes('"outbound"'))
    .map((l) => JSON.parse(l) as OutboundLine)
    .filter((l) => l.msg.includes('log transport'));

describe('outbound SMS on a state change (log transport)', () => {
  let server: TestServer;
  const lines: string[] = [];

  beforeAll(async () => {
    server = await startFundingServer({ logStream: { write: (l) => void lines.push(l) } });
    server.clock.freeze(TEST_NOW);
  });
  afterAll(() => server.close());

  it('sends nothing when the mutation rolls back, and one masked SMS after the commit', async () => {
    const admin = (await signedIn(server, 'admin')).client;
    const reviewer = (await signedIn(server, 'reviewer')).client;
    const applicant = await signedIn(server, 'applicant');
    const { enterpriseId } = await makeReady(server, applicant, reviewer);
    const programmeId = await createProgramme(admin, {
      name: '外发通知测试',
      scheme: 'loan-interest-subsidy',
      budgetFen: 100_000_000,
    });
    const caseId = await apply(server, applicant, programmeId, loanData(), LOAN_DOCS);
    const mobile = plainMobileOf(server, enterpriseId);
    const before = outboundLines(lines).length;
    const notesBefore = (await applicant.client.notifications.list.query({})).length;

    // The audit write (after notifyEnterprise) fails: the whole transaction rolls back, so nothing is sent.
    server.sqlite.exec(
      `create trigger test_boom before insert on audit_event when new.action = 'funding.case.reject'
       begin select raise(abort, 'boom'); end`,
    );
    await expect(
      reviewer.review.reject.mutate({ caseId, reason: '测试回滚：不应发出短信' }),
    ).rejects.toBeTruthy();
    server.sqlite.exec('drop trigger test_boom');
    expect(outboundLines(lines)).toHaveLength(before);
    expect((await applicant.client.notifications.list.query({})).length).toBe(notesBefore);
    expect((await applicant.client.cases.get.query({ caseId })).status).toBe('submitted');

    await reviewer.review.returnForCorrection.mutate({ caseId, reason: '请补充还款计划' });
    const sent = outboundLines(lines).slice(before);
    expect(sent).toHaveLength(1);
    const c = await applicant.client.cases.get.query({ caseId });
    expect(sent[0]!.outbound).toMatchObject({ channel: 'sms', to: maskMobile(mobile), caseNo: c.caseNo });
    expect(sent[0]!.outbound!.text).toContain('退回修改');
    expect(sent[0]!.outbound!.to).not.toBe(mobile);
    expect(lines.join('\n')).not.toContain(mobile);
  });
});

describe('a failing transport', () => {
  let server: TestServer;
  const lines: string[] = [];

  beforeAll(async () => {
    server = await startFundingServer({
      logStream: { write: (l) => void lines.push(l) },
      outbound: { send: () => Promise.reject(new Error('SMS gateway down')) },
    });
    server.clock.freeze(TEST_NOW);
  });
  afterAll(() => server.close());

  it('never fails the business mutation; the failure is logged with the recipient masked', async () => {
    const admin = (await signedIn(server, 'admin')).client;
    const reviewer = (await signedIn(server, 'reviewer')).client;
    const applicant = await signedIn(server, 'applicant');
    const { enterpriseId } = await makeReady(server, applicant, reviewer);
    const programmeId = await createProgramme(admin, { name: '失败通道', scheme: 'loan-interest-subsidy' });
    const caseId = await apply(server, applicant, programmeId, loanData(), LOAN_DOCS);
    await expect(
      reviewer.review.returnForCorrection.mutate({ caseId, reason: '请补充还款计划' }),
    ).resolves.toEqual({
      ok: true,
    });
    expect((await applicant.client.cases.get.query({ caseId })).status).toBe('returned');
    const mobile = plainMobileOf(server, enterpriseId);
    const failed = lines.filter((l) => l.includes('outbound notification failed'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain(maskMobile(mobile));
    expect(lines.join('\n')).not.toContain(mobile);
  });
});

describe('deadline reminders, evaluated on read', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startFundingServer();
    server.clock.freeze(TEST_NOW);
  });
  afterAll(() => server.close());

  it('reminds of a draft whose programme closes within 3 days, not before, and not after submission', async () => {
    const admin = (await signedIn(server, 'admin')).client;
    const reviewer = (await signedIn(server, 'reviewer')).client;
    let applicant = await signedIn(server, 'applicant');
    await makeReady(server, applicant, reviewer);
    const programmeId = await createProgramme(admin, {
      name: '临近截止',
      scheme: 'loan-interest-subsidy',
      closesOn: '2026-12-10',
    });
    const documentIds: number[] = [];
    for (const k of LOAN_DOCS) documentIds.push(await uploadOk(server, applicant.jar, k));
    const { id: caseId } = await applicant.client.cases.saveDraft.mutate({
      programmeId,
      data: loanData(),
      documentIds,
    });
    const reminderKey = `reminder:draft-closing:${caseId}`;
    const keys = async () => (await applicant.client.notifications.list.query({})).map((n) => n.key);

    // 2026-11-26: 14 days left — no reminder.
    expect(await keys()).not.toContain(reminderKey);
    const countBefore = (await applicant.client.notifications.unreadCount.query()).count;

    // 2026-12-06 (4 days left): none yet; 2026-12-07 (3 days left): reminded, saying the date.
    server.clock.freeze(new Date('2026-12-06T02:00:00.000Z'));
    applicant = await signedIn(server, 'applicant');
    expect(await keys()).not.toContain(reminderKey);
    server.clock.freeze(new Date('2026-12-07T02:00:00.000Z'));
    applicant = await signedIn(server, 'applicant');
    const list = await applicant.client.notifications.list.query({});
    const reminder = list.find((n) => n.key === reminderKey);
    expect(reminder).toMatchObject({ caseId, read: false, reminder: 'draft-closing' });
    expect(reminder!.text).toContain('2026-12-10');
    expect((await applicant.client.notifications.unreadCount.query()).count).toBe(countBefore + 1);

    // Marking a reminder read is a no-op: it lasts as long as its condition.
    await applicant.client.notifications.markRead.mutate({ ids: [reminder!.id] });
    await applicant.client.notifications.markRead.mutate({});
    expect((await applicant.client.notifications.unreadCount.query()).count).toBe(1);
    expect((await applicant.client.notifications.list.query({})).find((n) => n.key === reminderKey)?.id).toBe(
      reminder!.id,
    );

    await applicant.client.cases.submit.mutate({ caseId });
    expect(await keys()).not.toContain(reminderKey);
    expect((await applicant.client.notifications.unreadCount.query()).count).toBe(0);
  });
});
