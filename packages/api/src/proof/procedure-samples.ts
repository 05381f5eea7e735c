/**
 * One entry per tRPC procedure of the app router: who may call it (the permission action of @fund/domain, or
 * 'public' / 'authed' where the service decides per row) and a valid-shaped sample input that points at an object
 * belonging to ANOTHER enterprise / centre / mentor (see world.ts). The authz matrix, the fuzzer and the
 * personal-data scan all read this table; a procedure missing here fails them with a message saying so.
 */
import { randomUUID } from 'node:crypto';
import { type Action, type Role } from '@fund/domain';
import { enterpriseInput, founderInput, FREE_USCCS } from '../test/account-fixtures';
import { centreInput } from '../modules/centres/centres.fixtures';
import { profile, requestInput } from '../modules/mentoring/mentoring.fixtures';
import { awardData, loanData, NOTICE_CONTACT } from '../modules/funding/test/fixtures';
import { AFTER_NOTICE, type Actor, type WorldIds } from './world';

export type Outcome = 'allow' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';

export interface ProcedureSpec {
  /** `{ action }`: withPermission(action); 'authed': any signed-in user, the service decides per row; 'public'. */
  access: { action: Action } | 'authed' | 'public';
  /** A valid-shaped input (omit for procedures without one). Ids point at someone else's objects. */
  input?: (ids: WorldIds) => unknown;
  /** Roles that hold the permission but do not own the object in the sample: NOT_FOUND. */
  notOwner?: readonly Role[];
  /** Explicit outcomes that the rules above do not give (public procedures, `mine`, per-row services). */
  expect?: Partial<Record<Actor, Outcome>>;
  /** 'fresh': call from a new sign-in of the actor (signOut kills the session; signIn replaces it). */
  session?: 'fresh';
  /** Why an expectation is what it is (printed with a failure). */
  note?: string;
}

const APPLICANT_ONLY: readonly Role[] = ['applicant'];
const MANAGER_ONLY: readonly Role[] = ['centre_manager'];
const MENTOR_ONLY: readonly Role[] = ['mentor'];
/** Per-row services that answer NOT_FOUND to everybody but the parties and staff. */
const NOT_PARTY = { applicant: 'NOT_FOUND', founder: 'NOT_FOUND', centre_manager: 'NOT_FOUND', mentor: 'NOT_FOUND' } as const;
/** Completing / ending a pairing: its parties and mentoring staff; everybody else cannot see it. */
const PAIRING_ACT = { ...NOT_PARTY, finance: 'NOT_FOUND', auditor: 'NOT_FOUND' } as const;
/** Logging, rating and flagging sessions: only the pairing's mentor and mentee (staff included) get past NOT_FOUND. */
const PARTIES_ONLY = { ...PAIRING_ACT, reviewer: 'NOT_FOUND', admin: 'NOT_FOUND' } as const;
const PW = 'demo-pass-phrase-2026';
const reason = '安全测试：越权调用';
const day = AFTER_NOTICE.toISOString().slice(0, 10);

