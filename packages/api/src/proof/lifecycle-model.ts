/**
 * R1 (reliability-security.md §5, §6): the funding case lifecycle as fast-check commands, run through the REAL
 * router and services on a real SQLite file (src/proof/proof-world.ts). Each command predicts its outcome from the
 * model (status, budget, idempotency keys), acts on the real system, compares, and then checks the money invariants
 * against the database itself: ≤ 1 payment per case, paid total = model, committed ≤ allocated + recovered, statuses
 * = model, audit chain verifies. Used by src/proof/lifecycle.model.test.ts (300 runs, CI) and scripts/soak.ts.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { awardData, NOTICE_CONTACT } from '../modules/funding/test/fixtures';
import {
  auditChainProblem,
  ledgerSums,
  moneyViolations,
  PAID_ON,
  PUBLISHED_ON,
  T_FINANCE,
  T_REVIEW,
  openRun,
  type ProofRun,
  type ProofTemplate,
} from './proof-world';
import { verifyAuditChain } from '../audit/audit.service';

type Status =
  | 'submitted'
  | 'returned'
  | 'recommended'
  | 'in_notice'
  | 'approved'
  | 'disbursed'
  | 'clawed_back'
  | 'withdrawn';

interface Stored<T> {
  key: string;
  request: Record<string, unknown>;
  response: T;
}

interface ModelCase {
  id: number;
  status: Status;
  computedFen: number;
  /** The amount currently recommended / published / approved. */
  amountFen: number;
  openObjectionId: number | null;
  approve: Stored<{ caseId: number; disbursementId: number; amountFen: number }> | null;
  pay: Stored<{ paymentId: number; caseId: number; amountFen: number }> | null;
  clawback: { clawbackId: number; amountFen: number; recoveredFen: number } | null;
}

export interface LifecycleModel {
  cases: ModelCase[];
  nextApplicant: number;
  allocatedFen: number;
  committedFen: number;
  paidFen: number;
  recoveredFen: number;
}

export function emptyModel(run: ProofRun): LifecycleModel {
  return {
    cases: [],
    nextApplicant: 0,
    allocatedFen: run.template.allocatedFen,
    committedFen: 0,
    paidFen: 0,
    recoveredFen: 0,
  };
}

type Cmd = fc.AsyncCommand<LifecycleModel, ProofRun>;

/**
 * `pick` chooses a case. Most generated commands AIM (pick >= 0): they choose among the cases in which the
 * command is allowed, so that short runs reach approval, payment and clawback; the others (pick < 0) choose among
 * all cases, so that refusals in the wrong state are exercised too.
 */
function pickCase(
  m: Readonly<LifecycleModel>,
  pick: number,
  allowed?: readonly Status[],
): ModelCase | undefined {
  if (m.cases.length === 0) return undefined;
  const aimed = pick >= 0 && allowed ? m.cases.filter((c) => allowed.includes(c.status)) : [];
  const pool = aimed.length > 0 ? aimed : m.cases;
  return pool[Math.abs(pick) % pool.length];
}

function auditCount(r: ProofRun): number {
  return (r.sqlite.prepare('select count(*) n from audit_event').get() as { n: number }).n;
}

const describe = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : JSON.stringify(e));

function fail(message: string): never {
  throw new Error(message);
}

/** The call must be refused (any tRPC error), with nothing written: the audit log did not grow. */
async function refused(
  r: ProofRun,
  what: string,
  call: () => Promise<unknown>,
  code?: string,
): Promise<void> {
  const before = auditCount(r);
  let error: unknown = null;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  if (error === null) fail(`${what}: expected a refusal, but it succeeded`);
  const cause = (error as { cause?: { code?: string } }).cause;
  if (code !== undefined && cause?.code !== code)
    fail(`${what}: expected ${code}, got ${cause?.code ?? describe(error)}`);
  if (cause?.code === undefined && !(error instanceof Error && error.name === 'TRPCError'))
    fail(`${what}: unexpected non-domain error ${describe(error)}`);
  if (auditCount(r) !== before) fail(`${what}: refused, yet the audit log grew`);
}

