/**
 * `pnpm bench` (full, ≈ 5 min) and `pnpm bench:smoke` (CI, < 60 s): performance evidence of the issue "Proof:
 * reliability, security and performance evidence" (reliability-security.md G6, §6 R8).
 *
 * 1. Seeds a district (seed-district.ts: 20,000 enterprises, 60,000 cases over 5 years, 10 centres × 500 desks ×
 *    36 months, 300 mentors, 3,000 pairings) into a temp DATA_DIR.
 * 2. Starts, as child processes: the product (`tsx src/main.ts`, PASSWORD_HASH_PROFILE=fast, LOG_LEVEL=warn) and the raw
 *    baseline (baseline-server.ts: node:http + better-sqlite3, same SQL, same JSON). This process only generates load.
 * 3. Signs in over HTTP (reviewer, applicant, centre manager, finance) and checks that both servers return equal data.
 *    If `auth.signIn` ever requires a second factor (`totp`) for staff, the sign-ins below must supply it.
 * 4. For each read — reviewer queue, applicant's case list, occupancy grid, centre KPI page — baseline vs product:
 *    50 connections → req/s; 10 connections → p50/p99; ratio product/baseline (targets: ≥ 0.3×, p99 < 100 ms).
 * 5. The approval mutation (`finance.approve`): 10 connections, a new case and idempotency key per request → p99
 *    (target < 200 ms); afterwards the database must hold exactly one disbursement per successful request.
 * 6. Sign-in storm: while the four reads run at 10 connections, 20 sign-ins arrive at once for accounts whose hashes
 *    are at OWASP cost (the server's `fast` profile only applies to new hashes; verification uses the stored
 *    parameters) → the reads' p99 during the storm (target < 200 ms).
 * 7. First page: the JS a new visitor downloads before the home page shows (first-page.ts; target ≤ 350 KB gzip).
 * Prints a table and writes it to bench-results/latest.md (gitignored). Numbers are noisy on a shared machine; the
 * ratios are what to compare across runs. Exit code: 1 when a check fails (servers disagree, errors, non-2xx) or, in
 * the full run, when a target is missed; the smoke run never fails on a number (toolchain.md: no throughput in CI).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { needsSecondFactor, totpCode } from '@fund/domain';
import BetterSqlite3 from 'better-sqlite3';
import { REPO_ROOT } from '../../src/env';
import { demoTotpSecret } from '../../src/seed/demo-totp';
import { measureFirstPage, type FirstPage } from './first-page';
import { load, type LoadResult } from './load';
import { FULL_SCALE, seedDistrict, SMOKE_SCALE } from './seed-district';

const smoke = process.argv.includes('--smoke');
/** `--keep`: leave the seeded DATA_DIR in place (its path is printed) to profile or query it afterwards. */
const keep = process.argv.includes('--keep');
const scale = smoke ? SMOKE_SCALE : FULL_SCALE;
const SECONDS = smoke ? 2 : 6;
const WARM_SECONDS = smoke ? 0 : 1;
const API_DIR = join(REPO_ROOT, 'packages/api');
const TSX = join(API_DIR, 'node_modules/.bin/tsx');
const PORTAL_DIST = join(REPO_ROOT, 'apps/portal/dist');
const TARGETS = { readRatio: 0.3, readP99: 100, approveP99: 200, stormP99: 200, firstPageKb: 350 };

// ── child processes: started here, killed by PID on every exit path ──
const children: ChildProcess[] = [];
let tempDir: string | null = null;
function cleanup(): void {
  // Each child is the leader of its own process group (`detached`): tsx runs the server as ITS child, so killing the
  // group ends the server too, not only the tsx wrapper.
  for (const c of children) {
    if (c.pid === undefined) continue;
    try {
      process.kill(-c.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (tempDir && keep) console.log(`kept ${tempDir}`);
  else if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = null;
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanup();
    process.exit(130);
  });
}

function start(
  name: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<RegExpExecArray> {
  const child = spawn(TSX, args, {
    cwd: API_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start in ${timeoutMs} ms:\n${out}\n${err}`)),
      timeoutMs,
    );
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.length > 20_000) err = err.slice(-10_000);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${out}\n${err}`));
    });
  });
}

// ── HTTP helpers ──
const trpcGet = (base: string, path: string, input: unknown) =>
  `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;

/** `totp`: for accounts whose roles require a second factor (the seed gives them the demo secret, demo-totp.ts). */
async function signIn(base: string, username: string, password: string, totp = false): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fund-request': '1' },
    body: JSON.stringify({
      username,
      password,
      ...(totp ? { totp: totpCode(demoTotpSecret(password, username), new Date()) } : {}),
    }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

async function getData(url: string, cookie?: string): Promise<unknown> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  const body = (await res.json()) as { result?: { data?: unknown } };
  if (res.status !== 200) throw new Error(`${url} → ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body.result?.data;
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const problems: string[] = [];
const misses: string[] = [];

