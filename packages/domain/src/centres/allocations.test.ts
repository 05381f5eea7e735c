import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { DomainError } from '../errors';
import { idCheckChar } from '../privacy/identity';
import {
  allocate,
  AllocateWorkstation,
  allocatedDaysInMonth,
  endAllocation,
  extendAllocation,
  findOverlap,
  moveAllocation,
  OccupantInput,
  overlaps,
  retireWorkstation,
  type AllocatableWorkstation,
  type Allocation,
} from './allocations';
import { addMonthsToYearMonth } from './internal';

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const A1: AllocatableWorkstation = {
  id: 1,
  code: 'A-001',
  designation: 'free',
  createdOn: '2025-01-01',
  retiredOn: null,
};
const B1: AllocatableWorkstation = {
  id: 2,
  code: 'B-001',
  designation: 'preferential',
  createdOn: '2025-01-01',
  retiredOn: null,
};
const A2: AllocatableWorkstation = {
  id: 3,
  code: 'A-002',
  designation: 'free',
  createdOn: '2025-01-01',
  retiredOn: null,
};

const alloc = (
  id: number,
  workstationId: number,
  startsOn: string,
  endsOn: string | null,
  terms: 'free' | 'preferential' = 'free',
): Allocation => ({
  id,
  workstationId,
  startsOn,
  endsOn,
  terms,
});

describe('overlaps', () => {
  it('treats both ends as inclusive: a stay ending on the 15th clashes with one starting on the 15th', () => {
    expect(
      overlaps(
        { startsOn: '2026-03-01', endsOn: '2026-03-15' },
        { startsOn: '2026-03-15', endsOn: '2026-03-31' },
      ),
    ).toBe(true);
    expect(
      overlaps(
        { startsOn: '2026-03-01', endsOn: '2026-03-15' },
        { startsOn: '2026-03-16', endsOn: '2026-03-31' },
      ),
    ).toBe(false);
  });

  it('treats an open end as lasting for ever', () => {
    expect(
      overlaps({ startsOn: '2026-03-01', endsOn: null }, { startsOn: '2030-01-01', endsOn: '2030-01-02' }),
    ).toBe(true);
    expect(
      overlaps({ startsOn: '2026-03-01', endsOn: null }, { startsOn: '2026-01-01', endsOn: '2026-02-28' }),
    ).toBe(false);
  });
});

describe('findOverlap', () => {
  const existing = [
    alloc(10, 1, '2026-04-01', null),
    alloc(11, 1, '2026-01-01', '2026-02-28'),
    alloc(12, 2, '2026-03-01', '2026-03-31'),
  ];

  it('returns the earliest clashing allocation of the same workstation', () => {
    expect(findOverlap(existing, alloc(99, 1, '2026-02-01', '2026-05-01'))).toBe(existing[1]);
  });

  it('ignores other workstations and the allocation being changed', () => {
    expect(findOverlap(existing, alloc(99, 1, '2026-03-01', '2026-03-31'))).toBeNull();
    expect(findOverlap(existing, alloc(10, 1, '2026-03-01', null))).toBeNull();
  });

  const BASE = '2026-01-01';
  const HORIZON = 120;
  const span = fc
    .tuple(
      fc.integer({ min: 0, max: 60 }),
      fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
      fc.integer({ min: 1, max: 3 }),
    )
    .map(([start, length, workstationId]) => ({
      start,
      end: length === null ? null : start + length,
      workstationId,
    }));
  const days = (s: { start: number; end: number | null }) => {
    const set = new Set<number>();
    for (let d = s.start; d <= (s.end ?? HORIZON); d++) set.add(d);
    return set;
  };
  const toAllocation = (
    s: { start: number; end: number | null; workstationId: number },
    id: number,
  ): Allocation =>
    alloc(id, s.workstationId, addDays(BASE, s.start), s.end === null ? null : addDays(BASE, s.end));

  test.prop([fc.array(span, { maxLength: 12 }), span])(
    'agrees with a brute-force check of shared days',
    (spans, candidateSpan) => {
      const existingAllocations = spans.map(toAllocation);
      const candidate = toAllocation(candidateSpan, 1000);
      const candidateDays = days(candidateSpan);
      const clashing = spans
        .map((s, i) => ({ s, i }))
        .filter(
          ({ s }) =>
            s.workstationId === candidateSpan.workstationId && [...days(s)].some((d) => candidateDays.has(d)),
        );
      const found = findOverlap(existingAllocations, candidate);
      if (clashing.length === 0) {
        expect(found).toBeNull();
      } else {
        const earliest = Math.min(...clashing.map(({ s }) => s.start));
        expect(found).not.toBeNull();
        expect(clashing.map(({ i }) => existingAllocations[i])).toContain(found);
        expect(found!.startsOn).toBe(addDays(BASE, earliest));
      }
    },
  );
});