function sameJson(what: string, actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    fail(
      `${what}: replay differs\n  got      ${JSON.stringify(actual)}\n  expected ${JSON.stringify(expected)}`,
    );
}

/** The invariants, after every command: the database against the model, and against itself. */
export async function checkInvariants(m: LifecycleModel, r: ProofRun): Promise<void> {
  const violations = await moneyViolations(r.db, r.sqlite, { audit: false });
  const audit = await auditChainProblem(r.db, r.sqlite);
  if (audit) violations.push(`audit chain: ${audit}`);
  if (violations.length > 0) fail(`invariants: ${violations.join('; ')}`);
  const l = ledgerSums(r.sqlite, r.template.programmeId);
  if (l.allocation !== m.allocatedFen) fail(`allocated ${l.allocation} ≠ model ${m.allocatedFen}`);
  if (l.commitment - l.release !== m.committedFen)
    fail(`committed ${l.commitment - l.release} ≠ model ${m.committedFen}`);
  if (l.payment !== m.paidFen) fail(`ledger paid ${l.payment} ≠ model ${m.paidFen}`);
  if (l.recovery !== m.recoveredFen) fail(`recovered ${l.recovery} ≠ model ${m.recoveredFen}`);
  const paid = r.sqlite.prepare('select coalesce(sum(amount_fen), 0) s from payment').get() as { s: number };
  if (paid.s !== m.paidFen) fail(`payments ${paid.s} ≠ model ${m.paidFen}`);
  const rows = r.sqlite
    .prepare('select id, status from funding_case where programme_id = ?')
    .all(r.template.programmeId) as { id: number; status: string }[];
  const byId = new Map(rows.map((x) => [x.id, x.status]));
  if (rows.length !== m.cases.length) fail(`${rows.length} cases in the DB, ${m.cases.length} in the model`);
  for (const c of m.cases)
    if (byId.get(c.id) !== c.status) fail(`case ${c.id}: status ${byId.get(c.id)} ≠ model ${c.status}`);
}

const reviewerOf = (r: ProofRun) => r.as(r.template.reviewer, T_REVIEW);
const financeOf = (r: ProofRun) => r.as(r.template.finance, T_FINANCE);

class SubmitNew implements Cmd {
  check = (m: Readonly<LifecycleModel>) => m.nextApplicant < 1_000_000;
  async run(m: LifecycleModel, r: ProofRun) {
    const a = r.template.applicants[m.nextApplicant];
    if (!a) return; // every test enterprise has applied once (one award per enterprise and milestone)
    m.nextApplicant += 1;
    const caller = r.as(r.applicantUser(a), T_REVIEW);
    const { id } = await caller.cases.saveDraft({
      programmeId: r.template.programmeId,
      data: awardData(),
      documentIds: [a.milestoneDocId],
    });
    const s = await caller.cases.submit({ caseId: id });
    if (s.status !== 'submitted' || !(s.computedAmountFen > 0)) fail(`submit: ${JSON.stringify(s)}`);
    m.cases.push({
      id,
      status: 'submitted',
      computedFen: s.computedAmountFen,
      amountFen: s.computedAmountFen,
      openObjectionId: null,
      approve: null,
      pay: null,
      clawback: null,
    });
    await checkInvariants(m, r);
  }
  toString = () => 'submit';
}

class Return implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<LifecycleModel>) => m.cases.length > 0;
  async run(m: LifecycleModel, r: ProofRun) {
    const c = pickCase(m, this.pick, ['submitted'])!;
    const call = () =>
      reviewerOf(r).review.returnForCorrection({ caseId: c.id, reason: '请补充融资款到账的银行回单' });
    if (c.status === 'submitted') {
      await call();
      c.status = 'returned';
    } else await refused(r, `return #${c.id} (${c.status})`, call);
    await checkInvariants(m, r);
  }
  toString = () => `return(#${this.pick})`;
}

