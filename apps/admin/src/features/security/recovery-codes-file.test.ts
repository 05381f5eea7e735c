import { describe, expect, it } from 'vitest';
import { recoveryCodesFile } from './recovery-codes-file';

const codes = ['ABCDE-12345', 'FGHJK-67890'];
const meta = {
  site: '引导基金管理端',
  account: { username: 'qian.shenhe', displayName: '钱审核' },
  date: '2026-03-02',
};

describe('recoveryCodesFile', () => {
  it('names the account and the date in the file name and in the text', () => {
    const file = recoveryCodesFile(codes, meta);
    expect(file.text.split('\r\n')[0]).toBe('\uFEFF引导基金管理端 动态验证码恢复码');
    expect(file.fileName).toBe('恢复码-qian.shenhe-2026-03-02.txt');
    expect(file.text).toContain('账号：qian.shenhe（钱审核）');
    expect(file.text).toContain('生成日期：2026-03-02');
  });

  it('lists every code numbered, one a line, after a one-line instruction', () => {
    const lines = recoveryCodesFile(codes, meta).text.split('\r\n');
    expect(lines.some((l) => l.startsWith('使用方法：') && l.includes('只能使用一次'))).toBe(true);
    expect(lines).toContain(' 1. ABCDE-12345');
    expect(lines).toContain(' 2. FGHJK-67890');
  });

  it('starts with a byte order mark so older Notepad reads the Chinese as UTF-8', () => {
    expect(recoveryCodesFile(codes, meta).text.startsWith('\uFEFF')).toBe(true);
  });
});