describe('allocatedDaysInMonth', () => {
  it('counts calendar days inside the month, both ends inclusive', () => {
    expect(allocatedDaysInMonth({ startsOn: '2026-03-17', endsOn: null }, '2026-03')).toBe(15);
    expect(allocatedDaysInMonth({ startsOn: '2026-03-18', endsOn: null }, '2026-03')).toBe(14);
    expect(allocatedDaysInMonth({ startsOn: '2026-02-20', endsOn: '2026-03-15' }, '2026-03')).toBe(15);
    expect(allocatedDaysInMonth({ startsOn: '2026-02-20', endsOn: '2026-03-14' }, '2026-03')).toBe(14);
  });

  it('knows the length of February in leap and common years', () => {
    expect(allocatedDaysInMonth({ startsOn: '2024-01-01', endsOn: null }, '2024-02')).toBe(29);
    expect(allocatedDaysInMonth({ startsOn: '2025-01-01', endsOn: null }, '2025-02')).toBe(28);
  });

  it('is zero for a month the allocation misses', () => {
    expect(allocatedDaysInMonth({ startsOn: '2026-04-01', endsOn: null }, '2026-03')).toBe(0);
    expect(allocatedDaysInMonth({ startsOn: '2026-01-01', endsOn: '2026-02-28' }, '2026-03')).toBe(0);
  });

  it('refuses a month not written as YYYY-MM', () => {
    const e = thrown(() => allocatedDaysInMonth({ startsOn: '2026-03-01', endsOn: null }, '2026-3'));
    expect(e.code).toBe('CENTRES.INVALID_MONTH');
    expect(e.message).toContain('应为 YYYY-MM 格式的月份');
  });

  test.prop([fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 })])(
    'adds up over the months to the length of the allocation',
    (start, length) => {
      const startsOn = addDays('2025-11-01', start);
      const endsOn = addDays(startsOn, length);
      let total = 0;
      for (let m = 0; m < 30; m++)
        total += allocatedDaysInMonth({ startsOn, endsOn }, addMonthsToYearMonth('2025-11', m));
      expect(total).toBe(length + 1);
    },
  );
});

describe('occupants', () => {
  const idBody = '43060220000101001';
  const idNumber = idBody + idCheckChar(idBody);

  it('accepts a walk-in team and stores its ID number and mobile normalised', () => {
    const parsed = OccupantInput.parse({
      type: 'team',
      teamName: '青禾创客',
      contactName: '李明',
      school: '湖南理工学院',
      idNumber: idNumber.toLowerCase(),
      mobile: '+86 138-0000-5678',
    });
    expect(parsed).toEqual({
      type: 'team',
      teamName: '青禾创客',
      contactName: '李明',
      school: '湖南理工学院',
      idNumber,
      mobile: '13800005678',
    });
  });

  it('refuses a team whose contact has a wrong ID number or mobile, without echoing them', () => {
    const wrongCheck = idBody + (idCheckChar(idBody) === '1' ? '2' : '1');
    const result = OccupantInput.safeParse({
      type: 'team',
      teamName: '青禾创客',
      contactName: '李明',
      school: '',
      idNumber: wrongCheck,
      mobile: '1234',
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['school', '请填写所在学校'],
      ['idNumber', '身份证号码校验位不正确，请核对后重新输入'],
      ['mobile', '请输入正确的11位手机号码'],
    ]);
    expect(JSON.stringify(issues)).not.toContain(wrongCheck);
  });

  it('accepts an enterprise or a founder by record id', () => {
    expect(OccupantInput.parse({ type: 'enterprise', enterpriseId: 12 })).toEqual({
      type: 'enterprise',
      enterpriseId: 12,
    });
    expect(OccupantInput.safeParse({ type: 'founder', founderId: 0 }).error?.issues[0]?.message).toBe(
      '请选择个人创业者',
    );
    expect(OccupantInput.safeParse({ type: 'visitor' }).error?.issues[0]?.message).toBe(
      '请选择入驻对象类型（企业、个人创业者或创业团队）',
    );
  });

  it('refuses an allocation form whose end precedes its start', () => {
    const result = AllocateWorkstation.safeParse({
      workstationId: 1,
      occupant: { type: 'enterprise', enterpriseId: 3 },
      startsOn: '2026-03-10',
      endsOn: '2026-03-09',
      terms: 'free',
    });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      '结束日期 2026-03-09 早于开始日期 2026-03-10',
    ]);
  });
});

