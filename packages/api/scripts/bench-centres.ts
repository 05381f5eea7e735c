/**
 * Centres read-path benchmark (issue "Centres"): one centre with 500 workstations and 36 months of allocations and
 * presence (bulk inserts in one transaction), then, over HTTP through the real server and router, sequentially:
 *   - `centres.occupancy.grid` for one month (all 500 workstations with their allocation and presence),
 *   - `centres.kpis.monthly` for 36 months,
 *   - `health` as the raw baseline of the same run (reliability-security.md G6).
 * Warm-up, then 50 runs each; median and p95 in ms. Target: < 300 ms server time. Run: `pnpm --filter @fund/api bench:centres`.
 */
import { performance } from 'node:perf_hooks';
import { maskIdNumber, maskMobile } from '@fund/domain';
import { DEMO_TEST_PASSWORD, idNumber } from '../src/test/account-fixtures';
import { CookieJar } from '../src/test/harness';
import { startCentresWorld } from '../src/modules/centres/centres.fixtures';
import { readCacheOf } from '../src/db/read-cache';
import { clearKpiMemo } from '../src/modules/centres/kpis.service';

const WORKSTATIONS = 500;
const FIRST_MONTH = '2023-11';
const MONTHS = 36;
const WARM_UP = 5;
const RUNS = 50;

function addMonths(month: string, n: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  return { median: at(50), p95: at(95), max: s[s.length - 1]! };
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
  console.log(`${label.padEnd(40)} median ${r.median.toFixed(2)} ms   p95 ${r.p95.toFixed(2)} ms   max ${r.max.toFixed(2)} ms`);
  return r;
}

