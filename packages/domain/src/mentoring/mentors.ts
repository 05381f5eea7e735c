import { z } from 'zod';
import { INDUSTRY_KEYS } from '../enterprise/industries';
import { conflict, invalid } from '../errors';

/**
 * Mentors and mentee requests (导师制), domain-rules.md §7: 大学生创新创业导师制 and 企业家培育导师制 "传帮带".
 * Mentors are entrepreneurs, university mentors or experts, with industries, topics and a capacity (max active
 * mentees); a mentor may pause (stop accepting) without losing the current mentees.
 */
export const MENTOR_KINDS = ['entrepreneur', 'university', 'expert'] as const;
export type MentorKind = (typeof MENTOR_KINDS)[number];
export const MENTOR_KIND_LABELS: Record<MentorKind, string> = {
  entrepreneur: '企业家导师',
  university: '高校导师',
  expert: '行业专家导师',
};

export const MENTOR_TOPICS = [
  'financing',
  'marketing',
  'technology',
  'management',
  'law',
  'finance-tax',
  'human-resources',
  'e-commerce',
  'intellectual-property',
  'policy',
] as const;
export type MentorTopic = (typeof MENTOR_TOPICS)[number];
export const MENTOR_TOPIC_LABELS: Record<MentorTopic, string> = {
  financing: '融资',
  marketing: '市场营销',
  technology: '技术研发',
  management: '经营管理',
  law: '法律事务',
  'finance-tax': '财务税务',
  'human-resources': '人力资源',
  'e-commerce': '电子商务',
  'intellectual-property': '知识产权',
  policy: '政策申报',
};

export const MENTOR_AVAILABILITIES = ['accepting', 'paused'] as const;
export type MentorAvailability = (typeof MENTOR_AVAILABILITIES)[number];
export const MENTOR_AVAILABILITY_LABELS: Record<MentorAvailability, string> = {
  accepting: '接受结对',
  paused: '暂停接受结对',
};

/**
 * Who is mentored (§7): an enterprise, an individual founder (student or graduate without a business licence), or a
 * named manager of a growth firm (counted towards the "20+ growth-firm managers mentored" target).
 */
export const MENTEE_KINDS = ['enterprise', 'founder', 'growth-firm-manager'] as const;
export type MenteeKind = (typeof MENTEE_KINDS)[number];
export const MENTEE_KIND_LABELS: Record<MenteeKind, string> = {
  enterprise: '企业',
  founder: '个人创业者',
  'growth-firm-manager': '成长型企业经营管理者',
};

/** The mentee's stage: before registration (idea), 初创期 or 成长期 (§3 stages). */
export const MENTEE_STAGES = ['idea', 'startup', 'growth'] as const;
export type MenteeStage = (typeof MENTEE_STAGES)[number];
export const MENTEE_STAGE_LABELS: Record<MenteeStage, string> = {
  idea: '创意筹备期',
  startup: '初创期',
  growth: '成长期',
};

/** Upper bound on a mentor's capacity: mentoring is personal, a mentor with more mentees than this is a class. */
export const MAX_MENTOR_CAPACITY = 20;

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
    .max(max, { error: `${label}不能超过 ${max} 个字` });

const uniqueList = <T extends string>(values: readonly [T, ...T[]], label: string, max: number) =>
  z
    .array(z.enum(values, { error: `请从列表中选择${label}` }), { error: `请选择${label}` })
    .min(1, { error: `请至少选择一个${label}` })
    .max(max, { error: `${label}最多选择 ${max} 个` })
    .refine((xs) => new Set(xs).size === xs.length, { error: `${label}不能重复` });

const Industries = uniqueList(INDUSTRY_KEYS, '行业', 5);
const Topics = uniqueList(MENTOR_TOPICS, '辅导主题', MENTOR_TOPICS.length);

export const MentorProfileInput = z.object({
  name: text('导师姓名', 1, 50),
  kind: z.enum(MENTOR_KINDS, { error: '请选择导师类型（企业家导师、高校导师或行业专家导师）' }),
  organisation: text('工作单位', 1, 100),
  title: text('职务或职称', 0, 50).default(''),
  industries: Industries,
  topics: Topics,
  capacity: z
    .number({ error: '可带教人数应为整数' })
    .int({ error: '可带教人数应为整数' })
    .min(1, { error: '可带教人数至少为 1' })
    .max(MAX_MENTOR_CAPACITY, { error: `可带教人数不能超过 ${MAX_MENTOR_CAPACITY}` }),
  availability: z.enum(MENTOR_AVAILABILITIES, { error: '请选择是否接受结对' }).default('accepting'),
  bio: text('个人简介', 0, 2000).default(''),
});
export type MentorProfileInput = z.infer<typeof MentorProfileInput>;

export const GrowthFirmManager = z.object({
  name: text('经营管理者姓名', 1, 50),
  title: text('经营管理者职务', 1, 50),
});
export type GrowthFirmManager = z.infer<typeof GrowthFirmManager>;

/**
 * A mentee's request for a mentor: what help is needed. `manager` names the growth-firm manager to be mentored when
 * an enterprise asks on a manager's behalf (企业家培育); such a request is for a 成长期 firm.
 */
export const MenteeRequestInput = z
  .object({
    topics: uniqueList(MENTOR_TOPICS, '辅导需求主题', 5),
    industry: z.enum(INDUSTRY_KEYS, { error: '请选择所属行业' }),
    stage: z.enum(MENTEE_STAGES, { error: '请选择发展阶段' }),
    preferredKind: z
      .enum(MENTOR_KINDS, { error: '请选择希望的导师类型，或选择“不限”' })
      .nullable()
      .default(null),
    description: text('需求描述', 10, 2000),
    manager: GrowthFirmManager.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.manager !== null && v.stage !== 'growth') {
      ctx.addIssue({
        code: 'custom',
        path: ['stage'],
        message: '为经营管理者申请“企业家培育”导师的，企业应处于成长期',
      });
    }
  });
export type MenteeRequestInput = z.infer<typeof MenteeRequestInput>;

/**
 * A capacity may be lowered, but not below the places already taken (active + proposed pairings, §7): the mentor
 * would be over capacity with mentees already promised a place.
 */
export function checkCapacityChange(capacity: number, activeCount: number, proposedCount: number): void {
  if (!Number.isSafeInteger(capacity) || capacity < 1 || capacity > MAX_MENTOR_CAPACITY) {
    throw invalid(
      'MENTORING.INVALID_CAPACITY',
      `可带教人数应为 1–${MAX_MENTOR_CAPACITY} 之间的整数，收到 ${String(capacity)}`,
      { capacity },
    );
  }
  const taken = activeCount + proposedCount;
  if (capacity < taken) {
    throw conflict(
      'MENTORING.CAPACITY_BELOW_LOAD',
      `可带教人数不能低于当前已占用的名额（在带 ${activeCount} 人，待确认 ${proposedCount} 人）`,
      { capacity, activeCount, proposedCount },
    );
  }
}
