import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import {
  acceptPairing,
  canReserve,
  completePairing,
  completionCounts,
  declinePairing,
  endPairingEarly,
  holdsPlace,
  isResponseOverdue,
  overdueReminder,
  pairingStatusOn,
  PAIRING_STATUSES,
  proposePairing,
  responseDeadline,
  type ActivePairing,
  type Pairing,
  type ProposedPairing,
} from './pairing';

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const mentor = { id: 7, capacity: 3, activeCount: 1, proposedCount: 1, paused: false };
// Friday before the National Day holiday: 5 working days later is 2025-10-10 (domain-rules.md §9).
const proposed: ProposedPairing = proposePairing({
  mentor,
  menteeId: 42,
  menteeKind: 'founder',
  proposedOn: '2025-09-26',
});
const active: ActivePairing = acceptPairing(proposed, '2025-09-30');

describe('proposing', () => {
  it('gives the mentor 5 working days to answer, skipping holidays and counting 调休 Sundays', () => {
    expect(proposed).toEqual({
      status: 'proposed',
      mentorId: 7,
      menteeId: 42,
      menteeKind: 'founder',
      proposedOn: '2025-09-26',
      responseDueOn: '2025-10-10',
    });
    expect(responseDeadline('2025-01-24')).toBe('2025-02-07');
    expect(responseDeadline('2025-09-26', 1)).toBe('2025-09-28');
  });

  it('reserves a place only while active + proposed stay below the capacity', () => {
    expect(canReserve(3, 1, 1)).toBe(true);
    expect(canReserve(3, 2, 1)).toBe(false);
    expect(canReserve(3, 3, 0)).toBe(false);
    expect(canReserve(0, 0, 0)).toBe(false);
  });

  it('refuses a proposal to a full or paused mentor', () => {
    const full = thrown(() =>
      proposePairing({
        mentor: { ...mentor, proposedCount: 2 },
        menteeId: 1,
        menteeKind: 'enterprise',
        proposedOn: '2026-03-02',
      }),
    );
    expect(full.code).toBe('MENTORING.MENTOR_FULL');
    expect(full.kind).toBe('conflict');
    expect(full.message).toBe('该导师名额已满（可带教 3 人，在带 1 人，待确认 2 人），请选择其他导师');
    const paused = thrown(() =>
      proposePairing({
        mentor: { ...mentor, paused: true },
        menteeId: 1,
        menteeKind: 'enterprise',
        proposedOn: '2026-03-02',
      }),
    );
    expect(paused.message).toBe('该导师已暂停接受结对，请选择其他导师');
  });

  test.prop([fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })])(
    'never lets a proposal take active + proposed above the capacity',
    (capacity, activeCount, proposedCount) => {
      const m = { id: 1, capacity, activeCount, proposedCount, paused: false };
      const attempt = () =>
        proposePairing({ mentor: m, menteeId: 1, menteeKind: 'enterprise', proposedOn: '2026-03-02' });
      if (activeCount + proposedCount + 1 <= capacity) expect(attempt().status).toBe('proposed');
      else expect(thrown(attempt).code).toBe('MENTORING.MENTOR_FULL');
    },
  );
});

describe('the response deadline, evaluated when read', () => {
  it('is not overdue on the due day and is overdue the day after', () => {
    expect(isResponseOverdue(proposed, '2025-10-10')).toBe(false);
    expect(isResponseOverdue(proposed, '2025-10-11')).toBe(true);
    expect(isResponseOverdue(active, '2026-01-01')).toBe(false);
  });

  it('lets the mentor accept on the due day but not after, when the request has gone back to staff', () => {
    expect(acceptPairing(proposed, '2025-10-10').status).toBe('active');
    const e = thrown(() => acceptPairing(proposed, '2025-10-11'));
    expect(e.code).toBe('MENTORING.RESPONSE_OVERDUE');
    expect(e.message).toBe('回复期限（2025-10-10）已过，该结对邀请已退回工作人员重新安排');
  });

  it('releases the reserved place once overdue and reminds staff', () => {
    expect(holdsPlace(proposed, '2025-10-10')).toBe(true);
    expect(holdsPlace(proposed, '2025-10-11')).toBe(false);
    expect(holdsPlace(active, '2030-01-01')).toBe(true);
    expect(overdueReminder(proposed, '2025-10-10')).toBeNull();
    expect(overdueReminder({ ...proposed, id: 5 }, '2025-10-13')).toEqual({
      pairingId: 5,
      mentorId: 7,
      responseDueOn: '2025-10-10',
      overdueSince: '2025-10-11',
      message: '导师未在 2025-10-10 前回复结对邀请，需求已退回，请重新安排导师',
    });
  });
});

