import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, type TestServer } from '../../test/harness';
import { DEMO_TEST_PASSWORD, demoTotp } from '../../test/account-fixtures';
import {
  activePairing,
  auditActions,
  newMentor,
  requestInput,
  signedIn,
  startAccountServer,
  type Client,
} from './mentoring.fixtures';

/** A staff browser that sends every call as its own HTTP request (no batching): real parallel requests. */
async function unbatched(server: TestServer, username: string): Promise<Client> {
  const client = server.client({ jar: new CookieJar(), batch: false });
  await client.auth.signIn.mutate({ username, password: DEMO_TEST_PASSWORD, totp: demoTotp(server, username) });
  return client;
}

/** `n` open requests, one per named manager of the demo applicant's growth firm. */
async function managerRequests(applicant: Client, n: number, prefix: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const r = await applicant.mentoring.requests.create.mutate(
      requestInput({ manager: { name: `${prefix}${i + 1}`, title: '部门经理' } }),
    );
    ids.push(r.id);
  }
  return ids;
}

function placesHeld(server: TestServer, mentorId: number): number {
  return (
    server.sqlite
      .prepare("select count(*) as n from pairing where mentor_id = ? and status in ('proposed', 'active')")
      .get(mentorId) as { n: number }
  ).n;
}

describe('pairing capacity under concurrency', () => {
  let server: TestServer;
  let admin: Client;
  let applicant: Client;
  beforeAll(async () => {
    server = await startAccountServer();
    admin = (await signedIn(server, 'admin')).client;
    applicant = (await signedIn(server, 'applicant')).client;
  });
  afterAll(async () => {
    await server.close();
  });

  it('pairs exactly 3 of 20 concurrent proposals onto a mentor with 3 free places and refuses 17 in Chinese', async () => {
    const mentor = await newMentor(server, admin, { capacity: 3 });
    const requestIds = await managerRequests(applicant, 20, '并发经理');
    const staff = [await unbatched(server, 'reviewer'), await unbatched(server, 'admin')];
    const results = await Promise.allSettled(
      requestIds.map((requestId, i) =>
        staff[i % staff.length]!.mentoring.pairings.propose.mutate({ requestId, mentorId: mentor.id }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(3);
    expect(refused).toHaveLength(17);
    for (const r of refused) {
      expect(r.reason).toMatchObject({
        data: { code: 'CONFLICT', domainCode: 'MENTORING.MENTOR_FULL' },
        message: '该导师名额已满（可带教 3 人，在带 0 人，待确认 3 人），请选择其他导师',
      });
    }
    expect(placesHeld(server, mentor.id)).toBe(3);
    const statuses = server.sqlite
      .prepare(
        `select status, count(*) as n from mentee_request where id in (${requestIds.join(',')}) group by status order by status`,
      )
      .all();
    expect(statuses).toEqual([
      { status: 'open', n: 17 },
      { status: 'paired', n: 3 },
    ]);
    // One audit event per pairing made; none for the refused ones (their transactions rolled back).
    expect(
      (
        server.sqlite
          .prepare(
            "select count(*) as n from audit_event where action = 'pairing.propose' and payload_json like ?",
          )
          .get(`%"mentorId":${mentor.id},%`) as { n: number }
      ).n,
    ).toBe(3);
    const list = await staff[0]!.mentoring.mentors.get.query({ id: mentor.id });
    expect(list.load).toMatchObject({ capacity: 3, active: 0, proposed: 3, full: true });
  });

  it('never exceeds the capacity when accepts and proposals for the same mentor run concurrently', async () => {
    const mentor = await newMentor(server, admin, { capacity: 3 });
    const requestIds = await managerRequests(applicant, 8, '混合经理');
    const reviewer = await unbatched(server, 'reviewer');
    const first = await reviewer.mentoring.pairings.propose.mutate({
      requestId: requestIds[0]!,
      mentorId: mentor.id,
    });
    const second = await reviewer.mentoring.pairings.propose.mutate({
      requestId: requestIds[1]!,
      mentorId: mentor.id,
    });
    const results = await Promise.allSettled([
      mentor.client.mentoring.pairings.accept.mutate({ pairingId: first.id }),
      ...requestIds
        .slice(2)
        .map((requestId) => reviewer.mentoring.pairings.propose.mutate({ requestId, mentorId: mentor.id })),
      mentor.client.mentoring.pairings.accept.mutate({ pairingId: second.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3); // 2 accepts + 1 proposal
    expect(placesHeld(server, mentor.id)).toBe(3);
    expect(await mentor.client.mentoring.mentors.mine.query()).toMatchObject({
      load: { active: 2, proposed: 1, full: true },
    });
  });

  it('refuses at the database level a pairing row that would exceed the capacity (last line of defence)', async () => {
    const mentor = await newMentor(server, admin, { capacity: 1 });
    const [a, b] = await managerRequests(applicant, 2, '触发器经理');
    await admin.mentoring.pairings.propose.mutate({ requestId: a!, mentorId: mentor.id });
    const insert = () =>
      server.sqlite
        .prepare(
          `insert into pairing (mentor_id, request_id, status, proposed_by, proposed_on, proposed_at, response_due_on,
             min_sessions, updated_at) values (?, ?, 'proposed', 1, '2026-11-26', 'x', '2026-12-03', 2, 'x')`,
        )
        .run(mentor.id, b!);
    expect(insert).toThrow(/MENTORING.MENTOR_FULL/);
  });

  it('refuses a proposal to a paused mentor and a second proposal for a request that is waiting for an answer', async () => {
    const mentor = await newMentor(server, admin, { capacity: 5 });
    const [a, b] = await managerRequests(applicant, 2, '暂停经理');
    await admin.mentoring.pairings.propose.mutate({ requestId: a!, mentorId: mentor.id });
    await expect(
      admin.mentoring.pairings.propose.mutate({ requestId: a!, mentorId: mentor.id }),
    ).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'MENTORING.PROPOSAL_PENDING' },
      message: expect.stringContaining('回复期限为 2026-12-03'),
    });
    await mentor.client.mentoring.mentors.setAvailability.mutate({ availability: 'paused' });
    await expect(
      admin.mentoring.pairings.propose.mutate({ requestId: b!, mentorId: mentor.id }),
    ).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'MENTORING.MENTOR_PAUSED' },
      message: '该导师已暂停接受结对，请选择其他导师',
    });
  });
});