async function main() {
  const w = await startCentresWorld();
  const { server } = w;
  try {
    const seedStart = performance.now();
    const at = server.clock.now().toISOString();
    const months = Array.from({ length: MONTHS }, (_, i) => addMonths(FIRST_MONTH, i));
    const sqlite = server.sqlite;
    const insertWs = sqlite.prepare(
      `insert into workstation (centre_id, code, zone, kind, designation, monthly_rent_fen, in_service_from, retired_on, created_by, created_at)
       values (?, ?, ?, 'open-desk', ?, ?, '2023-01-01', null, ?, ?)`,
    );
    const insertTeam = sqlite.prepare(
      `insert into walk_in_team (centre_id, team_name, contact_name, school, id_number_enc, id_number_bidx, id_number_masked, mobile_enc, mobile_bidx, mobile_masked, created_by, created_at)
       values (?, ?, '联系人', '湖南理工学院', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertAllocation = sqlite.prepare(
      `insert into allocation (centre_id, workstation_id, occupant_type, walk_in_team_id, terms, starts_on, ends_on, created_by, created_at, updated_at)
       values (?, ?, 'team', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertPresence = sqlite.prepare(
      `insert into presence (allocation_id, month, days_present, attested, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?)`,
    );
    const insertEvent = sqlite.prepare(
      `insert into centre_event (centre_id, title, kind, sector, event_date, speaker, attendee_count, created_by, created_at)
       values (?, ?, ?, ?, ?, '', ?, ?, ?)`,
    );
    let presenceRows = 0;
    let allocationRows = 0;
    sqlite.transaction(() => {
      for (let i = 0; i < WORKSTATIONS; i += 1) {
        const free = i % 10 < 4; // 40% designated free
        const wsId = Number(insertWs.run(w.centreA, `A-${String(i + 1).padStart(3, '0')}`, `${String.fromCharCode(65 + (i % 5))}区`, free ? 'free' : 'preferential', free ? 0 : 50_000, w.managerAId, at).lastInsertRowid);
        // Three occupants a desk, a year each; every 10th desk stays empty for its last year (≈ 93% occupancy).
        for (let y = 0; y < 3; y += 1) {
          if (y === 2 && i % 10 === 9) continue;
          const id = idNumber(`2000${String((i % 12) + 1).padStart(2, '0')}15`, String(100 + ((i * 3 + y) % 900)));
          const mobile = `139${String(i * 3 + y).padStart(8, '0')}`;
          const teamId = Number(
            insertTeam.run(w.centreA, `团队${i}-${y}`, server.pii.encryptField(id), server.pii.blindIndex(`${id}-${i}-${y}`, 'bench'), maskIdNumber(id), server.pii.encryptField(mobile), server.pii.blindIndex(mobile, 'bench'), maskMobile(mobile), w.managerAId, at).lastInsertRowid,
          );
          const startMonth = months[y * 12]!;
          const endMonth = months[y * 12 + 11]!;
          const allocationId = Number(insertAllocation.run(w.centreA, wsId, teamId, free ? 'free' : 'preferential', `${startMonth}-01`, y === 2 ? null : lastDay(endMonth), w.managerAId, at, at).lastInsertRowid);
          allocationRows += 1;
          for (let m = 0; m < 12; m += 1) {
            const attested = (i + m) % 7 === 0;
            insertPresence.run(allocationId, months[y * 12 + m]!, attested ? null : 5 + ((i + m) % 20), attested ? 1 : 0, w.managerAId, at);
            presenceRows += 1;
          }
        }
      }
      for (const [n, month] of months.entries()) {
        for (let e = 0; e < 4; e += 1) {
          insertEvent.run(w.centreA, `活动${month}-${e}`, e % 2 === 0 ? 'public-interest' : 'training-class', e % 2 === 0 ? null : ['电子商务', '现代农业'][n % 2]!, `${month}-${String(5 + e * 5).padStart(2, '0')}`, 8 + e * 3, w.managerAId, at);
        }
      }
    })();
    sqlite.pragma('optimize');
    console.log(`seeded ${WORKSTATIONS} workstations, ${allocationRows} allocations, ${presenceRows} presence rows, ${MONTHS * 4} events in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const jar = new CookieJar();
    await server.client({ jar }).auth.signIn.mutate({ username: 'manager', password: DEMO_TEST_PASSWORD });
    const manager = server.client({ jar, batch: false });
    const grid = await manager.centres.occupancy.grid.query({ centreId: w.centreA, month: months[MONTHS - 1]! });
    const kpis = await manager.centres.kpis.monthly.query({ centreId: w.centreA, from: months[0]!, to: months[MONTHS - 1]! });
    console.log(`grid rows: ${grid.rows.length}; KPI months: ${kpis.months.length}; last month occupancy ${kpis.months[MONTHS - 1]!.occupancyPct}%`);

    const baseline = await measure('health (baseline)', () => server.client({ batch: false }).health.query());
    // Computation cost, not the read cache's (ADR 014): it is emptied before every call, as after any write.
    const readCache = readCacheOf(server.db);
    const g = await measure(`occupancy.grid (${WORKSTATIONS} workstations, 1 month)`, () => {
      readCache?.clear();
      return manager.centres.occupancy.grid.query({ centreId: w.centreA, month: months[20]! });
    });
    const kpiCall = () => {
      readCache?.clear();
      return manager.centres.kpis.monthly.query({ centreId: w.centreA, from: months[0]!, to: months[MONTHS - 1]! });
    };
    // Cold: every month recomputed by the domain (as after a change to the logs, or the first open).
    const kc = await measure(`kpis.monthly (${MONTHS} months, cold)`, () => {
      clearKpiMemo();
      return kpiCall();
    });
    const k = await measure(`kpis.monthly (${MONTHS} months, warm)`, kpiCall);
    const p = await measure('claims.preview (one quarter)', () => manager.centres.claims.preview.query({ centreId: w.centreA, period: { kind: 'quarter', start: '2026-07' } }));
    console.log(`server time ≈ round trip − baseline (median): grid ${(g.median - baseline.median).toFixed(2)} ms, kpis cold ${(kc.median - baseline.median).toFixed(2)} ms, warm ${(k.median - baseline.median).toFixed(2)} ms, preview ${(p.median - baseline.median).toFixed(2)} ms`);
    const ok = g.p95 < 300 && kc.median < 300 && k.p95 < 300;
    console.log(ok ? 'target met: grid p95, cold KPI median and warm KPI p95 < 300 ms (round trip)' : 'TARGET MISSED (see figures)');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await server.close();
  }
}

await main();
