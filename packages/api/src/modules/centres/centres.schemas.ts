/**
 * Inputs of the centres procedures that the domain does not declare (the domain owns workstations, allocations,
 * events and claims: those schemas are reused from @fund/domain and only wrapped with the centre they act on).
 * Chinese messages throughout; the admin console validates its forms with the same schemas through the router type.
 */
import {
  AllocateWorkstation,
  BulkWorkstationInput,
  CentreClaimPeriod,
  CentreEventInput,
  IsoDate,
  Pagination,
  WorkstationInput,
  WORKSTATION_DESIGNATIONS,
} from '@fund/domain';
import { z } from 'zod';

export const CENTRE_KINDS = ['innovation-centre', 'sme-park', 'startup-base', 'ecommerce-logistics-park'] as const;
export const CENTRE_KIND_LABELS: Record<(typeof CENTRE_KINDS)[number], string> = {
  'innovation-centre': '创业创新中心',
  'sme-park': '小企业产业园',
  'startup-base': '创业基地',
  'ecommerce-logistics-park': '电商快递物流园',
};
export const RECOGNITION_LEVELS = ['national', 'provincial', 'municipal', 'district'] as const;
export const RECOGNITION_LEVEL_LABELS: Record<(typeof RECOGNITION_LEVELS)[number], string> = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
  district: '区级',
};
/** Policy target of domain-rules.md §6: 5–10 recognised centres in the district. */
export const RECOGNISED_CENTRES_TARGET = { min: 5, max: 10 } as const;

const text = (what: string, min: number, max: number) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(min, { error: min <= 1 ? `请填写${what}` : `${what}至少 ${min} 个字` })
    .max(max, { error: `${what}最长 ${max} 个字` });
const Id = (what: string) =>
  z.number({ error: `请选择${what}` }).int({ error: `请选择${what}` }).positive({ error: `请选择${what}` });
export const YearMonth = z.string({ error: '请选择月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, {
  error: '月份应为 YYYY-MM 格式（如 2026-03）',
});

export const CentreRef = z.object({ centreId: Id('创业创新中心') });
export type CentreRef = z.infer<typeof CentreRef>;

export const FacilityInput = z.object({
  kind: z.enum(['broadband', 'equipment'], { error: '请选择设施类型（宽带或共享设备）' }),
  name: text('设施名称', 1, 100),
  description: z.string().trim().max(500, { error: '说明最长 500 个字' }).default(''),
  quantity: z.number({ error: '数量应为整数' }).int({ error: '数量应为整数' }).min(0, { error: '数量不能为负数' }).default(1),
});

const CentreFields = z.object({
  name: text('中心名称', 2, 100),
  kind: z.enum(CENTRE_KINDS, { error: '请选择载体类型' }),
  address: text('地址', 1, 200),
  operator: text('运营单位', 1, 100),
  /** The operating company as a registered enterprise (the payee of service claims); null until registered. */
  operatorEnterpriseId: Id('运营单位企业').nullable().default(null),
  floorAreaM2: z
    .number({ error: '面积应为整数平方米' })
    .int({ error: '面积应为整数平方米' })
    .min(0, { error: '面积不能为负数' })
    .max(10_000_000, { error: '面积过大' }),
  recognitionLevel: z.enum(RECOGNITION_LEVELS, { error: '请选择认定级别' }).nullable().default(null),
  recognisedOn: IsoDate.nullable().default(null),
  facilities: z.array(FacilityInput).max(100, { error: '设施最多 100 项' }).default([]),
});
const recognitionPair = (v: { recognitionLevel: unknown; recognisedOn: unknown }, ctx: z.RefinementCtx) => {
  if ((v.recognitionLevel === null) !== (v.recognisedOn === null)) {
    ctx.addIssue({ code: 'custom', path: ['recognisedOn'], message: '认定级别和认定日期须同时填写或同时留空' });
  }
};
export const CentreInput = CentreFields.superRefine(recognitionPair);
export type CentreInput = z.infer<typeof CentreInput>;
export const UpdateCentre = CentreFields.extend({ centreId: Id('创业创新中心') }).superRefine(recognitionPair);
export type UpdateCentre = z.infer<typeof UpdateCentre>;