class Resubmit implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<LifecycleModel>) => m.cases.length > 0;
  async run(m: LifecycleModel, r: ProofRun) {
    const c = pickCase(m, this.pick, ['returned'])!;
    const index = m.cases.indexOf(c);
    const applicant = r.template.applicants[index]!;
    const caller = r.as(r.applicantUser(applicant), T_REVIEW);
    if (c.status === 'returned') {
      await caller.cases.answerReturn({ caseId: c.id, answer: '已补充银行回单，请审核' });
      const s = await caller.cases.resubmit({ caseId: c.id });
      if (s.status !== 'submitted') fail(`resubmit: ${JSON.stringify(s)}`);
      c.status = 'submitted';
      c.computedFen = s.computedAmountFen;
      c.amountFen = s.computedAmountFen;
    } else await refused(r, `resubmit #${c.id} (${c.status})`, () => caller.cases.resubmit({ caseId: c.id }));
    await checkInvariants(m, r);
  }
  toString = () => `resubmit(#${this.pick})`;
}

class Recommend implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<LifecycleModel>) => m.cases.length > 0;
  async run(m: LifecycleModel, r: ProofRun) {
    const c = pickCase(m, this.pick, ['submitted'])!;
    const call = () => reviewerOf(r).review.recommend({ caseId: c.id, amountFen: c.computedFen });
    if (c.status === 'submitted') {
      await call();
      c.status = 'recommended';
      c.amountFen = c.computedFen;
    } else await refused(r, `recommend #${c.id} (${c.status})`, call);
    await checkInvariants(m, r);
  }
  toString = () => `recommend(#${this.pick})`;
}

class Publish implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<LifecycleModel>) => m.cases.length > 0;
  async run(m: LifecycleModel, r: ProofRun) {
    const c = pickCase(m, this.pick, ['recommended'])!;
    const call = () =>
      reviewerOf(r).notices.publish({
        caseIds: [c.id],
        publishedOn: PUBLISHED_ON,
        title: '2026年度以奖代投拟支持名单公示',
        objectionContact: NOTICE_CONTACT,
      });
    if (c.status === 'recommended') {
      await call();
      c.status = 'in_notice';
    } else await refused(r, `publish #${c.id} (${c.status})`, call);
    await checkInvariants(m, r);
  }
  toString = () => `publish(#${this.pick})`;
}

class Object_ implements Cmd {
  constructor(readonly pick: number) {}
  // One open objection per case at a time keeps the model small; several are covered by funding.test.ts.
  check = (m: Readonly<LifecycleModel>) =>
    m.cases.length > 0 && pickCase(m, this.pick, ['in_notice'])!.openObjectionId === null;
  async run(m: LifecycleModel, r: ProofRun) {
    const c = pickCase(m, this.pick, ['in_notice'])!;
    const call = () =>
      r.as(null, T_REVIEW).objections.lodge({
        caseId: c.id,
        name: '王建国',
        contact: '13912345678',
        reasons: '该企业申报的股权融资尚未实际到账，请核查',
      });
    if (c.status === 'in_notice') {
      const { objectionId } = await call();
      c.openObjectionId = objectionId;
    } else await refused(r, `object #${c.id} (${c.status})`, call);
    await checkInvariants(m, r);
  }
  toString = () => `object(#${this.pick})`;
}

type Outcome = 'dismissed' | 'upheld-withdraw' | 'upheld-adjust';

