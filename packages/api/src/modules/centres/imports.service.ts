/**
 * Imports of occupancy (出勤) or allocations (工位分配) from an .xlsx or .csv file in the documented template
 * (ADR 007). The file travels base64 in a tRPC mutation. Every row is validated with the domain's schemas and rules;
 * a file with any bad row imports nothing and returns a row-by-row report in Chinese ({ row, column, reason }, row =
 * the spreadsheet row, header = 1). A file already imported into the centre (same SHA-256, same kind; the
 * `import_batch` UNIQUE) changes nothing and says so. Validation and writing share one transaction.
 */
import {
  allocate as domainAllocate,
  allocatedDaysInMonth,
  AllocateWorkstation,
  isDomainError,
  normalizeUscc,
  validateIdNumber,
  type Allocation,
} from '@fund/domain';
import ExcelJS from 'exceljs';
import type { Transaction } from 'kysely';
import { createHash } from 'node:crypto';
import { recordAudit } from '../../audit/audit.service';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { ID_NUMBER_INDEX } from '../founders/founders.service';
import { ALLOCATION_COLUMNS, domainAllocation, toAllocation } from './allocations.queries';
import { insertAllocation, resolveOccupant } from './allocations.service';
import { requireOperableCentre, requireReadableCentre } from './centres.service';
import { MAX_IMPORT_BYTES, type ImportKind, type ImportTemplateQuery, type PresenceRow, type RunImport } from './centres.schemas';
import { lockedMonths } from './claims.queries';
import { XLSX_MIME, type FilePayload } from './kpis.service';
import { monthRange, upsertPresence } from './occupancy.service';
import { allocatable, workstationsOfCentre } from './workstations.queries';

export const MAX_IMPORT_ROWS = 5000;

export interface ImportError {
  /** Spreadsheet row (the header is row 1). */
  row: number;
  /** Column header as in the template ('' for the whole file). */
  column: string;
  reason: string;
}

export type ImportResult =
  | { ok: true; unchanged: true; batchId: number; message: string }
  | { ok: true; unchanged: false; batchId: number; imported: number; message: string }
  | { ok: false; errors: ImportError[]; message: string };

// ─── templates ─────────────────────────────────────────────────────────────────────────────────────────────────

interface Column {
  header: string;
  note: string;
  example: string;
}

export const TEMPLATES: Record<ImportKind, Column[]> = {
  occupancy: [
    { header: '工位编号', note: '必填，本中心已有的工位编号，如 A-001', example: 'A-001' },
    { header: '月份', note: '必填，YYYY-MM，如 2026-03', example: '2026-03' },
    { header: '在驻天数', note: '0–31 的整数；与“整月在驻确认”至少填一项', example: '20' },
    { header: '整月在驻确认', note: '填“是”表示管理员确认整月在驻，否则留空或填“否”', example: '否' },
    { header: '分配编号', note: '选填；同一工位当月有多条分配时必填（见工位分配列表）', example: '' },
  ],
  allocations: [
    { header: '工位编号', note: '必填，本中心已有的工位编号', example: 'A-001' },
    { header: '入驻类型', note: '必填：企业 / 个人创业者 / 创业团队', example: '企业' },
    { header: '统一社会信用代码', note: '入驻类型为“企业”时必填，须为已注册企业', example: '91430602MA4L0TPY3K' },
    { header: '身份证号', note: '个人创业者（须已注册）或创业团队联系人的身份证号', example: '' },
    { header: '团队名称', note: '创业团队必填', example: '' },
    { header: '联系人', note: '创业团队必填', example: '' },
    { header: '学校', note: '创业团队必填', example: '' },
    { header: '手机号', note: '创业团队必填', example: '' },
    { header: '使用方式', note: '必填：免费 / 优惠', example: '免费' },
    { header: '开始日期', note: '必填，YYYY-MM-DD', example: '2026-03-01' },
    { header: '结束日期', note: '选填，YYYY-MM-DD；留空表示长期', example: '' },
  ],
};