export const AssignManager = z.object({
  centreId: Id('创业创新中心'),
  userId: Id('管理员账号'),
  /** true: remove the manager from the centre. */
  remove: z.boolean().default(false),
});
export type AssignManager = z.infer<typeof AssignManager>;

// ─── workstations ──────────────────────────────────────────────────────────────────────────────────────────────

export const WORKSTATION_STATUSES = ['in-service', 'retired', 'allocated', 'vacant'] as const;
export const WorkstationListQuery = Pagination.extend({
  centreId: Id('创业创新中心'),
  zone: z.string().trim().max(50).optional(),
  designation: z.enum(WORKSTATION_DESIGNATIONS).optional(),
  /** allocated / vacant are judged on `on` (default: today). */
  status: z.enum(WORKSTATION_STATUSES).optional(),
  on: IsoDate.optional(),
});
export type WorkstationListQuery = z.infer<typeof WorkstationListQuery>;

export const CreateWorkstation = z.object({
  centreId: Id('创业创新中心'),
  workstation: WorkstationInput,
  inServiceFrom: IsoDate.optional(),
});
export type CreateWorkstation = z.infer<typeof CreateWorkstation>;

export const BulkCreateWorkstations = z.object({
  centreId: Id('创业创新中心'),
  bulk: BulkWorkstationInput,
  inServiceFrom: IsoDate.optional(),
});
export type BulkCreateWorkstations = z.infer<typeof BulkCreateWorkstations>;

export const RetireWorkstation = z.object({ workstationId: Id('工位'), retiredOn: IsoDate });
export type RetireWorkstation = z.infer<typeof RetireWorkstation>;

// ─── allocations ───────────────────────────────────────────────────────────────────────────────────────────────

export const AllocationListQuery = Pagination.extend({
  centreId: Id('创业创新中心'),
  workstationId: Id('工位').optional(),
  /** Only allocations covering this day. */
  on: IsoDate.optional(),
});
export type AllocationListQuery = z.infer<typeof AllocationListQuery>;

export const Allocate = z.object({ centreId: Id('创业创新中心'), allocation: AllocateWorkstation });
export type Allocate = z.infer<typeof Allocate>;
export const EndAllocation = z.object({ allocationId: Id('分配记录'), endsOn: IsoDate });
export type EndAllocation = z.infer<typeof EndAllocation>;
export const ExtendAllocation = z.object({ allocationId: Id('分配记录'), endsOn: IsoDate.nullable() });
export type ExtendAllocation = z.infer<typeof ExtendAllocation>;
export const MoveAllocation = z.object({ allocationId: Id('分配记录'), toWorkstationId: Id('目标工位'), on: IsoDate });
export type MoveAllocation = z.infer<typeof MoveAllocation>;

// ─── occupancy ─────────────────────────────────────────────────────────────────────────────────────────────────

export const OccupancyGridQuery = z.object({ centreId: Id('创业创新中心'), month: YearMonth });
export type OccupancyGridQuery = z.infer<typeof OccupancyGridQuery>;

export const PresenceRow = z
  .object({
    allocationId: Id('分配记录'),
    daysPresent: z
      .number({ error: '在驻天数应为整数' })
      .int({ error: '在驻天数应为整数' })
      .min(0, { error: '在驻天数不能为负数' })
      .max(31, { error: '在驻天数不能超过 31 天' })
      .nullable()
      .default(null),
    attested: z.boolean().default(false),
  })
  .refine((r) => r.daysPresent !== null || r.attested, { error: '请填写在驻天数，或勾选整月在驻确认' });
export type PresenceRow = z.infer<typeof PresenceRow>;

export const SaveOccupancy = z.object({
  centreId: Id('创业创新中心'),
  month: YearMonth,
  rows: z.array(PresenceRow).min(1, { error: '没有需要保存的出勤记录' }).max(2000, { error: '一次最多保存 2000 行' }),
});
export type SaveOccupancy = z.infer<typeof SaveOccupancy>;

// ─── imports ───────────────────────────────────────────────────────────────────────────────────────────────────

