/**
 * Inputs of the funding procedures that the domain does not already declare (the domain's own schemas —
 * ProgrammeDefinition, ProgrammeParameters, RecommendInput, ObjectionInput, ResolveObjectionInput, ClawBackInput … —
 * are used as they are).
 */
import {
  IsoDate,
  NonNegativeFen,
  Pagination,
  ProgrammeDefinition,
  ProgrammeParameters,
  CASE_STATUSES,
} from '@fund/domain';
import { z } from 'zod';

const id = (label: string) =>
  z
    .number({ error: `缺少${label}` })
    .int()
    .positive();
export const IdempotencyKey = z
  .string({ error: '缺少请求编号' })
  .min(8, { error: '请求编号无效' })
  .max(255, { error: '请求编号无效' });

const Text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: `${label}至少${min}个字` })
    .max(max, { error: `${label}不能超过${max}个字` });

export const CreateProgramme = ProgrammeDefinition.safeExtend({
  guidelines: z.string().max(20_000, { error: '申报指南不能超过20000字' }).default(''),
});
export type CreateProgramme = z.infer<typeof CreateProgramme>;

export const NewParametersVersion = z.object({ programmeId: id('项目'), parameters: ProgrammeParameters });
export type NewParametersVersion = z.infer<typeof NewParametersVersion>;

export const ProgrammeRef = z.object({ programmeId: id('项目') });

export const AllocateBudget = z.object({
  programmeId: id('项目'),
  amountFen: NonNegativeFen.refine((n) => n > 0, { error: '下达金额应大于0' }),
  memo: Text('下达说明', 2, 200),
  idempotencyKey: IdempotencyKey,
});
export type AllocateBudget = z.infer<typeof AllocateBudget>;

export const SubmitBankAccount = z.object({
  bank: Text('开户银行', 2, 60),
  accountName: Text('账户名称', 2, 100),
  accountNumber: z
    .string({ error: '请填写银行账号' })
    .transform((s) => s.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{8,32}$/, { error: '银行账号应为8–32位数字' })),
});
export type SubmitBankAccount = z.infer<typeof SubmitBankAccount>;

export const DecideBankAccount = z.object({
  accountId: id('银行账户'),
  decision: z.enum(['verified', 'rejected'], { error: '请选择核验结果' }),
  reason: Text('核验意见', 2, 500),
});
export type DecideBankAccount = z.infer<typeof DecideBankAccount>;

export const VerifyEnterprise = z.object({
  enterpriseId: id('企业'),
  licenceDocumentId: id('营业执照'),
  /** The registration district as read on the licence (§2: the licence, not the USCC, says where it is now). */
  registeredDistrictCode: z.string().regex(/^\d{6}$/, { error: '行政区划代码应为6位数字' }),
  note: Text('核验意见', 2, 500),
});
export type VerifyEnterprise = z.infer<typeof VerifyEnterprise>;

export const FlagEnterprise = z.object({ enterpriseId: id('企业'), reason: Text('原因', 2, 500) });
export type FlagEnterprise = z.infer<typeof FlagEnterprise>;

const ApplicationDataJson = z
  .record(z.string(), z.unknown(), { error: '申报信息格式有误' })
  .refine((v) => JSON.stringify(v).length <= 100_000, { error: '申报信息过大' });

export const Calculator = z.object({
  programmeId: id('项目').optional(),
  data: ApplicationDataJson.optional(),
  /** The applicant's own draft or returned case being previewed: it is not a "repeat application" of itself. */
  caseId: id('案件').optional(),
});
export type Calculator = z.infer<typeof Calculator>;

export const SaveDraft = z.object({
  caseId: id('案件').optional(),
  programmeId: id('项目'),
  data: ApplicationDataJson,
  documentIds: z.array(id('材料')).max(50, { error: '材料不能超过50份' }).default([]),
});
export type SaveDraft = z.infer<typeof SaveDraft>;

export const CaseRef = z.object({ caseId: id('案件') });
export const AnswerReturn = CaseRef.extend({ answer: Text('答复', 2, 2000) });
export type AnswerReturn = z.infer<typeof AnswerReturn>;

export const PageInput = Pagination;
export const ReviewQueue = Pagination.extend({
  programmeId: id('项目').optional(),
  status: z.enum(CASE_STATUSES).optional(),
});
export type ReviewQueue = z.infer<typeof ReviewQueue>;

export const PublishNotice = z.object({
  caseIds: z
    .array(id('案件'))
    .min(1, { error: '请选择要公示的案件' })
    .max(500, { error: '一次公示不能超过500个案件' }),
  publishedOn: IsoDate,
  title: Text('公示标题', 4, 100),
  objectionContact: Text('异议受理联系方式', 4, 200),
});
export type PublishNotice = z.infer<typeof PublishNotice>;

export const NoticeRef = z.object({ noticeId: id('公示') });
export const ObjectionList = Pagination.extend({
  caseId: id('案件').optional(),
  status: z.enum(['open', 'resolved']).optional(),
});
export type ObjectionList = z.infer<typeof ObjectionList>;

export const ApproveInput = z.object({ caseId: id('案件'), idempotencyKey: IdempotencyKey });
export type ApproveInput = z.infer<typeof ApproveInput>;

export const RecordPayment = z.object({
  disbursementId: id('拨付单'),
  voucherNo: Text('支付凭证号', 1, 64),
  paidOn: IsoDate,
  idempotencyKey: IdempotencyKey,
});
export type RecordPayment = z.infer<typeof RecordPayment>;

export const FinanceQueue = Pagination.extend({
  programmeId: id('项目').optional(),
  status: z.enum(['in_notice', 'approved', 'disbursed']).default('in_notice'),
});
export type FinanceQueue = z.infer<typeof FinanceQueue>;

export const CreateBatch = z.object({
  disbursementIds: z.array(id('拨付单')).min(1, { error: '请选择拨付单' }).max(1000),
});
export type CreateBatch = z.infer<typeof CreateBatch>;
export const BatchRef = z.object({ batchId: id('拨付批次') });

export const RecordRecovery = z.object({
  clawbackId: id('追回记录'),
  amountFen: NonNegativeFen.refine((n) => n > 0, { error: '追回金额应大于0' }),
  receivedOn: IsoDate,
  idempotencyKey: IdempotencyKey,
});
export type RecordRecovery = z.infer<typeof RecordRecovery>;

/** Computed reminders carry non-positive ids (see notifications.service.ts): marking them is a no-op. */
export const MarkRead = z.object({
  ids: z
    .array(z.number({ error: '缺少消息' }).int())
    .max(200)
    .optional(),
});
export type MarkRead = z.infer<typeof MarkRead>;

/** The reviewer's verification worklist: enterprises with something to check (or all, to find one to flag). */
export const VerificationQueue = Pagination.extend({
  q: z.string().trim().max(100, { error: '搜索内容不能超过100个字' }).optional(),
  pendingOnly: z.boolean().default(true),
});
export type VerificationQueue = z.infer<typeof VerificationQueue>;

export const ClawbackList = Pagination.extend({ outstandingOnly: z.boolean().default(false) });
export type ClawbackList = z.infer<typeof ClawbackList>;
