import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../test/harness';
import {
  auditActions,
  otherEnterprise,
  requestInput,
  signedIn,
  startAccountServer,
  type Client,
} from './mentoring.fixtures';

describe('mentee requests', () => {
  let server: TestServer;
  let applicant: Client;
  let reviewer: Client;
  let other: Client;
  let otherRequestId: number;
  beforeAll(async () => {
    server = await startAccountServer();
    applicant = (await signedIn(server, 'applicant')).client;
    reviewer = (await signedIn(server, 'reviewer')).client;
    other = await otherEnterprise(server);
    otherRequestId = (await other.mentoring.requests.create.mutate(requestInput({ topics: ['law'] }))).id;
  });
  afterAll(async () => {
    await server.close();
  });

  it('lets an enterprise ask for a named growth-firm manager, and a founder for themself, audited', async () => {
    const forManager = await applicant.mentoring.requests.create.mutate(
      requestInput({ manager: { name: '王经理', title: '副总经理' }, topics: ['management', 'financing'] }),
    );
    expect(forManager).toMatchObject({
      menteeKind: 'growth-firm-manager',
      menteeKindLabel: '成长型企业经营管理者',
      managerName: '王经理',
      menteeName: '王经理（岳阳某某科技有限公司）',
      status: 'open',
      statusLabel: '待匹配导师',
      topicLabels: ['经营管理', '融资'],
    });
    const { client: founder } = await signedIn(server, 'founder2');
    const own = await founder.mentoring.requests.create.mutate(requestInput({ stage: 'idea' }));
    expect(own).toMatchObject({
      menteeKind: 'founder',
      menteeName: '王芳',
      founderId: expect.any(Number),
      enterpriseId: null,
    });
    expect(auditActions(server, 'mentoring.request.create')).toHaveLength(3);
  });

  it('refuses a second live request for the same mentee', async () => {
    // The demo applicant's enterprise already has a request of its own (paired with the demo mentor).
    await expect(applicant.mentoring.requests.create.mutate(requestInput())).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'MENTORING.REQUEST_EXISTS' },
      message: expect.stringContaining('已有一条正在进行的导师需求'),
    });
  });

  it('refuses a manager request for a firm that is not in its growth stage, in Chinese', async () => {
    await expect(
      applicant.mentoring.requests.create.mutate(
        requestInput({ stage: 'startup', manager: { name: '李经理', title: '总监' } }),
      ),
    ).rejects.toMatchObject({
      data: {
        code: 'BAD_REQUEST',
        fieldErrors: { stage: '为经营管理者申请“企业家培育”导师的，企业应处于成长期' },
      },
    });
  });

  it('does not let an enterprise see other enterprises’ requests (NOT_FOUND), only its own', async () => {
    await expect(applicant.mentoring.requests.get.query({ requestId: otherRequestId })).rejects.toMatchObject(
      {
        data: { code: 'NOT_FOUND', domainCode: 'MENTORING.REQUEST_NOT_FOUND' },
      },
    );
    const mine = await applicant.mentoring.requests.mine.query();
    expect(mine.map((r) => r.id)).not.toContain(otherRequestId);
    expect(mine.every((r) => r.menteeName.includes('岳阳某某科技有限公司'))).toBe(true);
    expect((await other.mentoring.requests.mine.query()).map((r) => r.id)).toEqual([otherRequestId]);
    expect(await other.mentoring.requests.get.query({ requestId: otherRequestId })).toMatchObject({
      id: otherRequestId,
    });
    const { client: founder } = await signedIn(server, 'founder3');
    await expect(founder.mentoring.requests.get.query({ requestId: otherRequestId })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    // Staff read any request.
    expect(await reviewer.mentoring.requests.get.query({ requestId: otherRequestId })).toMatchObject({
      id: otherRequestId,
    });
  });

  it('shows the demo applicant its paired request with the pairing and the mentor', async () => {
    const own = (await applicant.mentoring.requests.mine.query()).find((r) => r.menteeKind === 'enterprise')!;
    expect(own).toMatchObject({
      status: 'paired',
      pairings: [{ status: 'active', statusLabel: '结对辅导中', mentorName: '孙志远' }],
    });
  });

  it('refuses requests to staff and mentors, and the staff queue to applicants', async () => {
    await expect(reviewer.mentoring.requests.create.mutate(requestInput())).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    const { client: mentor } = await signedIn(server, 'mentor');
    await expect(mentor.mentoring.requests.mine.query()).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    await expect(applicant.mentoring.requests.queue.query()).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    await expect(
      applicant.mentoring.requests.suggestions.query({ requestId: otherRequestId }),
    ).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
  });

  it('puts open requests in the staff queue, oldest first', async () => {
    const queue = await reviewer.mentoring.requests.queue.query();
    expect(queue.open.map((r) => r.menteeName)).toEqual([
      '岳阳其他测试企业1有限公司',
      '王经理（岳阳某某科技有限公司）',
      '王芳',
    ]);
    expect(queue.overdue).toEqual([]);
    expect(queue.poorFit).toEqual([]);
  });
});

describe('mentor suggestions', () => {
  let server: TestServer;
  let reviewer: Client;
  let requestId: number;
  beforeAll(async () => {
    server = await startAccountServer();
    reviewer = (await signedIn(server, 'reviewer')).client;
    const { client: founder } = await signedIn(server, 'founder2');
    requestId = (
      await founder.mentoring.requests.create.mutate(
        requestInput({ stage: 'idea', topics: ['financing', 'marketing'], preferredKind: 'entrepreneur' }),
      )
    ).id;
    // Fill 邓国强 (capacity 1) with another mentee's proposal.
    const { client: founder3 } = await signedIn(server, 'founder3');
    const other = await founder3.mentoring.requests.create.mutate(
      requestInput({ stage: 'idea', industry: 'industry' }),
    );
    const deng = (await reviewer.mentoring.mentors.list.query({ q: '邓国强' })).items[0]!;
    await reviewer.mentoring.pairings.propose.mutate({ requestId: other.id, mentorId: deng.id });
  });
  afterAll(async () => {
    await server.close();
  });

  it('ranks mentors best first and explains every score factor', async () => {
    const { suggestions } = await reviewer.mentoring.requests.suggestions.query({ requestId });
    expect(suggestions[0]).toMatchObject({ mentor: { name: '孙志远' }, score: 85 });
    expect(suggestions[0]!.reasons.map((r) => [r.label, r.points, r.maxPoints])).toEqual([
      ['行业匹配', 30, 30],
      ['主题覆盖', 40, 40],
      ['导师类型', 10, 10],
      ['剩余名额', 2, 10],
      ['当前负荷', 3, 10],
    ]);
    expect(suggestions[0]!.reasons[1]!.detail).toBe('覆盖 2/2 个需求主题：融资、市场营销');
    for (const s of suggestions) expect(s.score).toBe(s.reasons.reduce((sum, r) => sum + r.points, 0));
    const scores = suggestions.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('never proposes a paused or a full mentor, and says why they are left out', async () => {
    const { suggestions, excluded } = await reviewer.mentoring.requests.suggestions.query({ requestId });
    const names = suggestions.map((s) => s.mentor.name);
    expect(names).not.toContain('易小军');
    expect(names).not.toContain('邓国强');
    expect(names).toHaveLength(7);
    expect(excluded.map((e) => [e.mentor.name, e.reason])).toEqual([
      ['易小军', '导师已暂停接受结对'],
      ['邓国强', '名额已满（可带教 1 人，在带 0 人，待确认 1 人）'],
    ]);
  });
});
