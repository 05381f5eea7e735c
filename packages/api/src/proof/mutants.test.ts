/**
 * Mutation runs for ADR 010: `PROOF_MUTANT=<name> npx vitest run src/proof/mutants.test.ts` runs the R1 model test
 * and the R3 contract test against a deliberately broken copy of one production module (mocked here, nothing in
 * src/ is changed) — every test it imports must then FAIL. Without PROOF_MUTANT (CI) nothing runs.
 *   no-replay               withIdempotency runs the operation again instead of replaying the stored answer
 *   no-budget-check         approval sees an unlimited available budget
 *   payment-without-ledger  recordPayment's ledger entry is not written
 * The race (R2), crash (R4) and audit (R6) proofs carry their own broken variants: test/broken-finance.ts,
 * CRASH_WRITER_MUTANT=ack-early|split (crash-writer.ts), and the tampering in audit-verify.cli.test.ts.
 */
import { describe, it, vi } from 'vitest';
import type * as Idempotency from '../idempotency';
import type * as LedgerQueries from '../modules/funding/ledger.queries';

vi.mock('../idempotency', async (importOriginal) => {
  const real = await importOriginal<typeof Idempotency>();
  if (process.env.PROOF_MUTANT !== 'no-replay') return real;
  return { ...real, withIdempotency: (_trx: unknown, _scope: unknown, fn: () => Promise<unknown>) => fn() };
});

vi.mock('../modules/funding/ledger.queries', async (importOriginal) => {
  const real = await importOriginal<typeof LedgerQueries>();
  if (process.env.PROOF_MUTANT === 'no-budget-check')
    return {
      ...real,
      budgetOf: async (...args: Parameters<typeof real.budgetOf>) => ({
        ...(await real.budgetOf(...args)),
        availableFen: Number.MAX_SAFE_INTEGER,
      }),
    };
  if (process.env.PROOF_MUTANT === 'payment-without-ledger')
    return {
      ...real,
      appendLedgerEntry: async (...args: Parameters<typeof real.appendLedgerEntry>) =>
        args[1].kind === 'payment' ? undefined : real.appendLedgerEntry(...args),
    };
  return real;
});

if (process.env.PROOF_MUTANT) {
  await import('./lifecycle.model.test');
  await import('./idempotency.contract.test');
}

describe('proof mutants (ADR 010)', () => {
  it.skipIf(Boolean(process.env.PROOF_MUTANT))(
    'run with PROOF_MUTANT=<name>; every imported proof must fail',
    () => {},
  );
});
