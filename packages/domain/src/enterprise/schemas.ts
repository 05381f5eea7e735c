import { z } from 'zod';
import { Pagination, SearchText, Username } from '../auth/schemas';
import { PasswordSchema } from '../auth/password';
import { IsoDate } from '../dates';
import { isMainlandMobile, normalizeMobile, validateIdNumber } from '../privacy/identity';
import { INDUSTRY_KEYS, INDUSTRY_LABELS, type IndustryKey } from './industries';
import { SIZE_METRIC_LABELS } from './size';
import { normalizeUscc, validateUscc } from './uscc';
import { ENTERPRISE_VERIFICATIONS, SIZE_METRIC_FIELDS, missingSizeMetrics } from './verification';

/**
 * Inputs of the registration, enterprises and founders procedures (docs/contracts/platform-api.md). Checks that need
 * the clock or the database (establishment date not in the future, USCC not taken) are the services' job.
 */

/**
 * 个人信息保护告知书 shown before registration (PIPL Art. 13(1)(3), 17, 28–30, 34–36). A registration records the
 * version it agreed to; any change of `text` needs a new `version`, and the registration forms then ask again.
 */
export const PRIVACY_NOTICE = {
  version: '2026-11',
  title: '个人信息保护告知书',
  text: [
    '岳阳楼区中小微企业发展引导基金申报平台（以下简称“本平台”）由岳阳市岳阳楼区人民政府有关部门（区人力资源和社会保障局、区商务粮食局、区财政局，以下简称“我们”）为履行扶持资金管理的法定职责而运营。我们依据《中华人民共和国个人信息保护法》第十三条第一款第三项、第三十四条和第三十五条处理您的个人信息，并在处理前以本告知书告知您以下事项。',
    '一、处理目的。仅用于：企业和个人创业者的注册与身份核验；扶持资金（贷款贴息、以奖代投、政府购买服务等）的申报、审核、公示、拨付和依法追回；创业导师结对服务；依法接受审计和监督检查。超出上述目的的，我们将另行告知并依法处理。',
    '二、处理的个人信息。账号信息（用户名、密码的不可逆摘要、登录记录）；企业法定代表人和联系人的姓名、手机号码；个人创业者的姓名、学校、毕业年份、身份证号码、手机号码；申报和拨付时的收款银行账户及您上传的证明材料。其中身份证号码和银行账户属于敏感个人信息，是核验身份、防止重复申报和拨付资金所必需的；不提供将无法完成注册、申报或拨付。',
    '三、处理方式和保护措施。身份证号码、手机号码和银行账户按字段加密存储，密钥与数据库分开保管；页面和导出文件默认脱敏显示，工作人员查看完整信息须有相应权限，且每次查看都记入审计日志；日志中不记录完整的个人信息。全部数据存储在中华人民共和国境内，不向境外提供。',
    '四、公示。拟扶持名单将在本平台公开公示（一般为5个工作日），内容为企业名称、统一社会信用代码、扶持项目和金额；涉及自然人的，姓名只显示第一个字（如“张**”），身份证号码只显示前6位和后4位，手机号码只显示前3位和后4位（如“138****5678”）。',
    '五、对外提供。除向收款银行提供拨付所需的账户信息、依法接受审计和监督检查外，我们不向其他组织或个人提供您的个人信息。',
    '六、保存期限。注册信息在账号存续期间保存；账号注销且没有申报记录的，在注销后30日内删除或匿名化。申报、审核、公示和拨付记录属于财政资金档案，按照《会计档案管理办法》等规定的期限保存；系统日志保存不少于6个月。期限届满后删除或匿名化。',
    '七、您的权利。您有权查阅、复制、更正、补充您的个人信息，在法定情形下有权要求删除，有权要求我们解释说明本告知书；法律、行政法规规定应当保密或者不需要告知的情形除外。您可以在本平台“账号设置”中查看和更正，或通过下列方式联系我们，我们将在15个工作日内答复。',
    '八、联系方式。个人信息保护事务由区人力资源和社会保障局负责，联系电话、电子邮箱和通信地址见本平台“联系我们”页面；您也可以在工作日到区政务服务中心扶持资金受理窗口当面提出。',
    '点击“同意”即表示您已阅读并理解本告知书。',
  ].join('\n'),
} as const;