const KIND_LABEL: Record<ImportKind, string> = { occupancy: '出勤', allocations: '工位分配' };

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function template(ctx: AuthedContext, input: ImportTemplateQuery): Promise<FilePayload> {
  const centre = await requireReadableCentre(ctx.db, ctx.user, input.centreId);
  const columns = TEMPLATES[input.kind];
  const base = `${centre.name}-${KIND_LABEL[input.kind]}导入模板`;
  if (input.format === 'csv') {
    const lines = [columns.map((c) => csvCell(c.header)).join(','), columns.map((c) => csvCell(c.example)).join(',')];
    // BOM: Excel opens UTF-8 CSV with Chinese headers correctly only with it.
    return { fileName: `${base}.csv`, mimeType: 'text/csv; charset=utf-8', contentBase64: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8').toString('base64') };
  }
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(KIND_LABEL[input.kind]);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.header, width: Math.max(12, c.header.length * 3) }));
  sheet.getRow(1).font = { bold: true };
  for (const col of sheet.columns) col.numFmt = '@'; // text: codes and ID numbers must not become numbers
  sheet.addRow(columns.map((c) => c.example));
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'header', width: 18 },
    { header: '说明', key: 'note', width: 70 },
  ];
  for (const c of columns) help.addRow({ header: c.header, note: c.note });
  help.addRow({ header: '', note: '任何一行有误时整个文件都不会导入，系统会逐行列出错误；同一文件重复导入不会产生变化。' });
  return { fileName: `${base}.xlsx`, mimeType: XLSX_MIME, contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

// ─── reading files ─────────────────────────────────────────────────────────────────────────────────────────────

interface Sheet {
  headers: string[];
  /** [spreadsheet row number, cells by header] */
  rows: { row: number; cells: Record<string, string> }[];
}

class FileProblem extends Error {}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF or LF), UTF-8 with or without BOM. */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw new FileProblem('CSV 文件的引号不成对，文件可能已损坏');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

async function readSheet(bytes: Buffer, fileName: string): Promise<Sheet> {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  let table: { row: number; cells: string[] }[];
  if (isZip) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new FileProblem('无法读取该 Excel 文件，请使用下载的 .xlsx 模板填写');
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new FileProblem('Excel 文件中没有工作表');
    table = [];
    ws.eachRow({ includeEmpty: false }, (r, n) => {
      const values = r.values as ExcelJS.CellValue[]; // 1-based
      table.push({ row: n, cells: values.slice(1).map(cellText) });
      // eachRow skips empty rows but keeps their numbers, so error rows match what the user sees in Excel.
    });
  } else if (/\.xlsx$/i.test(fileName)) {
    throw new FileProblem('文件扩展名为 .xlsx，但内容不是 Excel 文件');
  } else {
    const text = bytes.toString('utf8');
    if (text.includes('\uFFFD')) throw new FileProblem('CSV 文件须为 UTF-8 编码（可在 Excel 中“另存为 CSV UTF-8”）');
    table = parseCsv(text).map((cells, i) => ({ row: i + 1, cells }));
  }
  const header = table.shift();
  if (!header) throw new FileProblem('文件为空');
  const headers = header.cells.map((h) => h.trim());
  const rows = table
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((r) => ({ row: r.row, cells: Object.fromEntries(headers.map((h, i) => [h, (r.cells[i] ?? '').trim()])) }));
  return { headers, rows };
}

// ─── validating rows ───────────────────────────────────────────────────────────────────────────────────────────

type Trx = Transaction<Database>;

interface Collector {
  errors: ImportError[];
  add(row: number, column: string, reason: string): void;
}

function collector(): Collector {
  const errors: ImportError[] = [];
  return { errors, add: (row, column, reason) => errors.push({ row, column, reason }) };
}

const YES = new Set(['是', '确认', 'Y', 'y', 'yes', '1', 'true', '√']);
const NO = new Set(['', '否', 'N', 'n', 'no', '0', 'false']);

