/**
 * Demo data for a fresh installation (called by main.ts on every start; writes only into a database without
 * accounts). One transaction and one audit event, so the audit chain starts with a record of what was seeded.
 *
 * - Development/test: the demo accounts of every role, 12 enterprises (varied industries, sizes, stages, some
 *   verified) and 3 individual founders. One shared password: DEMO_PASSWORD, or one generated once and kept in
 *   `<DATA_DIR>/demo-password.txt` (mode 0600) so that every later start prints the same one.
 * - Production: no demo data at all; only a first `admin` account with a generated password that must be changed at
 *   the first sign-in (printed once, at the start that created it).
 *
 * Demo hashes use the 'fast' scrypt profile (bulk seeding); each is upgraded to the configured profile at that
 * account's first successful sign-in (password-hash.ts).
 */
import {
  addMonths,
  idCheckChar,
  maskIdNumber,
  needsSecondFactor,
  PRIVACY_NOTICE,
  type EnterpriseVerification,
  type IndustryKey,
  type Role,
} from '@fund/domain';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { Pii } from '../crypto/pii';
import type { Database } from '../db/schema';
import type { Env } from '../env';
import { insertAccount } from '../modules/auth/auth.queries';
import { generateReadablePassword, hashPassword } from '../modules/auth/password-hash';
import { insertEnterprise } from '../modules/enterprises/enterprises.queries';
import {
  CONTACT_MOBILE_INDEX,
  protectMobile,
  todayInChina,
} from '../modules/enterprises/enterprises.service';
import { insertFounder } from '../modules/founders/founders.queries';
import { FOUNDER_MOBILE_INDEX, ID_NUMBER_INDEX } from '../modules/founders/founders.service';
import { seedFundingDemo } from '../modules/funding/funding.seed';
import { seedCentresDemo } from '../modules/centres/centres.seed';
import { demoTotpSecret, demoTotpSecretEnc } from './demo-totp';
import { seedMentoringDemo } from '../modules/mentoring/mentoring.seed';

export interface SeedContext {
  clock: Clock;
  now: Date;
  pii: Pii;
}

export interface SeedResult {
  /** `totpSecret`: the account's demo second-factor secret (reviewer, finance, admin), for an authenticator app. */
  accounts: { username: string; roles: string[]; totpSecret: string | null }[];
  password: string;
}

export const DEMO_PASSWORD_FILE = 'demo-password.txt';

interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
}

/** Staff accounts, one per role (domain-rules.md §10). */
export const DEMO_STAFF: readonly DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'] },
  { username: 'reviewer', displayName: '王审核（区人社局）', roles: ['reviewer'] },
  { username: 'finance', displayName: '刘财务（区财政局）', roles: ['finance'] },
  { username: 'manager', displayName: '赵主任（南湖创业创新中心）', roles: ['centre_manager'] },
  { username: 'mentor', displayName: '孙导师', roles: ['mentor'] },
  { username: 'auditor', displayName: '周审计', roles: ['auditor'] },
];

interface DemoEnterprise {
  uscc: string;
  name: string;
  legalRepresentative: string;
  industry: IndustryKey;
  /** Months before today. */
  ageMonths: number;
  registeredDistrictCode: string;
  employees: number | null;
  revenueWan: number | null;
  totalAssetsWan: number | null;
  contactName: string;
  contactMobile: string;
  verification: EnterpriseVerification;
  dishonest?: boolean;
  /** Username of the applicant account that owns it (only the first one). */
  owner?: string;
}

/**
 * Valid USCCs (GB 32100-2015 check characters and embedded GB 11714 organisation-code check digits), registered in
 * 岳阳楼区 (430602) unless said otherwise. Sizes follow 工信部联企业〔2011〕300号; comments give the expected class.
 */