describe('allocate', () => {
  const existing = [alloc(1, 1, '2026-01-01', '2026-03-15'), alloc(2, 2, '2026-01-01', null, 'preferential')];

  it('allocates a free workstation from the day after the last occupant left', () => {
    expect(allocate(alloc(3, 1, '2026-03-16', null), A1, { existing })).toEqual(
      alloc(3, 1, '2026-03-16', null),
    );
  });

  it('refuses an allocation that clashes with another on the same workstation', () => {
    const e = thrown(() => allocate(alloc(3, 1, '2026-03-15', null), A1, { existing }));
    expect(e.code).toBe('CENTRES.ALLOCATION_OVERLAP');
    expect(e.kind).toBe('conflict');
    expect(e.message).toBe('工位 A-001 在 2026-01-01 至 2026-03-15 已有分配，与 2026-03-15 至 长期 时间重叠');
  });

  it('refuses to let a free workstation at preferential terms', () => {
    const e = thrown(() => allocate(alloc(3, 3, '2026-03-01', null, 'preferential'), A2, { existing }));
    expect(e.code).toBe('CENTRES.TERMS_MISMATCH');
    expect(e.message).toBe('工位 A-002 是免费工位，只能免费分配');
  });

  it('refuses days outside the workstation’s service', () => {
    expect(thrown(() => allocate(alloc(3, 3, '2024-12-31', null), A2, { existing })).message).toBe(
      '工位 A-002 自 2025-01-01 起启用，不能从 2024-12-31 开始分配',
    );
    const retiring = { ...A2, retiredOn: '2026-06-01' };
    expect(thrown(() => allocate(alloc(3, 3, '2026-03-01', null), retiring, { existing })).message).toBe(
      '工位 A-002 自 2026-06-01 起停用，分配须在 2026-05-31 或之前结束',
    );
    expect(allocate(alloc(3, 3, '2026-03-01', '2026-05-31'), retiring, { existing }).endsOn).toBe(
      '2026-05-31',
    );
  });

  it('refuses to add days to a month already claimed', () => {
    const e = thrown(() =>
      allocate(alloc(3, 3, '2026-02-20', null), A2, { existing, claimedMonths: ['2026-02', '2026-01'] }),
    );
    expect(e.code).toBe('CENTRES.CLAIMED_MONTH_LOCKED');
    expect(e.message).toBe('2026-02 已申报，不能再补录或修改该月的工位分配');
  });
});

describe('endAllocation', () => {
  const open = alloc(1, 1, '2026-03-01', null);

  it('ends an open allocation on the occupant’s last day', () => {
    expect(endAllocation(open, '2026-06-30').endsOn).toBe('2026-06-30');
    expect(endAllocation(open, '2026-03-01').endsOn).toBe('2026-03-01');
  });

  it('refuses an end before the start', () => {
    const e = thrown(() => endAllocation(open, '2026-02-28'));
    expect(e.code).toBe('CENTRES.END_BEFORE_START');
    expect(e.message).toBe('结束日期 2026-02-28 早于开始日期 2026-03-01');
  });

  it('refuses to move an end later: that is an extension', () => {
    const e = thrown(() => endAllocation(alloc(1, 1, '2026-03-01', '2026-04-30'), '2026-05-31'));
    expect(e.code).toBe('CENTRES.END_AFTER_CURRENT_END');
    expect(e.message).toContain('请办理延期');
  });

  it('refuses a retroactive end that would remove days from a claimed month', () => {
    const e = thrown(() => endAllocation(open, '2026-03-20', { claimedMonths: ['2026-03'] }));
    expect(e.code).toBe('CENTRES.CLAIMED_MONTH_LOCKED');
    expect(endAllocation(open, '2026-03-31', { claimedMonths: ['2026-03'] }).endsOn).toBe('2026-03-31');
  });
});