// ─── shared fields ──────────────────────────────────────────────────────────────────────────────────────────────

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: `${label}至少${min}个字` })
    .max(max, { error: `${label}不能超过${max}个字` });

/** A USCC as the applicant types it: normalised (upper-case, spaces and hyphens removed) and fully validated. */
export const UsccInput = z.string({ error: '请输入统一社会信用代码' }).transform((s, ctx) => {
  const result = validateUscc(s);
  if (!result.ok) {
    ctx.issues.push({ code: 'custom', message: result.message, input: s });
    return z.NEVER;
  }
  return result.code;
});
export type UsccInput = z.infer<typeof UsccInput>;

/** A mainland mobile number, stored as 11 digits (spaces, hyphens and +86 removed). */
export const MobileInput = z
  .string({ error: '请输入手机号码' })
  .overwrite(normalizeMobile)
  .refine(isMainlandMobile, { error: '请输入正确的11位手机号码' });
export type MobileInput = z.infer<typeof MobileInput>;

/** A 公民身份号码, stored normalised (18 characters, upper-case X). */
export const IdNumberInput = z.string({ error: '请输入身份证号码' }).transform((s, ctx) => {
  const result = validateIdNumber(s);
  if (!result.ok) {
    ctx.issues.push({ code: 'custom', message: result.message, input: s });
    return z.NEVER;
  }
  return result.normalized;
});
export type IdNumberInput = z.infer<typeof IdNumberInput>;

/** The version of the notice currently shown; agreeing to an older one is not agreeing. */
const PrivacyConsent = z.literal(PRIVACY_NOTICE.version, { error: '请阅读并同意个人信息保护告知书' });