class Resolve implements Cmd {
  constructor(
    readonly pick: number,
    readonly outcome: Outcome,
  ) {}
  check = (m: Readonly<LifecycleModel>) => m.cases.some((c) => c.openObjectionId !== null);
  async run(m: LifecycleModel, r: ProofRun) {
    const open = m.cases.filter((c) => c.openObjectionId !== null);
    const c = open[Math.abs(this.pick) % open.length]!;
    const objectionId = c.openObjectionId!;
    const answer = '经核查，答复如下。';
    const adjusted = Math.floor((c.amountFen * 4) / 5);
    const res = await reviewerOf(r).objections.resolve(
      this.outcome === 'upheld-adjust'
        ? { objectionId, outcome: this.outcome, answer, adjustedAmountFen: adjusted }
        : { objectionId, outcome: this.outcome, answer },
    );
    c.openObjectionId = null;
    if (this.outcome === 'upheld-withdraw') c.status = 'withdrawn';
    if (this.outcome === 'upheld-adjust') {
      c.status = 'recommended';
      c.amountFen = adjusted;
    }
    if (res.caseStatus !== c.status)
      fail(`resolve ${this.outcome}: case ${res.caseStatus}, model ${c.status}`);
    await checkInvariants(m, r);
  }
  toString = () => `resolve(#${this.pick},${this.outcome})`;
}

type KeyMode = 'new' | 'retry' | 'reuse-other-body';

class Approve implements Cmd {
  constructor(
    readonly pick: number,
    readonly mode: KeyMode,
  ) {}
  check = (m: Readonly<LifecycleModel>) => m.cases.length > 0;
  async run(m: LifecycleModel, r: ProofRun) {
    const retried = m.cases.filter((x) => x.approve !== null);
    const c =
      this.mode !== 'new' && retried.length > 0
        ? retried[Math.abs(this.pick) % retried.length]!
        : pickCase(m, this.pick, ['in_notice'])!;
    const finance = financeOf(r);
    if (this.mode !== 'new' && c.approve) {
      if (this.mode === 'retry') {
        // The response was lost; the browser retries with the same key: the same answer, no new effect.
        sameJson(
          `approve retry #${c.id}`,
          await finance.finance.approve({ caseId: c.id, idempotencyKey: c.approve.key }),
          c.approve.response,
        );
      } else {
        const other = m.cases.find((x) => x.id !== c.id);
        if (other)
          await refused(
            r,
            `approve key reused for another case`,
            () => finance.finance.approve({ caseId: other.id, idempotencyKey: c.approve!.key }),
            'IDEMPOTENCY.KEY_REUSED',
          );
      }
      await checkInvariants(m, r);
      return;
    }
    const key = randomUUID();
    const call = () => finance.finance.approve({ caseId: c.id, idempotencyKey: key });
    const available = m.allocatedFen + m.recoveredFen - m.committedFen;
    if (c.status === 'in_notice' && c.openObjectionId === null && c.amountFen <= available) {
      const response = await call();
      if (response.amountFen !== c.amountFen)
        fail(`approve: amount ${response.amountFen} ≠ model ${c.amountFen}`);
      c.status = 'approved';
      c.approve = { key, request: { caseId: c.id }, response };
      m.committedFen += c.amountFen;
    } else if (c.status === 'in_notice' && c.openObjectionId === null) {
      await refused(r, `approve #${c.id} over budget`, call, 'FUNDING.BUDGET_EXCEEDED');
    } else {
      await refused(r, `approve #${c.id} (${c.status}, objection ${c.openObjectionId})`, call);
    }
    await checkInvariants(m, r);
  }
  toString = () => `approve(#${this.pick},${this.mode})`;
}

