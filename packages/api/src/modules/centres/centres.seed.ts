/**
 * Demo data of the centres module, written inside the demo seed's transaction (src/seed/demo.ts), without audit
 * events of its own (the seed records one event for everything; demo.test.ts counts it):
 * - 南湖创业创新中心 (recognised, managed by the demo `manager`, operated by a verified demo enterprise, the payee of
 *   its claims): facilities, 120 workstations A-001…A-120 (40 free = 33%), allocations to demo enterprises, founders
 *   and walk-in student teams since six months ago (with a few exits and new entrants), presence logs up to the month
 *   before last (last month is the manager's to log), events of both kinds;
 * - four more centres of the other kinds, three of them recognised (4 recognised in all: one short of the 5–10 target);
 * - an open `centre-service` programme (政府购买服务) for the current fiscal year with a budget, unless one exists.
 * Rows are shaped exactly as the services would leave them, so the real services read them.
 */
import { addDays, addMonths, DEFAULT_PARAMETERS, idCheckChar, maskIdNumber, maskMobile } from '@fund/domain';
import type { Transaction } from 'kysely';
import type { Pii } from '../../crypto/pii';
import type { Database } from '../../db/schema';
import { todayInChina } from '../enterprises/enterprises.service';
import { appendLedgerEntry } from '../funding/ledger.queries';
import { insertProgramme, listProgrammes } from '../funding/programmes.queries';
import { WALK_IN_ID_INDEX, WALK_IN_MOBILE_INDEX } from './allocations.service';
import type { CentreKind, RecognitionLevel } from './centres.tables';

type Trx = Transaction<Database>;

export const DEMO_CENTRE_NAME = '南湖创业创新中心';
/** The verified demo enterprise that operates 南湖创业创新中心 (its claims are paid to it). */
export const DEMO_CENTRE_OPERATOR_USCC = '91430602MA4L3E4F6B';

interface MoreCentre {
  name: string;
  kind: CentreKind;
  address: string;
  operator: string;
  floorAreaM2: number;
  recognition: { level: RecognitionLevel; monthsAgo: number } | null;
  workstations: { prefix: string; count: number; free: number };
}

const MORE_CENTRES: readonly MoreCentre[] = [
  {
    name: '岳阳楼区中小企业产业园',
    kind: 'sme-park',
    address: '岳阳楼区金鹗东路 88 号',
    operator: '岳阳楼区产业园投资开发有限公司',
    floorAreaM2: 42_000,
    recognition: { level: 'provincial', monthsAgo: 30 },
    workstations: { prefix: 'P', count: 40, free: 12 },
  },
  {
    name: '巴陵大学生创业基地',
    kind: 'startup-base',
    address: '岳阳楼区学院路 439 号（湖南理工学院南校区）',
    operator: '湖南理工学院创新创业学院',
    floorAreaM2: 3_600,
    recognition: { level: 'municipal', monthsAgo: 18 },
    workstations: { prefix: 'S', count: 60, free: 30 },
  },
  {
    name: '洞庭青年创客空间',
    kind: 'innovation-centre',
    address: '岳阳楼区洞庭南路 12 号',
    operator: '岳阳洞庭青创科技服务有限公司',
    floorAreaM2: 1_800,
    recognition: { level: 'district', monthsAgo: 8 },
    workstations: { prefix: 'Q', count: 30, free: 10 },
  },
  {
    name: '岳阳城陵矶电商快递物流园',
    kind: 'ecommerce-logistics-park',
    address: '岳阳楼区城陵矶临港大道 6 号',
    operator: '岳阳君山物流仓储有限公司',
    floorAreaM2: 65_000,
    recognition: null,
    workstations: { prefix: 'L', count: 20, free: 6 },
  },
];

