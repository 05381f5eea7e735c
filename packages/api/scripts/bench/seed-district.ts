/**
 * Seeds a realistic district for `pnpm bench` (issue "Proof: reliability, security and performance evidence") into a
 * fresh SQLite file: the real migrations and the real demo seed (accounts of every role, the demo programmes and
 * centres, one audit event), then bulk rows written straight into the tables through better-sqlite3 prepared
 * statements, one transaction per table group. Hashing uses the cheap profile, except the sign-in-storm accounts,
 * which get ONE hash at OWASP cost (computed once, shared) so that signing them in costs what production costs.
 *
 * Rows are shaped as the services would leave them, and the schema's constraints and triggers stay on:
 * - cases over 5 fiscal years in realistic statuses, with the status facts filled in (submission, recommendation,
 *   公示 notice + notice_case, approval + disbursement, payment, closure, returns with their case_return row);
 * - the append-only budget ledger is consistent with them: one `allocation` per programme (budget), a `commitment`
 *   per approved/paid case, a `payment` per paid case (same transfer ids as finance.service uses);
 * - every bench enterprise is verified with a verified bank account (encrypted like the services do);
 * - `approvalPool` cases are ready for `finance.approve`: in 公示, notice period over (dates in the past, so the real
 *   clock has passed them), each on its own enterprise, in a programme whose budget covers them all;
 * - centres: `centres` × `workstationsPerCentre` desks, each with three yearly allocations over `months` months, and
 *   a presence row per allocation and month (the overlap trigger stays armed), 4 events a month;
 * - mentoring: `mentors` mentors and `pairings` pairings (active within capacity, completed, declined).
 * Seeded rows carry no audit events of their own (the chain holds the demo seed's event; `audit:verify` passes).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DEFAULT_PARAMETERS, maskMobile } from '@fund/domain';
import { createClock } from '../../src/clock';
import { createPii } from '../../src/crypto/pii';
import { openDatabase } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrations';
import { parseEnv } from '../../src/env';
import { hashPassword } from '../../src/modules/auth/password-hash';
import { insertAccount } from '../../src/modules/auth/auth.queries';
import { CONTACT_MOBILE_INDEX, todayInChina } from '../../src/modules/enterprises/enterprises.service';
import { BANK_ACCOUNT_INDEX } from '../../src/modules/funding/verification.service';
import { insertProgramme } from '../../src/modules/funding/programmes.queries';
import { seedDemoData } from '../../src/seed/demo';

export interface DistrictScale {
  enterprises: number;
  cases: number;
  years: number;
  centres: number;
  workstationsPerCentre: number;
  months: number;
  mentors: number;
  pairings: number;
  /** Cases of the demo `applicant`'s enterprise (an applicant with a long list). */
  applicantCases: number;
  /** In-notice cases ready for approval (the approval mutation consumes one per request). */
  approvalPool: number;
  /** Accounts with an OWASP-cost hash, signed in all at once during the storm. */
  stormAccounts: number;
}

/** 10× a district's size (issue text): 20,000 enterprises, 60,000 cases over 5 years, 10 × 500 desks × 36 months. */
export const FULL_SCALE: DistrictScale = {
  enterprises: 20_000,
  cases: 60_000,
  years: 5,
  centres: 10,
  workstationsPerCentre: 500,
  months: 36,
  mentors: 300,
  pairings: 3_000,
  applicantCases: 200,
  approvalPool: 4_000,
  stormAccounts: 20,
};

/** CI smoke form: the same shapes, tiny. */
export const SMOKE_SCALE: DistrictScale = {
  enterprises: 600,
  cases: 1_500,
  years: 5,
  centres: 2,
  workstationsPerCentre: 50,
  months: 12,
  mentors: 20,
  pairings: 150,
  applicantCases: 40,
  approvalPool: 300,
  stormAccounts: 2,
};

export interface SeededDistrict {
  dataDir: string;
  /** Environment for the product server (keys as hex: the server must decrypt what the seeder encrypted). */
  env: Record<string, string>;
  password: string;
  stormPassword: string;
  stormUsernames: string[];
  /** Current fiscal year's 以奖代投 bench programme: its reviewer queue is measured. */
  queueProgrammeId: number;
  /** Programme holding the approval pool. */
  approvalProgrammeId: number;
  approvalCaseIds: number[];
  /** The demo `applicant`'s enterprise (the baseline has no session to find it from). */
  applicantEnterpriseId: number;
  /** The bench centre managed by the demo `manager`. */
  centreId: number;
  firstMonth: string;
  lastMonth: string;
  gridMonth: string;
  counts: Record<string, number>;
  seconds: number;
}