export const IMPORT_KINDS = ['occupancy', 'allocations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
/** Decoded file size limit; base64 in JSON stays under Fastify's 1 MiB body limit. */
export const MAX_IMPORT_BYTES = 700 * 1024;

export const ImportTemplateQuery = z.object({
  centreId: Id('创业创新中心'),
  kind: z.enum(IMPORT_KINDS, { error: '请选择导入类型（出勤或工位分配）' }),
  format: z.enum(['xlsx', 'csv'], { error: '请选择文件格式（xlsx 或 csv）' }).default('xlsx'),
});
export type ImportTemplateQuery = z.infer<typeof ImportTemplateQuery>;

export const RunImport = z.object({
  centreId: Id('创业创新中心'),
  kind: z.enum(IMPORT_KINDS, { error: '请选择导入类型（出勤或工位分配）' }),
  fileName: z.string().trim().min(1, { error: '缺少文件名' }).max(200, { error: '文件名过长' }),
  /** The file's bytes, base64 (ADR 007: tRPC mutation rather than multipart). */
  contentBase64: z
    .string({ error: '请选择要导入的文件' })
    .min(1, { error: '请选择要导入的文件' })
    .max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, { error: '文件不能超过 700KB' }),
});
export type RunImport = z.infer<typeof RunImport>;

// ─── events ────────────────────────────────────────────────────────────────────────────────────────────────────

export const EventListQuery = Pagination.extend({
  centreId: Id('创业创新中心'),
  year: z.number().int().min(2000).max(2100).optional(),
});
export type EventListQuery = z.infer<typeof EventListQuery>;

export const CreateEvent = z.object({
  centreId: Id('创业创新中心'),
  event: CentreEventInput,
  speaker: z.string().trim().max(100, { error: '主讲人/导师最长 100 个字' }).default(''),
});
export type CreateEvent = z.infer<typeof CreateEvent>;

export const Attendee = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('enterprise'), enterpriseId: Id('企业') }),
    z.object({ type: z.literal('founder'), founderId: Id('个人创业者') }),
    z.object({ type: z.literal('team'), walkInTeamId: Id('创业团队') }),
    z.object({ type: z.literal('guest'), name: text('签到人姓名', 1, 50) }),
  ],
  { error: '请选择签到人类型' },
);
export type Attendee = z.infer<typeof Attendee>;

export const RecordAttendance = z.object({
  eventId: Id('活动'),
  attendees: z.array(Attendee).max(10_000, { error: '签到人数不能超过 10000' }),
});
export type RecordAttendance = z.infer<typeof RecordAttendance>;

export const TrainingProgressQuery = z.object({
  centreId: Id('创业创新中心'),
  year: z.number({ error: '请选择年份' }).int().min(2000).max(2100),
  sectors: z.array(z.string().trim().min(1).max(30)).max(50).optional(),
});
export type TrainingProgressQuery = z.infer<typeof TrainingProgressQuery>;

// ─── KPIs and claims ───────────────────────────────────────────────────────────────────────────────────────────

export const KpiQuery = z
  .object({ centreId: Id('创业创新中心'), from: YearMonth, to: YearMonth })
  .refine((q) => q.from <= q.to, { error: '起始月份不能晚于结束月份', path: ['to'] });
export type KpiQuery = z.infer<typeof KpiQuery>;

export const ClaimPreview = z.object({ centreId: Id('创业创新中心'), period: CentreClaimPeriod });
export type ClaimPreview = z.infer<typeof ClaimPreview>;
export const SubmitClaim = z.object({
  centreId: Id('创业创新中心'),
  period: CentreClaimPeriod,
  programmeId: Id('申报项目'),
  /** The amount shown in the preview; a mismatch means the logs changed meanwhile (CONFLICT). */
  expectedAmountFen: z.number().int().min(0).optional(),
});
export type SubmitClaim = z.infer<typeof SubmitClaim>;
/** After a reviewer's return: the manager's answer; the claim is recomputed from the corrected logs. */
export const ResubmitClaim = z.object({
  claimId: Id('申报'),
  answer: z.string({ error: '请填写对退回意见的答复' }).trim().min(2, { error: '请填写对退回意见的答复' }).max(1000, { error: '答复最长 1000 个字' }),
});
export type ResubmitClaim = z.infer<typeof ResubmitClaim>;
export const ClaimListQuery = Pagination.extend({ centreId: Id('创业创新中心') });
export type ClaimListQuery = z.infer<typeof ClaimListQuery>;
