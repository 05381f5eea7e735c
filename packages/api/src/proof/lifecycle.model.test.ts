/**
 * R1 model-based lifecycle test (reliability-security.md §5/§6): 300 generated command sequences (≤ 25 commands)
 * of submit, return, resubmit, recommend, publish, object, resolve, approve, pay (fresh, retried and reused keys),
 * claw back and recover, through the real router and services on a copy of a pre-seeded SQLite file per run.
 * After every command: ≤ 1 payment per case, paid total = model, committed ≤ allocated + recovered, statuses = model,
 * audit chain verifies. The nightly/long version is `pnpm soak` (scripts/soak.ts).
 */
import { test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { lifecycleCommandsArb, runLifecycle } from './lifecycle-model';
import { buildTemplate, removeTemplate, type ProofTemplate } from './proof-world';

const NUM_RUNS = Number(process.env.MODEL_RUNS ?? 300);

describe('the funding case lifecycle against its model (R1)', () => {
  let template: ProofTemplate;
  beforeAll(async () => {
    template = await buildTemplate();
  }, 60_000);
  afterAll(() => {
    if (template) removeTemplate(template);
  });

  test.prop([lifecycleCommandsArb()], { numRuns: NUM_RUNS })(
    'keeps every money invariant after every command',
    (cmds) => runLifecycle(template, cmds),
    120_000,
  );

  test('the template is what the model assumes', () => {
    expect(template.applicants).toHaveLength(4);
    expect(template.auditEvents).toBeGreaterThan(0);
  });
});
