import type { CaseStatus } from '@fund/domain';

/** Tag colours of the case statuses (the words themselves are the domain's CASE_STATUS_LABELS). */
export const CASE_STATUS_COLORS: Readonly<Record<CaseStatus, string>> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  recommended: 'cyan',
  in_notice: 'purple',
  approved: 'blue',
  disbursed: 'success',
  rejected: 'error',
  withdrawn: 'default',
  clawed_back: 'magenta',
};

/** The road to payment as the applicant sees it; where a case stands on it (closed cases are shown apart). */
export const CASE_PROGRESS_STEPS = ['填写申报', '审核', '公示', '财政审批', '已拨付'] as const;

export const CASE_PROGRESS: Readonly<Record<CaseStatus, number | null>> = {
  draft: 0,
  submitted: 1,
  returned: 1,
  recommended: 2,
  in_notice: 2,
  approved: 3,
  disbursed: 4,
  rejected: null,
  withdrawn: null,
  clawed_back: null,
};

/** What happens next, in the applicant's words. */
export const CASE_NEXT_STEP: Readonly<Record<CaseStatus, string | null>> = {
  draft: '草稿尚未提交：请完成申报信息和材料，确认金额后提交。',
  submitted: '已提交，等待主管部门审核；审核中如需补正，会退回并通过消息通知您。',
  returned: '申报被退回修改：请按意见答复并重新提交。',
  recommended: '审核通过，已推荐；即将向社会公示。',
  in_notice: null,
  approved: '公示期满，区财政局已审批，等待拨付到企业收款账户。',
  disbursed: null,
  rejected: null,
  withdrawn: null,
  clawed_back: null,
};