const FACILITIES = [
  {
    kind: 'broadband',
    name: '千兆光纤宽带',
    description: '电信、联通双线接入，全楼 Wi-Fi 覆盖',
    quantity: 2,
  },
  {
    kind: 'equipment',
    name: '共享会议室',
    description: '可容纳 12 人，含投影和视频会议设备，线上预约',
    quantity: 3,
  },
  { kind: 'equipment', name: '路演厅', description: '120 座，供公益辅导活动和项目路演使用', quantity: 1 },
  { kind: 'equipment', name: '3D 打印机', description: '桌面级 FDM 打印机，供硬件团队打样', quantity: 2 },
  { kind: 'equipment', name: '共享打印复印机', description: '黑白/彩色，A3', quantity: 4 },
] as const;

/** Walk-in student teams on free desks: 17-digit ID stem (check char computed) and mobile of the contact. */
const TEAMS = [
  {
    teamName: '湘理智造创客团队',
    contactName: '刘子涵',
    school: '湖南理工学院',
    id17: '43060220040312021',
    mobile: '13974010001',
  },
  {
    teamName: '洞庭鲜果电商团队',
    contactName: '黄思远',
    school: '岳阳职业技术学院',
    id17: '43060320030807013',
    mobile: '13974010002',
  },
  {
    teamName: '巴陵非遗文创工作组',
    contactName: '周雨桐',
    school: '湖南理工学院',
    id17: '43060220050121044',
    mobile: '13974010003',
  },
  {
    teamName: '云梦小程序开发组',
    contactName: '谭嘉豪',
    school: '湖南民族职业学院',
    id17: '43062120031105017',
    mobile: '13974010004',
  },
  {
    teamName: '楼区社区康养团队',
    contactName: '彭欣怡',
    school: '岳阳职业技术学院',
    id17: '43060220040916028',
    mobile: '13974010005',
  },
  {
    teamName: '南湖无人机植保团队',
    contactName: '邓浩然',
    school: '湖南理工学院',
    id17: '43060320050203031',
    mobile: '13974010006',
  },
  {
    teamName: '湘北新农直播团队',
    contactName: '胡佳琪',
    school: '湖南民族职业学院',
    id17: '43068120040427046',
    mobile: '13974010007',
  },
  {
    teamName: '君山茶文化设计团队',
    contactName: '杨子轩',
    school: '湖南理工学院',
    id17: '43061120030718019',
    mobile: '13974010008',
  },
  {
    teamName: '岳阳楼研学旅行团队',
    contactName: '罗诗涵',
    school: '岳阳职业技术学院',
    id17: '43060220050611022',
    mobile: '13974010009',
  },
  {
    teamName: '城陵矶跨境物流团队',
    contactName: '蒋宇航',
    school: '湖南理工学院',
    id17: '43060220040101035',
    mobile: '13974010010',
  },
] as const;

const EVENTS = [
  {
    monthsAgo: 6,
    day: 18,
    kind: 'public-interest',
    title: '大学生创业政策解读会',
    sector: null,
    speaker: '区人社局就业创业科',
    attendees: 46,
  },
  {
    monthsAgo: 5,
    day: 12,
    kind: 'training-class',
    title: '电子商务创业培训班（第一期）',
    sector: '电子商务',
    speaker: '胡建华',
    attendees: 32,
  },
  {
    monthsAgo: 5,
    day: 26,
    kind: 'public-interest',
    title: '初创企业财税合规沙龙',
    sector: null,
    speaker: '彭丽',
    attendees: 18,
  },
  {
    monthsAgo: 4,
    day: 16,
    kind: 'training-class',
    title: '软件和信息技术创业培训班',
    sector: '软件和信息技术',
    speaker: '孙志远',
    attendees: 27,
  },
  {
    monthsAgo: 3,
    day: 20,
    kind: 'public-interest',
    title: '创业项目路演辅导',
    sector: null,
    speaker: '孙志远',
    attendees: 35,
  },
  {
    monthsAgo: 2,
    day: 15,
    kind: 'public-interest',
    title: '知识产权保护与专利申请讲座',
    sector: null,
    speaker: '彭丽',
    attendees: 22,
  },
  {
    monthsAgo: 2,
    day: 28,
    kind: 'training-class',
    title: '电子商务创业培训班（第二期）',
    sector: '电子商务',
    speaker: '胡建华',
    attendees: 29,
  },
  {
    monthsAgo: 1,
    day: 14,
    kind: 'public-interest',
    title: '创业融资对接会',
    sector: null,
    speaker: '岳阳巴陵创业投资有限公司',
    attendees: 31,
  },
  {
    monthsAgo: 1,
    day: 23,
    kind: 'public-interest',
    title: '小微企业用工政策咨询日',
    sector: null,
    speaker: '区人社局',
    attendees: 8,
  },
] as const;

