import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The second-factor columns of an account (secrets still encrypted). */
export interface SecondFactorRow {
  secretEnc: string | null;
  pendingEnc: string | null;
  lastStep: number | null;
  enrolledAt: string | null;
}

export async function findSecondFactor(db: Db, userId: number): Promise<SecondFactorRow | null> {
  const row = await db
    .selectFrom('app_user')
    .select(['totp_secret_enc', 'totp_pending_enc', 'totp_last_step', 'totp_enrolled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    secretEnc: row.totp_secret_enc,
    pendingEnc: row.totp_pending_enc,
    lastStep: row.totp_last_step,
    enrolledAt: row.totp_enrolled_at,
  };
}

export async function setPendingSecret(
  trx: Transaction<Database>,
  userId: number,
  pendingEnc: string,
): Promise<void> {
  await trx.updateTable('app_user').set({ totp_pending_enc: pendingEnc }).where('id', '=', userId).execute();
}

/** The pending secret becomes the active one; `step` is the confirming code's, so that code cannot sign in. */
export async function activateSecret(
  trx: Transaction<Database>,
  userId: number,
  args: { secretEnc: string; step: number; now: Date },
): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({
      totp_secret_enc: args.secretEnc,
      totp_pending_enc: null,
      totp_last_step: args.step,
      totp_enrolled_at: args.now.toISOString(),
    })
    .where('id', '=', userId)
    .execute();
}

/**
 * Records the step of an accepted code, only if it is later than the one stored: 0 rows means another request used
 * this code (or a later one) first — the caller refuses it as a replay. Atomic on its own, whatever the isolation.
 */
export async function advanceLastStep(
  trx: Transaction<Database>,
  userId: number,
  step: number,
): Promise<boolean> {
  const result = await trx
    .updateTable('app_user')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes the second factor (an administrator's reset): the account sets up a new one at its next sign-in. */
export async function clearSecondFactor(trx: Transaction<Database>, userId: number): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({ totp_secret_enc: null, totp_pending_enc: null, totp_last_step: null, totp_enrolled_at: null })
    .where('id', '=', userId)
    .execute();
  await trx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
}

/** Replaces every recovery code of the account (used ones included) with the given hashes. */
export async function replaceRecoveryCodes(
  trx: Transaction<Database>,
  userId: number,
  hashes: readonly string[],
  now: Date,
): Promise<void> {
  await trx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  const at = now.toISOString();
  await trx
    .insertInto('recovery_code')
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, created_at: at, used_at: null })))
    .execute();
}

export async function hasUnusedRecoveryCode(db: Db, userId: number, codeHash: string): Promise<boolean> {
  const row = await db
    .selectFrom('recovery_code')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Marks the code used if it still is unused; false when another request used it first. */
export async function useRecoveryCode(
  trx: Transaction<Database>,
  userId: number,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('recovery_code')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_code')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