describe('who sees which pairing', () => {
  let server: TestServer;
  let admin: Client;
  let demoMentor: Client;
  let other: { id: number; client: Client };
  let othersPairingId: number;
  beforeAll(async () => {
    server = await startAccountServer();
    admin = (await signedIn(server, 'admin')).client;
    demoMentor = (await signedIn(server, 'mentor')).client;
    other = await newMentor(server, admin);
    const { client: founder } = await signedIn(server, 'founder2');
    const r = await founder.mentoring.requests.create.mutate(requestInput({ stage: 'idea' }));
    othersPairingId = (await admin.mentoring.pairings.propose.mutate({ requestId: r.id, mentorId: other.id }))
      .id;
  });
  afterAll(async () => {
    await server.close();
  });

  it('does not let a mentor see or answer another mentor’s pairings (NOT_FOUND)', async () => {
    await expect(
      demoMentor.mentoring.pairings.get.query({ pairingId: othersPairingId }),
    ).rejects.toMatchObject({
      data: { code: 'NOT_FOUND', domainCode: 'MENTORING.PAIRING_NOT_FOUND' },
    });
    await expect(
      demoMentor.mentoring.pairings.accept.mutate({ pairingId: othersPairingId }),
    ).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    await expect(
      demoMentor.mentoring.pairings.decline.mutate({ pairingId: othersPairingId, reason: '不是我的结对' }),
    ).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
    const mine = await demoMentor.mentoring.pairings.mine.query();
    expect(mine.map((p) => p.mentorName)).toEqual(['孙志远', '孙志远']);
    expect(mine.map((p) => p.id)).not.toContain(othersPairingId);
    expect((await other.client.mentoring.pairings.mine.query()).map((p) => p.id)).toEqual([othersPairingId]);
    expect(await other.client.mentoring.pairings.get.query({ pairingId: othersPairingId })).toMatchObject({
      mySide: 'mentor',
      pairing: { status: 'proposed', responseDueOn: '2026-12-03', overdue: false },
      request: { menteeName: '王芳' },
    });
  });

  it('tells a mentee who its mentor is: name, organisation, title and kind', async () => {
    const { client: applicant } = await signedIn(server, 'applicant');
    expect(await applicant.mentoring.pairings.mine.query()).toMatchObject([
      {
        mentorName: '孙志远',
        mentorOrganisation: '岳阳巴陵创业投资有限公司',
        mentorTitle: '董事长',
        mentorKind: 'entrepreneur',
      },
    ]);
  });

  it('shows staff how each pairing is going: sessions held, the last one, the mentee’s ratings and open flags', async () => {
    const { items } = await admin.mentoring.pairings.list.query({ status: 'active' });
    const demo = items.find((p) => p.mentorName === '孙志远' && p.menteeKind === 'enterprise')!;
    expect(demo.health).toMatchObject({
      sessionsHeld: 2,
      menteeRatings: 2,
      menteeRating: '4.5',
      openFlags: 0,
    });
    expect(demo.health.lastSessionOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const proposed = (await admin.mentoring.pairings.list.query({ status: 'proposed' })).items[0]!;
    expect(proposed.health).toEqual({
      sessionsHeld: 0,
      lastSessionOn: null,
      menteeRatings: 0,
      menteeRating: null,
      openFlags: 0,
    });
  });

  it('shows a mentee only its own pairings', async () => {
    const { client: founder2 } = await signedIn(server, 'founder2');
    const { client: applicant } = await signedIn(server, 'applicant');
    expect((await founder2.mentoring.pairings.mine.query()).map((p) => p.id)).toEqual([othersPairingId]);
    expect((await applicant.mentoring.pairings.mine.query()).map((p) => p.mentorName)).toEqual(['孙志远']);
    await expect(
      applicant.mentoring.pairings.get.query({ pairingId: othersPairingId }),
    ).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    const { client: manager } = await signedIn(server, 'manager');
    await expect(manager.mentoring.pairings.get.query({ pairingId: othersPairingId })).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
  });

  it('needs a reason to decline, then sends the request back to the staff queue', async () => {
    await expect(
      other.client.mentoring.pairings.decline.mutate({ pairingId: othersPairingId, reason: ' ' }),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', fieldErrors: { reason: '请填写原因（至少 2 个字）' } },
    });
    const declined = await other.client.mentoring.pairings.decline.mutate({
      pairingId: othersPairingId,
      reason: '近期出差较多，无法保证辅导时间',
    });
    expect(declined).toMatchObject({
      status: 'declined',
      declinedBy: 'mentor',
      declineReason: '近期出差较多，无法保证辅导时间',
    });
    const queue = await admin.mentoring.requests.queue.query();
    const back = queue.open.find((r) => r.menteeName === '王芳')!;
    expect(back.pairings[0]).toMatchObject({
      status: 'declined',
      declineReason: '近期出差较多，无法保证辅导时间',
    });
    expect(auditActions(server, 'pairing.decline')).toHaveLength(1);
    await expect(
      other.client.mentoring.pairings.accept.mutate({ pairingId: othersPairingId }),
    ).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'MENTORING.ILLEGAL_TRANSITION' },
      message: '该结对当前状态为“已拒绝”，不能接受结对',
    });
  });
});

