import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEST_PASSWORD, signedIn, startAccountServer, type Client } from '../../test/account-fixtures';
import type { TestServer } from '../../test/harness';

const userId = (server: TestServer, username: string) =>
  (server.sqlite.prepare('select id from app_user where username = ?').get(username) as { id: number }).id;

const sessionsOf = (server: TestServer, username: string) =>
  (
    server.sqlite
      .prepare('select count(*) as n from session where user_id = ?')
      .get(userId(server, username)) as { n: number }
  ).n;

const lastAudit = (server: TestServer, action: string) =>
  server.sqlite
    .prepare('select * from audit_event where action = ? order by seq desc limit 1')
    .get(action) as
    { actor_id: number; object_id: string; summary: string; payload_json: string } | undefined;

describe('account administration', () => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startAccountServer();
    admin = (await signedIn(server, 'admin')).client;
  });
  afterAll(async () => {
    await server.close();
  });

  it('is closed to anyone but an administrator', async () => {
    const applicant = (await signedIn(server, 'applicant')).client;
    await expect(applicant.users.list.query({})).rejects.toMatchObject({
      message: '您没有执行此操作的权限',
      data: { code: 'FORBIDDEN' },
    });
    const reviewer = (await signedIn(server, 'reviewer')).client;
    await expect(reviewer.users.disable.mutate({ userId: 1, reason: '越权尝试' })).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    await expect(server.client().users.list.query({})).rejects.toMatchObject({
      message: '请先登录',
      data: { code: 'UNAUTHORIZED' },
    });
  });

  it('lists accounts newest first with roles, searchable and paginated', async () => {
    const all = await admin.users.list.query({ pageSize: 100 });
    expect(all.total).toBe(10);
    expect(all.items.find((u) => u.username === 'manager')).toMatchObject({
      roles: ['centre_manager'],
      disabled: false,
      lockedUntil: null,
      displayName: '赵主任（南湖创业创新中心）',
    });
    expect(JSON.stringify(all)).not.toMatch(/password|scrypt/i);
    expect((await admin.users.list.query({ q: 'found' })).items.map((u) => u.username).sort()).toEqual([
      'founder',
      'founder2',
      'founder3',
    ]);
    expect((await admin.users.list.query({ q: '审' })).items.map((u) => u.username).sort()).toEqual([
      'auditor',
      'reviewer',
    ]);
    const page2 = await admin.users.list.query({ page: 2, pageSize: 4 });
    expect(page2).toMatchObject({ total: 10 });
    expect(page2.items).toHaveLength(4);
  });

  it('creates a staff account that must change its password at first sign-in', async () => {
    const { id } = await admin.users.create.mutate({
      username: 'Reviewer2',
      displayName: '钱审核',
      roles: ['reviewer'],
      password: 'initial pass phrase',
    });
    const { client } = await signedIn(server, 'reviewer2', 'initial pass phrase');
    expect(await client.auth.me.query()).toMatchObject({
      id,
      username: 'reviewer2',
      roles: ['reviewer'],
      mustChangePassword: true,
    });
    expect(lastAudit(server, 'user.create')).toMatchObject({ object_id: String(id) });
    expect(lastAudit(server, 'user.create')!.payload_json).not.toContain('initial pass phrase');
    await expect(
      admin.users.create.mutate({
        username: 'reviewer2',
        displayName: '重名',
        roles: ['reviewer'],
        password: 'another pass phrase',
      }),
    ).rejects.toMatchObject({ data: { code: 'CONFLICT', domainCode: 'USER.USERNAME_TAKEN' } });
  });

  it('refuses staff accounts with applicant roles, weak passwords or no roles, in Chinese', async () => {
    await expect(
      admin.users.create.mutate({
        username: 'weak.one',
        displayName: '弱密码',
        roles: ['reviewer'],
        password: '12345678',
      }),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', fieldErrors: { password: '该密码过于常见，很容易被猜到，请换一个' } },
    });
    await expect(
      admin.users.create.mutate({
        username: 'no.roles',
        displayName: '无角色',
        roles: [],
        password: 'good pass phrase',
      }),
    ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST', fieldErrors: { roles: '请至少选择一个角色' } } });
    await expect(
      admin.users.create.mutate({
        username: 'fake.firm',
        displayName: '冒充企业',
        roles: ['applicant'],
        password: 'good pass phrase',
      }),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', fieldErrors: { 'roles.0': '员工账号只能分配工作人员角色' } },
    });
  });

  it('kills every session of an account when it is disabled, and refuses its sign-in after a correct password', async () => {
    const victim = await signedIn(server, 'mentor');
    await signedIn(server, 'mentor');
    expect(sessionsOf(server, 'mentor')).toBe(2);
    await admin.users.disable.mutate({ userId: userId(server, 'mentor'), reason: '离职' });
    expect(sessionsOf(server, 'mentor')).toBe(0);
    expect(await victim.client.auth.me.query()).toBeNull();
    await expect(
      server.client().auth.signIn.mutate({ username: 'mentor', password: DEMO_TEST_PASSWORD }),
    ).rejects.toMatchObject({
      message: '账户已停用，请联系管理员',
      data: { code: 'FORBIDDEN', domainCode: 'AUTH.ACCOUNT_DISABLED' },
    });
    await expect(
      server.client().auth.signIn.mutate({ username: 'mentor', password: 'wrong password' }),
    ).rejects.toMatchObject({
      message: '用户名或密码错误',
    });
    expect(JSON.parse(lastAudit(server, 'user.disable')!.payload_json)).toEqual({
      details: { reason: '离职' },
    });

    await admin.users.enable.mutate({ userId: userId(server, 'mentor'), reason: '返聘' });
    await signedIn(server, 'mentor');
  });

  it('refuses to let an administrator disable or demote themself', async () => {
    const self = userId(server, 'admin');
    await expect(admin.users.disable.mutate({ userId: self, reason: '测试' })).rejects.toMatchObject({
      data: { code: 'FORBIDDEN', domainCode: 'USER.SELF_DISABLE' },
    });
    await expect(admin.users.setRoles.mutate({ userId: self, roles: ['auditor'] })).rejects.toMatchObject({
      data: { code: 'FORBIDDEN', domainCode: 'USER.SELF_DEMOTION' },
    });
  });

  it('ends the sessions of an account whose roles change, and keeps its applicant or founder role', async () => {
    const finance = await signedIn(server, 'finance');
    await admin.users.setRoles.mutate({ userId: userId(server, 'finance'), roles: ['finance', 'reviewer'] });
    expect(await finance.client.auth.me.query()).toBeNull();
    const again = await signedIn(server, 'finance');
    expect((await again.client.auth.me.query())!.roles).toEqual(['finance', 'reviewer']);
    expect(JSON.parse(lastAudit(server, 'user.setRoles')!.payload_json)).toEqual({
      before: { roles: ['finance'] },
      after: { roles: ['finance', 'reviewer'] },
    });

    await admin.users.setRoles.mutate({ userId: userId(server, 'founder3'), roles: ['mentor'] });
    const founder = await signedIn(server, 'founder3');
    expect((await founder.client.auth.me.query())!.roles).toEqual(['founder', 'mentor']);
  });

  it('resets a password: a temporary one, shown once, that must be changed; old sessions end', async () => {
    const before = await signedIn(server, 'auditor');
    const { temporaryPassword } = await admin.users.resetPassword.mutate({
      userId: userId(server, 'auditor'),
      reason: '用户忘记密码',
    });
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(await before.client.auth.me.query()).toBeNull();
    await expect(
      server.client().auth.signIn.mutate({ username: 'auditor', password: DEMO_TEST_PASSWORD }),
    ).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });

    const { client } = await signedIn(server, 'auditor', temporaryPassword);
    expect(await client.auth.me.query()).toMatchObject({ mustChangePassword: true });
    // Until the temporary password is replaced, nothing but changing it (or signing out) is allowed.
    await expect(client.audit.list.query({ page: 1, pageSize: 10 })).rejects.toMatchObject({
      data: { code: 'FORBIDDEN', domainCode: 'AUTH.PASSWORD_CHANGE_REQUIRED' },
    });
    await client.auth.changePassword.mutate({
      currentPassword: temporaryPassword,
      newPassword: 'my own new pass phrase',
    });
    expect(await client.auth.me.query()).toMatchObject({ mustChangePassword: false });
    expect((await client.audit.list.query({ page: 1, pageSize: 10 })).total).toBeGreaterThan(0);

    const audit = server.sqlite
      .prepare("select summary, payload_json from audit_event where action = 'user.resetPassword'")
      .get() as Record<string, string>;
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
    expect(audit.payload_json).toContain('用户忘记密码');
  });

  it('unlocks a locked account', async () => {
    for (let i = 0; i < 10; i++) {
      await server
        .client()
        .auth.signIn.mutate({ username: 'founder2', password: `wrong ${i} guess` })
        .catch(() => undefined);
    }
    const locked = (await admin.users.list.query({ q: 'founder2' })).items[0]!;
    expect(locked.lockedUntil).toBe('2026-11-26T02:15:00.000Z');
    await expect(
      server.client().auth.signIn.mutate({ username: 'founder2', password: DEMO_TEST_PASSWORD }),
    ).rejects.toMatchObject({
      data: { code: 'TOO_MANY_REQUESTS' },
    });
    await admin.users.unlock.mutate({ userId: locked.id, reason: '本人电话确认' });
    expect((await admin.users.list.query({ q: 'founder2' })).items[0]!.lockedUntil).toBeNull();
    await signedIn(server, 'founder2');
    expect(lastAudit(server, 'user.unlock')).toMatchObject({ object_id: String(locked.id) });
  });

  it('answers NOT_FOUND for an account that does not exist', async () => {
    await expect(admin.users.disable.mutate({ userId: 999_999, reason: '不存在' })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND', domainCode: 'USER.NOT_FOUND' },
    });
  });
});
