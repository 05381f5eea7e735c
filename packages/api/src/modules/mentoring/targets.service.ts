/**
 * Yearly mentoring targets (§7) for staff, and the mentors' yearly contribution as an Excel workbook (for
 * recognition). Every figure comes from the domain's `yearlyMentoringTargets`; the export runs it once per mentor
 * over that mentor's pairings, so the workbook and the page cannot disagree.
 */
import {
  conflict,
  invalid,
  MENTOR_KIND_LABELS,
  yearlyMentoringTargets,
  type MentoringRatingRecord,
  type YearlyMentoringTargets,
} from '@fund/domain';
import ExcelJS from 'exceljs';
import { recordAudit } from '../../audit/audit.service';
import { inTransaction } from '../../trpc';
import type { AuthedContext } from '../auth/auth.service';
import { menteeKeyOf, requestNotFound, today, toDomainPairing, type Db } from './mentoring.common';
import type { DesignateOutstanding } from './mentoring.schemas';
import { listMentorRecords, type MentorRecord } from './mentors.queries';
import { listPairings, type PairingRecord } from './pairings.queries';
import { findRequest } from './requests.queries';
import { listRatings } from './sessions.queries';
import {
  insertDesignation,
  isDesignated,
  listDesignations,
  listSessionFacts,
  type DesignationRecord,
} from './targets.queries';

interface Facts {
  pairings: PairingRecord[];
  sessions: { pairingId: number; date: string; durationMinutes: number }[];
  ratings: MentoringRatingRecord[];
  designations: DesignationRecord[];
  mentors: MentorRecord[];
}

async function loadFacts(db: Db, year: number): Promise<Facts> {
  const [pairings, sessions, ratings, designations, mentors] = await Promise.all([
    listPairings(db),
    listSessionFacts(db),
    listRatings(db),
    listDesignations(db, year),
    listMentorRecords(db),
  ]);
  return {
    pairings,
    sessions,
    ratings: ratings.map((r) => ({
      pairingId: r.pairingId,
      side: r.party,
      score: r.score,
      ratedOn: r.ratedOn,
    })),
    designations,
    mentors,
  };
}

/** The current year is judged as of today; past (and future) years as of 31 December. */
function asOfFor(ctx: AuthedContext, year: number): string | undefined {
  const on = today(ctx);
  return Number(on.slice(0, 4)) === year ? on : undefined;
}

function compute(
  facts: Facts,
  year: number,
  asOf: string | undefined,
  onlyMentor?: number,
): YearlyMentoringTargets {
  const pairings =
    onlyMentor === undefined ? facts.pairings : facts.pairings.filter((p) => p.mentorId === onlyMentor);
  const ids = new Set(pairings.map((p) => p.id));
  const mentored = new Set(pairings.filter((p) => p.acceptedOn !== null).map((p) => menteeKeyOf(p)));
  return yearlyMentoringTargets({
    year,
    pairings: pairings.map(toDomainPairing),
    sessions: facts.sessions.filter((s) => ids.has(s.pairingId)),
    ratings: facts.ratings.filter((r) => ids.has(r.pairingId as number)),
    // Per mentor: only the designated mentees this mentor actually mentored.
    designations: facts.designations
      .filter((d) => onlyMentor === undefined || mentored.has(d.menteeKey))
      .map((d) => ({ menteeId: d.menteeKey, year: d.year, reason: d.reason })),
    mentors: (onlyMentor === undefined
      ? facts.mentors
      : facts.mentors.filter((m) => m.id === onlyMentor)
    ).map((m) => ({
      id: m.id,
      capacity: m.capacity,
    })),
    ...(asOf ? { asOf } : {}),
  });
}

export interface YearlyTargetsView extends YearlyMentoringTargets {
  outstanding: {
    menteeKey: string;
    menteeName: string;
    reason: string;
    requestId: number;
    designatedAt: string;
  }[];
  managers: { menteeKey: string; menteeName: string }[];
  mentorsAtCapacityNames: string[];
}

export async function yearly(ctx: AuthedContext, year: number): Promise<YearlyTargetsView> {
  const facts = await loadFacts(ctx.db, year);
  const figures = compute(facts, year, asOfFor(ctx, year));
  const nameOf = new Map(facts.pairings.map((p) => [menteeKeyOf(p), p.menteeName]));
  return {
    ...figures,
    outstanding: facts.designations.map((d) => ({
      menteeKey: d.menteeKey,
      menteeName: nameOf.get(d.menteeKey) ?? d.menteeKey,
      reason: d.reason,
      requestId: d.requestId,
      designatedAt: d.createdAt,
    })),
    managers: figures.growthFirmManagersMentored.menteeIds.map((k) => ({
      menteeKey: String(k),
      menteeName: nameOf.get(String(k)) ?? String(k),
    })),
    mentorsAtCapacityNames: figures.mentorsAtCapacity.mentorIds.map(
      (id) => facts.mentors.find((m) => m.id === id)?.name ?? String(id),
    ),
  };
}

/**
 * Staff designate an "outstanding entrepreneur cultivated" for a year, with a reason (§7), from one of the
 * mentee's requests. The domain refuses a mentee who was never actually mentored; the year may not lie ahead.
 */