const firstOf = (month: string) => `${month}-01`;
const lastOf = (month: string) => addDays(addMonths(firstOf(month), 1), -1);
const pad3 = (n: number) => String(n).padStart(3, '0');

export async function seedCentresDemo(
  trx: Trx,
  ctx: { now: Date; pii: Pii },
  userIds: ReadonlyMap<string, number>,
): Promise<void> {
  const today = todayInChina(ctx.now);
  const at = ctx.now.toISOString();
  const thisMonth = today.slice(0, 7);
  const monthAgo = (n: number) => addMonths(firstOf(thisMonth), -n).slice(0, 7);
  const managerId = userIds.get('manager')!;
  const adminId = userIds.get('admin')!;

  const enterprises = new Map(
    (
      await trx
        .selectFrom('enterprise')
        .select(['id', 'uscc', 'name', 'verification_status', 'dishonest_flag'])
        .execute()
    ).map((e) => [e.uscc, e]),
  );
  const operator = enterprises.get(DEMO_CENTRE_OPERATOR_USCC)!;
  const founders = await trx.selectFrom('founder').select('id').orderBy('id').execute();

  // ─── 南湖创业创新中心 ────────────────────────────────────────────────────────────────────────────────────────
  const { id: centreId } = await trx
    .insertInto('centre')
    .values({
      name: DEMO_CENTRE_NAME,
      kind: 'innovation-centre',
      address: '岳阳楼区南湖大道 216 号南湖科创大厦 3–5 层',
      operator: operator.name,
      operator_enterprise_id: operator.id,
      floor_area_m2: 6_800,
      recognition_level: 'provincial',
      recognised_on: addMonths(today, -26),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('centre_manager')
    .values({ centre_id: centreId, user_id: managerId, assigned_at: at })
    .execute();
  await trx
    .insertInto('centre_facility')
    .values(FACILITIES.map((f) => ({ centre_id: centreId, ...f })))
    .execute();

  // A-001…A-040 free open desks (40/120 = 33%), A-041…A-090 preferential fixed desks, A-091…A-120 office seats.
  const inServiceFrom = firstOf(monthAgo(8));
  const desks = Array.from({ length: 120 }, (_, i) => {
    const n = i + 1;
    if (n <= 40)
      return {
        code: `A-${pad3(n)}`,
        zone: '三楼开放办公区',
        kind: 'open-desk',
        designation: 'free',
        rent: 0,
      } as const;
    if (n <= 90)
      return {
        code: `A-${pad3(n)}`,
        zone: '四楼孵化区',
        kind: 'fixed-desk',
        designation: 'preferential',
        rent: 30_000,
      } as const;
    return {
      code: `A-${pad3(n)}`,
      zone: '五楼独立办公区',
      kind: 'office-seat',
      designation: 'preferential',
      rent: 60_000,
    } as const;
  });
  const deskIds: number[] = [];
  for (let i = 0; i < desks.length; i += 60) {
    const rows = await trx
      .insertInto('workstation')
      .values(
        desks.slice(i, i + 60).map((d) => ({
          centre_id: centreId,
          code: d.code,
          zone: d.zone,
          kind: d.kind,
          designation: d.designation,
          monthly_rent_fen: d.rent,
          in_service_from: inServiceFrom,
          retired_on: null,
          created_by: managerId,
          created_at: at,
        })),
      )
      .returning('id')
      .execute();
    deskIds.push(...rows.map((r) => r.id));
  }

  const teamIds: number[] = [];
  for (const t of TEAMS) {
    const idNumber = t.id17 + idCheckChar(t.id17);
    const { id } = await trx
      .insertInto('walk_in_team')
      .values({
        centre_id: centreId,
        team_name: t.teamName,
        contact_name: t.contactName,
        school: t.school,
        id_number_enc: ctx.pii.encryptField(idNumber),
        id_number_bidx: ctx.pii.blindIndex(idNumber, WALK_IN_ID_INDEX),
        id_number_masked: maskIdNumber(idNumber),
        mobile_enc: ctx.pii.encryptField(t.mobile),
        mobile_bidx: ctx.pii.blindIndex(t.mobile, WALK_IN_MOBILE_INDEX),
        mobile_masked: maskMobile(t.mobile),
        created_by: managerId,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    teamIds.push(id);
  }

  // Free desks go to founders, student teams and verified small enterprises; preferential desks to enterprises in
  // blocks. A-035…A-040 (free) and A-111…A-120 stay vacant: occupancy is 78% in the first two months (below the 80%
  // target, so those months cannot be claimed) and 87% once the new entrants arrive.
  const verified = [...enterprises.values()].filter(
    (e) => e.verification_status === 'verified' && e.dishonest_flag === 0 && e.id !== operator.id,
  );
  const others = [...enterprises.values()].filter((e) => e.id !== operator.id);
  type Occupant = { type: 'enterprise' | 'founder' | 'team'; id: number };
  const occupantOf = (n: number): Occupant => {
    if (n <= 3) return { type: 'founder', id: founders[(n - 1) % founders.length]!.id };
    if (n <= 23) return { type: 'team', id: teamIds[Math.floor((n - 4) / 2)]! };
    if (n <= 34) return { type: 'enterprise', id: verified[(n - 24) % verified.length]!.id };
    return { type: 'enterprise', id: others[Math.floor((n - 41) / 7) % others.length]!.id };
  };
  const start6 = firstOf(monthAgo(6));
  type Seeded = { n: number; occupant: Occupant; startsOn: string; endsOn: string | null };
  const seeded: Seeded[] = [];
  for (let n = 1; n <= 110; n++) {
    if (n > 34 && n < 41) continue;
    const occupant = occupantOf(n);
    if (n === 9 || n === 52) {
      // An exit three months ago and a new occupant the month after.
      seeded.push({ n, occupant, startsOn: start6, endsOn: lastOf(monthAgo(3)) });
      const next: Occupant =
        n === 9
          ? { type: 'founder', id: founders[founders.length - 1]!.id }
          : { type: 'enterprise', id: verified[0]!.id };
      seeded.push({ n, occupant: next, startsOn: firstOf(monthAgo(2)), endsOn: null });
      continue;
    }
    // New entrants: A-101…A-110 from the middle of four months ago; everyone else since six months ago.
    const startsOn = n > 100 ? addDays(firstOf(monthAgo(4)), 9) : start6;
    seeded.push({ n, occupant, startsOn, endsOn: n > 100 ? addMonths(startsOn, 12) : null });
  }
  const allocationRows = seeded.map((s) => ({
    centre_id: centreId,
    workstation_id: deskIds[s.n - 1]!,
    occupant_type: s.occupant.type,
    enterprise_id: s.occupant.type === 'enterprise' ? s.occupant.id : null,
    founder_id: s.occupant.type === 'founder' ? s.occupant.id : null,
    walk_in_team_id: s.occupant.type === 'team' ? s.occupant.id : null,
    terms: desks[s.n - 1]!.designation,
    starts_on: s.startsOn,
    ends_on: s.endsOn,
    moved_from_id: null,
    import_batch_id: null,
    created_by: managerId,
    created_at: at,
    updated_at: at,
  }));
  const allocationIds: number[] = [];
  for (let i = 0; i < allocationRows.length; i += 50) {
    const rows = await trx
      .insertInto('allocation')
      .values(allocationRows.slice(i, i + 50))
      .returning('id')
      .execute();
    allocationIds.push(...rows.map((r) => r.id));
  }

  // Presence for six months ago … two months ago (last month is still to be logged by the manager).
  const presence: Database['presence'][] = [];
  for (let m = 6; m >= 2; m--) {
    const month = monthAgo(m);
    const first = firstOf(month);
    const last = lastOf(month);
    seeded.forEach((s, i) => {
      if (s.startsOn > last || (s.endsOn !== null && s.endsOn < first)) return;
      const attested = (s.n + m) % 5 === 0;
      presence.push({
        allocation_id: allocationIds[i]!,
        month,
        days_present: attested ? null : 12 + ((s.n * 7 + m * 3) % 10),
        attested: attested ? 1 : 0,
        import_batch_id: null,
        recorded_by: managerId,
        recorded_at: at,
      });
    });
  }
  // Partial-month allocations cannot have more days present than allocated days: cap those rows.
  for (const p of presence) {
    const s = seeded[allocationIds.indexOf(p.allocation_id)]!;
    const first = firstOf(p.month);
    const last = lastOf(p.month);
    const from = s.startsOn > first ? s.startsOn : first;
    const to = s.endsOn !== null && s.endsOn < last ? s.endsOn : last;
    const allocated = Number(to.slice(8)) - Number(from.slice(8)) + 1;
    if (p.days_present !== null && p.days_present > allocated) p.days_present = Math.max(0, allocated - 2);
  }
  for (let i = 0; i < presence.length; i += 100) {
    await trx
      .insertInto('presence')
      .values(presence.slice(i, i + 100))
      .execute();
  }

  await trx
    .insertInto('centre_event')
    .values(
      EVENTS.map((e) => ({
        centre_id: centreId,
        title: e.title,
        kind: e.kind,
        sector: e.sector,
        event_date: `${monthAgo(e.monthsAgo)}-${String(e.day).padStart(2, '0')}`,
        speaker: e.speaker,
        attendee_count: e.attendees,
        created_by: managerId,
        created_at: at,
      })),
    )
    .execute();

  // ─── four more centres ───────────────────────────────────────────────────────────────────────────────────────
  for (const c of MORE_CENTRES) {
    const { id } = await trx
      .insertInto('centre')
      .values({
        name: c.name,
        kind: c.kind,
        address: c.address,
        operator: c.operator,
        operator_enterprise_id: null,
        floor_area_m2: c.floorAreaM2,
        recognition_level: c.recognition?.level ?? null,
        recognised_on: c.recognition ? addMonths(today, -c.recognition.monthsAgo) : null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('centre_facility')
      .values([
        { centre_id: id, kind: 'broadband', name: '光纤宽带', description: '500M 企业专线', quantity: 1 },
      ])
      .execute();
    await trx
      .insertInto('workstation')
      .values(
        Array.from({ length: c.workstations.count }, (_, i) => ({
          centre_id: id,
          code: `${c.workstations.prefix}-${pad3(i + 1)}`,
          zone: '一楼',
          kind: 'open-desk' as const,
          designation: i < c.workstations.free ? ('free' as const) : ('preferential' as const),
          monthly_rent_fen: i < c.workstations.free ? 0 : 20_000,
          in_service_from: firstOf(monthAgo(12)),
          retired_on: null,
          created_by: adminId,
          created_at: at,
        })),
      )
      .execute();
  }

  // ─── the 政府购买服务 programme (only if the funding seed has none) ─────────────────────────────────────────────
  const existing = await listProgrammes(trx, { openOn: today, schemes: ['centre-service'] });
  if (existing.length === 0) {
    const year = Number(today.slice(0, 4));
    const { id: programmeId } = await insertProgramme(trx, {
      name: `${year}年度创业创新中心政府购买服务补助`,
      scheme: 'centre-service',
      fiscalYear: year,
      opensOn: `${year}-01-01`,
      closesOn: `${year}-12-31`,
      guidelines:
        '经认定的创业创新中心按月或按季度申报免费工位服务和公益性创业辅导活动补助，凭工位分配、在驻记录和活动签到表核定。',
      parameters: DEFAULT_PARAMETERS('centre-service'),
      by: adminId,
      now: ctx.now,
    });
    await appendLedgerEntry(trx, {
      transferId: `seed:centre-service:${year}`,
      programmeId,
      kind: 'allocation',
      amountFen: 2_000_000_00,
      caseId: null,
      memo: `${year}年度区级财政预算下达（演示数据）`,
      by: adminId,
      now: ctx.now,
    });
  }
}