export const DEMO_ENTERPRISES: readonly DemoEnterprise[] = [
  // software-it: 28 staff, revenue 860万 → small; ~2 years → 初创期. Owned by the `applicant` demo account.
  {
    uscc: '91430602MA4L1A2B9Q',
    name: '岳阳某某科技有限公司',
    legalRepresentative: '张建国',
    industry: 'software-it',
    ageMonths: 24,
    registeredDistrictCode: '430602',
    employees: 28,
    revenueWan: 860,
    totalAssetsWan: 520,
    contactName: '张晓明',
    contactMobile: '13973000001',
    verification: 'unverified',
    owner: 'applicant',
  },
  // agriculture: revenue 1200万 → medium; 6 years → 成长期
  {
    uscc: '91430602MA4L2C3D21',
    name: '岳阳洞庭湖生态农业发展有限公司',
    legalRepresentative: '李春生',
    industry: 'agriculture',
    ageMonths: 74,
    registeredDistrictCode: '430602',
    employees: 46,
    revenueWan: 1200,
    totalAssetsWan: 2600,
    contactName: '李秋云',
    contactMobile: '13973000002',
    verification: 'verified',
  },
  // industry: 85 staff, revenue 3500万 → small (medium needs 300 staff); 4 years → 成长期
  {
    uscc: '91430602MA4L3E4F6B',
    name: '岳阳巴陵智能装备制造有限公司',
    legalRepresentative: '陈志强',
    industry: 'industry',
    ageMonths: 50,
    registeredDistrictCode: '430602',
    employees: 85,
    revenueWan: 3500,
    totalAssetsWan: 4200,
    contactName: '陈丽',
    contactMobile: '13973000003',
    verification: 'verified',
  },
  // catering: 12 staff, revenue 150万 → small; 1 year → 初创期
  {
    uscc: '91430602MA4L4G5HXG',
    name: '岳阳楼区南湖餐饮管理有限公司',
    legalRepresentative: '刘洋',
    industry: 'catering',
    ageMonths: 13,
    registeredDistrictCode: '430602',
    employees: 12,
    revenueWan: 150,
    totalAssetsWan: 80,
    contactName: '刘芳',
    contactMobile: '13973000004',
    verification: 'unverified',
  },
  // warehousing: 45 staff, revenue 2200万 → small; registered in 君山区 → not in the district
  {
    uscc: '91430611MA4L5J6K42',
    name: '岳阳君山物流仓储有限公司',
    legalRepresentative: '黄海波',
    industry: 'warehousing',
    ageMonths: 62,
    registeredDistrictCode: '430611',
    employees: 45,
    revenueWan: 2200,
    totalAssetsWan: 3100,
    contactName: '黄敏',
    contactMobile: '13973000005',
    verification: 'verified',
  },
  // construction: revenue 9000万, assets 6000万 → medium; 10 years → mature (not in a supported stage)
  {
    uscc: '91430602MA4L6L7M8B',
    name: '岳阳湘北建筑工程有限公司',
    legalRepresentative: '周国平',
    industry: 'construction',
    ageMonths: 122,
    registeredDistrictCode: '430602',
    employees: 210,
    revenueWan: 9000,
    totalAssetsWan: 6000,
    contactName: '周红',
    contactMobile: '13973000006',
    verification: 'verified',
  },
  // 个体工商户 (92…), retail: 4 staff, revenue 60万 → micro; ~2 years → 初创期
  {
    uscc: '92430602MA4LF36E60',
    name: '岳阳楼区小桥便利店',
    legalRepresentative: '吴小桥',
    industry: 'retail',
    ageMonths: 27,
    registeredDistrictCode: '430602',
    employees: 4,
    revenueWan: 60,
    totalAssetsWan: 30,
    contactName: '吴小桥',
    contactMobile: '13973000007',
    verification: 'unverified',
  },
  // info-transmission: revenue not yet supplied → unclassified until it is (§1: missing is never zero); 3 years
  {
    uscc: '91430602MA4L8Q9R61',
    name: '岳阳云端网络科技有限公司',
    legalRepresentative: '郑凯',
    industry: 'info-transmission',
    ageMonths: 38,
    registeredDistrictCode: '430602',
    employees: 15,
    revenueWan: null,
    totalAssetsWan: 300,
    contactName: '郑雪',
    contactMobile: '13973000008',
    verification: 'unverified',
  },
  // leasing-business-services: 60 staff, assets 1500万 → small; 7 years; on the 失信 list
  {
    uscc: '91430602MA4L9T0U79',
    name: '岳阳金鹗山商务咨询有限公司',
    legalRepresentative: '王磊',
    industry: 'leasing-business-services',
    ageMonths: 86,
    registeredDistrictCode: '430602',
    employees: 60,
    revenueWan: 900,
    totalAssetsWan: 1500,
    contactName: '王静',
    contactMobile: '13973000009',
    verification: 'verified',
    dishonest: true,
  },
  // wholesale: 25 staff, revenue 8000万 → medium; 2.5 years → 初创期
  {
    uscc: '91430602MA4LAW1X1L',
    name: '岳阳楼区汇通批发贸易有限公司',
    legalRepresentative: '何军',
    industry: 'wholesale',
    ageMonths: 30,
    registeredDistrictCode: '430602',
    employees: 25,
    revenueWan: 8000,
    totalAssetsWan: 2000,
    contactName: '何佳',
    contactMobile: '13973000010',
    verification: 'verified',
  },
  // property-management: 350 staff, revenue 1200万 → medium; 5 years → 成长期
  {
    uscc: '91430602MA4LBY2A0R',
    name: '岳阳东茅岭物业服务有限公司',
    legalRepresentative: '罗斌',
    industry: 'property-management',
    ageMonths: 64,
    registeredDistrictCode: '430602',
    employees: 350,
    revenueWan: 1200,
    totalAssetsWan: 900,
    contactName: '罗琴',
    contactMobile: '13973000011',
    verification: 'unverified',
  },
  // software-it: 6 staff, revenue 40万 → micro; 8 months → 初创期
  {
    uscc: '91430602MA4LC03B88',
    name: '岳阳青橙软件工作室有限公司',
    legalRepresentative: '邓飞',
    industry: 'software-it',
    ageMonths: 8,
    registeredDistrictCode: '430602',
    employees: 6,
    revenueWan: 40,
    totalAssetsWan: 25,
    contactName: '邓飞',
    contactMobile: '13973000012',
    verification: 'unverified',
  },
];