export async function designateOutstanding(
  ctx: AuthedContext,
  input: DesignateOutstanding,
): Promise<{ id: number }> {
  if (input.year > Number(today(ctx).slice(0, 4))) {
    throw invalid('MENTORING.DESIGNATION_FUTURE_YEAR', `不能认定尚未到来的 ${input.year} 年度`);
  }
  return inTransaction(ctx, async (trx) => {
    const request = await findRequest(trx, input.requestId);
    if (!request) throw requestNotFound();
    const menteeKey = menteeKeyOf(request);
    if (await isDesignated(trx, input.year, menteeKey)) {
      throw conflict(
        'MENTORING.ALREADY_DESIGNATED',
        `${request.menteeName} 已被认定为 ${input.year} 年度培育的优秀创业者`,
      );
    }
    const pairings = (await listPairings(trx)).filter((p) => menteeKeyOf(p) === menteeKey);
    // The domain's rule: a designation needs a reason and a mentee with a started pairing (throws otherwise).
    yearlyMentoringTargets({
      year: input.year,
      pairings: pairings.map(toDomainPairing),
      sessions: [],
      ratings: [],
      designations: [{ menteeId: menteeKey, year: input.year, reason: input.reason }],
      mentors: [],
    });
    const id = await insertDesignation(trx, {
      year: input.year,
      menteeKey,
      requestId: request.id,
      reason: input.reason,
      designatedBy: ctx.user.id,
      at: ctx.now.toISOString(),
    });
    await recordAudit(trx, ctx, {
      action: 'mentoring.designateOutstanding',
      objectType: 'outstanding_designation',
      objectId: id,
      summary: `认定 ${request.menteeNameMasked} 为 ${input.year} 年度导师制培育的优秀创业者`,
      after: { year: input.year, menteeKey, requestId: request.id },
      details: { reason: input.reason },
    });
    return { id };
  });
}

export interface ExportFile {
  filename: string;
  contentType: string;
  /** The .xlsx bytes, base64-encoded (decode and offer as a download). */
  base64: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One row per mentor: the year's pairings, completions, sessions, minutes, ratings and mentees cultivated. */
export async function exportContribution(ctx: AuthedContext, year: number): Promise<ExportFile> {
  const facts = await loadFacts(ctx.db, year);
  const asOf = asOfFor(ctx, year);
  const overall = compute(facts, year, asOf);
  const book = new ExcelJS.Workbook();
  book.creator = '中小微企业发展引导基金管理平台';
  book.created = ctx.now;

  const sheet = book.addWorksheet(`${year}年导师贡献`);
  sheet.columns = [
    { header: '导师', key: 'name', width: 14 },
    { header: '导师类型', key: 'kind', width: 14 },
    { header: '工作单位', key: 'organisation', width: 26 },
    { header: '职务/职称', key: 'title', width: 14 },
    { header: '可带教人数', key: 'capacity', width: 12 },
    { header: '年内结对数', key: 'activePairings', width: 12 },
    { header: '年内办结数', key: 'completedPairings', width: 12 },
    { header: '年内辅导次数', key: 'sessions', width: 14 },
    { header: '年内辅导时长（分钟）', key: 'minutes', width: 20 },
    { header: '学员评分（平均）', key: 'menteeRating', width: 16 },
    { header: '评分次数', key: 'ratings', width: 10 },
    { header: '培育成长型企业经营管理者（人）', key: 'managers', width: 28 },
    { header: '培育优秀创业者（人）', key: 'outstanding', width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const m of facts.mentors) {
    const f = compute(facts, year, asOf, m.id);
    const ids = new Set(facts.pairings.filter((p) => p.mentorId === m.id).map((p) => p.id));
    const minutes = facts.sessions
      .filter((s) => ids.has(s.pairingId) && s.date.startsWith(`${year}-`))
      .reduce((sum, s) => sum + s.durationMinutes, 0);
    sheet.addRow({
      name: m.name,
      kind: MENTOR_KIND_LABELS[m.kind],
      organisation: m.organisation,
      title: m.title,
      capacity: m.capacity,
      activePairings: f.activePairings,
      completedPairings: f.completedPairings,
      sessions: f.sessions,
      minutes,
      menteeRating: f.averageRatingBySide.mentee ?? '—',
      ratings: f.ratings,
      managers: f.growthFirmManagersMentored.count,
      outstanding: f.outstandingEntrepreneurs.count,
    });
  }

  const summary = book.addWorksheet(`${year}年度指标`);
  summary.columns = [
    { header: '指标', key: 'label', width: 30 },
    { header: '完成', key: 'value', width: 14 },
    { header: '目标', key: 'target', width: 10 },
  ];
  summary.getRow(1).font = { bold: true };
  summary.addRows([
    {
      label: '培育优秀创业者（人）',
      value: overall.outstandingEntrepreneurs.count,
      target: overall.outstandingEntrepreneurs.target,
    },
    {
      label: '辅导成长型企业经营管理者（人）',
      value: overall.growthFirmManagersMentored.count,
      target: overall.growthFirmManagersMentored.target,
    },
    { label: '年内结对数', value: overall.activePairings, target: '' },
    { label: '年内办结数', value: overall.completedPairings, target: '' },
    { label: '辅导次数', value: overall.sessions, target: '' },
    { label: '平均每个结对辅导次数', value: overall.sessionsPerPairing ?? '—', target: '' },
    { label: '平均评分', value: overall.averageRating ?? '—', target: '' },
    {
      label: `满额导师数（截至 ${overall.mentorsAtCapacity.asOf}）`,
      value: overall.mentorsAtCapacity.count,
      target: '',
    },
  ]);

  const buffer = await book.xlsx.writeBuffer();
  return {
    filename: `导师年度贡献-${year}.xlsx`,
    contentType: XLSX,
    base64: Buffer.from(buffer).toString('base64'),
  };
}