export const PROCEDURE_SPECS: Record<string, ProcedureSpec> = {
  health: { access: 'public' },
  'audit.list': { access: { action: 'audit.view' }, input: () => ({}) },
  'audit.verify': { access: { action: 'audit.view' } },
  // Test-clock controls answer NOT_FOUND outside FUND_TEST_MODE (testing.router.test.ts); here the mode is on.
  'testing.setClock': { access: 'public', input: () => ({ now: AFTER_NOTICE.toISOString(), freeze: true }) },
  'testing.advanceClock': { access: 'public', input: () => ({ ms: 0 }) },

  'auth.signIn': { access: 'public', session: 'fresh', input: () => ({ username: 'auditor', password: PW }) },
  'auth.signOut': { access: 'authed', session: 'fresh' },
  'auth.me': { access: 'public' },
  'auth.changePassword': {
    access: 'authed',
    input: () => ({ currentPassword: 'not the current one', newPassword: 'a brand new pass phrase 2026' }),
    note: 'wrong current password: BAD_REQUEST after the auth check',
  },
  // The second factor: any signed-in user may ask for its status; setting one up is for staff accounts only.
  'auth.totp.status': { access: 'authed' },
  'auth.totp.begin': {
    access: 'authed',
    expect: { applicant: 'FORBIDDEN', founder: 'FORBIDDEN' },
    note: 'staff only; an already set-up factor answers CONFLICT after the auth check',
  },
  'auth.totp.confirm': {
    access: 'authed',
    input: () => ({ code: '000000' }),
    expect: { applicant: 'FORBIDDEN', founder: 'FORBIDDEN' },
    note: 'staff only; a wrong code or nothing pending answers BAD_REQUEST/CONFLICT after the auth check',
  },
  'auth.totp.regenerateRecoveryCodes': {
    access: 'authed',
    input: () => ({ code: '000000' }),
    note: 'a wrong code answers BAD_REQUEST; an account without a second factor CONFLICT',
  },

  'registration.privacyNotice': { access: 'public' },
  'registration.checkUscc': { access: 'public', input: () => ({ uscc: '91430602MA4L1A2B9Q' }) },
  // Taken USCC and username: CONFLICT for everybody, never a new account in the middle of the matrix.
  'registration.registerEnterprise': { access: 'public', input: () => enterpriseInput({ uscc: FREE_USCCS[0] }) },
  'registration.registerFounder': { access: 'public', input: () => founderInput() },
  'registration.reportDispute': {
    access: 'public',
    input: () => ({
      uscc: '91430602MA4L1A2B9Q',
      contactName: '王五',
      contactMobile: '13812345678',
      description: '该统一社会信用代码被他人冒用注册，请核查。',
    }),
  },

  'enterprises.mine': { access: { action: 'enterprise.viewOwn' } },
  'enterprises.list': { access: { action: 'enterprise.list' }, input: () => ({}) },
  'enterprises.get': {
    access: 'authed',
    input: (w) => ({ id: w.enterpriseA }),
    expect: { applicant: 'NOT_FOUND', founder: 'FORBIDDEN', centre_manager: 'FORBIDDEN', mentor: 'FORBIDDEN' },
    note: 'staff with enterprise.list read any enterprise; an applicant only its own; other roles none',
  },
  'enterprises.registerByStaff': {
    access: { action: 'enterprise.registerByStaff' },
    input: () => {
      const { username: _u, password: _p, privacyConsentVersion: _c, ...rest } = enterpriseInput({ uscc: '91430602MA4L1A2B9Q' });
      return { ...rest, overrideReason: '' };
    },
  },

  'founders.mine': { access: { action: 'founder.viewOwn' } },
  'founders.list': { access: { action: 'founder.list' }, input: () => ({}) },

  'users.list': { access: { action: 'user.manage' }, input: () => ({}) },
  'users.create': {
    access: { action: 'user.manage' },
    input: () => ({ username: `matrix.${Date.now() % 100000}`, displayName: '矩阵测试', roles: ['auditor'], password: 'temporary pass phrase 9' }),
  },
  'users.setRoles': { access: { action: 'user.manage' }, input: (w) => ({ userId: w.spareUser, roles: ['reviewer'] }) },
  'users.disable': { access: { action: 'user.manage' }, input: (w) => ({ userId: w.spareUser, reason }) },
  'users.enable': { access: { action: 'user.manage' }, input: (w) => ({ userId: w.spareUser, reason }) },
  'users.resetPassword': { access: { action: 'user.manage' }, input: (w) => ({ userId: w.spareUser, reason }) },
  'users.unlock': { access: { action: 'user.manage' }, input: (w) => ({ userId: w.spareUser, reason }) },
  'users.resetSecondFactor': { access: { action: 'user.manage' }, input: (w) => ({ userId: w.spareUser, reason }) },

  'programmes.create': {
    access: { action: 'programme.manage' },
    input: () => ({
      name: '矩阵测试项目',
      fiscalYear: 2026,
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
      parameters: { scheme: 'award-in-lieu-of-investment' },
      guidelines: '申报指南',
    }),
  },
  'programmes.newVersion': {
    access: { action: 'programme.manage' },
    input: (w) => ({ programmeId: w.loanProgramme, parameters: { scheme: 'loan-interest-subsidy', mode: 'lpr-spread' } }),
  },
  'programmes.list': { access: { action: 'programme.view' } },
  'programmes.get': { access: { action: 'programme.view' }, input: (w) => ({ programmeId: w.loanProgramme }) },
  'programmes.open': { access: 'public' },
  'budget.allocate': {
    access: { action: 'budget.manage' },
    input: (w) => ({ programmeId: w.loanProgramme, amountFen: 100, memo: '矩阵测试追加', idempotencyKey: randomUUID() }),
  },

  'verification.mine': { access: { action: 'enterprise.viewOwn' } },
  'verification.queue': { access: { action: 'enterprise.verify' }, input: () => ({}) },
  'verification.ofEnterprise': { access: { action: 'enterprise.list' }, input: (w) => ({ enterpriseId: w.enterpriseA }) },
  // Always the caller's own enterprise (no id in the input).
  'verification.submitBankAccount': {
    access: { action: 'application.apply' },
    input: () => ({ bank: '中国银行岳阳分行', accountName: '岳阳测试科技有限公司', accountNumber: '6216 6100 0000 1234 567' }),
  },
  'verification.verifyBankAccount': {
    access: { action: 'enterprise.verify' },
    input: (w) => ({ accountId: w.bankAccountA, decision: 'verified', reason: '开户许可证与户名一致' }),
  },
  'verification.verifyEnterprise': {
    access: { action: 'enterprise.verify' },
    input: (w) => ({ enterpriseId: w.enterpriseA, licenceDocumentId: w.licenceDocA, registeredDistrictCode: '430602', note: '营业执照核验' }),
  },
  'verification.flagDishonest': { access: { action: 'enterprise.flag' }, input: (w) => ({ enterpriseId: w.enterpriseA, reason }) },
  'verification.clearDishonest': { access: { action: 'enterprise.flag' }, input: (w) => ({ enterpriseId: w.enterpriseA, reason }) },

  'cases.calculator': { access: { action: 'application.apply' }, input: (w) => ({ programmeId: w.awardProgramme, data: awardData() }) },
  'cases.saveDraft': {
    access: { action: 'application.apply' },
    input: (w) => ({ caseId: w.caseLoan, programmeId: w.loanProgramme, data: loanData() }),
    notOwner: APPLICANT_ONLY,
  },
  'cases.submit': { access: { action: 'application.apply' }, input: (w) => ({ caseId: w.caseLoan }), notOwner: APPLICANT_ONLY },
  'cases.answerReturn': {
    access: { action: 'application.apply' },
    input: (w) => ({ caseId: w.caseLoan, answer: '已补充材料' }),
    notOwner: APPLICANT_ONLY,
  },
  'cases.resubmit': { access: { action: 'application.apply' }, input: (w) => ({ caseId: w.caseLoan }), notOwner: APPLICANT_ONLY },
  'cases.withdraw': {
    access: { action: 'application.apply' },
    input: (w) => ({ caseId: w.caseLoan, reason }),
    notOwner: APPLICANT_ONLY,
  },
  'cases.mine': { access: { action: 'application.apply' }, input: () => ({}) },
  'cases.get': { access: 'authed', input: (w) => ({ caseId: w.caseLoan }), expect: NOT_PARTY },

  // Notifications are always the caller's own (ids of other users' messages are ignored).
  'notifications.list': { access: 'authed', input: () => ({}) },
  'notifications.unreadCount': { access: 'authed' },
  'notifications.markRead': { access: 'authed', input: () => ({ ids: [1, 2, 3] }) },

  'review.queue': { access: { action: 'application.review' }, input: () => ({}) },
  'review.returnForCorrection': { access: { action: 'application.review' }, input: (w) => ({ caseId: w.caseLoan, reason }) },
  'review.reject': { access: { action: 'application.review' }, input: (w) => ({ caseId: w.caseLoan, reason }) },
  'review.recommend': { access: { action: 'application.review' }, input: (w) => ({ caseId: w.caseLoan, amountFen: 100 }) },

  'notices.publish': {
    access: { action: 'notice.publish' },
    input: (w) => ({ caseIds: [w.caseLoan], publishedOn: day, title: '矩阵测试公示', objectionContact: NOTICE_CONTACT }),
  },
  'notices.previewPeriod': {
    access: { action: 'notice.publish' },
    input: () => ({ publishedOn: day, workingDays: 5 }),
  },
  'notices.publicList': { access: 'public', input: () => ({}) },
  'notices.publicGet': { access: 'public', input: (w) => ({ noticeId: w.noticeId }) },
  'objections.lodge': {
    access: 'public',
    input: (w) => ({ caseId: w.caseLoan, name: '张三', contact: '13812345678', reasons: '异议理由：材料存疑，请核查。' }),
  },
  'objections.list': { access: { action: 'notice.publish' }, input: () => ({}) },
  'objections.resolve': {
    access: { action: 'notice.publish' },
    input: (w) => ({ objectionId: w.objectionId, outcome: 'dismissed', answer: '经核查，异议不成立。' }),
  },

  'finance.queue': { access: { action: 'application.approve' }, input: () => ({}) },
  'finance.approve': { access: { action: 'application.approve' }, input: (w) => ({ caseId: w.caseAward, idempotencyKey: randomUUID() }) },
  'finance.refuse': { access: { action: 'application.approve' }, input: (w) => ({ caseId: w.caseAward, reason }) },
  'finance.createBatch': { access: { action: 'payment.record' }, input: (w) => ({ disbursementIds: [w.disbursementId] }) },
  'finance.exportBatch': { access: { action: 'payment.record' }, input: (w) => ({ batchId: w.batchId }) },
  'finance.recordPayment': {
    access: { action: 'payment.record' },
    input: (w) => ({ disbursementId: w.disbursementId, voucherNo: 'GK-MATRIX', paidOn: day, idempotencyKey: randomUUID() }),
  },
  'clawbacks.record': {
    access: { action: 'application.review' },
    input: (w) => ({ caseId: w.caseAward, ground: 'false-material', reason }),
  },
  'clawbacks.list': { access: { action: 'programme.view' }, input: () => ({}) },
  'clawbacks.recordRecovery': {
    access: { action: 'payment.record' },
    input: (w) => ({ clawbackId: w.clawbackId, amountFen: 1, receivedOn: day, idempotencyKey: randomUUID() }),
  },

  'centres.list': { access: { action: 'centre.view' } },
  'centres.get': { access: { action: 'centre.view' }, input: (w) => ({ centreId: w.centreA }), notOwner: MANAGER_ONLY },
  'centres.targets': { access: { action: 'centre.view' } },
  'centres.create': { access: { action: 'centre.manage' }, input: () => centreInput('矩阵测试中心') },
  'centres.update': { access: { action: 'centre.manage' }, input: (w) => ({ ...centreInput('南湖创业创新中心'), centreId: w.centreB }) },
  'centres.assignManager': { access: { action: 'centre.manage' }, input: (w) => ({ centreId: w.centreA, userId: w.spareUser }) },
  'centres.workstations.list': { access: { action: 'centre.view' }, input: (w) => ({ centreId: w.centreA }), notOwner: MANAGER_ONLY },
  'centres.workstations.create': {
    access: { action: 'centre.operate' },
    input: (w) => ({
      centreId: w.centreA,
      workstation: { code: 'Z-900', zone: 'Z区', kind: 'open-desk', designation: 'free', monthlyRentFen: 0 },
    }),
    notOwner: MANAGER_ONLY,
  },
  'centres.workstations.bulkCreate': {
    access: { action: 'centre.operate' },
    input: (w) => ({
      centreId: w.centreA,
      bulk: { codes: 'Z-901', zone: 'Z区', kind: 'open-desk', designation: 'free', monthlyRentFen: 0 },
    }),
    notOwner: MANAGER_ONLY,
  },
  'centres.workstations.retire': {
    access: { action: 'centre.operate' },
    input: (w) => ({ workstationId: w.workstationA, retiredOn: day }),
    notOwner: MANAGER_ONLY,
  },
  'centres.allocations.list': { access: { action: 'centre.view' }, input: (w) => ({ centreId: w.centreA }), notOwner: MANAGER_ONLY },
  'centres.allocations.allocate': {
    access: { action: 'centre.operate' },
    input: (w) => ({
      centreId: w.centreA,
      allocation: { workstationId: w.workstationA, occupant: { type: 'enterprise', enterpriseId: w.enterpriseB }, startsOn: day, terms: 'free' },
    }),
    notOwner: MANAGER_ONLY,
  },
  'centres.allocations.end': { access: { action: 'centre.operate' }, input: (w) => ({ allocationId: w.allocationA, endsOn: day }), notOwner: MANAGER_ONLY },
  'centres.allocations.extend': { access: { action: 'centre.operate' }, input: (w) => ({ allocationId: w.allocationA, endsOn: null }), notOwner: MANAGER_ONLY },
  'centres.allocations.move': {
    access: { action: 'centre.operate' },
    input: (w) => ({ allocationId: w.allocationA, toWorkstationId: w.workstationA, on: day }),
    notOwner: MANAGER_ONLY,
  },
  'centres.occupancy.grid': { access: { action: 'centre.view' }, input: (w) => ({ centreId: w.centreA, month: '2026-11' }), notOwner: MANAGER_ONLY },
  'centres.occupancy.save': {
    access: { action: 'centre.operate' },
    input: (w) => ({ centreId: w.centreA, month: '2026-11', rows: [{ allocationId: w.allocationA, daysPresent: 3 }] }),
    notOwner: MANAGER_ONLY,
  },
  'centres.imports.template': {
    access: { action: 'centre.view' },
    input: (w) => ({ centreId: w.centreA, kind: 'occupancy' }),
    notOwner: MANAGER_ONLY,
  },
  'centres.imports.run': {
    access: { action: 'centre.operate' },
    input: (w) => ({ centreId: w.centreA, kind: 'occupancy', fileName: 'x.csv', contentBase64: Buffer.from('a,b\n').toString('base64') }),
    notOwner: MANAGER_ONLY,
  },
  'centres.events.list': { access: { action: 'centre.view' }, input: (w) => ({ centreId: w.centreA }), notOwner: MANAGER_ONLY },
  'centres.events.create': {
    access: { action: 'centre.operate' },
    input: (w) => ({ centreId: w.centreA, event: { title: '矩阵测试活动', date: '2026-12-01', kind: 'public-interest', attendeeCount: 10 } }),
    notOwner: MANAGER_ONLY,
  },
  'centres.events.recordAttendance': {
    access: { action: 'centre.operate' },
    input: (w) => ({ eventId: w.eventA, attendees: [] }),
    notOwner: MANAGER_ONLY,
  },
  'centres.events.trainingProgress': {
    access: { action: 'centre.view' },
    input: (w) => ({ centreId: w.centreA, year: 2026 }),
    notOwner: MANAGER_ONLY,
  },
  'centres.kpis.monthly': { access: { action: 'centre.view' }, input: (w) => ({ centreId: w.centreA, from: '2026-01', to: '2026-11' }), notOwner: MANAGER_ONLY },
  'centres.kpis.export': { access: { action: 'centre.view' }, input: (w) => ({ centreId: w.centreA, from: '2026-01', to: '2026-11' }), notOwner: MANAGER_ONLY },
  'centres.claims.preview': {
    access: { action: 'centre.view' },
    input: (w) => ({ centreId: w.centreA, period: { kind: 'month', start: '2026-09' } }),
    notOwner: MANAGER_ONLY,
  },
  'centres.claims.submit': {
    access: { action: 'claim.submit' },
    input: (w) => ({ centreId: w.centreA, period: { kind: 'month', start: '2026-09' }, programmeId: w.awardProgramme }),
    notOwner: MANAGER_ONLY,
  },
  'centres.claims.resubmit': { access: { action: 'claim.submit' }, input: (w) => ({ claimId: w.claimA, answer: '补充说明' }), notOwner: MANAGER_ONLY },
  'centres.claims.programmes': { access: { action: 'centre.view' }, input: (w) => ({ centreId: w.centreA }), notOwner: MANAGER_ONLY },
  'centres.claims.list': { access: { action: 'centre.view' }, input: (w) => ({ centreId: w.centreA }), notOwner: MANAGER_ONLY },

  // Policy data is one table for the whole district: no row ownership. Far-future year/date: no effect on the world.
  'policy.calendar.list': { access: { action: 'policy.view' } },
  'policy.calendar.get': { access: { action: 'policy.view' }, input: () => ({ year: 2026 }) },
  'policy.calendar.setYear': {
    access: { action: 'policy.manage' },
    input: () => ({ year: 2035, holidays: ['2035-01-01'], workdays: [], source: '国办发明电〔2034〕1号（测试）' }),
  },
  'policy.calendar.check': { access: { action: 'policy.view' }, input: () => ({ date: '2026-12-04' }) },
  'policy.lpr.list': { access: { action: 'policy.view' } },
  'policy.lpr.add': {
    access: { action: 'policy.manage' },
    input: () => ({ effectiveOn: '2035-01-20', ratePct: '3.00', source: '中国人民银行授权全国银行间同业拆借中心公布（测试）' }),
  },

  'mentoring.mentors.list': { access: { action: 'mentor.manage' }, input: () => ({}) },
  'mentoring.mentors.get': { access: { action: 'mentor.manage' }, input: (w) => ({ id: w.mentorA }) },
  'mentoring.mentors.create': {
    access: { action: 'mentor.manage' },
    input: () => ({ profile: profile({ name: '矩阵导师' }), account: { username: 'mentor', displayName: '矩阵导师', password: 'temporary pass phrase 1' } }),
    expect: { reviewer: 'FORBIDDEN' },
    note: 'creating the mentor AND an account needs user.manage as well (admin); taken username: CONFLICT',
  },
  'mentoring.mentors.mine': { access: { action: 'pairing.respond' } },
  'mentoring.mentors.updateMine': { access: { action: 'pairing.respond' }, input: () => profile({ name: '矩阵导师' }) },
  'mentoring.mentors.setAvailability': {
    access: 'authed',
    input: (w) => ({ mentorId: w.mentorA, availability: 'accepting' }),
    expect: { applicant: 'FORBIDDEN', founder: 'FORBIDDEN', centre_manager: 'FORBIDDEN', finance: 'FORBIDDEN', auditor: 'FORBIDDEN', mentor: 'NOT_FOUND' },
    note: 'staff (mentor.manage) set any mentor; a mentor only their own profile',
  },
  'mentoring.requests.create': { access: { action: 'mentoring.request' }, input: () => requestInput() },
  'mentoring.requests.mine': { access: { action: 'mentoring.request' } },
  'mentoring.requests.get': {
    access: 'authed',
    input: (w) => ({ requestId: w.requestA }),
    expect: { ...NOT_PARTY, centre_manager: 'FORBIDDEN' },
    note: 'mentees and mentors see their own requests, staff and report viewers all',
  },
  'mentoring.requests.queue': { access: { action: 'mentor.manage' } },
  'mentoring.requests.suggestions': { access: { action: 'mentor.manage' }, input: (w) => ({ requestId: w.requestA }) },
  'mentoring.pairings.propose': {
    access: { action: 'mentor.manage' },
    input: (w) => ({ requestId: w.requestA, mentorId: w.mentorB }),
  },
  'mentoring.pairings.accept': { access: { action: 'pairing.respond' }, input: (w) => ({ pairingId: w.pairingA }), notOwner: MENTOR_ONLY },
  'mentoring.pairings.decline': {
    access: { action: 'pairing.respond' },
    input: (w) => ({ pairingId: w.pairingA, reason }),
    notOwner: MENTOR_ONLY,
  },
  'mentoring.pairings.withdraw': { access: { action: 'mentor.manage' }, input: (w) => ({ pairingId: w.pairingA, reason }) },
  'mentoring.pairings.complete': { access: 'authed', input: (w) => ({ pairingId: w.pairingA }), expect: PAIRING_ACT },
  'mentoring.pairings.endEarly': { access: 'authed', input: (w) => ({ pairingId: w.pairingA, reason }), expect: PAIRING_ACT },
  'mentoring.pairings.mine': {
    access: 'authed',
    expect: { centre_manager: 'FORBIDDEN', reviewer: 'FORBIDDEN', finance: 'FORBIDDEN', admin: 'FORBIDDEN', auditor: 'FORBIDDEN' },
    note: 'only mentors and mentees have pairings of their own',
  },
  'mentoring.pairings.list': { access: { action: 'mentor.manage' }, input: () => ({}) },
  'mentoring.pairings.get': {
    access: 'authed',
    input: (w) => ({ pairingId: w.pairingA }),
    expect: { ...NOT_PARTY, centre_manager: 'FORBIDDEN' },
  },
  'mentoring.sessions.log': {
    access: 'authed',
    input: (w) => ({ pairingId: w.pairingA, date: '2026-12-03', durationMinutes: 60, mode: 'online', topics: ['financing'] }),
    expect: PARTIES_ONLY,
  },
  'mentoring.sessions.rate': { access: 'authed', input: (w) => ({ sessionId: w.sessionA, score: 4 }), expect: PARTIES_ONLY },
  'mentoring.sessions.flagPoorFit': {
    access: 'authed',
    input: (w) => ({ pairingId: w.pairingA, reason: '矩阵测试：不匹配' }),
    expect: PARTIES_ONLY,
  },
  'mentoring.sessions.openFlags': { access: { action: 'mentor.manage' } },
  'mentoring.sessions.resolveFlag': { access: { action: 'mentor.manage' }, input: (w) => ({ flagId: w.flagA, resolution: '已沟通解决' }) },
  'mentoring.targets.yearly': { access: { action: 'report.view' }, input: () => ({ year: 2026 }) },
  'mentoring.targets.designateOutstanding': {
    access: { action: 'mentor.manage' },
    input: (w) => ({ year: 2026, requestId: w.requestA, reason: '辅导成效突出' }),
  },
  'mentoring.targets.export': { access: { action: 'report.view' }, input: () => ({ year: 2026 }) },
};

export interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  hasInput: boolean;
}

/** Every procedure of a tRPC router, from its definition (no hand-kept list). */
export function listProcedures(router: { _def: { procedures: Record<string, unknown> } }): ProcedureInfo[] {
  return Object.entries(router._def.procedures).map(([path, p]) => {
    const def = (p as { _def: { type: ProcedureInfo['type']; inputs: unknown[] } })._def;
    return { path, type: def.type, hasInput: def.inputs.length > 0 };
  });
}

/** The spec of a path, or an error telling the developer what to add. */
export function specOf(path: string): ProcedureSpec {
  const spec = PROCEDURE_SPECS[path];
  if (!spec) {
    throw new Error(
      `The procedure "${path}" has no entry in packages/api/src/proof/procedure-samples.ts. Add one: its access ` +
        `(permission action, 'authed' or 'public'), a valid sample input pointing at ANOTHER user's object, and the ` +
        `expected outcome per role where the permission table alone does not decide it.`,
    );
  }
  return spec;
}
