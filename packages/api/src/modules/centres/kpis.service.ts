/**
 * Monthly KPIs of a centre (domain `monthlyKpis`, domain-rules.md §6): workstations, designated free share (≥30%),
 * occupancy (≥80%), incubated occupants, new entrants, exits, events and attendees; and their Excel export.
 * One load for the whole range (workstations, allocations touching the range ± 1 day, events), then the domain per
 * month. Thresholds come from the open `centre-service` programme, or the fund defaults.
 */
import {
  addDays,
  DEFAULT_PARAMETERS,
  monthlyKpis,
  type CentreServiceParameters,
  type KpiAllocation,
  type KpiWorkstation,
  type MonthlyKpis,
} from '@fund/domain';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { cachedRead, LruCache } from '../../db/read-cache';
import type { AuthedContext } from '../auth/auth.service';
import { listProgrammes } from '../funding/programmes.queries';
import { allocationsOverlapping, occupantKey } from './allocations.queries';
import type { Db } from './centres.queries';
import { requireReadableCentre, today } from './centres.service';
import type { KpiQuery } from './centres.schemas';
import { eventsBetween } from './events.service';
import { monthRange } from './occupancy.service';
import { workstationsOfCentre } from './workstations.queries';

/** Too many months in one request would be a slow page for no reader; 10 years is plenty. */
export const MAX_KPI_MONTHS = 120;

export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const s = `${y}-${String(m).padStart(2, '0')}`;
    if (s > to || months.length >= MAX_KPI_MONTHS) break;
    months.push(s);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** The parameters of the newest open `centre-service` programme, or the fund defaults of §6. */
export async function centreServiceParameters(db: Db, on: string): Promise<CentreServiceParameters> {
  const [p] = await listProgrammes(db, { openOn: on, schemes: ['centre-service'] });
  return p?.parameters.scheme === 'centre-service' ? p.parameters : DEFAULT_PARAMETERS('centre-service');
}

export interface CentreLog {
  workstations: KpiWorkstation[];
  allocations: (KpiAllocation & { id: number })[];
  events: Awaited<ReturnType<typeof eventsBetween>>;
}

/** Everything the KPI and claim functions need for months `from`…`to` of a centre, in three indexed queries. */
export async function loadCentreLog(db: Db, centreId: number, from: string, to: string): Promise<CentreLog> {
  const first = monthRange(from).first;
  const last = monthRange(to).last;
  const [ws, allocations, events] = await Promise.all([
    workstationsOfCentre(db, centreId),
    allocationsOverlapping(db, centreId, addDays(first, -1), addDays(last, 1)),
    eventsBetween(db, centreId, first, last),
  ]);
  return {
    workstations: ws.map((w) => ({ id: w.id, code: w.code, designation: w.designation, createdOn: w.inServiceFrom, retiredOn: w.retiredOn })),
    allocations: allocations.map((a) => ({
      id: a.id,
      workstationId: a.workstationId,
      terms: a.terms,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      occupantKey: occupantKey(a),
    })),
    events,
  };
}

/** The allocations the domain needs for one month: those touching it or the days just before and after it. */
export function allocationsAround<T extends { startsOn: string; endsOn: string | null }>(all: readonly T[], month: string): T[] {
  const { first, last } = monthRange(month);
  const from = addDays(first, -1);
  const to = addDays(last, 1);
  return all.filter((a) => a.startsOn <= to && (a.endsOn === null || a.endsOn >= from));
}

export interface KpiSeries {
  centreId: number;
  centreName: string;
  months: MonthlyKpis[];
}

export async function monthly(ctx: AuthedContext, input: KpiQuery): Promise<KpiSeries> {
  // Scope first, on every request: the cache below holds series of every centre (ADR 014).
  const centre = await requireReadableCentre(ctx.db, ctx.user, input.centreId);
  // `today` picks the open programme whose thresholds apply, so it is part of the key.
  const on = today(ctx);
  const months = await cachedRead(ctx.db, `kpis.monthly|${input.centreId}|${input.from}|${input.to}|${on}`, () =>
    computeMonths(ctx.db, input.centreId, monthsBetween(input.from, input.to), on),
  );
  return { centreId: centre.id, centreName: centre.name, months };
}

