/**
 * Inputs of the mentoring procedures that the domain does not already declare. The domain's own schemas
 * (MentorProfileInput, MenteeRequestInput, SessionLogInput, RatingInput, PoorFitFlagInput) are used as they are.
 */
import {
  CreateStaffUser,
  INDUSTRY_KEYS,
  MENTOR_AVAILABILITIES,
  MENTOR_KINDS,
  MENTOR_TOPICS,
  MentorProfileInput,
  Pagination,
  PAIRING_STATUSES,
  PoorFitFlagInput,
  RatingInput,
  SessionLogInput,
} from '@fund/domain';
import { z } from 'zod';

const id = (label: string) =>
  z
    .number({ error: `缺少${label}` })
    .int({ error: `${label}编号无效` })
    .positive({ error: `${label}编号无效` });

const Reason = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, { error: `请填写${label}（至少 2 个字）` })
    .max(500, { error: `${label}不能超过 500 个字` });

/** The agreed minimum number of sessions when staff do not say otherwise (a form default, stored per pairing). */
export const DEFAULT_MIN_SESSIONS = 4;

export const MentorListQuery = Pagination.extend({
  q: z.string().trim().max(50, { error: '搜索内容不能超过 50 个字' }).optional(),
  kind: z.enum(MENTOR_KINDS, { error: '导师类型无效' }).optional(),
  topic: z.enum(MENTOR_TOPICS, { error: '辅导主题无效' }).optional(),
  industry: z.enum(INDUSTRY_KEYS, { error: '行业无效' }).optional(),
  availability: z.enum(MENTOR_AVAILABILITIES, { error: '接受结对状态无效' }).optional(),
  /** Only mentors with at least one free place. */
  hasRoom: z.boolean().optional(),
});
export type MentorListQuery = z.infer<typeof MentorListQuery>;

export const CreateMentor = z
  .object({
    profile: MentorProfileInput,
    /** An existing account that already holds the mentor role … */
    userId: id('账号').optional(),
    /** … or a new account (admin only), which must change its password at its first sign-in. */
    account: z
      .object({
        username: CreateStaffUser.shape.username,
        displayName: CreateStaffUser.shape.displayName,
        password: CreateStaffUser.shape.password,
      })
      .refine((a) => a.password.toLowerCase() !== a.username, {
        error: '密码不能与用户名相同',
        path: ['password'],
      })
      .optional(),
  })
  .refine((v) => (v.userId === undefined) !== (v.account === undefined), {
    error: '请选择已有的导师账号，或为导师新建账号（二选一）',
    path: ['userId'],
  });
export type CreateMentor = z.infer<typeof CreateMentor>;

export const SetAvailability = z.object({
  /** Staff name the mentor; a mentor leaves it out (its own profile). */
  mentorId: id('导师').optional(),
  availability: z.enum(MENTOR_AVAILABILITIES, { error: '请选择是否接受结对' }),
});
export type SetAvailability = z.infer<typeof SetAvailability>;

export const RequestRef = z.object({ requestId: id('需求') });
export type RequestRef = z.infer<typeof RequestRef>;

export const PairingRef = z.object({ pairingId: id('结对') });
export type PairingRef = z.infer<typeof PairingRef>;

export const ProposePairing = z.object({
  requestId: id('需求'),
  mentorId: id('导师'),
  minSessions: z
    .number({ error: '约定最少辅导次数应为整数' })
    .int({ error: '约定最少辅导次数应为整数' })
    .min(0, { error: '约定最少辅导次数不能为负数' })
    .max(100, { error: '约定最少辅导次数不能超过 100' })
    .default(DEFAULT_MIN_SESSIONS),
});
export type ProposePairing = z.infer<typeof ProposePairing>;

export const PairingWithReason = z.object({ pairingId: id('结对'), reason: Reason('原因') });
export type PairingWithReason = z.infer<typeof PairingWithReason>;

export const PairingListQuery = Pagination.extend({
  status: z.enum(PAIRING_STATUSES, { error: '结对状态无效' }).optional(),
  mentorId: id('导师').optional(),
});
export type PairingListQuery = z.infer<typeof PairingListQuery>;

export const LogSession = SessionLogInput.extend({ pairingId: id('结对') });
export type LogSession = z.infer<typeof LogSession>;

export const RateSession = RatingInput.extend({ sessionId: id('辅导记录') });
export type RateSession = z.infer<typeof RateSession>;

export const FlagPoorFit = PoorFitFlagInput.extend({
  pairingId: id('结对'),
  sessionId: id('辅导记录').optional(),
});
export type FlagPoorFit = z.infer<typeof FlagPoorFit>;

export const ResolveFlag = z.object({ flagId: id('反馈'), resolution: Reason('处理意见') });
export type ResolveFlag = z.infer<typeof ResolveFlag>;

export const YearInput = z.object({
  year: z
    .number({ error: '请选择年度' })
    .int({ error: '年度应为四位数字' })
    .min(2000, { error: '年度应为 2000–2100' })
    .max(2100, { error: '年度应为 2000–2100' }),
});
export type YearInput = z.infer<typeof YearInput>;

export const DesignateOutstanding = YearInput.extend({ requestId: id('需求'), reason: Reason('认定理由') });
export type DesignateOutstanding = z.infer<typeof DesignateOutstanding>;