const count = (label: string) =>
  z
    .number({ error: `${label}应为整数` })
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}不能为负数` })
    .nullable()
    .default(null);

const amountFen = (label: string) =>
  z
    .number({ error: `${label}应为有效金额` })
    .int({ error: `${label}应为以分计的整数金额` })
    .min(0, { error: `${label}不能为负数` })
    .nullable()
    .default(null);

/** Enterprise data shared by self-registration and registration by staff. */
const enterpriseFields = {
  name: text('企业名称', 2, 100),
  legalRepresentative: text('法定代表人姓名', 2, 50),
  industry: z.enum(INDUSTRY_KEYS, { error: '请选择所属行业' }),
  /** Not in the future: checked by the service against its clock. */
  establishedOn: IsoDate,
  registeredDistrictCode: z
    .string({ error: '请填写登记地行政区划代码' })
    .trim()
    .regex(/^\d{6}$/, { error: '登记地行政区划代码应为6位数字' }),
  employees: count('从业人员'),
  revenueFen: amountFen('营业收入'),
  totalAssetsFen: amountFen('资产总额'),
  reportingYear: z
    .number({ error: '请填写数据所属年度' })
    .int({ error: '数据所属年度应为整数年份' })
    .min(2000, { error: '数据所属年度应在2000年至2100年之间' })
    .max(2100, { error: '数据所属年度应在2000年至2100年之间' }),
  contactName: text('联系人姓名', 2, 30),
  contactMobile: MobileInput,
};

type SizeData = {
  industry: IndustryKey;
  employees: number | null;
  revenueFen: number | null;
  totalAssetsFen: number | null;
};

/** §1: a metric the industry is classified by must be supplied (never read as zero); the issue sits on its field. */
function requireSizeMetrics(data: SizeData, ctx: z.RefinementCtx): void {
  for (const metric of missingSizeMetrics(data)) {
    const label = SIZE_METRIC_LABELS[metric];
    ctx.addIssue({
      code: 'custom',
      path: [SIZE_METRIC_FIELDS[metric]],
      message: `请填写${label}（${INDUSTRY_LABELS[data.industry]}按${label}划型）`,
    });
  }
}

function refusePasswordEqualToUsername(
  data: { username: string; password: string },
  ctx: z.RefinementCtx,
): void {
  if (data.password.toLowerCase() === data.username) {
    ctx.addIssue({ code: 'custom', path: ['password'], message: '密码不能与用户名相同' });
  }
}

// ─── registration ───────────────────────────────────────────────────────────────────────────────────────────────

export const RegisterEnterprise = z
  .object({
    uscc: UsccInput,
    ...enterpriseFields,
    username: Username,
    password: PasswordSchema,
    privacyConsentVersion: PrivacyConsent,
  })
  .superRefine((data, ctx) => {
    requireSizeMetrics(data, ctx);
    refusePasswordEqualToUsername(data, ctx);
  });
export type RegisterEnterprise = z.infer<typeof RegisterEnterprise>;

/**
 * Registration by staff from the business licence (§2). Like self-registration, without account and consent, and
 * with one exception: a genuinely issued early pilot code whose *only* fault is the check character (pos 18) is
 * accepted when staff give an `overrideReason` (5–500 characters), which the service stores and audits. Every other
 * fault (length, charset, format, the embedded organisation code's check) is refused, reason or not.
 * Output: `uscc` normalised; `overrideReason` is null unless the exception was needed (a reason given for a valid
 * code is dropped, so a stored reason always means "check character overridden").
 */
export const RegisterEnterpriseByStaff = z
  .object({
    uscc: z.string({ error: '请输入统一社会信用代码' }).overwrite(normalizeUscc),
    ...enterpriseFields,
    /** Length 5–500 is checked in the refinement, only when the exception is needed: forms may send ''. */
    overrideReason: z
      .string({ error: '例外说明应为文字' })
      .trim()
      .max(500, { error: '例外说明不能超过500个字' })
      .optional(),
  })
  .superRefine((data, ctx) => {
    const result = validateUscc(data.uscc);
    if (!result.ok) {
      if (result.reason !== 'check-char') {
        ctx.addIssue({ code: 'custom', path: ['uscc'], message: result.message });
      } else if (!data.overrideReason) {
        ctx.addIssue({ code: 'custom', path: ['uscc'], message: result.message });
        ctx.addIssue({
          code: 'custom',
          path: ['overrideReason'],
          message: '校验码不符的代码（如早期试点地区发放的代码）须填写例外说明（5–500字）后才能登记',
        });
      } else if (data.overrideReason.length < 5) {
        ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: '例外说明至少5个字' });
      }
    }
    requireSizeMetrics(data, ctx);
  })
  .transform(({ overrideReason, ...data }) => ({
    ...data,
    overrideReason: validateUscc(data.uscc).ok ? null : overrideReason || null,
  }));
export type RegisterEnterpriseByStaff = z.infer<typeof RegisterEnterpriseByStaff>;

/** §7: students and graduates without a business licence register as individuals. */
export const RegisterFounder = z
  .object({
    name: text('姓名', 2, 30),
    school: text('学校名称', 2, 60),
    graduationYear: z
      .number({ error: '请填写毕业年份' })
      .int({ error: '毕业年份应为整数年份' })
      .min(1980, { error: '毕业年份应在1980年至2100年之间' })
      .max(2100, { error: '毕业年份应在1980年至2100年之间' }),
    idNumber: IdNumberInput,
    mobile: MobileInput,
    username: Username,
    password: PasswordSchema,
    privacyConsentVersion: PrivacyConsent,
  })
  .superRefine(refusePasswordEqualToUsername);
export type RegisterFounder = z.infer<typeof RegisterFounder>;

/**
 * "Someone registered our USCC": only the format is checked (18 characters of the USCC alphabet's shape), so that an
 * enterprise whose code our validator rejects can still reach staff.
 */
export const ReportUsccDispute = z.object({
  uscc: z
    .string({ error: '请输入统一社会信用代码' })
    .overwrite(normalizeUscc)
    .regex(/^[0-9A-Z]{18}$/, { error: '统一社会信用代码应为18位数字或大写字母' }),
  contactName: text('联系人姓名', 2, 30),
  contactMobile: MobileInput,
  description: text('情况说明', 10, 1000),
});
export type ReportUsccDispute = z.infer<typeof ReportUsccDispute>;

// ─── staff lists ────────────────────────────────────────────────────────────────────────────────────────────────

export const EnterpriseListQuery = Pagination.extend({
  q: SearchText.optional(),
  verification: z.enum(ENTERPRISE_VERIFICATIONS, { error: '核验状态无效' }).optional(),
});
export type EnterpriseListQuery = z.infer<typeof EnterpriseListQuery>;

export const FounderListQuery = Pagination.extend({ q: SearchText.optional() });
export type FounderListQuery = z.infer<typeof FounderListQuery>;

export const IdInput = z.object({
  id: z.number({ error: '编号无效' }).int({ error: '编号无效' }).positive({ error: '编号无效' }),
});
export type IdInput = z.infer<typeof IdInput>;