async function validateOccupancy(trx: Trx, centreId: number, sheet: Sheet, c: Collector): Promise<Map<string, PresenceRow[]>> {
  const workstations = new Map((await workstationsOfCentre(trx, centreId)).map((w) => [w.code, w]));
  const allocations = (await trx.selectFrom('allocation').select(ALLOCATION_COLUMNS).where('centre_id', '=', centreId).execute()).map(toAllocation);
  const locked = new Set(await lockedMonths(trx, centreId));
  const byMonth = new Map<string, PresenceRow[]>();
  const seen = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const before = c.errors.length;
    const code = cells['工位编号']!.toUpperCase();
    const month = cells['月份']!;
    const daysText = cells['在驻天数']!;
    const attestText = cells['整月在驻确认']!;
    const idText = cells['分配编号']!;
    const ws = workstations.get(code);
    if (code === '') c.add(row, '工位编号', '工位编号不能为空');
    else if (!ws) c.add(row, '工位编号', `本中心没有编号为 ${code} 的工位`);
    const monthOk = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
    if (!monthOk) c.add(row, '月份', `月份应为 YYYY-MM 格式（如 2026-03），收到“${month}”`);
    else if (locked.has(month)) c.add(row, '月份', `${month} 已申报，台账已锁定，不能导入该月出勤`);
    let days: number | null = null;
    if (daysText !== '') {
      if (!/^\d{1,2}$/.test(daysText) || Number(daysText) > 31) c.add(row, '在驻天数', `在驻天数应为 0–31 的整数，收到“${daysText}”`);
      else days = Number(daysText);
    }
    let attested = false;
    if (YES.has(attestText)) attested = true;
    else if (!NO.has(attestText)) c.add(row, '整月在驻确认', `请填写“是”或“否”，收到“${attestText}”`);
    if (daysText === '' && !attested) c.add(row, '在驻天数', '请填写在驻天数，或在“整月在驻确认”填“是”');
    if (!ws || !monthOk || c.errors.length > before) continue;
    const { first, last } = monthRange(month);
    let candidates = allocations.filter((a) => a.workstationId === ws.id && a.startsOn <= last && (a.endsOn === null || a.endsOn >= first));
    if (idText !== '') {
      candidates = candidates.filter((a) => String(a.id) === idText);
      if (candidates.length === 0) {
        c.add(row, '分配编号', `分配编号 ${idText} 不是工位 ${code} 在 ${month} 的分配`);
        continue;
      }
    }
    if (candidates.length === 0) {
      c.add(row, '工位编号', `工位 ${code} 在 ${month} 没有分配记录`);
      continue;
    }
    if (candidates.length > 1) {
      c.add(row, '分配编号', `工位 ${code} 在 ${month} 有 ${candidates.length} 条分配（编号 ${candidates.map((a) => a.id).join('、')}），请填写分配编号`);
      continue;
    }
    const a = candidates[0]!;
    const allocated = allocatedDaysInMonth(a, month);
    if (days !== null && days > allocated) {
      c.add(row, '在驻天数', `工位 ${code} 在 ${month} 仅分配 ${allocated} 天，在驻天数不能为 ${days} 天`);
      continue;
    }
    const key = `${a.id}|${month}`;
    if (seen.has(key)) {
      c.add(row, '工位编号', `与第 ${seen.get(key)} 行重复（同一分配同一月份只能有一行）`);
      continue;
    }
    seen.set(key, row);
    const list = byMonth.get(month) ?? [];
    list.push({ allocationId: a.id, daysPresent: days, attested });
    byMonth.set(month, list);
  }
  return byMonth;
}

const OCCUPANT_TYPE_BY_LABEL: Record<string, 'enterprise' | 'founder' | 'team'> = { 企业: 'enterprise', 个人创业者: 'founder', 创业团队: 'team' };
const TERMS_BY_LABEL: Record<string, 'free' | 'preferential'> = { 免费: 'free', 优惠: 'preferential' };
/** Domain fields → template columns, for zod issues and domain errors. */
const ALLOCATION_FIELD_COLUMN: Record<string, string> = {
  workstationId: '工位编号',
  startsOn: '开始日期',
  endsOn: '结束日期',
  terms: '使用方式',
  'occupant.type': '入驻类型',
  'occupant.teamName': '团队名称',
  'occupant.contactName': '联系人',
  'occupant.school': '学校',
  'occupant.idNumber': '身份证号',
  'occupant.mobile': '手机号',
  'occupant.enterpriseId': '统一社会信用代码',
  'occupant.founderId': '身份证号',
};
const DOMAIN_CODE_COLUMN: Record<string, string> = {
  'CENTRES.TERMS_MISMATCH': '使用方式',
  'CENTRES.WORKSTATION_NOT_IN_SERVICE': '开始日期',
  'CENTRES.ALLOCATION_OVERLAP': '开始日期',
  'CENTRES.CLAIMED_MONTH_LOCKED': '开始日期',
  'CENTRES.END_BEFORE_START': '结束日期',
};