/** KPIs of each month, from one load of the centre's log; no access check (callers do it). */
async function computeMonths(db: Db, centreId: number, months: string[], on: string): Promise<MonthlyKpis[]> {
  const [log, params] = await Promise.all([
    loadCentreLog(db, centreId, months[0]!, months[months.length - 1]!),
    centreServiceParameters(db, on),
  ]);
  const wsKey = createHash('sha256').update(JSON.stringify(log.workstations)).digest('hex');
  const paramsKey = `${params.minAllocatedDays}|${params.minFreeSharePct}|${params.minOccupancyPct}`;
  return months.map((month) => {
    const { first, last } = monthRange(month);
    const input = {
      month,
      workstations: log.workstations,
      allocations: allocationsAround(log.allocations, month),
      events: log.events.filter((e) => e.date >= first && e.date <= last),
      minAllocatedDays: params.minAllocatedDays,
      minFreeSharePct: params.minFreeSharePct,
      minOccupancyPct: params.minOccupancyPct,
    };
    const key = createHash('sha256')
      .update(`${wsKey}|${paramsKey}|${month}|${JSON.stringify(input.allocations)}|${JSON.stringify(input.events)}`)
      .digest('hex');
    return memoised(key, () => monthlyKpis(input));
  });
}

/**
 * `monthlyKpis` is pure, so its result is memoised by a hash of its complete input (ADR 007): after a write, which
 * drops the whole series from the read cache (ADR 014), a past month whose logs did not change is not recomputed;
 * any change to a workstation, an allocation around the month, an event of the month or a threshold changes the
 * key. Bounded; least recently used entries go first.
 */
const KPI_MEMO = new LruCache<string, MonthlyKpis>(20_000);

function memoised(key: string, compute: () => MonthlyKpis): MonthlyKpis {
  const hit = KPI_MEMO.get(key);
  if (hit) return hit;
  const value = compute();
  KPI_MEMO.set(key, value);
  return value;
}

/** For the benchmark's cold measurements. */
export function clearKpiMemo(): void {
  KPI_MEMO.clear();
}

export interface FilePayload {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportXlsx(ctx: AuthedContext, input: KpiQuery): Promise<FilePayload> {
  const series = await monthly(ctx, input);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('月度指标');
  sheet.columns = [
    { header: '月份', key: 'month', width: 10 },
    { header: '工位数', key: 'workstations', width: 8 },
    { header: '免费工位数', key: 'freeDesignated', width: 10 },
    { header: '免费工位占比(%)', key: 'freeSharePct', width: 14 },
    { header: '达到免费占比要求', key: 'meetsFreeShare', width: 14 },
    { header: '已分配工位数', key: 'allocated', width: 12 },
    { header: '使用率(%)', key: 'occupancyPct', width: 10 },
    { header: '达到使用率要求', key: 'meetsOccupancy', width: 14 },
    { header: '在孵企业/团队', key: 'incubatedOccupants', width: 12 },
    { header: '新入驻', key: 'newEntrants', width: 8 },
    { header: '退出', key: 'exits', width: 8 },
    { header: '活动场次', key: 'events', width: 8 },
    { header: '签到人次', key: 'attendees', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const k of series.months) {
    sheet.addRow({ ...k, meetsFreeShare: k.meetsFreeShare ? '是' : '否', meetsOccupancy: k.meetsOccupancy ? '是' : '否' });
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    fileName: `${series.centreName}-月度指标-${input.from}至${input.to}.xlsx`,
    mimeType: XLSX_MIME,
    contentBase64: buffer.toString('base64'),
  };
}
