import { forbidden } from '../errors';

/** domain-rules.md §10. A user may hold several roles; case rules (separation of duties) live with each case. */
export const ROLES = ['applicant', 'founder', 'centre_manager', 'reviewer', 'finance', 'mentor', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  applicant: '企业用户',
  founder: '个人创业者',
  centre_manager: '孵化载体管理员',
  reviewer: '审核经办人',
  finance: '财政局',
  mentor: '创业导师',
  admin: '系统管理员',
  auditor: '审计员',
};

export const STAFF_ROLES: readonly Role[] = ['centre_manager', 'reviewer', 'finance', 'mentor', 'admin', 'auditor'];
/** Roles that must sign in with a second factor (reliability-security.md §4, ASVS 6.3.2). */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['reviewer', 'finance', 'admin'];

/**
 * Permissions are data: action → roles allowed. Anything not listed is denied (deny by default).
 * Row-level rules (own enterprise, own centre, own pairings) are checked again in the services.
 */
export const PERMISSIONS = {
  'enterprise.viewOwn': ['applicant'],
  'enterprise.list': ['reviewer', 'finance', 'admin', 'auditor'],
  'enterprise.registerByStaff': ['reviewer', 'admin'],
  'enterprise.verify': ['reviewer'],
  'enterprise.flag': ['reviewer', 'admin'],
  'enterprise.reassign': ['admin'],
  'founder.viewOwn': ['founder'],
  'founder.list': ['reviewer', 'admin', 'auditor'],
  'pii.unmask': ['reviewer', 'finance', 'admin'],
  'user.manage': ['admin'],
  'audit.view': ['admin', 'auditor'],
  'programme.view': ['reviewer', 'finance', 'admin', 'auditor'],
  'programme.manage': ['admin'],
  'budget.manage': ['admin'],
  'application.apply': ['applicant'],
  'application.review': ['reviewer'],
  'notice.publish': ['reviewer'],
  'application.approve': ['finance'],
  'payment.record': ['finance'],
  'centre.manage': ['admin'],
  'centre.view': ['centre_manager', 'reviewer', 'finance', 'admin', 'auditor'],
  'centre.operate': ['centre_manager'],
  'claim.submit': ['centre_manager'],
  'mentor.manage': ['admin', 'reviewer'],
  'mentoring.request': ['applicant', 'founder'],
  'pairing.respond': ['mentor'],
  'report.view': ['reviewer', 'finance', 'admin', 'auditor'],
  // Working-day calendar and LPR table (domain-rules.md §4, §9): staff read them, the administrator enters them.
  'policy.view': ['centre_manager', 'reviewer', 'finance', 'mentor', 'admin', 'auditor'],
  'policy.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], action: Action): boolean {
  const allowed: readonly Role[] = PERMISSIONS[action];
  return roles.some((r) => allowed.includes(r));
}

export function assertCan(roles: readonly Role[], action: Action): void {
  if (!can(roles, action)) throw forbidden('AUTH.FORBIDDEN', '您没有执行此操作的权限');
}

export function needsSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((r) => SECOND_FACTOR_ROLES.includes(r));
}
