/** Steps of the workflow shared by the funding tests, each through the real router. */
import type { TestServer } from '../../../test/harness';
import type { CookieJar } from '../../../test/harness';
import { NOTICE_CONTACT, uploadOk, type Client } from './fixtures';

export const LOAN_DOCS = ['loan-contract', 'loan-drawdown-voucher', 'interest-statement'];
export const AWARD_DOCS = ['milestone-evidence'];

export async function createProgramme(
  admin: Client,
  o: {
    name: string;
    scheme: 'loan-interest-subsidy' | 'award-in-lieu-of-investment';
    budgetFen?: number;
    opensOn?: string;
    closesOn?: string;
  },
): Promise<number> {
  const parameters =
    o.scheme === 'loan-interest-subsidy'
      ? ({ scheme: 'loan-interest-subsidy', mode: 'lpr-spread' } as const)
      : ({ scheme: 'award-in-lieu-of-investment' } as const);
  const { id } = await admin.programmes.create.mutate({
    name: o.name,
    fiscalYear: 2026,
    opensOn: o.opensOn ?? '2026-11-01',
    closesOn: o.closesOn ?? '2026-12-31',
    parameters: parameters,
    guidelines: '申报指南',
  });
  if (o.budgetFen) {
    await admin.budget.allocate.mutate({
      programmeId: id,
      amountFen: o.budgetFen,
      memo: '2026年度预算下达',
      idempotencyKey: crypto.randomUUID(),
    });
  }
  return id;
}

export async function apply(
  server: TestServer,
  applicant: { client: Client; jar: CookieJar },
  programmeId: number,
  data: Record<string, unknown>,
  kinds: string[],
): Promise<number> {
  const documentIds: number[] = [];
  for (const k of kinds) documentIds.push(await uploadOk(server, applicant.jar, k));
  const { id } = await applicant.client.cases.saveDraft.mutate({ programmeId, data, documentIds });
  await applicant.client.cases.submit.mutate({ caseId: id });
  return id;
}

/** Recommended at the computed amount and published today (2026-11-26 in the tests: ends 2026-12-03). */
export async function recommendAndPublish(
  reviewer: Client,
  caseId: number,
  publishedOn = '2026-11-26',
): Promise<{ noticeId: number; endsOn: string }> {
  const c = await reviewer.cases.get.query({ caseId });
  await reviewer.review.recommend.mutate({ caseId, amountFen: c.computedAmountFen! });
  return reviewer.notices.publish.mutate({
    caseIds: [caseId],
    publishedOn,
    title: '2026年度扶持资金拟支持名单公示',
    objectionContact: NOTICE_CONTACT,
  });
}

/** 2026-12-04 10:00 Beijing: the day after a notice published 2026-11-26 for 5 working days ends. */
export const AFTER_NOTICE = new Date('2026-12-04T02:00:00.000Z');