describe('lifecycle', () => {
  it('moves proposed → active → completed when the agreed sessions were held', () => {
    const done = completePairing(active, { on: '2026-03-31', sessionsHeld: 4, minSessions: 4 });
    expect(done).toMatchObject({
      status: 'completed',
      acceptedOn: '2025-09-30',
      completedOn: '2026-03-31',
      sessionsHeld: 4,
      minSessions: 4,
    });
    expect(completionCounts(done, 4, 4)).toBe(true);
  });

  it('refuses to complete a pairing with fewer sessions than agreed', () => {
    const e = thrown(() => completePairing(active, { on: '2026-03-31', sessionsHeld: 3, minSessions: 4 }));
    expect(e.code).toBe('MENTORING.TOO_FEW_SESSIONS');
    expect(e.message).toBe('已开展 3 次辅导，少于约定的 4 次，不能办结；如需结束请选择“提前结束”并填写原因');
  });

  it('counts a pairing ended early as completed only when the agreed minimum sessions were held', () => {
    const held = endPairingEarly(active, {
      on: '2026-01-10',
      by: 'mentee',
      reason: '企业迁往长沙',
      sessionsHeld: 4,
      minSessions: 4,
    });
    expect(held).toMatchObject({
      status: 'ended_early',
      countsAsCompleted: true,
      reason: '企业迁往长沙',
      endedBy: 'mentee',
    });
    const short = endPairingEarly(active, {
      on: '2026-01-10',
      by: 'mentor',
      reason: '导师工作调动',
      sessionsHeld: 3,
      minSessions: 4,
    });
    expect(short.countsAsCompleted).toBe(false);
    expect(completionCounts(held, 4, 4)).toBe(true);
    expect(completionCounts(short, 3, 4)).toBe(false);
  });

  it('requires a reason to decline or end early', () => {
    const decline = thrown(() => declinePairing(proposed, { on: '2025-09-29', by: 'mentor', reason: '  ' }));
    expect(decline.code).toBe('MENTORING.REASON_REQUIRED');
    expect(decline.message).toBe('请填写拒绝原因');
    expect(
      thrown(() =>
        endPairingEarly(active, {
          on: '2026-01-10',
          by: 'staff',
          reason: '',
          sessionsHeld: 1,
          minSessions: 4,
        }),
      ).message,
    ).toBe('请填写提前结束原因');
    expect(
      declinePairing(proposed, { on: '2025-09-29', by: 'mentor', reason: ' 近期出差较多 ' }),
    ).toMatchObject({
      status: 'declined',
      declinedBy: 'mentor',
      reason: '近期出差较多',
    });
  });

  it('lets staff decline an overdue proposal to rearrange it', () => {
    expect(declinePairing(proposed, { on: '2025-10-13', by: 'staff', reason: '导师逾期未回复' }).status).toBe(
      'declined',
    );
  });

  it('refuses dates earlier than the previous step', () => {
    expect(thrown(() => acceptPairing(proposed, '2025-09-25')).message).toBe(
      '接受日期 2025-09-25 早于推荐日期 2025-09-26',
    );
    expect(
      thrown(() => completePairing(active, { on: '2025-09-29', sessionsHeld: 4, minSessions: 4 })).code,
    ).toBe('MENTORING.DATE_ORDER');
  });

  const all: Pairing[] = [
    proposed,
    active,
    completePairing(active, { on: '2026-03-31', sessionsHeld: 4, minSessions: 4 }),
    declinePairing(proposed, { on: '2025-09-29', by: 'mentor', reason: '时间冲突' }),
    endPairingEarly(active, {
      on: '2026-01-10',
      by: 'mentee',
      reason: '项目终止',
      sessionsHeld: 1,
      minSessions: 4,
    }),
  ];
  const actions = {
    accept: (p: Pairing) => acceptPairing(p, '2025-10-01'),
    decline: (p: Pairing) => declinePairing(p, { on: '2026-04-01', by: 'mentor', reason: '时间冲突' }),
    complete: (p: Pairing) => completePairing(p, { on: '2026-04-01', sessionsHeld: 9, minSessions: 4 }),
    endEarly: (p: Pairing) =>
      endPairingEarly(p, {
        on: '2026-04-01',
        by: 'staff',
        reason: '学员失联',
        sessionsHeld: 9,
        minSessions: 4,
      }),
  };
  const allowed: Record<string, string[]> = {
    proposed: ['accept', 'decline'],
    active: ['complete', 'endEarly'],
  };

  it('allows only proposed → active | declined and active → completed | ended_early', () => {
    expect(all.map((p) => p.status)).toEqual([...PAIRING_STATUSES]);
    for (const p of all) {
      for (const [name, act] of Object.entries(actions)) {
        if ((allowed[p.status] ?? []).includes(name)) {
          expect(() => act(p), `${p.status} → ${name}`).not.toThrow();
        } else {
          const e = thrown(() => act(p));
          expect(e.code, `${p.status} → ${name}`).toBe('MENTORING.ILLEGAL_TRANSITION');
          expect(e.kind).toBe('conflict');
        }
      }
    }
    expect(thrown(() => actions.accept(all[2]!)).message).toBe('该结对当前状态为“已完成”，不能接受结对');
  });

  it('counts nothing but completed pairings and early ends with the agreed sessions', () => {
    expect(all.map((p) => completionCounts(p, 4, 4))).toEqual([false, false, true, false, true]);
  });
});

describe('pairingStatusOn', () => {
  const done = completePairing(active, { on: '2026-03-31', sessionsHeld: 4, minSessions: 4 });

  it('tells the status a pairing had on a past day', () => {
    expect(pairingStatusOn(done, '2025-09-25')).toBeNull();
    expect(pairingStatusOn(done, '2025-09-26')).toBe('proposed');
    expect(pairingStatusOn(done, '2025-09-30')).toBe('active');
    expect(pairingStatusOn(done, '2026-03-30')).toBe('active');
    expect(pairingStatusOn(done, '2026-03-31')).toBe('completed');
    expect(pairingStatusOn(proposed, '2025-10-11')).toBe('overdue');
  });
});