describe('extendAllocation', () => {
  const current = alloc(1, 1, '2026-01-01', '2026-03-31');
  const next = alloc(2, 1, '2026-05-01', null);

  it('extends to a later end when the workstation is free until then', () => {
    expect(extendAllocation(current, '2026-04-30', A1, { existing: [current, next] }).endsOn).toBe(
      '2026-04-30',
    );
  });

  it('refuses an extension that runs into the next occupant', () => {
    const e = thrown(() => extendAllocation(current, '2026-05-01', A1, { existing: [current, next] }));
    expect(e.code).toBe('CENTRES.ALLOCATION_OVERLAP');
    expect(thrown(() => extendAllocation(current, null, A1, { existing: [current, next] })).code).toBe(
      'CENTRES.ALLOCATION_OVERLAP',
    );
  });

  it('refuses an end that is not later, and an allocation without an end', () => {
    expect(thrown(() => extendAllocation(current, '2026-03-31', A1, { existing: [] })).message).toBe(
      '延期后的结束日期 2026-03-31 应晚于原结束日期 2026-03-31',
    );
    expect(thrown(() => extendAllocation(next, '2027-01-01', A1, { existing: [] })).message).toBe(
      '该分配未设结束日期，无需延期',
    );
  });
});

describe('moveAllocation', () => {
  const current = alloc(1, 1, '2026-01-01', '2026-12-31');

  it('ends the current allocation the day before and opens one on the new workstation', () => {
    const { ended, moved } = moveAllocation(current, A2, '2026-04-01', { existing: [current] });
    expect(ended).toEqual({ ...current, endsOn: '2026-03-31' });
    expect(moved).toEqual({ workstationId: 3, startsOn: '2026-04-01', endsOn: '2026-12-31', terms: 'free' });
  });

  it('refuses a move on the first day, outside the allocation, or to the same workstation', () => {
    expect(thrown(() => moveAllocation(current, A2, '2026-01-01', { existing: [] })).code).toBe(
      'CENTRES.MOVE_DATE_OUT_OF_RANGE',
    );
    expect(thrown(() => moveAllocation(current, A2, '2027-01-01', { existing: [] })).message).toContain(
      '应在原分配期（2026-01-01 至 2026-12-31）内',
    );
    expect(thrown(() => moveAllocation(current, A1, '2026-04-01', { existing: [] })).message).toBe(
      '入驻对象已在工位 A-001，无需调换',
    );
  });

  it('refuses a move onto an occupied workstation', () => {
    const e = thrown(() =>
      moveAllocation(current, A2, '2026-04-01', { existing: [current, alloc(5, 3, '2026-06-01', null)] }),
    );
    expect(e.code).toBe('CENTRES.ALLOCATION_OVERLAP');
  });

  it('refuses to move a preferential tenant onto a free workstation', () => {
    const tenant = alloc(7, 2, '2026-01-01', null, 'preferential');
    expect(thrown(() => moveAllocation(tenant, A2, '2026-02-01', { existing: [tenant] })).code).toBe(
      'CENTRES.TERMS_MISMATCH',
    );
    expect(
      moveAllocation(alloc(8, 1, '2026-01-01', null), B1, '2026-02-01', { existing: [] }).moved.terms,
    ).toBe('free');
  });
});

describe('retireWorkstation', () => {
  it('retires a workstation whose last allocation ended the day before', () => {
    expect(retireWorkstation(A1, '2026-04-01', [alloc(1, 1, '2026-01-01', '2026-03-31')]).retiredOn).toBe(
      '2026-04-01',
    );
  });

  it('refuses to retire a workstation still allocated on or after that day', () => {
    const e = thrown(() => retireWorkstation(A1, '2026-03-31', [alloc(1, 1, '2026-01-01', '2026-03-31')]));
    expect(e.code).toBe('CENTRES.WORKSTATION_IN_USE');
    expect(e.message).toBe('工位 A-001 在 2026-01-01 至 2026-03-31 仍有分配，请先结束或调换后再停用');
  });
});