class Pay implements Cmd {
  constructor(
    readonly pick: number,
    readonly mode: KeyMode,
  ) {}
  check = (m: Readonly<LifecycleModel>) => m.cases.some((c) => c.approve !== null);
  async run(m: LifecycleModel, r: ProofRun) {
    const withD = m.cases.filter((c) => c.approve !== null);
    const approved = withD.filter((x) => x.status === 'approved');
    const paid = withD.filter((x) => x.pay !== null);
    const pool =
      this.mode !== 'new' && paid.length > 0
        ? paid
        : this.pick >= 0 && approved.length > 0
          ? approved
          : withD;
    const c = pool[Math.abs(this.pick) % pool.length]!;
    const disbursementId = c.approve!.response.disbursementId;
    const finance = financeOf(r);
    if (this.mode !== 'new' && c.pay) {
      if (this.mode === 'retry') {
        sameJson(
          `pay retry #${c.id}`,
          await finance.finance.recordPayment({
            ...(c.pay.request as { disbursementId: number; voucherNo: string; paidOn: string }),
            idempotencyKey: c.pay.key,
          }),
          c.pay.response,
        );
      } else {
        await refused(
          r,
          `pay key reused with another voucher`,
          () =>
            finance.finance.recordPayment({
              disbursementId,
              voucherNo: 'GK-OTHER',
              paidOn: PAID_ON,
              idempotencyKey: c.pay!.key,
            }),
          'IDEMPOTENCY.KEY_REUSED',
        );
      }
      await checkInvariants(m, r);
      return;
    }
    const key = randomUUID();
    const request = { disbursementId, voucherNo: `GK-${key.slice(0, 8)}`, paidOn: PAID_ON };
    const call = () => finance.finance.recordPayment({ ...request, idempotencyKey: key });
    if (c.status === 'approved') {
      const response = await call();
      if (response.amountFen !== c.amountFen)
        fail(`pay: amount ${response.amountFen} ≠ model ${c.amountFen}`);
      c.status = 'disbursed';
      c.pay = { key, request, response };
      m.paidFen += c.amountFen;
    } else {
      // A second click (new key) on a paid case: refused, however many times.
      await refused(r, `pay #${c.id} (${c.status})`, call, 'FUNDING.ALREADY_PAID');
    }
    await checkInvariants(m, r);
  }
  toString = () => `pay(#${this.pick},${this.mode})`;
}

class ClawBack implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<LifecycleModel>) => m.cases.length > 0;
  async run(m: LifecycleModel, r: ProofRun) {
    const c = pickCase(m, this.pick, ['disbursed'])!;
    const call = () =>
      r.as(r.template.reviewer, T_FINANCE).clawbacks.record({
        caseId: c.id,
        ground: 'false-material',
        reason: '申报的融资协议经核实系伪造',
      });
    if (c.status === 'disbursed') {
      const { clawbackId, amountFen } = await call();
      if (!(amountFen > 0 && amountFen <= c.amountFen))
        fail(`clawback amount ${amountFen} of ${c.amountFen}`);
      c.status = 'clawed_back';
      c.clawback = { clawbackId, amountFen, recoveredFen: 0 };
    } else await refused(r, `clawback #${c.id} (${c.status})`, call);
    await checkInvariants(m, r);
  }
  toString = () => `clawBack(#${this.pick})`;
}

class Recover implements Cmd {
  constructor(
    readonly pick: number,
    readonly percent: number,
  ) {}
  check = (m: Readonly<LifecycleModel>) => m.cases.some((c) => c.clawback !== null);
  async run(m: LifecycleModel, r: ProofRun) {
    const withC = m.cases.filter((c) => c.clawback !== null);
    const cb = withC[Math.abs(this.pick) % withC.length]!.clawback!;
    const amountFen = Math.max(1, Math.floor((cb.amountFen * this.percent) / 100));
    const call = () =>
      financeOf(r).clawbacks.recordRecovery({
        clawbackId: cb.clawbackId,
        amountFen,
        receivedOn: PAID_ON,
        idempotencyKey: randomUUID(),
      });
    if (amountFen <= cb.amountFen - cb.recoveredFen) {
      await call();
      cb.recoveredFen += amountFen;
      m.recoveredFen += amountFen;
    } else
      await refused(
        r,
        `recover ${amountFen} of ${cb.amountFen - cb.recoveredFen}`,
        call,
        'FUNDING.RECOVERY_EXCEEDS_CLAWBACK',
      );
    await checkInvariants(m, r);
  }
  toString = () => `recover(#${this.pick},${this.percent}%)`;
}

/** ≥ 0: aim at a case where the command is allowed (8 in 9); < 0: any case. */
const pick = fc.integer({ min: -1, max: 7 });
const keyMode = fc.constantFrom<KeyMode>('new', 'new', 'retry', 'reuse-other-body');

/**
 * One step forward along the happy path for a case (or a new application): keeps runs of ≤ 25 commands reaching
 * approval, payment, clawback and recovery. It delegates to the command for the case's state, so it checks exactly
 * the same things.
 */