interface ReadRow {
  name: string;
  baseline: { rps: LoadResult; lat: LoadResult };
  product: { rps: LoadResult; lat: LoadResult };
}

function checkClean(label: string, r: LoadResult): void {
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0)
    problems.push(`${label}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  console.log(`bench ${smoke ? '(smoke)' : '(full)'}: seeding…`);
  tempDir = mkdtempSync(join(tmpdir(), 'fund-bench-'));
  const seed = await seedDistrict(tempDir, scale);
  console.log(`seeded in ${seed.seconds.toFixed(1)} s: ${JSON.stringify(seed.counts)}`);

  const [productMatch, baselineMatch] = await Promise.all([
    start(
      'product',
      ['src/main.ts'],
      {
        ...seed.env,
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        PASSWORD_HASH_PROFILE: 'fast',
        LOG_LEVEL: 'warn',
        // Two dozen sign-ins from one IP in this run: the defaults (10/account, 50/IP per 15 min) already allow them.
      },
      /企业服务门户 \(portal\):\s+(http:\/\/127\.0\.0\.1:\d+)\//,
    ),
    start(
      'baseline',
      ['scripts/bench/baseline-server.ts'],
      {
        BENCH_DB: join(tempDir, 'fund.db'),
        BENCH_APPLICANT_ENTERPRISE: String(seed.applicantEnterpriseId),
        PORT: '0',
      },
      /\{"port":(\d+)\}/,
    ),
  ]);
  const product = productMatch[1]!;
  const baseline = `http://127.0.0.1:${baselineMatch[1]!}`;
  console.log(`product ${product}, baseline ${baseline}`);

  const cookies = {
    reviewer: await signIn(product, 'reviewer', seed.password, needsSecondFactor(['reviewer'])),
    applicant: await signIn(product, 'applicant', seed.password),
    manager: await signIn(product, 'manager', seed.password, needsSecondFactor(['centre_manager'])),
    finance: await signIn(product, 'finance', seed.password, needsSecondFactor(['finance'])),
  };

  const reads = [
    {
      name: 'reviewer queue (review.queue)',
      path: 'review.queue',
      input: { programmeId: seed.queueProgrammeId, page: 1, pageSize: 20 },
      cookie: cookies.reviewer,
    },
    {
      name: "applicant's cases (cases.mine)",
      path: 'cases.mine',
      input: { page: 1, pageSize: 20 },
      cookie: cookies.applicant,
    },
    {
      name: `occupancy grid (${scale.workstationsPerCentre} desks)`,
      path: 'centres.occupancy.grid',
      input: { centreId: seed.centreId, month: seed.gridMonth },
      cookie: cookies.manager,
    },
    {
      name: `centre KPIs (${scale.months} months)`,
      path: 'centres.kpis.monthly',
      input: { centreId: seed.centreId, from: seed.firstMonth, to: seed.lastMonth },
      cookie: cookies.manager,
    },
  ];

  // Same data from both servers, or the ratio would compare different work.
  for (const r of reads) {
    const [p, b] = await Promise.all([
      getData(trpcGet(product, r.path, r.input), r.cookie),
      getData(trpcGet(baseline, r.path, r.input)),
    ]);
    if (!isDeepStrictEqual(p, b)) problems.push(`${r.path}: product and baseline answers differ`);
    const size = JSON.stringify(p).length;
    console.log(`checked ${r.path}: equal=${isDeepStrictEqual(p, b)}, ${size} bytes of JSON`);
  }

  const rows: ReadRow[] = [];
  for (const r of reads) {
    const measure = async (base: string, cookie?: string) => {
      const url = trpcGet(base, r.path, r.input);
      const headers = cookie ? { cookie } : undefined;
      if (WARM_SECONDS > 0)
        await load({ url, connections: 10, seconds: WARM_SECONDS, ...(headers ? { headers } : {}) });
      const rps = await load({ url, connections: 50, seconds: SECONDS, ...(headers ? { headers } : {}) });
      const lat = await load({ url, connections: 10, seconds: SECONDS, ...(headers ? { headers } : {}) });
      checkClean(`${r.path} ${base === product ? 'product' : 'baseline'}`, rps);
      checkClean(`${r.path} ${base === product ? 'product' : 'baseline'}`, lat);
      return { rps, lat };
    };
    const b = await measure(baseline);
    const p = await measure(product, r.cookie);
    rows.push({ name: r.name, baseline: b, product: p });
    console.log(
      `${r.name}: baseline ${fmt(b.rps.rps)} req/s, product ${fmt(p.rps.rps)} req/s (×${(p.rps.rps / b.rps.rps).toFixed(2)}), product p50 ${p.lat.p50} ms p99 ${p.lat.p99} ms`,
    );
  }

  // ── approval mutation: one pool case per request, new idempotency key each time ──
  let next = 0;
  const approveHeaders = {
    'content-type': 'application/json',
    'x-fund-request': '1',
    cookie: cookies.finance,
  };
  const approve = await load({
    url: `${product}/trpc/finance.approve`,
    connections: 10,
    seconds: SECONDS,
    method: 'POST',
    maxOverallRequests: seed.approvalCaseIds.length,
    requests: [
      {
        method: 'POST',
        path: '/trpc/finance.approve',
        headers: approveHeaders,
        setupRequest: (req) => {
          const caseId = seed.approvalCaseIds[next++];
          if (caseId === undefined) return req; // maxOverallRequests stops before the pool runs out
          return { ...req, body: JSON.stringify({ caseId, idempotencyKey: randomUUID() }) };
        },
      },
    ],
  });
  checkClean('finance.approve', approve);
  const db = new BetterSqlite3(join(tempDir, 'fund.db'), { readonly: true });
  const disbursed = (
    db
      .prepare(`select count(*) n from disbursement where case_id in (${seed.approvalCaseIds.join(',')})`)
      .get() as { n: number }
  ).n;
  const okApprovals = approve.requests - approve.non2xx - approve.errors - approve.timeouts;
  // Requests still in flight when autocannon stops may complete on the server: ok ≤ disbursements ≤ bodies sent.
  if (disbursed < okApprovals || disbursed > next) {
    problems.push(
      `finance.approve: ${okApprovals} successful requests, ${next} sent, but ${disbursed} disbursements`,
    );
  }
  console.log(
    `approval: ${approve.requests} requests, ${fmt(approve.rps)} req/s, p50 ${approve.p50} ms, p99 ${approve.p99} ms, ${disbursed} disbursements`,
  );

  // ── sign-in storm: the four reads at 10 connections, before and during 20 simultaneous OWASP-cost sign-ins ──
  const mix = reads.map((r) => ({
    method: 'GET' as const,
    path: trpcGet('', r.path, r.input),
    headers: { cookie: r.cookie },
  }));
  const quiet = await load({ url: product, connections: 10, seconds: SECONDS, requests: mix });
  checkClean('reads (quiet)', quiet);
  let storm: { seconds: number; ok: number; failed: number } = { seconds: 0, ok: 0, failed: 0 };
  const during = await load({
    url: product,
    connections: 10,
    seconds: 120, // stopped as soon as the last sign-in has answered
    requests: mix,
    onStart: (instance) => {
      void (async () => {
        await new Promise((r) => setTimeout(r, 300));
        const s = performance.now();
        const results = await Promise.allSettled(
          seed.stormUsernames.map((u) => signIn(product, u, seed.stormPassword)),
        );
        storm = {
          seconds: (performance.now() - s) / 1000,
          ok: results.filter((r) => r.status === 'fulfilled').length,
          failed: results.filter((r) => r.status === 'rejected').length,
        };
        await new Promise((r) => setTimeout(r, 200));
        instance.stop();
      })();
    },
  });
  checkClean('reads (storm)', during);
  if (storm.failed > 0) problems.push(`sign-in storm: ${storm.failed} sign-ins failed`);
  console.log(
    `storm: ${storm.ok} sign-ins in ${storm.seconds.toFixed(1)} s; reads p99 ${quiet.p99} ms quiet → ${during.p99} ms during`,
  );

  // ── first page ──
  let firstPage: FirstPage | null = null;
  if (!existsSync(join(PORTAL_DIST, 'index.html'))) {
    console.log('portal not built: pnpm --filter @fund/portal build');
    await new Promise<void>((resolve, reject) => {
      const b = spawn('pnpm', ['--filter', '@fund/portal', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
      children.push(b);
      b.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`portal build failed (${code})`))));
    });
  }
  try {
    firstPage = await measureFirstPage(product, PORTAL_DIST, REPO_ROOT);
  } catch (e) {
    problems.push(`first page: ${e instanceof Error ? e.message : String(e)}`);
  }

  // ── report ──
  const pass = (ok: boolean, what: string) => {
    if (!ok) misses.push(what);
    return ok ? 'pass' : 'FAIL';
  };
  const lines: string[] = [];
  lines.push(
    `# Performance — ${smoke ? 'smoke run (tiny scale, 2 s runs: not a measurement)' : 'full run'}`,
    '',
  );
  lines.push(
    `Seeded: ${scale.enterprises.toLocaleString('en')} enterprises, ${(seed.counts.cases ?? 0).toLocaleString('en')} cases over ${scale.years} years, ` +
      `${scale.centres} centres × ${scale.workstationsPerCentre} desks × ${scale.months} months (${(seed.counts.presence ?? 0).toLocaleString('en')} presence rows), ` +
      `${scale.mentors} mentors, ${scale.pairings.toLocaleString('en')} pairings — in ${seed.seconds.toFixed(1)} s.`,
    '',
  );
  lines.push(
    `Reads: req/s at 50 connections, latency at 10 connections, ${SECONDS} s each, baseline and product in turn.`,
    '',
  );
  lines.push('| endpoint | baseline req/s | product req/s | ratio | p50 ms | p99 ms | target | result |');
  lines.push('|---|---:|---:|---:|---:|---:|---|---|');
  for (const r of rows) {
    const ratio = r.product.rps.rps / r.baseline.rps.rps;
    const ok = ratio >= TARGETS.readRatio && r.product.lat.p99 < TARGETS.readP99;
    lines.push(
      `| ${r.name} | ${fmt(r.baseline.rps.rps)} | ${fmt(r.product.rps.rps)} | ${ratio.toFixed(2)}× | ${r.product.lat.p50} (base ${r.baseline.lat.p50}) | ${r.product.lat.p99} (base ${r.baseline.lat.p99}) | ≥ ${TARGETS.readRatio}×, p99 < ${TARGETS.readP99} | ${pass(ok, r.name)} |`,
    );
  }
  lines.push(
    `| approval (finance.approve), 10 conn. | – | ${fmt(approve.rps)} | – | ${approve.p50} | ${approve.p99} | p99 < ${TARGETS.approveP99} | ${pass(approve.p99 < TARGETS.approveP99, 'approval')} |`,
  );
  lines.push(
    `| 4 reads mixed during ${seed.stormUsernames.length} simultaneous sign-ins (OWASP scrypt), 10 conn. | – | ${fmt(during.rps)} | – | ${during.p50} | ${during.p99} | p99 < ${TARGETS.stormP99} | ${pass(during.p99 < TARGETS.stormP99, 'sign-in storm')} |`,
  );
  lines.push('');
  lines.push(
    `Sign-in storm: ${storm.ok}/${seed.stormUsernames.length} sign-ins answered in ${storm.seconds.toFixed(1)} s (hashes run one at a time, off the event loop); ` +
      `the same read mix without the storm: p50 ${quiet.p50} ms, p99 ${quiet.p99} ms, ${fmt(quiet.rps)} req/s.`,
  );
  lines.push(
    `Approval: ${approve.requests} approvals of distinct cases, ${disbursed} disbursements written (one per successful request).`,
    '',
  );
  if (firstPage) {
    lines.push(
      `First page (JS before the home page shows, ${firstPage.method}${firstPage.note ? `; ${firstPage.note}` : ''}): **${firstPage.gzipKb} KB gzip** ` +
        `(target ≤ ${TARGETS.firstPageKb} KB: ${pass(firstPage.gzipKb <= TARGETS.firstPageKb, 'first page')})` +
        (firstPage.transferredKb !== null
          ? `, ${firstPage.transferredKb} KB as transferred by the server.`
          : '.'),
    );
    lines.push('', '| file | gzip KB | transferred KB |', '|---|---:|---:|');
    for (const f of [...firstPage.files].sort((a, b) => b.gzipBytes - a.gzipBytes)) {
      lines.push(
        `| ${f.name} | ${(f.gzipBytes / 1024).toFixed(1)} | ${f.transferredBytes === null ? '–' : (f.transferredBytes / 1024).toFixed(1)} |`,
      );
    }
    lines.push('');
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  lines.push(
    `Machine: ${availableParallelism()} cores (${cpu}), Node ${process.version}, ${new Date().toISOString()}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')} at the end; total ${((performance.now() - t0) / 1000).toFixed(0)} s. ` +
      'Shared machine: absolute numbers move with whatever else runs; compare the ratios.',
  );
  if (problems.length > 0) lines.push('', '**Problems:**', ...problems.map((p) => `- ${p}`));
  const text = lines.join('\n') + '\n';
  console.log('\n' + text);
  const outDir = join(REPO_ROOT, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, smoke ? 'smoke.md' : 'latest.md'), text);
  console.log(`written to bench-results/${smoke ? 'smoke.md' : 'latest.md'}`);
  process.exitCode = problems.length > 0 || (!smoke && misses.length > 0) ? 1 : 0;
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => {
    cleanup();
    // autocannon/undici keep-alive sockets must not hold the process open.
    setTimeout(() => process.exit(process.exitCode ?? 0), 100).unref();
  });