describe('the response deadline', () => {
  let server: TestServer;
  let admin: Client;
  let mentor: { id: number; client: Client; username: string; password: string };
  let pairingId: number;
  let requestId: number;
  /** Moving the clock 8 days ends the sessions (idle timeout): sign in again at the new time. */
  async function signInAgain(): Promise<void> {
    admin = (await signedIn(server, 'admin')).client;
    mentor.client = (await signedIn(server, mentor.username, mentor.password)).client;
  }
  beforeAll(async () => {
    server = await startAccountServer();
    admin = (await signedIn(server, 'admin')).client;
    mentor = await newMentor(server, admin, { capacity: 1 });
    const { client: founder } = await signedIn(server, 'founder3');
    requestId = (await founder.mentoring.requests.create.mutate(requestInput({ stage: 'idea' }))).id;
    pairingId = (await admin.mentoring.pairings.propose.mutate({ requestId, mentorId: mentor.id })).id;
  });
  afterAll(async () => {
    await server.close();
  });

  it('holds the place through the 5th working day (Thu 2026-12-03), then returns the request to staff with a reminder', async () => {
    server.clock.set(new Date('2026-12-03T15:59:00Z')); // 23:59 on the due day in Beijing
    await signInAgain();
    const ours = async () =>
      (await admin.mentoring.requests.queue.query()).overdue.filter((o) => o.request.id === requestId);
    expect(await ours()).toEqual([]);
    expect((await admin.mentoring.mentors.get.query({ id: mentor.id })).load).toMatchObject({
      proposed: 1,
      full: true,
    });

    server.clock.set(new Date('2026-12-04T01:00:00Z')); // Fri 2026-12-04 09:00 in Beijing
    await signInAgain();
    const queue = await admin.mentoring.requests.queue.query();
    // The demo founder's proposal to the demo mentor (made on the seed day) is overdue too.
    expect(queue.overdue.map((o) => o.request.menteeName)).toEqual(['李明', '陈浩']);
    expect(queue.overdue.find((o) => o.request.id === requestId)).toMatchObject({
      request: { id: requestId },
      pairing: { id: pairingId, overdue: true },
      reminder: {
        responseDueOn: '2026-12-03',
        overdueSince: '2026-12-04',
        message: '导师未在 2026-12-03 前回复结对邀请，需求已退回，请重新安排导师',
      },
    });
    // An overdue proposal no longer holds the place.
    expect((await admin.mentoring.mentors.get.query({ id: mentor.id })).load).toMatchObject({
      proposed: 0,
      full: false,
    });
  });

  it('refuses to accept an overdue proposal', async () => {
    await expect(mentor.client.mentoring.pairings.accept.mutate({ pairingId })).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'MENTORING.RESPONSE_OVERDUE' },
      message: '回复期限（2026-12-03）已过，该结对邀请已退回工作人员重新安排',
    });
  });

  it('lets staff pair the request again, withdrawing the unanswered proposal', async () => {
    const next = await newMentor(server, admin);
    const p = await admin.mentoring.pairings.propose.mutate({ requestId, mentorId: next.id });
    // Proposed on Fri 2026-12-04: five working days later is Fri 2026-12-11.
    expect(p).toMatchObject({ status: 'proposed', proposedOn: '2026-12-04', responseDueOn: '2026-12-11' });
    const old = await admin.mentoring.pairings.get.query({ pairingId });
    expect(old.pairing).toMatchObject({
      status: 'declined',
      declinedBy: 'staff',
      declineReason: '导师逾期未回复，工作人员重新安排导师',
    });
    expect((await admin.mentoring.requests.queue.query()).overdue.map((o) => o.request.id)).not.toContain(
      requestId,
    );
    expect(auditActions(server, 'pairing.withdraw')).toHaveLength(1);
  });
});

