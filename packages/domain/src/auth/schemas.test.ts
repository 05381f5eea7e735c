import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { PASSWORD_MESSAGES } from './password';
import {
  AuditQuery,
  ChangePassword,
  CreateStaffUser,
  Pagination,
  SetRoles,
  SignIn,
  UserAction,
  UserListQuery,
  Username,
} from './schemas';

/** Field path → messages, the shape the API turns into `error.data.fieldErrors`. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join('.')] ??= []).push(issue.message);
  return errors;
}

describe('Username', () => {
  it('trims and lower-cases', () => {
    expect(Username.parse('  Zhang.San_01 ')).toBe('zhang.san_01');
  });

  it('accepts 4 and 32 characters and refuses 3 and 33', () => {
    expect(Username.safeParse('abcd').success).toBe(true);
    expect(Username.safeParse('a'.repeat(32)).success).toBe(true);
    expect(errorsOf(Username, 'abc')).toEqual({ '': ['用户名至少4个字符'] });
    expect(errorsOf(Username, 'a'.repeat(33))).toEqual({ '': ['用户名不能超过32个字符'] });
  });

  it('counts the length after trimming', () => {
    expect(errorsOf(Username, '  abc  ')).toEqual({ '': ['用户名至少4个字符'] });
  });

  it('refuses characters other than letters, digits, underscore and dot', () => {
    for (const u of ['zhang san', 'zhang-san', '张三丰abc', 'user@example', 'abc!']) {
      expect(errorsOf(Username, u)).toEqual({ '': ['用户名只能包含英文字母、数字、下划线和点'] });
    }
  });

  it('asks for a username when none is given', () => {
    expect(errorsOf(Username, undefined)).toEqual({ '': ['请输入用户名'] });
  });
});

describe('SignIn', () => {
  it('accepts any non-empty password: the policy is not applied at sign-in', () => {
    expect(SignIn.parse({ username: 'Admin', password: '123' })).toEqual({
      username: 'admin',
      password: '123',
    });
  });

  it('accepts 128 characters and refuses an empty password or 129 characters', () => {
    expect(SignIn.safeParse({ username: 'admin', password: 'x'.repeat(128) }).success).toBe(true);
    expect(errorsOf(SignIn, { username: 'admin', password: '' })).toEqual({ password: ['请输入密码'] });
    expect(errorsOf(SignIn, { username: 'admin', password: 'x'.repeat(129) })).toEqual({
      password: ['密码不能超过128个字符'],
    });
  });

  it('takes a 6-digit TOTP code, spaces removed', () => {
    expect(SignIn.parse({ username: 'admin', password: 'x', totp: '123 456' }).totp).toBe('123456');
    expect(errorsOf(SignIn, { username: 'admin', password: 'x', totp: '12345' })).toEqual({
      totp: ['动态验证码应为6位数字'],
    });
    expect(errorsOf(SignIn, { username: 'admin', password: 'x', totp: '12345a' })).toEqual({
      totp: ['动态验证码应为6位数字'],
    });
    expect(errorsOf(SignIn, { username: 'admin', password: 'x', totp: '1234567' })).toEqual({
      totp: ['动态验证码应为6位数字'],
    });
  });

  it('reports each missing field on its own path', () => {
    expect(errorsOf(SignIn, {})).toEqual({ username: ['请输入用户名'], password: ['请输入密码'] });
  });
});

describe('ChangePassword', () => {
  it('accepts a new password under the policy', () => {
    expect(
      ChangePassword.safeParse({ currentPassword: 'old', newPassword: 'Dongting lake 2026' }).success,
    ).toBe(true);
  });

  it('applies the policy to the new password', () => {
    expect(errorsOf(ChangePassword, { currentPassword: 'old-one-x', newPassword: 'short' })).toEqual({
      newPassword: [PASSWORD_MESSAGES.tooShort],
    });
    expect(errorsOf(ChangePassword, { currentPassword: 'old-one-x', newPassword: 'woaini1314' })).toEqual({
      newPassword: [PASSWORD_MESSAGES.common],
    });
  });

  it('refuses a new password equal to the current one', () => {
    expect(
      errorsOf(ChangePassword, { currentPassword: 'Dongting lake 2026', newPassword: 'Dongting lake 2026' }),
    ).toEqual({
      newPassword: ['新密码不能与当前密码相同'],
    });
  });

  it('asks for the current password', () => {
    expect(errorsOf(ChangePassword, { currentPassword: '', newPassword: 'Dongting lake 2026' })).toEqual({
      currentPassword: ['请输入当前密码'],
    });
  });
});

describe('CreateStaffUser', () => {
  const valid = {
    username: 'li.reviewer',
    displayName: '李审核',
    roles: ['reviewer'],
    password: 'Junshan island tea 9',
  };

  it('accepts a staff user with staff roles', () => {
    expect(CreateStaffUser.parse({ ...valid, roles: ['reviewer', 'finance'] })).toMatchObject({
      roles: ['reviewer', 'finance'],
    });
  });

  it('refuses an empty, duplicated or unknown role list', () => {
    expect(errorsOf(CreateStaffUser, { ...valid, roles: [] })).toEqual({ roles: ['请至少选择一个角色'] });
    expect(errorsOf(CreateStaffUser, { ...valid, roles: ['reviewer', 'reviewer'] })).toEqual({
      roles: ['角色不能重复'],
    });
    expect(errorsOf(CreateStaffUser, { ...valid, roles: ['boss'] })).toEqual({ 'roles.0': ['角色无效'] });
  });

  it('refuses applicant and founder roles on a staff account', () => {
    expect(errorsOf(CreateStaffUser, { ...valid, roles: ['reviewer', 'applicant'] })).toEqual({
      'roles.1': ['员工账号只能分配工作人员角色'],
    });
  });

  it('applies the password policy, including not equal to the username', () => {
    expect(errorsOf(CreateStaffUser, { ...valid, password: '1qaz2wsx' })).toEqual({
      password: [PASSWORD_MESSAGES.common],
    });
    expect(errorsOf(CreateStaffUser, { ...valid, password: 'Li.Reviewer' })).toEqual({
      password: ['密码不能与用户名相同'],
    });
  });

  it('requires a display name of 2–50 characters', () => {
    expect(errorsOf(CreateStaffUser, { ...valid, displayName: ' 李 ' })).toEqual({
      displayName: ['姓名至少2个字'],
    });
    expect(errorsOf(CreateStaffUser, { ...valid, displayName: '李'.repeat(51) })).toEqual({
      displayName: ['姓名不能超过50个字'],
    });
  });
});

describe('SetRoles and UserAction', () => {
  it('needs a positive integer user id', () => {
    expect(SetRoles.safeParse({ userId: 7, roles: ['admin'] }).success).toBe(true);
    for (const userId of [0, -1, 1.5, '7']) {
      expect(errorsOf(SetRoles, { userId, roles: ['admin'] })).toEqual({ userId: ['用户编号无效'] });
    }
  });

  it('needs a reason of 2–200 characters, trimmed', () => {
    expect(UserAction.parse({ userId: 3, reason: '  离职  ' })).toEqual({ userId: 3, reason: '离职' });
    expect(errorsOf(UserAction, { userId: 3, reason: ' 走 ' })).toEqual({ reason: ['原因至少2个字'] });
    expect(errorsOf(UserAction, { userId: 3, reason: '因'.repeat(201) })).toEqual({
      reason: ['原因不能超过200个字'],
    });
    expect(UserAction.safeParse({ userId: 3, reason: '因'.repeat(200) }).success).toBe(true);
  });
});

describe('Pagination', () => {
  it('defaults to page 1 of 20', () => {
    expect(Pagination.parse({})).toEqual({ page: 1, pageSize: 20 });
  });

  it('accepts page sizes 1 and 100 and refuses 0 and 101', () => {
    expect(Pagination.parse({ pageSize: 1 }).pageSize).toBe(1);
    expect(Pagination.parse({ pageSize: 100 }).pageSize).toBe(100);
    expect(errorsOf(Pagination, { pageSize: 0 })).toEqual({ pageSize: ['每页至少1条'] });
    expect(errorsOf(Pagination, { pageSize: 101 })).toEqual({ pageSize: ['每页最多100条'] });
  });

  it('refuses page 0 and fractional pages', () => {
    expect(errorsOf(Pagination, { page: 0 })).toEqual({ page: ['页码从1开始'] });
    expect(errorsOf(Pagination, { page: 1.5 })).toEqual({ page: ['页码应为整数'] });
  });

  it('is shared by the list queries', () => {
    expect(UserListQuery.parse({ q: ' 李 ' })).toEqual({ q: '李', page: 1, pageSize: 20 });
    expect(errorsOf(UserListQuery, { q: '李'.repeat(51) })).toEqual({ q: ['搜索内容不能超过50个字'] });
  });
});

describe('AuditQuery', () => {
  it('accepts filters and an inclusive date range', () => {
    expect(
      AuditQuery.parse({
        action: 'user.disable',
        actorId: 1,
        objectType: 'user',
        objectId: '42',
        from: '2026-01-01',
        to: '2026-01-01',
      }),
    ).toMatchObject({ page: 1, pageSize: 20, from: '2026-01-01', to: '2026-01-01' });
  });

  it('refuses a range that ends before it starts, on the `to` field', () => {
    expect(errorsOf(AuditQuery, { from: '2026-02-01', to: '2026-01-31' })).toEqual({
      to: ['结束日期不能早于开始日期'],
    });
  });

  it('refuses dates that are not real YYYY-MM-DD dates, without throwing', () => {
    const errors = errorsOf(AuditQuery, { from: '2026-02-30', to: '2026-01-31' });
    expect(Object.keys(errors)).toEqual(['from']);
    expect(errors.from?.[0]).toContain('YYYY-MM-DD');
  });
});
