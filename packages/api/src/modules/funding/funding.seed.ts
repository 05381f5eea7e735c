/**
 * Demo funding programmes, written inside the demo seed's transaction (src/seed/demo.ts): the current fiscal year's
 * open 贷款贴息 and 以奖代投 programmes with their budgets, and a 政府购买服务 programme for the centres unless one
 * already exists. Rows only (the seed's single audit event records the whole demo), parameters from the domain's
 * defaults (§3–§6), budget as an `allocation` ledger entry (ADR 006).
 */
import { DEFAULT_PARAMETERS, fen, type ProgrammeParameters } from '@fund/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { todayInChina } from '../enterprises/enterprises.service';
import { appendLedgerEntry } from './ledger.queries';
import { insertProgramme } from './programmes.queries';

const wan = (n: number) => fen(n * 1_000_000);

interface DemoProgramme {
  name: (year: number) => string;
  parameters: ProgrammeParameters;
  budgetFen: number;
  guidelines: string;
}

const LOAN_GUIDELINES = `一、支持对象
在本区登记注册、处于初创期（成立不满3年）或成长期（成立3年以上不满8年）的中小微企业，未被列入失信名单。

二、支持内容
对企业在银行取得的流动资金贷款给予贴息：贴息利率 = 合同利率（不超过 LPR + 50BP）− 企业自担利率（LPR − 150BP）；
计息本金最高300万元，贴息期限自合同签订日起最长2年，按实际天数计算（算头不算尾，年按360天计）。

三、申报材料
营业执照、借款合同、放款凭证（借款借据）、银行付息凭证或利息清单。

四、注意事项
同一笔贷款的同一天只能贴息一次；同一企业同一年度同一项目不得重复申报，年度累计扶持不超过100万元。`;

const AWARD_GUIDELINES = `一、支持对象
在本区登记注册的初创期、成长期中小微企业，加入本项目后首次取得外部股权融资。

二、奖励标准（按实际到账融资额）
50万–100万元奖励10万元；100万–200万元奖励20万元；200万–500万元奖励30万元；500万–1000万元奖励40万元；1000万元以上奖励50万元。

三、申报材料
营业执照、投资协议及到账凭证；股权融资需提供工商变更登记材料。

四、注意事项
同一里程碑只奖励一次。奖励以虚假材料取得的全额追回；拨付后36个月内迁出本区的按剩余月数比例追回。`;

const CENTRE_GUIDELINES = `面向区认定的创业创新中心：按免费提供给初创企业的工位、在驻记录和公益性创业辅导活动核算政府购买服务费用，
由中心在管理端按月（季）提交申请。`;

const DEMO_PROGRAMMES: readonly DemoProgramme[] = [
  {
    name: (y) => `${y}年度中小微企业贷款贴息（第二批）`,
    parameters: DEFAULT_PARAMETERS('loan-interest-subsidy'),
    budgetFen: wan(500),
    guidelines: LOAN_GUIDELINES,
  },
  {
    name: (y) => `${y}年度以奖代投`,
    parameters: DEFAULT_PARAMETERS('award-in-lieu-of-investment'),
    budgetFen: wan(300),
    guidelines: AWARD_GUIDELINES,
  },
  {
    name: (y) => `${y}年度创新中心政府购买服务`,
    parameters: DEFAULT_PARAMETERS('centre-service'),
    budgetFen: wan(100),
    guidelines: CENTRE_GUIDELINES,
  },
];

/** Creates the demo programmes of the fiscal year of `ctx.now`, open all year; the admin is their creator. */
export async function seedFundingDemo(
  trx: Transaction<Database>,
  ctx: { now: Date },
  userIds: ReadonlyMap<string, number>,
): Promise<void> {
  const today = todayInChina(ctx.now);
  const year = Number(today.slice(0, 4));
  const by = userIds.get('admin');
  if (by === undefined) return;
  for (const p of DEMO_PROGRAMMES) {
    if (p.parameters.scheme === 'centre-service') {
      // The centres module may seed its own 政府购买服务 programme: one per year is enough.
      const existing = await trx
        .selectFrom('programme')
        .select('id')
        .where('scheme', '=', 'centre-service')
        .where('fiscal_year', '=', year)
        .executeTakeFirst();
      if (existing) continue;
    }
    const { id } = await insertProgramme(trx, {
      name: p.name(year),
      scheme: p.parameters.scheme,
      fiscalYear: year,
      opensOn: `${year}-01-01`,
      closesOn: `${year}-12-31`,
      guidelines: p.guidelines,
      parameters: p.parameters,
      by,
      now: ctx.now,
    });
    await appendLedgerEntry(trx, {
      transferId: `allocation:seed:${id}`,
      programmeId: id,
      kind: 'allocation',
      amountFen: p.budgetFen,
      caseId: null,
      memo: `${year}年度预算下达（演示数据）`,
      by,
      now: ctx.now,
    });
  }
}