class Advance implements Cmd {
  constructor(readonly pick: number) {}
  check = () => true;
  async run(m: LifecycleModel, r: ProofRun) {
    const open = m.cases.filter(
      (c) => c.status !== 'withdrawn' && !(c.clawback && c.clawback.recoveredFen >= c.clawback.amountFen),
    );
    const c = open.length === 0 || this.pick === 0 ? undefined : open[this.pick % open.length];
    const at = (allowed: Status[]) =>
      c ? Math.max(0, m.cases.filter((x) => allowed.includes(x.status)).indexOf(c)) : 0;
    const step: Cmd | null = !c
      ? new SubmitNew()
      : c.status === 'submitted'
        ? new Recommend(at(['submitted']))
        : c.status === 'returned'
          ? new Resubmit(at(['returned']))
          : c.status === 'recommended'
            ? new Publish(at(['recommended']))
            : c.status === 'in_notice' && c.openObjectionId !== null
              ? new Resolve(m.cases.filter((x) => x.openObjectionId !== null).indexOf(c), 'dismissed')
              : c.status === 'in_notice'
                ? new Approve(at(['in_notice']), 'new')
                : c.status === 'approved'
                  ? new Pay(
                      m.cases.filter((x) => x.approve !== null && x.status === 'approved').indexOf(c),
                      'new',
                    )
                  : c.status === 'disbursed'
                    ? new ClawBack(at(['disbursed']))
                    : c.status === 'clawed_back'
                      ? new Recover(m.cases.filter((x) => x.clawback !== null).indexOf(c), 50)
                      : null;
    if (step) await step.run(m, r);
  }
  toString = () => `advance(#${this.pick})`;
}

const times = <T>(n: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T>[] => Array.from({ length: n }, () => arb);

/** Weighted towards forward steps, so that runs of ≤ 25 commands regularly reach approval, payment and clawback. */
export const lifecycleCommands: fc.Arbitrary<Cmd>[] = [
  ...times(
    12,
    fc.nat({ max: 7 }).map((p) => new Advance(p)),
  ),
  ...times(2, fc.constant(new SubmitNew())),
  pick.map((p) => new Return(p)),
  ...times(
    2,
    pick.map((p) => new Resubmit(p)),
  ),
  ...times(
    3,
    pick.map((p) => new Recommend(p)),
  ),
  ...times(
    3,
    pick.map((p) => new Publish(p)),
  ),
  pick.map((p) => new Object_(p)),
  fc
    .tuple(pick, fc.constantFrom<Outcome>('dismissed', 'upheld-withdraw', 'upheld-adjust'))
    .map(([p, o]) => new Resolve(p, o)),
  ...times(
    3,
    fc.tuple(pick, keyMode).map(([p, k]) => new Approve(p, k)),
  ),
  ...times(
    4,
    fc.tuple(pick, keyMode).map(([p, k]) => new Pay(p, k)),
  ),
  ...times(
    2,
    pick.map((p) => new ClawBack(p)),
  ),
  fc.tuple(pick, fc.integer({ min: 10, max: 120 })).map(([p, pc]) => new Recover(p, pc)),
];

export const MAX_COMMANDS = 25;

export function lifecycleCommandsArb(maxCommands = MAX_COMMANDS) {
  return fc.commands(lifecycleCommands, { maxCommands, size: 'max' });
}

/** One whole model run on a fresh copy of the template; the production verifier walks the full chain at the end. */
export async function runLifecycle(
  template: ProofTemplate,
  cmds: Iterable<fc.AsyncCommand<LifecycleModel, ProofRun>>,
): Promise<void> {
  const real = openRun(template);
  try {
    await fc.asyncModelRun(() => ({ model: emptyModel(real), real }), cmds);
    const full = await verifyAuditChain(real.db);
    if (!full.ok) fail(`audit chain at the end of the run: ${full.message}`);
  } finally {
    await real.close();
  }
}
