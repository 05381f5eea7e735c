import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../test/account-fixtures';
import { enterpriseIds, errorOf, startCentresWorld, type CentresWorld } from './centres.fixtures';

let w: CentresWorld;
let enterprises: number[];
let allocationByCode: Map<string, number>;

const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8').toString('base64');
const count = (table: string) => (w.server.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

beforeAll(async () => {
  w = await startCentresWorld();
  enterprises = await enterpriseIds(w.server);
  await w.managerA.centres.workstations.bulkCreate.mutate({
    centreId: w.centreA,
    bulk: { codes: 'A-001…A-120', zone: 'A区', kind: 'open-desk', designation: 'free', monthlyRentFen: 0 },
    inServiceFrom: '2025-01-01',
  });
  const ws = await w.managerA.centres.workstations.list.query({ centreId: w.centreA, pageSize: 100 });
  const ws2 = await w.managerA.centres.workstations.list.query({ centreId: w.centreA, page: 2, pageSize: 100 });
  allocationByCode = new Map();
  // 110 of 120 desks allocated from 2026-01-01, open-ended.
  for (const item of [...ws.items, ...ws2.items].slice(0, 110)) {
    const { id } = await w.managerA.centres.allocations.allocate.mutate({
      centreId: w.centreA,
      allocation: { workstationId: item.id, occupant: { type: 'enterprise', enterpriseId: enterprises[item.id % enterprises.length]! }, startsOn: '2026-01-01', endsOn: null, terms: 'free' },
    });
    allocationByCode.set(item.code, id);
  }
}, 120_000);
afterAll(() => w.server.close());

describe('occupancy grid', () => {
  it('shows every workstation of the month with its allocation, and saves 110 rows typed in the grid in one call', async () => {
    const grid = await w.managerA.centres.occupancy.grid.query({ centreId: w.centreA, month: '2026-03' });
    expect(grid.rows).toHaveLength(120);
    expect(grid.summary).toEqual({ workstations: 120, allocations: 110, recorded: 0, missing: 110 });
    expect(grid.rows[119]).toMatchObject({ code: 'A-120', allocationId: null });
    expect(grid.rows[0]).toMatchObject({ code: 'A-001', allocatedDays: 31, recorded: false });

    const rows = grid.rows
      .filter((r) => r.allocationId !== null)
      .map((r, i) => (i % 10 === 0 ? { allocationId: r.allocationId!, daysPresent: null, attested: true } : { allocationId: r.allocationId!, daysPresent: 10 + (i % 20), attested: false }));
    await expect(w.managerA.centres.occupancy.save.mutate({ centreId: w.centreA, month: '2026-03', rows })).resolves.toEqual({ saved: 110 });
    const after = await w.managerA.centres.occupancy.grid.query({ centreId: w.centreA, month: '2026-03' });
    expect(after.summary.recorded).toBe(110);
    expect(after.rows[0]).toMatchObject({ attested: true, daysPresent: null, recorded: true });
    expect(after.rows[1]).toMatchObject({ attested: false, daysPresent: 11 });

    // Saving again overwrites (upsert), one audit event per save.
    await w.managerA.centres.occupancy.save.mutate({ centreId: w.centreA, month: '2026-03', rows: [{ allocationId: rows[1]!.allocationId, daysPresent: 25, attested: false }] });
    expect((await w.managerA.centres.occupancy.grid.query({ centreId: w.centreA, month: '2026-03' })).rows[1]).toMatchObject({ daysPresent: 25 });
    expect(count("audit_event where action = 'centre.occupancy.save'")).toBe(2);
  });

  it('saves nothing when one row of the batch is impossible (more days present than allocated)', async () => {
    const a = allocationByCode.get('A-002')!;
    const b = allocationByCode.get('A-003')!;
    const before = count('presence');
    const err = await errorOf(
      w.managerA.centres.occupancy.save.mutate({
        centreId: w.centreA,
        month: '2026-04',
        rows: [
          { allocationId: a, daysPresent: 12, attested: false },
          { allocationId: b, daysPresent: 31, attested: false },
        ],
      }),
    );
    expect(err).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'CENTRES.INVALID_PRESENCE' });
    expect(err.message).toContain('仅分配 30 天');
    expect(count('presence')).toBe(before);
  });
});

