import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../test/harness';
import { auditActions, newMentor, signedIn, startAccountServer, type Client } from './mentoring.fixtures';

describe('session logs, ratings and poor-fit flags', () => {
  let server: TestServer;
  let mentor: Client;
  let applicant: Client;
  let reviewer: Client;
  let pairingId: number;
  let sessionId: number;
  beforeAll(async () => {
    server = await startAccountServer();
    mentor = (await signedIn(server, 'mentor')).client;
    applicant = (await signedIn(server, 'applicant')).client;
    reviewer = (await signedIn(server, 'reviewer')).client;
    // The demo pairing: the applicant's enterprise with the demo mentor, active since 2026-10-19.
    pairingId = (await applicant.mentoring.pairings.mine.query())[0]!.id;
  });
  afterAll(async () => {
    await server.close();
  });

  const input = (overrides: Record<string, unknown> = {}) => ({
    pairingId,
    date: '2026-11-25',
    durationMinutes: 120,
    mode: 'on-site' as const,
    topics: ['financing' as const, 'management' as const],
    notes: '讨论股权结构和融资路演材料。',
    agreedActions: ['一周内提交修改后的路演材料'],
    ...overrides,
  });

  it('lets the mentor and the mentee log sessions of their active pairing, audited', async () => {
    sessionId = (await mentor.mentoring.sessions.log.mutate(input())).id;
    await applicant.mentoring.sessions.log.mutate(
      input({ date: '2026-11-26', mode: 'online', durationMinutes: 45 }),
    );
    const detail = await applicant.mentoring.pairings.get.query({ pairingId });
    expect(detail.sessionsHeld).toBe(4); // two from the demo seed
    expect(detail.sessions.at(-2)).toMatchObject({
      date: '2026-11-25',
      mode: 'on-site',
      loggedByParty: 'mentor',
      agreedActions: ['一周内提交修改后的路演材料'],
    });
    expect(detail.sessions.at(-1)).toMatchObject({ loggedByParty: 'mentee', durationMinutes: 45 });
    expect(auditActions(server, 'mentoring.session.log')).toHaveLength(2);
  });

  it('refuses a session dated in the future or before the pairing began, in Chinese', async () => {
    await expect(mentor.mentoring.sessions.log.mutate(input({ date: '2026-11-27' }))).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', domainCode: 'MENTORING.SESSION_DATE' },
      message: '辅导日期 2026-11-27 晚于今天，请在辅导结束后登记',
    });
    await expect(mentor.mentoring.sessions.log.mutate(input({ date: '2026-10-01' }))).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', domainCode: 'MENTORING.SESSION_DATE' },
    });
    await expect(mentor.mentoring.sessions.log.mutate(input({ durationMinutes: 5 }))).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', fieldErrors: { durationMinutes: '辅导时长至少 15 分钟' } },
    });
  });

  it('refuses session logs from anyone but the two sides (NOT_FOUND)', async () => {
    const admin = (await signedIn(server, 'admin')).client;
    const stranger = await newMentor(server, admin);
    await expect(stranger.client.mentoring.sessions.log.mutate(input())).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    await expect(reviewer.mentoring.sessions.log.mutate(input())).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    const { client: founder } = await signedIn(server, 'founder2');
    await expect(founder.mentoring.sessions.log.mutate(input())).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
  });

  it('lets each side rate each session once, from 1 to 5', async () => {
    await mentor.mentoring.sessions.rate.mutate({ sessionId, score: 4, comment: '准备充分' });
    await applicant.mentoring.sessions.rate.mutate({ sessionId, score: 5 });
    await expect(applicant.mentoring.sessions.rate.mutate({ sessionId, score: 3 })).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'MENTORING.ALREADY_RATED' },
      message: '您已评价过该结对，每方只能评价一次',
    });
    await expect(mentor.mentoring.sessions.rate.mutate({ sessionId, score: 6 })).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', fieldErrors: { score: '评分应为 1–5 的整数' } },
    });
    const { client: founder } = await signedIn(server, 'founder2');
    await expect(founder.mentoring.sessions.rate.mutate({ sessionId, score: 1 })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    const detail = await mentor.mentoring.pairings.get.query({ pairingId });
    expect(detail.sessions.find((s) => s.id === sessionId)!.ratings.map((r) => [r.party, r.score])).toEqual([
      ['mentor', 4],
      ['mentee', 5],
    ]);
    expect(auditActions(server, 'mentoring.session.rate')).toHaveLength(2);
  });

  it('puts a pairing flagged as a poor fit in the staff queue until staff resolve it', async () => {
    await expect(
      applicant.mentoring.sessions.flagPoorFit.mutate({ pairingId, reason: '不合适' }),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', fieldErrors: { reason: '请说明不匹配的原因（至少 5 个字）' } },
    });
    const { id: flagId } = await applicant.mentoring.sessions.flagPoorFit.mutate({
      pairingId,
      sessionId,
      reason: '导师擅长的领域与我们的产品方向差距较大',
    });
    const queue = await reviewer.mentoring.requests.queue.query();
    expect(queue.poorFit).toHaveLength(1);
    expect(queue.poorFit[0]).toMatchObject({
      pairing: { id: pairingId, mentorName: '孙志远' },
      flags: [{ id: flagId, party: 'mentee', reason: '导师擅长的领域与我们的产品方向差距较大', sessionId }],
    });
    expect((await reviewer.mentoring.sessions.openFlags.query()).map((f) => f.id)).toEqual([flagId]);
    // The mentor does not see the mentee's flag; the mentee does.
    expect((await mentor.mentoring.pairings.get.query({ pairingId })).flags).toEqual([]);
    expect((await applicant.mentoring.pairings.get.query({ pairingId })).flags.map((f) => f.id)).toEqual([
      flagId,
    ]);

    await reviewer.mentoring.sessions.resolveFlag.mutate({
      flagId,
      resolution: '已与双方沟通，调整辅导重点后继续结对',
    });
    expect((await reviewer.mentoring.requests.queue.query()).poorFit).toEqual([]);
    await expect(
      reviewer.mentoring.sessions.resolveFlag.mutate({ flagId, resolution: '重复处理' }),
    ).rejects.toMatchObject({ data: { code: 'CONFLICT', domainCode: 'MENTORING.FLAG_RESOLVED' } });
    await expect(applicant.mentoring.sessions.openFlags.query()).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    expect(auditActions(server, 'mentoring.pairing.')).toEqual([
      'mentoring.pairing.flagPoorFit',
      'mentoring.pairing.resolveFlag',
    ]);
  });
});