interface ValidAllocationRow {
  row: number;
  input: AllocateWorkstation;
}

async function validateAllocations(trx: Trx, ctx: AuthedContext, centreId: number, sheet: Sheet, c: Collector): Promise<ValidAllocationRow[]> {
  const workstations = new Map((await workstationsOfCentre(trx, centreId)).map((w) => [w.code, w]));
  const existing: Allocation[] = (await trx.selectFrom('allocation').select(ALLOCATION_COLUMNS).where('centre_id', '=', centreId).execute())
    .map(toAllocation)
    .map(domainAllocation);
  const locked = await lockedMonths(trx, centreId);
  const valid: ValidAllocationRow[] = [];
  for (const { row, cells } of sheet.rows) {
    const before = c.errors.length;
    const code = cells['工位编号']!.toUpperCase();
    const ws = workstations.get(code);
    if (!ws) c.add(row, '工位编号', code === '' ? '工位编号不能为空' : `本中心没有编号为 ${code} 的工位`);
    const type = OCCUPANT_TYPE_BY_LABEL[cells['入驻类型']!];
    if (!type) c.add(row, '入驻类型', `入驻类型应为“企业”“个人创业者”或“创业团队”，收到“${cells['入驻类型']}”`);
    const terms = TERMS_BY_LABEL[cells['使用方式']!];
    if (!terms) c.add(row, '使用方式', `使用方式应为“免费”或“优惠”，收到“${cells['使用方式']}”`);
    let occupant: unknown = null;
    if (type === 'enterprise') {
      const uscc = normalizeUscc(cells['统一社会信用代码']!);
      const e = uscc === '' ? undefined : await trx.selectFrom('enterprise').select('id').where('uscc', '=', uscc).executeTakeFirst();
      if (!e) c.add(row, '统一社会信用代码', uscc === '' ? '入驻企业须填写统一社会信用代码' : `未找到统一社会信用代码为 ${uscc} 的已注册企业`);
      else occupant = { type, enterpriseId: e.id };
    } else if (type === 'founder') {
      const id = validateIdNumber(cells['身份证号']!);
      const f = id.ok
        ? await trx.selectFrom('founder').select('id').where('id_number_bidx', '=', ctx.pii.blindIndex(id.normalized, ID_NUMBER_INDEX)).executeTakeFirst()
        : undefined;
      if (!id.ok) c.add(row, '身份证号', id.message);
      else if (!f) c.add(row, '身份证号', '未找到使用该身份证号注册的个人创业者');
      else occupant = { type, founderId: f.id };
    } else if (type === 'team') {
      occupant = { type, teamName: cells['团队名称'], contactName: cells['联系人'], school: cells['学校'], idNumber: cells['身份证号'], mobile: cells['手机号'] };
    }
    if (c.errors.length > before) continue;
    const parsed = AllocateWorkstation.safeParse({
      workstationId: ws!.id,
      occupant,
      startsOn: cells['开始日期'],
      endsOn: cells['结束日期'] === '' ? null : cells['结束日期'],
      terms,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) c.add(row, ALLOCATION_FIELD_COLUMN[issue.path.join('.')] ?? '', issue.message);
      continue;
    }
    try {
      // The domain's rules against the stored allocations AND the file's earlier rows (overlaps inside the file).
      const checked = domainAllocate(
        { workstationId: ws!.id, terms: parsed.data.terms, startsOn: parsed.data.startsOn, endsOn: parsed.data.endsOn },
        allocatable(ws!),
        { existing, claimedMonths: locked },
      );
      existing.push({ ...checked, id: `row-${row}` });
      valid.push({ row, input: parsed.data });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      c.add(row, DOMAIN_CODE_COLUMN[e.code] ?? '', e.message);
    }
  }
  return valid;
}