describe('imports', () => {
  it('offers the templates as .xlsx and .csv with the documented columns', async () => {
    const x = await w.managerA.centres.imports.template.query({ centreId: w.centreA, kind: 'occupancy', format: 'xlsx' });
    expect(x.fileName).toMatch(/出勤导入模板\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect((wb.worksheets[0]!.getRow(1).values as string[]).slice(1)).toEqual(['工位编号', '月份', '在驻天数', '整月在驻确认', '分配编号']);
    const c = await w.managerA.centres.imports.template.query({ centreId: w.centreA, kind: 'allocations', format: 'csv' });
    expect(Buffer.from(c.contentBase64, 'base64').toString('utf8')).toMatch(/^\uFEFF工位编号,入驻类型,统一社会信用代码/);
  });

  it('imports nothing from an occupancy file with bad rows, reporting row, column and reason in Chinese; the fixed file imports; the same file again changes nothing', async () => {
    const header = ['工位编号', '月份', '在驻天数', '整月在驻确认', '分配编号'];
    const bad = csv([header, ['A-004', '2026-05', '20', '', ''], ['A-999', '2026-05', '20', '', ''], ['A-005', '2026/05', '40', '也许', ''], ['A-006', '2026-05', '', '', '']]);
    const before = count('presence');
    const res = await w.managerA.centres.imports.run.mutate({ centreId: w.centreA, kind: 'occupancy', fileName: 'may.csv', contentBase64: bad });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: '工位编号', reason: '本中心没有编号为 A-999 的工位' },
        expect.objectContaining({ row: 4, column: '月份' }),
        expect.objectContaining({ row: 4, column: '在驻天数' }),
        expect.objectContaining({ row: 4, column: '整月在驻确认' }),
        { row: 5, column: '在驻天数', reason: '请填写在驻天数，或在“整月在驻确认”填“是”' },
      ]),
    );
    expect(res.errors.some((e) => e.row === 2)).toBe(false);
    expect(count('presence')).toBe(before);
    expect(count('import_batch')).toBe(0);

    const good = csv([header, ['A-004', '2026-05', '20', '', ''], ['A-005', '2026-05', '', '是', ''], ['a-006', '2026-05', '8', '否', '']]);
    const ok = await w.managerA.centres.imports.run.mutate({ centreId: w.centreA, kind: 'occupancy', fileName: 'may.csv', contentBase64: good });
    expect(ok).toMatchObject({ ok: true, unchanged: false, imported: 3 });
    expect(count('presence')).toBe(before + 3);
    const grid = await w.managerA.centres.occupancy.grid.query({ centreId: w.centreA, month: '2026-05' });
    expect(grid.rows.slice(3, 6).map((r) => [r.code, r.daysPresent, r.attested])).toEqual([
      ['A-004', 20, false],
      ['A-005', null, true],
      ['A-006', 8, false],
    ]);

    const auditBefore = count('audit_event');
    const again = await w.managerA.centres.imports.run.mutate({ centreId: w.centreA, kind: 'occupancy', fileName: 'may-copy.csv', contentBase64: good });
    expect(again).toMatchObject({ ok: true, unchanged: true });
    expect(count('presence')).toBe(before + 3);
    expect(count('audit_event')).toBe(auditBefore);
  });

  it('imports allocations from an .xlsx file all-or-nothing, including overlaps inside the file', async () => {
    const enterprise = w.server.sqlite.prepare('select uscc from enterprise order by id limit 1').get() as { uscc: string };
    const build = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const s = wb.addWorksheet('工位分配');
      s.addRow(['工位编号', '入驻类型', '统一社会信用代码', '身份证号', '团队名称', '联系人', '学校', '手机号', '使用方式', '开始日期', '结束日期']);
      for (const r of rows) s.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    };
    const teamId = idNumber('20040512', '123');
    const team = ['A-112', '创业团队', '', teamId, '追光团队', '王小二', '湖南理工学院', '13712345678', '免费', '2026-02-01', ''];
    const rows = [
      ['A-111', '企业', enterprise.uscc, '', '', '', '', '', '免费', '2026-02-01', '2026-12-31'],
      ['A-111', '企业', enterprise.uscc, '', '', '', '', '', '免费', '2026-06-01', ''],
      team,
      ['A-113', '个人创业者', '', idNumber('19900101', '456', '110101'), '', '', '', '', '免费', '2026-02-01', ''],
      ['A-001', '企业', enterprise.uscc, '', '', '', '', '', '免费', '2026-02-01', ''],
    ];
    const before = count('allocation');
    const res = await w.managerA.centres.imports.run.mutate({ centreId: w.centreA, kind: 'allocations', fileName: 'alloc.xlsx', contentBase64: await build(rows) });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '开始日期'],
      [5, '身份证号'],
      [6, '开始日期'],
    ]);
    expect(res.errors[0]!.reason).toMatch(/时间重叠/);
    expect(count('allocation')).toBe(before);
    expect(count('walk_in_team')).toBe(0);

    const fixed = await build([rows[0]!, team]);
    const ok = await w.managerA.centres.imports.run.mutate({ centreId: w.centreA, kind: 'allocations', fileName: 'alloc.xlsx', contentBase64: fixed });
    expect(ok).toMatchObject({ ok: true, imported: 2 });
    expect(count('allocation')).toBe(before + 2);
    const again = await w.managerA.centres.imports.run.mutate({ centreId: w.centreA, kind: 'allocations', fileName: 'alloc.xlsx', contentBase64: fixed });
    expect(again).toMatchObject({ ok: true, unchanged: true });
    expect(count('allocation')).toBe(before + 2);
    const audit = JSON.stringify(w.server.sqlite.prepare('select payload_json, summary from audit_event').all());
    expect(audit).not.toContain(teamId);
    expect(audit).not.toContain('13712345678');
  });

  it('refuses a file that is not in the template with a report instead of an error page', async () => {
    const res = await w.managerA.centres.imports.run.mutate({ centreId: w.centreA, kind: 'occupancy', fileName: 'x.csv', contentBase64: csv([['编号', '天数'], ['A-001', '3']]) });
    expect(res).toMatchObject({ ok: false, errors: expect.arrayContaining([{ row: 1, column: '工位编号', reason: '缺少“工位编号”列，请使用下载的模板' }]) });
  });
});