interface DemoFounder {
  username: string;
  name: string;
  school: string;
  graduationYear: number;
  /** First 17 digits of the ID number; the check character is computed (GB 11643-1999). */
  idNumber17: string;
  mobile: string;
}

export const DEMO_FOUNDERS: readonly DemoFounder[] = [
  {
    username: 'founder',
    name: '李明',
    school: '湖南理工学院',
    graduationYear: 2024,
    idNumber17: '43060220020315031',
    mobile: '13973000101',
  },
  {
    username: 'founder2',
    name: '王芳',
    school: '岳阳职业技术学院',
    graduationYear: 2023,
    idNumber17: '43060220010728042',
    mobile: '13973000102',
  },
  {
    username: 'founder3',
    name: '陈浩',
    school: '湖南理工学院',
    graduationYear: 2025,
    idNumber17: '43060320030109013',
    mobile: '13973000103',
  },
];

const APPLICANT: DemoAccount = {
  username: 'applicant',
  displayName: '岳阳某某科技有限公司',
  roles: ['applicant'],
};

function allDemoAccounts(): DemoAccount[] {
  const founders = DEMO_FOUNDERS.map((f): DemoAccount => ({
    username: f.username,
    displayName: f.name,
    roles: ['founder'],
  }));
  return [...DEMO_STAFF, APPLICANT, ...founders];
}

/** Every demo account, in the order main.ts prints them. */
export function demoAccounts(password: string): SeedResult['accounts'] {
  return allDemoAccounts().map((a) => ({
    username: a.username,
    roles: [...a.roles],
    totpSecret: needsSecondFactor(a.roles) ? demoTotpSecret(password, a.username) : null,
  }));
}

/**
 * The demo password: DEMO_PASSWORD when set; otherwise the one in `<DATA_DIR>/demo-password.txt`, created on first
 * use from the CSPRNG (`create: false` only reads).
 */
