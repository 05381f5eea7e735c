import { describe, expect, it } from 'vitest';
import { caseReminders, daysUntil, type ReminderCase } from './reminders';

const draft = (closesOn: string, caseId = 1): ReminderCase => ({
  caseId,
  caseNo: `C-${caseId}`,
  status: 'draft',
  closesOn,
});

describe('caseReminders', () => {
  it('reminds of a draft whose programme closes within 3 days, saying the date', () => {
    const [r] = caseReminders([draft('2026-11-29')], '2026-11-26');
    expect(r).toMatchObject({ id: 'reminder:draft-closing:1', kind: 'draft-closing', caseId: 1 });
    expect(r!.text).toContain('2026-11-29');
    expect(r!.text).toContain('3 日后');
  });

  it('3 days: yes; 4 days: no', () => {
    expect(caseReminders([draft('2026-11-29')], '2026-11-26')).toHaveLength(1);
    expect(caseReminders([draft('2026-11-30')], '2026-11-26')).toHaveLength(0);
  });

  it('closing today: yes; already closed: no', () => {
    expect(caseReminders([draft('2026-11-26')], '2026-11-26')[0]!.text).toContain('今天');
    expect(caseReminders([draft('2026-11-25')], '2026-11-26')).toHaveLength(0);
  });

  it('counts calendar days across a month end', () => {
    expect(daysUntil('2026-11-30', '2026-12-03')).toBe(3);
    expect(caseReminders([draft('2026-12-03')], '2026-11-30')).toHaveLength(1);
    expect(caseReminders([draft('2026-12-04')], '2026-11-30')).toHaveLength(0);
  });

  it('no reminder once submitted, whatever the close date', () => {
    expect(caseReminders([{ ...draft('2026-11-27'), status: 'submitted' }], '2026-11-26')).toEqual([]);
  });

  it('reminds of a returned case awaiting the enterprise (退回待补正), with a stable id', () => {
    const c: ReminderCase = { caseId: 7, caseNo: 'C-7', status: 'returned', closesOn: '2026-01-01' };
    const [r] = caseReminders([c], '2026-11-26');
    expect(r).toMatchObject({ id: 'reminder:returned-awaiting-answer:7', kind: 'returned-awaiting-answer' });
    expect(r!.text).toContain('退回待补正');
    expect(caseReminders([c], '2026-11-27')[0]!.id).toBe(r!.id);
    expect(caseReminders([{ ...c, answered: true }], '2026-11-26')).toEqual([]);
  });

  it('rejects a malformed date', () => {
    expect(() => daysUntil('2026-11-26', 'soon')).toThrow(RangeError);
  });
});
