/**
 * `pnpm soak` (root) → `pnpm --filter @fund/api soak`: the R1 lifecycle model (src/proof/lifecycle-model.ts) for many
 * runs with a random seed, like TigerBeetle's VOPR (reliability-security.md §5: "nightly job with numRuns: 20000 and a
 * random seed; on failure, log the seed and path").
 *
 *   SOAK_RUNS=20000 (default)   number of runs
 *   SOAK_SEED=<int>             replay a seed (with SOAK_PATH=<path> for the shrunk path fast-check printed)
 *   SOAK_MAX_COMMANDS=25        commands per run
 *   SOAK_RUNS=50                smoke mode, fit for CI (~5 s)
 *
 * Exit 0 when every run kept the invariants; 1 with the seed, the replay path and the shrunk command list otherwise.
 */
import fc from 'fast-check';
import { lifecycleCommandsArb, runLifecycle } from '../src/proof/lifecycle-model';
import { buildTemplate, removeTemplate } from '../src/proof/proof-world';

async function main(): Promise<number> {
  const numRuns = Number(process.env.SOAK_RUNS ?? 20_000);
  const maxCommands = Number(process.env.SOAK_MAX_COMMANDS ?? 25);
  const seed = process.env.SOAK_SEED
    ? Number(process.env.SOAK_SEED)
    : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const path = process.env.SOAK_PATH;
  console.log(
    `soak: ${numRuns} runs of ≤ ${maxCommands} commands, seed=${seed}${path ? ` path=${path}` : ''}`,
  );
  const started = Date.now();
  const template = await buildTemplate();
  let done = 0;
  try {
    await fc.assert(
      fc.asyncProperty(lifecycleCommandsArb(maxCommands), async (cmds) => {
        try {
          await runLifecycle(template, cmds);
        } finally {
          done += 1;
          if (done % 1000 === 0)
            console.log(`  ${done} runs, ${((Date.now() - started) / 1000).toFixed(0)} s`);
        }
      }),
      { numRuns, seed, ...(path ? { path } : {}), endOnFailure: false },
    );
    console.log(
      `soak: OK — ${numRuns} runs in ${((Date.now() - started) / 1000).toFixed(1)} s (seed=${seed})`,
    );
    return 0;
  } catch (e) {
    // fast-check's report names the seed, the replay path and the shrunk (minimal) command sequence.
    console.error(`soak: FAILED (seed=${seed})\n${e instanceof Error ? e.message : String(e)}`);
    console.error(`replay: SOAK_SEED=${seed} SOAK_PATH=<path above> pnpm --filter @fund/api soak`);
    return 1;
  } finally {
    removeTemplate(template);
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