export function demoPassword(env: Pick<Env, 'DEMO_PASSWORD' | 'DATA_DIR'>, create: boolean): string | null {
  if (env.DEMO_PASSWORD !== undefined) return env.DEMO_PASSWORD;
  const file = join(env.DATA_DIR, DEMO_PASSWORD_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim() || null;
  if (!create) return null;
  const password = generateReadablePassword();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return password;
}

async function hasAccounts(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function seedDemoDataIfEmpty(
  db: Kysely<Database>,
  env: Env,
  ctx: SeedContext,
): Promise<SeedResult | null> {
  if (env.NODE_ENV === 'production') return bootstrapFirstAdmin(db, env, ctx);
  if (await hasAccounts(db)) {
    // Later starts: print the same block again when the password is known (env or file).
    const password = demoPassword(env, false);
    return password === null ? null : { accounts: demoAccounts(password), password };
  }
  const password = demoPassword(env, true)!;
  await seedDemoData(db, ctx, password);
  return { accounts: demoAccounts(password), password };
}

/** Production never gets demo data: one administrator to start with, who must choose a new password at once. */
async function bootstrapFirstAdmin(
  db: Kysely<Database>,
  env: Env,
  ctx: SeedContext,
): Promise<SeedResult | null> {
  if (await hasAccounts(db)) return null;
  const password = env.DEMO_PASSWORD ?? generateReadablePassword();
  const passwordHash = await hashPassword(password, env.PASSWORD_HASH_PROFILE);
  await db.transaction().execute(async (trx) => {
    const id = await insertAccount(trx, {
      username: 'admin',
      displayName: '系统管理员',
      passwordHash,
      roles: ['admin'],
      mustChangePassword: true,
      now: ctx.now,
    });
    await recordAudit(
      trx,
      { now: ctx.now },
      {
        action: 'seed.firstAdmin',
        objectType: 'app_user',
        objectId: id,
        summary: '首次启动：创建初始系统管理员账号 admin（首次登录须修改密码）',
      },
    );
  });
  // The first administrator sets up the second factor after choosing a password (trpc.ts), so nothing to print.
  return { accounts: [{ username: 'admin', roles: ['admin'], totpSecret: null }], password };
}

/** Writes the demo data in one transaction (hashes are computed first: never hash while holding the connection). */
export async function seedDemoData(db: Kysely<Database>, ctx: SeedContext, password: string): Promise<void> {
  const accounts = allDemoAccounts();
  const hashes = new Map<string, string>();
  for (const a of accounts) hashes.set(a.username, await hashPassword(password, 'fast'));

  const today = todayInChina(ctx.now);
  const at = ctx.now.toISOString();
  const consent = { version: PRIVACY_NOTICE.version, at };

  await db.transaction().execute(async (trx: Transaction<Database>) => {
    const userIds = new Map<string, number>();
    for (const a of accounts) {
      const id = await insertAccount(trx, {
        username: a.username,
        displayName: a.displayName,
        passwordHash: hashes.get(a.username)!,
        roles: a.roles,
        mustChangePassword: false,
        now: ctx.now,
        totpSecretEnc: demoTotpSecretEnc(ctx.pii, password, a.username, a.roles),
      });
      userIds.set(a.username, id);
    }

    const wanToFen = (wan: number | null) => (wan === null ? null : wan * 1_000_000);
    // Oldest first, so that "newest first" lists show the demo applicant's enterprise near the top.
    const byAge = [...DEMO_ENTERPRISES].sort((a, b) => b.ageMonths - a.ageMonths);
    for (const [i, e] of byAge.entries()) {
      const ownerUserId = e.owner === undefined ? null : (userIds.get(e.owner) ?? null);
      await insertEnterprise(trx, {
        uscc: e.uscc,
        name: e.name,
        legalRepresentative: e.legalRepresentative,
        industry: e.industry,
        establishedOn: addMonths(today, -e.ageMonths),
        registeredDistrictCode: e.registeredDistrictCode,
        employees: e.employees,
        revenueFen: wanToFen(e.revenueWan),
        totalAssetsFen: wanToFen(e.totalAssetsWan),
        reportingYear: Number(today.slice(0, 4)) - 1,
        sizeDataSource: e.verification === 'verified' ? 'verified' : 'self-declared',
        contactName: e.contactName,
        contactMobile: protectMobile(ctx.pii, e.contactMobile, CONTACT_MOBILE_INDEX),
        verification: e.verification,
        dishonest: e.dishonest ?? false,
        usccOverrideReason: null,
        ownerUserId,
        privacyConsent: ownerUserId === null ? null : consent,
        // Distinct instants keep the demo list's order stable.
        createdAt: new Date(ctx.now.getTime() - (byAge.length - i) * 60_000).toISOString(),
      });
    }

    for (const f of DEMO_FOUNDERS) {
      const idNumber = f.idNumber17 + idCheckChar(f.idNumber17);
      await insertFounder(trx, {
        name: f.name,
        school: f.school,
        graduationYear: f.graduationYear,
        idNumber: {
          enc: ctx.pii.encryptField(idNumber),
          bidx: ctx.pii.blindIndex(idNumber, ID_NUMBER_INDEX),
          masked: maskIdNumber(idNumber),
        },
        mobile: protectMobile(ctx.pii, f.mobile, FOUNDER_MOBILE_INDEX),
        userId: userIds.get(f.username)!,
        privacyConsent: consent,
        createdAt: at,
      });
    }

    await seedMentoringDemo(trx, ctx, userIds);
    await seedCentresDemo(trx, ctx, userIds);
    await seedFundingDemo(trx, ctx, userIds);
    await recordAudit(
      trx,
      { now: ctx.now },
      {
        action: 'seed.demo',
        objectType: 'system',
        summary: `生成演示数据：${accounts.length} 个账号、${DEMO_ENTERPRISES.length} 家企业、${DEMO_FOUNDERS.length} 名个人创业者`,
        details: { usernames: accounts.map((a) => a.username) },
      },
    );
  });
}
