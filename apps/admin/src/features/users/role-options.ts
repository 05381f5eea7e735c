import { ROLE_LABELS, STAFF_ROLES } from '@fund/domain';

/** Staff accounts get staff roles only; applicant and founder accounts come from registration. */
export const STAFF_ROLE_OPTIONS = STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