// ─── running an import ─────────────────────────────────────────────────────────────────────────────────────────

function decode(base64: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return null;
  return Buffer.from(base64, 'base64');
}

const failed = (errors: ImportError[]): ImportResult => ({
  ok: false,
  errors,
  message: `文件中有 ${new Set(errors.map((e) => e.row)).size} 行有误，未导入任何数据，请按错误清单修改后重新导入`,
});

export async function run(ctx: AuthedContext, input: RunImport): Promise<ImportResult> {
  const bytes = decode(input.contentBase64);
  return inTransaction(ctx, async (trx) => {
    const centre = await requireOperableCentre(trx, ctx.user, input.centreId);
    if (!bytes || bytes.length === 0) return failed([{ row: 0, column: '', reason: '文件内容无法读取' }]);
    if (bytes.length > MAX_IMPORT_BYTES) return failed([{ row: 0, column: '', reason: '文件不能超过 700KB，请分批导入' }]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const previous = await trx
      .selectFrom('import_batch')
      .select(['id', 'created_at'])
      .where('centre_id', '=', input.centreId)
      .where('kind', '=', input.kind)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (previous) {
      return { ok: true, unchanged: true, batchId: previous.id, message: `该文件已于 ${previous.created_at.slice(0, 10)} 导入过，本次未做任何更改` };
    }
    let sheet: Sheet;
    try {
      sheet = await readSheet(bytes, input.fileName);
    } catch (e) {
      if (e instanceof FileProblem) return failed([{ row: 0, column: '', reason: e.message }]);
      throw e;
    }
    const missing = TEMPLATES[input.kind].map((col) => col.header).filter((h) => !sheet.headers.includes(h));
    if (missing.length > 0) return failed(missing.map((h) => ({ row: 1, column: h, reason: `缺少“${h}”列，请使用下载的模板` })));
    if (sheet.rows.length === 0) return failed([{ row: 2, column: '', reason: '文件中没有数据行' }]);
    if (sheet.rows.length > MAX_IMPORT_ROWS) return failed([{ row: 0, column: '', reason: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入` }]);

    const c = collector();
    const at = ctx.now.toISOString();
    const insertBatch = async () =>
      (
        await trx
          .insertInto('import_batch')
          .values({ centre_id: input.centreId, kind: input.kind, sha256, file_name: input.fileName, row_count: sheet.rows.length, created_by: ctx.user.id, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;

    let batchId: number;
    let imported = 0;
    if (input.kind === 'occupancy') {
      const byMonth = await validateOccupancy(trx, input.centreId, sheet, c);
      if (c.errors.length > 0) return failed(c.errors);
      batchId = await insertBatch();
      for (const [month, rows] of byMonth) imported += await upsertPresence(trx, ctx, input.centreId, month, rows, batchId);
    } else {
      const rows = await validateAllocations(trx, ctx, input.centreId, sheet, c);
      if (c.errors.length > 0) return failed(c.errors);
      batchId = await insertBatch();
      for (const r of rows) {
        const occupant = await resolveOccupant(trx, ctx, input.centreId, r.input.occupant);
        await insertAllocation(trx, ctx, {
          centreId: input.centreId,
          workstationId: r.input.workstationId,
          occupant,
          terms: r.input.terms,
          startsOn: r.input.startsOn,
          endsOn: r.input.endsOn,
          importBatchId: batchId,
        });
        imported += 1;
      }
    }
    await recordAudit(trx, ctx, {
      action: `centre.import.${input.kind}`,
      objectType: 'import_batch',
      objectId: batchId,
      summary: `中心“${centre.name}”导入${KIND_LABEL[input.kind]} ${imported} 行（文件 ${input.fileName}）`,
      details: { sha256, rows: imported, months: input.kind === 'occupancy' ? [...new Set(sheet.rows.map((r) => r.cells['月份']))] : undefined },
    });
    return { ok: true, unchanged: false, batchId, imported, message: `已导入 ${imported} 行` };
  });
}

