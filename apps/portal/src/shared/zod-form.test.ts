import { describe, expect, it } from 'vitest';
import {
  issuesToFieldErrors,
  parseWith,
  partitionByFields,
  recordToFieldErrors,
  splitPath,
  type SafeParser,
} from './zod-form';

type Login = { username: string };
const loginSchema: SafeParser<Login> = {
  safeParse(value) {
    const v = value as Partial<Login>;
    if (typeof v.username === 'string' && v.username.length > 0)
      return { success: true, data: { username: v.username } };
    return { success: false, error: { issues: [{ path: ['username'], message: '请输入用户名' }] } };
  },
};

describe('zod-form adapter', () => {
  it('turns nested dotted server paths into form name paths', () => {
    expect(splitPath('sizeData.employees')).toEqual(['sizeData', 'employees']);
    expect(splitPath('roles.0')).toEqual(['roles', 0]);
  });

  it('groups several issues on one field and drops duplicate messages', () => {
    const fields = issuesToFieldErrors([
      { path: ['password'], message: '至少 8 位' },
      { path: ['password'], message: '过于常见' },
      { path: ['password'], message: '至少 8 位' },
      { path: ['sizeData', 'employees'], message: '请输入从业人员' },
    ]);
    expect(fields).toEqual([
      { name: ['password'], errors: ['至少 8 位', '过于常见'] },
      { name: ['sizeData', 'employees'], errors: ['请输入从业人员'] },
    ]);
  });

  it('ignores symbol path segments', () => {
    expect(issuesToFieldErrors([{ path: ['a', Symbol('x')], message: 'm' }])).toEqual([
      { name: ['a'], errors: ['m'] },
    ]);
  });

  it('maps the server fieldErrors record onto fields', () => {
    expect(recordToFieldErrors({ contactMobile: '手机号格式不正确' })).toEqual([
      { name: ['contactMobile'], errors: ['手机号格式不正确'] },
    ]);
  });

  it('returns parsed data or field errors', () => {
    expect(parseWith(loginSchema, { username: 'zhang' })).toEqual({ ok: true, data: { username: 'zhang' } });
    expect(parseWith(loginSchema, {})).toEqual({
      ok: false,
      fields: [{ name: ['username'], errors: ['请输入用户名'] }],
    });
  });

  it('keeps messages for fields the form does not show as general errors', () => {
    const { onFields, general } = partitionByFields(
      [
        { name: ['username'], errors: ['用户名已被占用'] },
        { name: ['consentVersion'], errors: ['请先阅读并同意隐私声明'] },
        { name: [], errors: ['两次输入的密码不一致'] },
      ],
      [['username']],
    );
    expect(onFields).toEqual([{ name: ['username'], errors: ['用户名已被占用'] }]);
    expect(general).toEqual(['请先阅读并同意隐私声明', '两次输入的密码不一致']);
  });
});