describe('completing and ending pairings', () => {
  let server: TestServer;
  let admin: Client;
  let mentor: { id: number; client: Client };
  let founder: Client;
  let applicant: Client;
  beforeAll(async () => {
    server = await startAccountServer();
    admin = (await signedIn(server, 'admin')).client;
    mentor = await newMentor(server, admin, { capacity: 5 });
    founder = (await signedIn(server, 'founder2')).client;
    applicant = (await signedIn(server, 'applicant')).client;
  });
  afterAll(async () => {
    await server.close();
  });

  const session = (pairingId: number) => ({
    pairingId,
    date: '2026-11-26',
    durationMinutes: 60,
    mode: 'online' as const,
    topics: ['financing' as const],
    notes: '',
    agreedActions: [],
  });

  it('refuses completion before the agreed minimum sessions, then completes and closes the request', async () => {
    const r = await founder.mentoring.requests.create.mutate(requestInput({ stage: 'idea' }));
    const pairingId = await activePairing(admin, mentor, r.id, 2);
    await expect(mentor.client.mentoring.pairings.complete.mutate({ pairingId })).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'MENTORING.TOO_FEW_SESSIONS' },
      message: '已开展 0 次辅导，少于约定的 2 次，不能办结；如需结束请选择“提前结束”并填写原因',
    });
    await mentor.client.mentoring.sessions.log.mutate(session(pairingId));
    await founder.mentoring.sessions.log.mutate(session(pairingId));
    expect(await mentor.client.mentoring.pairings.complete.mutate({ pairingId })).toMatchObject({
      status: 'completed',
      completedOn: '2026-11-26',
      sessionsHeld: 2,
      countsAsCompleted: true,
    });
    expect(await founder.mentoring.requests.get.query({ requestId: r.id })).toMatchObject({
      status: 'closed',
    });
    expect((await mentor.client.mentoring.mentors.mine.query()).load).toMatchObject({ active: 0, taken: 0 });
    expect(auditActions(server, 'pairing.')).toEqual([
      'pairing.propose',
      'pairing.accept',
      'pairing.complete',
    ]);
  });

  it('ends a pairing early with a reason, counted as completed only when the minimum sessions were held', async () => {
    const short = await applicant.mentoring.requests.create.mutate(
      requestInput({ manager: { name: '提前经理', title: '经理' } }),
    );
    const shortId = await activePairing(admin, mentor, short.id, 2);
    await mentor.client.mentoring.sessions.log.mutate(session(shortId));
    await expect(
      applicant.mentoring.pairings.endEarly.mutate({ pairingId: shortId, reason: '' }),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST' },
    });
    expect(
      await applicant.mentoring.pairings.endEarly.mutate({ pairingId: shortId, reason: '企业调整经营方向' }),
    ).toMatchObject({
      status: 'ended_early',
      endedBy: 'mentee',
      endedReason: '企业调整经营方向',
      sessionsHeld: 1,
      countsAsCompleted: false,
    });

    const enough = await applicant.mentoring.requests.create.mutate(
      requestInput({ manager: { name: '达标经理', title: '经理' } }),
    );
    const enoughId = await activePairing(admin, mentor, enough.id, 1);
    await mentor.client.mentoring.sessions.log.mutate(session(enoughId));
    expect(
      await admin.mentoring.pairings.endEarly.mutate({ pairingId: enoughId, reason: '学员已达成辅导目标' }),
    ).toMatchObject({
      status: 'ended_early',
      endedBy: 'staff',
      countsAsCompleted: true,
    });
    await expect(
      admin.mentoring.pairings.endEarly.mutate({ pairingId: enoughId, reason: '再结束一次' }),
    ).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'MENTORING.ILLEGAL_TRANSITION' },
    });
    expect(auditActions(server, 'pairing.endEarly')).toHaveLength(2);
  });

  it('lets staff list pairings by status', async () => {
    const ended = await admin.mentoring.pairings.list.query({ status: 'ended_early' });
    expect(ended.total).toBe(2);
    expect(ended.items.every((p) => p.statusLabel === '提前结束')).toBe(true);
  });
});
