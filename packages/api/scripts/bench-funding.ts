/**
 * Funding read-path benchmark (issue "Funding"): seeds 20,000 cases into a fresh SQLite file (bulk inserts in
 * transactions, cheap hashing), then measures over HTTP, through the real server and router, sequentially:
 *   - the reviewer queue (`review.queue`, one programme, first page of 20),
 *   - an applicant's case list (`cases.mine`, an enterprise with 200 cases, first page of 20),
 *   - `health` as the raw baseline of the same run (reliability-security.md G6: goals are ratios to a baseline).
 * Target: median < 50 ms. Run: `pnpm --filter @fund/api bench:funding`.
 */
import { performance } from 'node:perf_hooks';
import { TEST_NOW } from '../src/test/account-fixtures';
import { signedIn, startFundingServer, userId } from '../src/modules/funding/test/fixtures';
import { createProgramme } from '../src/modules/funding/test/flow';
import { seedCases } from '../src/modules/funding/test/seed-cases';

const TOTAL = 20_000;
const PROGRAMMES = 4;
const APPLICANT_CASES = 200;
const WARM_UP = 50;
const RUNS = 200;

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  return { median: at(50), p95: at(95), p99: at(99), max: s[s.length - 1]! };
}

async function measure(label: string, call: () => Promise<unknown>) {
  for (let i = 0; i < WARM_UP; i += 1) await call();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    await call();
    times.push(performance.now() - t);
  }
  const r = stats(times);
  console.log(
    `${label.padEnd(34)} median ${r.median.toFixed(2)} ms   p95 ${r.p95.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   max ${r.max.toFixed(2)} ms`,
  );
  return r;
}

async function main() {
  const server = await startFundingServer();
  try {
    const admin = (await signedIn(server, 'admin')).client;
    const reviewerId = userId(server, 'reviewer');
    const applicantId = userId(server, 'applicant');
    const applicantEnterprise = (
      server.sqlite.prepare('select id from enterprise where owner_user_id = ?').get(applicantId) as {
        id: number;
      }
    ).id;
    const programmeIds: number[] = [];
    for (let p = 0; p < PROGRAMMES; p += 1) {
      programmeIds.push(
        await createProgramme(admin, {
          name: `基准测试项目${p + 1}`,
          scheme: 'award-in-lieu-of-investment',
          budgetFen: 1_000_000_000,
        }),
      );
    }
    const seedStart = performance.now();
    const perProgramme = (TOTAL - APPLICANT_CASES) / PROGRAMMES;
    for (const [p, programmeId] of programmeIds.entries()) {
      const versionId = (
        server.sqlite.prepare('select current_version_id v from programme where id = ?').get(programmeId) as {
          v: number;
        }
      ).v;
      const base = {
        programmeId,
        versionId,
        fiscalYear: 2026,
        recommendedBy: reviewerId,
        submittedBy: reviewerId,
        now: TEST_NOW,
      };
      // Mostly waiting for review, the rest further along or still drafts: the queue filters by status.
      await seedCases(server.db, {
        ...base,
        count: perProgramme * 0.6,
        amountFen: () => 30_000_000,
        status: 'submitted',
        tag: `S${p}`,
      });
      await seedCases(server.db, {
        ...base,
        count: perProgramme * 0.3,
        amountFen: () => 30_000_000,
        status: 'recommended',
        tag: `R${p}`,
      });
      await seedCases(server.db, {
        ...base,
        count: perProgramme * 0.1,
        amountFen: () => 30_000_000,
        status: 'draft',
        tag: `D${p}`,
      });
    }
    await seedCases(server.db, {
      programmeId: programmeIds[0]!,
      versionId: (
        server.sqlite
          .prepare('select current_version_id v from programme where id = ?')
          .get(programmeIds[0]!) as { v: number }
      ).v,
      fiscalYear: 2026,
      count: APPLICANT_CASES,
      amountFen: () => 30_000_000,
      status: 'submitted',
      recommendedBy: reviewerId,
      submittedBy: applicantId,
      now: TEST_NOW,
      tag: 'M',
      enterpriseId: applicantEnterprise,
    });
    server.sqlite.pragma('optimize');
    const n = (server.sqlite.prepare('select count(*) n from funding_case').get() as { n: number }).n;
    console.log(`seeded ${n} cases in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    // One HTTP request per call (no batching), with each user's own session cookie.
    const reviewer = server.client({ jar: (await signedIn(server, 'reviewer')).jar, batch: false });
    const applicant = server.client({ jar: (await signedIn(server, 'applicant')).jar, batch: false });
    const baseline = await measure('health (baseline)', () => server.client({ batch: false }).health.query());
    const queue = await measure(`review.queue (20 of ${perProgramme * 0.6} waiting)`, () =>
      reviewer.review.queue.query({ programmeId: programmeIds[1]!, page: 1, pageSize: 20 }),
    );
    const mine = await measure(`cases.mine (20 of ${APPLICANT_CASES})`, () =>
      applicant.cases.mine.query({ page: 1, pageSize: 20 }),
    );
    const deep = await measure('review.queue page 100', () =>
      reviewer.review.queue.query({ programmeId: programmeIds[1]!, page: 100, pageSize: 20 }),
    );
    console.log(
      `ratio to baseline (median): queue ×${(queue.median / baseline.median).toFixed(1)}, mine ×${(mine.median / baseline.median).toFixed(1)}, deep page ×${(deep.median / baseline.median).toFixed(1)}`,
    );
    const ok = queue.median < 50 && mine.median < 50;
    console.log(ok ? 'target met: median < 50 ms' : 'TARGET MISSED: median ≥ 50 ms');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await server.close();
  }
}

await main();