const DEMO_PASSWORD = 'bench-pass-phrase-2026';
const STORM_PASSWORD = 'storm-pass-phrase-2026';

function addMonths(month: string, n: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
/** A deterministic pseudo-random sequence (mulberry32): the same district on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Status =
  | 'draft'
  | 'submitted'
  | 'returned'
  | 'recommended'
  | 'in_notice'
  | 'approved'
  | 'disbursed'
  | 'rejected'
  | 'withdrawn';

/** Past years are closed out (paid, refused or withdrawn); the current year is a working mix. */
const PAST_MIX: [Status, number][] = [
  ['disbursed', 0.6],
  ['rejected', 0.25],
  ['withdrawn', 0.15],
];
const CURRENT_MIX: [Status, number][] = [
  ['draft', 0.1],
  ['submitted', 0.3],
  ['returned', 0.05],
  ['recommended', 0.12],
  ['in_notice', 0.05],
  ['approved', 0.08],
  ['disbursed', 0.2],
  ['rejected', 0.06],
  ['withdrawn', 0.04],
];
function pick(mix: [Status, number][], r: number): Status {
  let acc = 0;
  for (const [s, p] of mix) {
    acc += p;
    if (r < acc) return s;
  }
  return mix[mix.length - 1]![0];
}

const INDUSTRIES = [
  'software-it',
  'agriculture',
  'industry',
  'catering',
  'retail',
  'wholesale',
  'warehousing',
  'construction',
];

export async function seedDistrict(
  dataDir: string,
  scale: DistrictScale,
  now = new Date(),
): Promise<SeededDistrict> {
  const started = performance.now();
  const dataKey = randomBytes(32).toString('hex');
  const anchorKey = randomBytes(32).toString('hex');
  const env = parseEnv({
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    DATA_KEY: dataKey,
    AUDIT_ANCHOR_KEY: anchorKey,
    PASSWORD_HASH_PROFILE: 'fast',
  });
  const pii = createPii(env.DATA_KEY);
  const { db, sqlite } = openDatabase(env.DATABASE_PATH);
  await migrateToLatest(db);
  await seedDemoData(db, { clock: createClock(env), now, pii }, DEMO_PASSWORD);

  // Bulk phase: this connection only (the server is not running yet), so durability per commit is not needed.
  sqlite.pragma('synchronous = OFF');
  const at = now.toISOString();
  const today = todayInChina(now);
  const year = Number(today.slice(0, 4));
  const id = (username: string) =>
    (sqlite.prepare('select id from app_user where username = ?').get(username) as { id: number }).id;
  const admin = id('admin');
  const reviewer = id('reviewer');
  const finance = id('finance');
  const manager = id('manager');
  const applicant = id('applicant');
  const applicantEnterprise = (
    sqlite.prepare('select id from enterprise where owner_user_id = ?').get(applicant) as { id: number }
  ).id;
  const counts: Record<string, number> = {};
  const bump = (k: string, n = 1) => (counts[k] = (counts[k] ?? 0) + n);
  const random = rng(20261126);

  // ── storm accounts: one OWASP-cost hash (≈1 s), shared ──
  const stormHash = await hashPassword(STORM_PASSWORD, 'owasp');
  const stormUsernames = Array.from(
    { length: scale.stormAccounts },
    (_, i) => `storm${String(i + 1).padStart(2, '0')}`,
  );
  await db.transaction().execute(async (trx) => {
    for (const username of stormUsernames) {
      await insertAccount(trx, {
        username,
        displayName: `压测审计${username.slice(5)}`,
        passwordHash: stormHash,
        roles: ['auditor'],
        mustChangePassword: false,
        now,
      });
    }
  });

  // ── programmes: 以奖代投 and 贷款贴息 for each of the last `years` fiscal years, budgets set after the cases ──
  const years = Array.from({ length: scale.years }, (_, i) => year - scale.years + 1 + i);
  const programmes: {
    id: number;
    versionId: number;
    year: number;
    scheme: 'award-in-lieu-of-investment' | 'loan-interest-subsidy';
  }[] = [];
  await db.transaction().execute(async (trx) => {
    for (const y of years) {
      for (const scheme of ['award-in-lieu-of-investment', 'loan-interest-subsidy'] as const) {
        const p = await insertProgramme(trx, {
          name: `${y}年度${scheme === 'loan-interest-subsidy' ? '贷款贴息' : '以奖代投'}（基准测试）`,
          scheme,
          fiscalYear: y,
          opensOn: `${y}-01-01`,
          closesOn: `${y}-12-31`,
          guidelines: '基准测试数据',
          parameters: DEFAULT_PARAMETERS(scheme),
          by: admin,
          now,
        });
        programmes.push({ ...p, year: y, scheme });
      }
    }
  });
  const awardOf = (y: number) =>
    programmes.find((p) => p.year === y && p.scheme === 'award-in-lieu-of-investment')!;
  const loanOf = (y: number) => programmes.find((p) => p.year === y && p.scheme === 'loan-interest-subsidy')!;

  // ── enterprises, each verified with a verified bank account ──
  const insertEnterprise = sqlite.prepare(
    `insert into enterprise (uscc, name, legal_representative, industry, established_on, registered_district_code, employees,
       revenue_fen, total_assets_fen, size_reporting_year, size_data_source, contact_name, contact_mobile_enc, contact_mobile_bidx,
       contact_mobile_masked, verification_status, dishonest_flag, uscc_override_reason, owner_user_id, privacy_consent_version,
       privacy_consent_at, created_at)
     values (?, ?, ?, ?, ?, '430602', ?, ?, null, ?, 'verified', ?, ?, ?, ?, 'verified', 0, null, null, null, null, ?)`,
  );
  const insertBank = sqlite.prepare(
    `insert into enterprise_bank_account (enterprise_id, bank, account_name, account_number_enc, account_number_bidx,
       account_number_masked, status, submitted_by, verified_by, verified_at, decision_reason, created_at)
     values (?, '中国工商银行岳阳分行', ?, ?, ?, ?, 'verified', ?, ?, ?, '开户许可证与户名一致', ?)`,
  );
  const enterpriseIds: number[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < scale.enterprises; i += 1) {
      const name = `岳阳基准企业${i + 1}号有限公司`;
      const mobile = `135${String(i).padStart(8, '0')}`;
      const established = addDays(`${year - 8}-01-01`, Math.floor(random() * 365 * 7));
      const eid = Number(
        insertEnterprise.run(
          `91430602BM${String(i).padStart(8, '0')}`,
          name,
          '法定代表人',
          INDUSTRIES[i % INDUSTRIES.length],
          established,
          5 + (i % 200),
          (50 + (i % 5000)) * 1_000_000,
          year - 1,
          '联系人',
          pii.encryptField(mobile),
          pii.blindIndex(mobile, CONTACT_MOBILE_INDEX),
          maskMobile(mobile),
          at,
        ).lastInsertRowid,
      );
      const account = `6222${String(eid).padStart(15, '0')}`;
      insertBank.run(
        eid,
        name,
        pii.encryptField(account),
        pii.blindIndex(account, BANK_ACCOUNT_INDEX),
        `6222 **** **** ${account.slice(-4)}`,
        applicant,
        reviewer,
        at,
        at,
      );
      enterpriseIds.push(eid);
    }
    // The demo applicant's enterprise too (its long case list includes paid cases).
    const account = `6222${String(applicantEnterprise).padStart(15, '0')}`;
    insertBank.run(
      applicantEnterprise,
      '岳阳某某科技有限公司',
      pii.encryptField(account),
      pii.blindIndex(account, BANK_ACCOUNT_INDEX),
      `6222 **** **** ${account.slice(-4)}`,
      applicant,
      reviewer,
      at,
      at,
    );
    sqlite
      .prepare("update enterprise set verification_status = 'verified' where id = ?")
      .run(applicantEnterprise);
  })();
  bump('enterprises', scale.enterprises);
  const bankOf = new Map<number, number>(
    (
      sqlite
        .prepare("select enterprise_id e, id from enterprise_bank_account where status = 'verified'")
        .all() as { e: number; id: number }[]
    ).map((r) => [r.e, r.id]),
  );

  // ── notices: one a quarter per year (published, period over), the current year's last one still running ──
  const insertNotice = sqlite.prepare(
    `insert into notice (title, published_on, ends_on, objection_deadline, working_days, objection_contact, published_by, created_at)
     values (?, ?, ?, ?, 5, '岳阳楼区中小微企业发展引导基金办公室 0730-8888888', ?, ?)`,
  );
  const noticeOf = new Map<number, { id: number; publishedOn: string; endsOn: string }>();
  let runningNotice: { id: number; publishedOn: string; endsOn: string } | null = null;
  let poolNotice: { id: number; publishedOn: string; endsOn: string } | null = null;
  sqlite.transaction(() => {
    for (const y of years) {
      const publishedOn = y === year ? addDays(today, -40) : `${y}-10-10`;
      const endsOn = addDays(publishedOn, 7);
      const nid = Number(
        insertNotice.run(
          `${y}年度扶持资金拟支持名单公示（基准测试）`,
          publishedOn,
          endsOn,
          endsOn,
          reviewer,
          at,
        ).lastInsertRowid,
      );
      noticeOf.set(y, { id: nid, publishedOn, endsOn });
    }
    const publishedOn = addDays(today, -3);
    const endsOn = addDays(today, 5);
    runningNotice = {
      id: Number(
        insertNotice.run(
          `${year}年度扶持资金拟支持名单公示（第二批，基准测试）`,
          publishedOn,
          endsOn,
          endsOn,
          reviewer,
          at,
        ).lastInsertRowid,
      ),
      publishedOn,
      endsOn,
    };
    const poolPublished = addDays(today, -20);
    const poolEnds = addDays(today, -12);
    poolNotice = {
      id: Number(
        insertNotice.run(
          `${year}年度以奖代投拟支持名单公示（待审批，基准测试）`,
          poolPublished,
          poolEnds,
          poolEnds,
          reviewer,
          at,
        ).lastInsertRowid,
      ),
      publishedOn: poolPublished,
      endsOn: poolEnds,
    };
  })();

  // ── cases ──
  const insertCase = sqlite.prepare(
    `insert into funding_case (case_no, enterprise_id, programme_id, programme_version_id, fiscal_year, scheme, status, data_json,
       document_ids_json, computed_amount_fen, working_json, recommended_amount_fen, adjustment_reason, recommended_by, recommended_at,
       notice_round, notice_id, published_on, notice_ends_on, approved_by, approved_at, disbursed_by, disbursed_at, voucher_no, paid_on,
       first_submitted_at, submitted_at, submitted_by, return_count, returned_by, returned_at, return_reason, closed_by, closed_at,
       close_reason, closed_from, close_kind, objection_id, clawback_fen, clawback_json, created_by, created_at, updated_at)
     values (@case_no, @enterprise_id, @programme_id, @programme_version_id, @fiscal_year, @scheme, @status, @data_json,
       '[]', @amount, '[]', @recommended_amount_fen, null, @recommended_by, @recommended_at,
       @notice_round, @notice_id, @published_on, @notice_ends_on, @approved_by, @approved_at, @disbursed_by, @disbursed_at, @voucher_no, @paid_on,
       @first_submitted_at, @submitted_at, @submitted_by, @return_count, @returned_by, @returned_at, @return_reason, @closed_by, @closed_at,
       @close_reason, @closed_from, @close_kind, null, null, null, @created_by, @created_at, @updated_at)`,
  );
  const insertReturn = sqlite.prepare(
    `insert into case_return (case_id, reason, returned_by, returned_at, answer, answered_by, answered_at) values (?, '请补充投资协议到账凭证', ?, ?, null, null, null)`,
  );
  const insertNoticeCase = sqlite.prepare(
    'insert into notice_case (notice_id, case_id, amount_fen) values (?, ?, ?)',
  );
  const insertLedger = sqlite.prepare(
    `insert into ledger_entry (transfer_id, programme_id, kind, amount_fen, case_id, memo, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDisbursement = sqlite.prepare(
    `insert into disbursement (case_id, programme_id, idem_key, amount_fen, bank_account_id, batch_id, approved_by, approved_at) values (?, ?, ?, ?, ?, null, ?, ?)`,
  );
  const insertPayment = sqlite.prepare(
    `insert into payment (disbursement_id, voucher_no, paid_on, amount_fen, recorded_by, recorded_at, idem_key) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const committed = new Map<number, number>();
  const awardJson = JSON.stringify({
    kind: 'equity-financing',
    financingFen: 300_000_000,
    financedOn: '2026-06-01',
    investorName: '岳阳产业投资基金',
  });
  const loanJson = (n: number) =>
    JSON.stringify({
      mode: 'lpr-spread',
      bankName: '中国建设银行岳阳分行',
      contractNo: `JH-BENCH-${n}`,
      contractSignedOn: '2026-01-15',
      maturityOn: '2027-01-15',
      principalFen: 200_000_000,
      contractRatePct: '3.50',
      segments: [{ principalFen: 200_000_000, start: '2026-01-15', endExclusive: '2026-07-15' }],
    });
  const iso = (date: string, secondOfDay: number) =>
    new Date(Date.parse(`${date}T01:00:00Z`) + secondOfDay * 1000).toISOString();

  let caseSeq = 0;
  const writeCase = (c: {
    enterpriseId: number;
    programme: (typeof programmes)[number];
    status: Status;
    day: string;
    notice?: { id: number; publishedOn: string; endsOn: string };
  }) => {
    caseSeq += 1;
    const s = c.status;
    const amount =
      c.programme.scheme === 'award-in-lieu-of-investment'
        ? 30_000_000
        : 4_000_000 + (caseSeq % 50) * 100_000;
    const submitted = s !== 'draft';
    const recommended = ['recommended', 'in_notice', 'approved', 'disbursed'].includes(s);
    const noticed = ['in_notice', 'approved', 'disbursed'].includes(s);
    const notice = c.notice ?? noticeOf.get(c.programme.year)!;
    const submittedAt = iso(c.day, caseSeq % 30_000);
    const recommendedAt = iso(addDays(c.day, 10), caseSeq % 30_000);
    const approvedOn = addDays(notice.endsOn, 3);
    const approvedAt = iso(approvedOn, caseSeq % 30_000);
    const paidOn = addDays(approvedOn, 10);
    const closed = s === 'rejected' || s === 'withdrawn';
    const closedAt = iso(addDays(c.day, 15), caseSeq % 30_000);
    const updatedAt =
      s === 'disbursed'
        ? iso(paidOn, 0)
        : s === 'approved'
          ? approvedAt
          : noticed
            ? iso(notice.publishedOn, 0)
            : recommended
              ? recommendedAt
              : closed
                ? closedAt
                : s === 'returned'
                  ? iso(addDays(c.day, 5), 0)
                  : submittedAt;
    const caseNo = `${c.programme.scheme === 'loan-interest-subsidy' ? 'DK' : 'JD'}-${c.programme.year}-B${String(caseSeq).padStart(6, '0')}`;
    const caseId = Number(
      insertCase.run({
        case_no: caseNo,
        enterprise_id: c.enterpriseId,
        programme_id: c.programme.id,
        programme_version_id: c.programme.versionId,
        fiscal_year: c.programme.year,
        scheme: c.programme.scheme,
        status: s,
        data_json: c.programme.scheme === 'award-in-lieu-of-investment' ? awardJson : loanJson(caseSeq),
        amount,
        recommended_amount_fen: recommended ? amount : null,
        recommended_by: recommended ? reviewer : null,
        recommended_at: recommended ? recommendedAt : null,
        notice_round: noticed ? 1 : 0,
        notice_id: noticed ? notice.id : null,
        published_on: noticed ? notice.publishedOn : null,
        notice_ends_on: noticed ? notice.endsOn : null,
        approved_by: s === 'approved' || s === 'disbursed' ? finance : null,
        approved_at: s === 'approved' || s === 'disbursed' ? approvedAt : null,
        disbursed_by: s === 'disbursed' ? finance : null,
        disbursed_at: s === 'disbursed' ? iso(paidOn, 0) : null,
        voucher_no: s === 'disbursed' ? `PZ-${caseSeq}` : null,
        paid_on: s === 'disbursed' ? paidOn : null,
        first_submitted_at: submitted ? submittedAt : null,
        submitted_at: submitted ? submittedAt : null,
        submitted_by: submitted ? applicant : null,
        return_count: s === 'returned' ? 1 : 0,
        returned_by: s === 'returned' ? reviewer : null,
        returned_at: s === 'returned' ? iso(addDays(c.day, 5), 0) : null,
        return_reason: s === 'returned' ? '请补充投资协议到账凭证' : null,
        closed_by: closed ? (s === 'rejected' ? reviewer : applicant) : null,
        closed_at: closed ? closedAt : null,
        close_reason: s === 'rejected' ? '不符合申报条件' : s === 'withdrawn' ? '企业主动撤回' : null,
        closed_from: closed ? 'submitted' : null,
        close_kind: s === 'rejected' ? 'review' : s === 'withdrawn' ? 'applicant' : null,
        created_by: applicant,
        created_at: iso(addDays(c.day, -2), 0),
        updated_at: updatedAt,
      }).lastInsertRowid,
    );
    bump(`case:${s}`);
    if (s === 'returned') insertReturn.run(caseId, reviewer, iso(addDays(c.day, 5), 0));
    if (noticed) insertNoticeCase.run(notice.id, caseId, amount);
    if (s === 'approved' || s === 'disbursed') {
      insertLedger.run(
        `commit:case:${caseId}`,
        c.programme.id,
        'commitment',
        amount,
        caseId,
        caseNo,
        finance,
        approvedAt,
      );
      committed.set(c.programme.id, (committed.get(c.programme.id) ?? 0) + amount);
      const disbursementId = Number(
        insertDisbursement.run(
          caseId,
          c.programme.id,
          `seed:${caseId}`,
          amount,
          bankOf.get(c.enterpriseId) ?? null,
          finance,
          approvedAt,
        ).lastInsertRowid,
      );
      if (s === 'disbursed') {
        insertPayment.run(
          disbursementId,
          `PZ-${caseSeq}`,
          paidOn,
          amount,
          finance,
          iso(paidOn, 0),
          `seed:${caseId}`,
        );
        insertLedger.run(
          `pay:disbursement:${disbursementId}`,
          c.programme.id,
          'payment',
          amount,
          caseId,
          `PZ-${caseSeq}`,
          finance,
          iso(paidOn, 0),
        );
      }
    }
    return caseId;
  };

  // Enterprises [0, approvalPool) are reserved for the approval pool: nothing else in their funding history.
  const poolEnterprises = enterpriseIds.slice(0, scale.approvalPool);
  const others = enterpriseIds.slice(scale.approvalPool);
  const ordinary = scale.cases - scale.applicantCases - scale.approvalPool;
  const todayDayOfYear = Math.floor((Date.parse(today) - Date.parse(`${year}-01-01`)) / 86_400_000);
  const approvalCaseIds: number[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < ordinary; i += 1) {
      const y = years[i % years.length]!;
      const current = y === year;
      const status = pick(current ? CURRENT_MIX : PAST_MIX, random());
      // Current-year work was submitted before the last 45 days (so every later step has happened by now).
      const span = current ? Math.max(1, todayDayOfYear - 45) : 300;
      const day = addDays(`${y}-01-05`, Math.floor(random() * span));
      const programme = i % 2 === 0 ? awardOf(y) : loanOf(y);
      const notice = current && status === 'in_notice' ? runningNotice! : undefined;
      writeCase({
        enterpriseId: others[i % others.length]!,
        programme,
        status,
        day,
        ...(notice ? { notice } : {}),
      });
    }
    for (let i = 0; i < scale.applicantCases; i += 1) {
      const y = years[i % years.length]!;
      const current = y === year;
      const status = pick(current ? CURRENT_MIX : PAST_MIX, random());
      const day = addDays(
        `${y}-01-05`,
        Math.floor(random() * (current ? Math.max(1, todayDayOfYear - 45) : 300)),
      );
      const notice = current && status === 'in_notice' ? runningNotice! : undefined;
      writeCase({
        enterpriseId: applicantEnterprise,
        programme: i % 2 === 0 ? awardOf(y) : loanOf(y),
        status,
        day,
        ...(notice ? { notice } : {}),
      });
    }
    for (const enterpriseId of poolEnterprises) {
      approvalCaseIds.push(
        writeCase({
          enterpriseId,
          programme: awardOf(year),
          status: 'in_notice',
          day: addDays(poolNotice!.publishedOn, -30),
          notice: poolNotice!,
        }),
      );
    }
    // Budgets: what was committed, plus room for the whole approval pool, plus 20%.
    for (const p of programmes) {
      const pool = p.id === awardOf(year).id ? scale.approvalPool * 30_000_000 : 0;
      const budget = Math.ceil(((committed.get(p.id) ?? 0) + pool) * 1.2) + 100_000_000;
      insertLedger.run(
        `allocation:bench:${p.id}`,
        p.id,
        'allocation',
        budget,
        null,
        `${p.year}年度预算下达（基准测试）`,
        admin,
        `${p.year}-01-02T01:00:00.000Z`,
      );
    }
  })();
  bump('cases', caseSeq);

  // ── centres: desks, yearly allocations, monthly presence, events ──
  const lastMonth = addMonths(today.slice(0, 7), -1);
  const firstMonth = addMonths(lastMonth, -(scale.months - 1));
  const months = Array.from({ length: scale.months }, (_, i) => addMonths(firstMonth, i));
  const insertCentre = sqlite.prepare(
    `insert into centre (name, kind, address, operator, operator_enterprise_id, floor_area_m2, recognition_level, recognised_on, created_at, updated_at)
     values (?, 'innovation-centre', ?, ?, ?, ?, 'district', ?, ?, ?)`,
  );
  const insertWs = sqlite.prepare(
    `insert into workstation (centre_id, code, zone, kind, designation, monthly_rent_fen, in_service_from, retired_on, created_by, created_at)
     values (?, ?, ?, 'open-desk', ?, ?, ?, null, ?, ?)`,
  );
  const insertAllocation = sqlite.prepare(
    `insert into allocation (centre_id, workstation_id, occupant_type, enterprise_id, terms, starts_on, ends_on, created_by, created_at, updated_at)
     values (?, ?, 'enterprise', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPresence = sqlite.prepare(
    `insert into presence (allocation_id, month, days_present, attested, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(
    `insert into centre_event (centre_id, title, kind, sector, event_date, speaker, attendee_count, created_by, created_at)
     values (?, ?, ?, ?, ?, '', ?, ?, ?)`,
  );
  const centreIds: number[] = [];
  let occupant = 0;
  const yearsOfMonths = Math.ceil(scale.months / 12);
  sqlite.transaction(() => {
    for (let c = 0; c < scale.centres; c += 1) {
      const centreId = Number(
        insertCentre.run(
          `基准测试创新中心${c + 1}号`,
          `岳阳楼区基准路 ${c + 1} 号`,
          `基准运营公司${c + 1}`,
          others[c % others.length]!,
          5_000,
          `${firstMonth}-01`,
          at,
          at,
        ).lastInsertRowid,
      );
      centreIds.push(centreId);
      bump('centres');
      for (let i = 0; i < scale.workstationsPerCentre; i += 1) {
        const free = i % 10 < 4; // 40% designated free (≥ 30% required)
        const wsId = Number(
          insertWs.run(
            centreId,
            `W-${String(i + 1).padStart(3, '0')}`,
            `${String.fromCharCode(65 + (i % 5))}区`,
            free ? 'free' : 'preferential',
            free ? 0 : 50_000,
            `${firstMonth}-01`,
            admin,
            at,
          ).lastInsertRowid,
        );
        bump('workstations');
        // One occupant a year per desk; every 10th desk stays empty in the last year (≈ 90% occupancy).
        for (let y = 0; y < yearsOfMonths; y += 1) {
          const last = y === yearsOfMonths - 1;
          if (last && i % 10 === 9) continue;
          const startMonth = months[y * 12]!;
          const endMonth = months[Math.min(months.length - 1, y * 12 + 11)]!;
          const enterpriseId = others[occupant++ % others.length]!;
          const allocationId = Number(
            insertAllocation.run(
              centreId,
              wsId,
              enterpriseId,
              free ? 'free' : 'preferential',
              `${startMonth}-01`,
              last ? null : lastDay(endMonth),
              admin,
              at,
              at,
            ).lastInsertRowid,
          );
          bump('allocations');
          for (let m = y * 12; m < Math.min(months.length, y * 12 + 12); m += 1) {
            const attested = (i + m) % 7 === 0;
            insertPresence.run(
              allocationId,
              months[m]!,
              attested ? null : 5 + ((i + m) % 20),
              attested ? 1 : 0,
              admin,
              at,
            );
            bump('presence');
          }
        }
      }
      for (const [n, month] of months.entries()) {
        for (let e = 0; e < 4; e += 1) {
          insertEvent.run(
            centreId,
            `活动${month}-${e}`,
            e % 2 === 0 ? 'public-interest' : 'training-class',
            e % 2 === 0 ? null : ['电子商务', '现代农业'][n % 2]!,
            `${month}-${String(5 + e * 5).padStart(2, '0')}`,
            8 + e * 3,
            admin,
            at,
          );
          bump('events');
        }
      }
    }
    sqlite
      .prepare('insert into centre_manager (centre_id, user_id, assigned_at) values (?, ?, ?)')
      .run(centreIds[0]!, manager, at);
  })();

  // ── mentoring: mentors (capacity 5) and pairings: 2 active, the rest completed or declined ──
  const insertMentor = sqlite.prepare(
    `insert into mentor (user_id, name, kind, organisation, title, industries_json, topics_json, bio, capacity, availability, created_at, updated_at)
     values (null, ?, ?, ?, '', ?, ?, '', 5, 'accepting', ?, ?)`,
  );
  const insertRequest = sqlite.prepare(
    `insert into mentee_request (requester_user_id, enterprise_id, founder_id, mentee_kind, for_manager_name, for_manager_title, topics_json,
       industry, stage, preferred_kind, description, status, created_at, updated_at)
     values (?, ?, null, 'enterprise', null, null, '["financing"]', ?, 'growth', null, '希望获得融资方面的辅导', ?, ?, ?)`,
  );
  const insertPairing = sqlite.prepare(
    `insert into pairing (mentor_id, request_id, status, proposed_by, proposed_on, proposed_at, response_due_on, responded_at, accepted_on,
       declined_on, declined_by, decline_reason, completed_on, ended_on, ended_by, ended_reason, min_sessions, sessions_held, counts_as_completed, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null, 4, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    const mentorIds: number[] = [];
    for (let m = 0; m < scale.mentors; m += 1) {
      mentorIds.push(
        Number(
          insertMentor.run(
            `导师${m + 1}`,
            ['entrepreneur', 'university', 'expert'][m % 3],
            `岳阳基准导师单位${m + 1}`,
            JSON.stringify([INDUSTRIES[m % INDUSTRIES.length]]),
            '["financing","marketing"]',
            at,
            at,
          ).lastInsertRowid,
        ),
      );
      bump('mentors');
    }
    for (let p = 0; p < scale.pairings; p += 1) {
      const mentorId = mentorIds[p % mentorIds.length]!;
      const round = Math.floor(p / mentorIds.length); // 0,1 → active; last → declined; others completed
      const status = round < 2 ? 'active' : round % 5 === 4 ? 'declined' : 'completed';
      const proposedOn = addDays(today, -30 - round * 40);
      const enterpriseId = others[p % others.length]!;
      const requestId = Number(
        insertRequest.run(
          applicant,
          enterpriseId,
          INDUSTRIES[p % INDUSTRIES.length],
          status === 'declined' ? 'open' : 'paired',
          iso(addDays(proposedOn, -5), 0),
          iso(proposedOn, 0),
        ).lastInsertRowid,
      );
      const accepted = status === 'declined' ? null : addDays(proposedOn, 2);
      insertPairing.run(
        mentorId,
        requestId,
        status,
        admin,
        proposedOn,
        iso(proposedOn, 0),
        addDays(proposedOn, 7),
        iso(addDays(proposedOn, 2), 0),
        accepted,
        status === 'declined' ? addDays(proposedOn, 2) : null,
        status === 'declined' ? 'mentor' : null,
        status === 'declined' ? '时间冲突' : null,
        status === 'completed' ? addDays(proposedOn, 30) : null,
        status === 'completed' ? 4 : null,
        status === 'completed' ? 1 : null,
        iso(addDays(proposedOn, 2), 0),
      );
      bump(`pairing:${status}`);
    }
  })();

  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('optimize');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await db.destroy();

  return {
    dataDir,
    env: { DATA_DIR: dataDir, DATA_KEY: dataKey, AUDIT_ANCHOR_KEY: anchorKey },
    password: DEMO_PASSWORD,
    stormPassword: STORM_PASSWORD,
    stormUsernames,
    queueProgrammeId: awardOf(year).id,
    approvalProgrammeId: awardOf(year).id,
    approvalCaseIds,
    applicantEnterpriseId: applicantEnterprise,
    centreId: centreIds[0]!,
    firstMonth,
    lastMonth,
    gridMonth: months[Math.floor(months.length / 2)]!,
    counts,
    seconds: (performance.now() - started) / 1000,
  };
}
