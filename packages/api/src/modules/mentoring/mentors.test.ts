import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../test/harness';
import {
  auditActions,
  newMentor,
  profile,
  signedIn,
  startAccountServer,
  type Client,
} from './mentoring.fixtures';

describe('mentor profiles', () => {
  let server: TestServer;
  let admin: Client;
  let reviewer: Client;
  beforeAll(async () => {
    server = await startAccountServer();
    admin = (await signedIn(server, 'admin')).client;
    reviewer = (await signedIn(server, 'reviewer')).client;
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows staff every demo mentor with its load (active + proposed) against its capacity', async () => {
    const { items, total } = await reviewer.mentoring.mentors.list.query({ pageSize: 100 });
    expect(total).toBe(9);
    const sun = items.find((m) => m.name === '孙志远')!;
    expect(sun).toMatchObject({
      kindLabel: '企业家导师',
      hasAccount: true,
      load: { capacity: 3, active: 1, proposed: 1, taken: 2, free: 1, full: false },
    });
    expect(items.find((m) => m.name === '易小军')).toMatchObject({
      availability: 'paused',
      availabilityLabel: '暂停接受结对',
    });
  });

  it('searches mentors by name or organisation and filters by kind, topic and free places', async () => {
    expect((await reviewer.mentoring.mentors.list.query({ q: '律师' })).items.map((m) => m.name)).toEqual([
      '彭丽',
    ]);
    const law = await reviewer.mentoring.mentors.list.query({ topic: 'law' });
    expect(law.items.map((m) => m.name)).toEqual(['彭丽']);
    const universities = await reviewer.mentoring.mentors.list.query({ kind: 'university' });
    expect(universities.items.map((m) => m.name).sort()).toEqual(['刘晓东', '周敏'].sort());
    const withRoom = await reviewer.mentoring.mentors.list.query({ hasRoom: true, pageSize: 100 });
    expect(withRoom.items.every((m) => !m.load.full && m.availability === 'accepting')).toBe(true);
    expect(withRoom.items.map((m) => m.name)).not.toContain('易小军');
  });

  it('lets an admin create a mentor with a new account that must change its password, audited', async () => {
    const mentor = await newMentor(server, admin, { name: '新导师', capacity: 2 });
    const mine = await mentor.client.mentoring.mentors.mine.query();
    expect(mine).toMatchObject({ id: mentor.id, name: '新导师', load: { capacity: 2, taken: 0, free: 2 } });
    expect(auditActions(server, 'mentor.create')).toHaveLength(1);
  });

  it('lets a reviewer create the profile of an existing account that holds the mentor role', async () => {
    const { id: userId } = await admin.users.create.mutate({
      username: 'mentor.existing',
      displayName: '已有账号导师',
      roles: ['mentor'],
      password: 'existing mentor pass phrase',
    });
    const created = await reviewer.mentoring.mentors.create.mutate({
      profile: profile({ name: '吴导师' }),
      userId,
    });
    expect(created).toEqual({ id: expect.any(Number), userId });
    expect(await reviewer.mentoring.mentors.get.query({ id: created.id })).toMatchObject({
      name: '吴导师',
      hasAccount: true,
    });
  });

  it('refuses a new mentor account to a reviewer, and a profile for an account without the mentor role', async () => {
    await expect(
      reviewer.mentoring.mentors.create.mutate({
        profile: profile(),
        account: {
          username: 'mentor.byreviewer',
          displayName: '审核员建的导师',
          password: 'some long pass phrase',
        },
      }),
    ).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    const applicantId = (
      server.sqlite.prepare("select id from app_user where username = 'applicant'").get() as { id: number }
    ).id;
    await expect(
      reviewer.mentoring.mentors.create.mutate({ profile: profile(), userId: applicantId }),
    ).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'MENTORING.NOT_A_MENTOR_ACCOUNT' },
      message: expect.stringContaining('创业导师'),
    });
    const mentorUserId = (
      server.sqlite.prepare("select id from app_user where username = 'mentor'").get() as { id: number }
    ).id;
    await expect(
      reviewer.mentoring.mentors.create.mutate({ profile: profile(), userId: mentorUserId }),
    ).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'MENTORING.MENTOR_EXISTS' },
    });
  });

  it('lets a mentor maintain its own profile but not lower its capacity below the places taken', async () => {
    const { client } = await signedIn(server, 'mentor');
    const mine = await client.mentoring.mentors.mine.query();
    const input = {
      name: mine.name,
      kind: mine.kind,
      organisation: mine.organisation,
      title: mine.title,
      industries: mine.industries,
      topics: [...mine.topics, 'law' as const],
      capacity: 4,
      availability: mine.availability,
      bio: '更新后的简介',
    };
    expect(await client.mentoring.mentors.updateMine.mutate(input)).toMatchObject({
      capacity: 4,
      bio: '更新后的简介',
    });
    await expect(client.mentoring.mentors.updateMine.mutate({ ...input, capacity: 1 })).rejects.toMatchObject(
      {
        data: { code: 'CONFLICT', domainCode: 'MENTORING.CAPACITY_BELOW_LOAD' },
        message: '可带教人数不能低于当前已占用的名额（在带 1 人，待确认 1 人）',
      },
    );
    expect(await client.mentoring.mentors.updateMine.mutate({ ...input, capacity: 2 })).toMatchObject({
      capacity: 2,
    });
    expect(auditActions(server, 'mentor.updateProfile')).toHaveLength(2);
  });

  it('lets a mentor pause and resume itself, and staff pause any mentor', async () => {
    const { client } = await signedIn(server, 'mentor');
    expect(await client.mentoring.mentors.setAvailability.mutate({ availability: 'paused' })).toMatchObject({
      availability: 'paused',
    });
    expect(
      await client.mentoring.mentors.setAvailability.mutate({ availability: 'accepting' }),
    ).toMatchObject({
      availability: 'accepting',
    });
    const other = (await reviewer.mentoring.mentors.list.query({ q: '黄静' })).items[0]!;
    await expect(
      client.mentoring.mentors.setAvailability.mutate({ mentorId: other.id, availability: 'paused' }),
    ).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    expect(
      await reviewer.mentoring.mentors.setAvailability.mutate({ mentorId: other.id, availability: 'paused' }),
    ).toMatchObject({
      availability: 'paused',
    });
    expect(auditActions(server, 'mentor.setAvailability')).toHaveLength(3);
  });

  it('refuses the staff list to mentors and applicants, and profile editing to staff', async () => {
    const { client: mentor } = await signedIn(server, 'mentor');
    const { client: applicant } = await signedIn(server, 'applicant');
    await expect(mentor.mentoring.mentors.list.query({})).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    await expect(applicant.mentoring.mentors.list.query({})).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    await expect(reviewer.mentoring.mentors.mine.query()).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    await expect(server.client().mentoring.mentors.list.query({})).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
  });

  it('refuses an invalid profile with a Chinese message per field', async () => {
    await expect(
      admin.mentoring.mentors.create.mutate({
        profile: profile({ capacity: 0 }),
        account: { username: 'mentor.bad', displayName: '坏导师', password: 'some long pass phrase' },
      }),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', fieldErrors: { 'profile.capacity': '可带教人数至少为 1' } },
    });
  });
});
