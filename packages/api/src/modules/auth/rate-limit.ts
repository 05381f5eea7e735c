import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * Token buckets in SQLite (ASVS 6.3.1, ADR 005): every sign-in attempt takes one token from the account's bucket
 * and one from the client IP's bucket *before* any password is hashed. A bucket holds `capacity` tokens and refills
 * continuously, `capacity` per `refillWindowMs`, so a flood is throttled and the owner gets back in by waiting —
 * there is no permanent lockout that an attacker could inflict.
 */
export interface BucketPolicy {
  readonly capacity: number;
  readonly refillWindowMs: number;
}

export interface BucketState {
  readonly tokens: number;
  readonly updatedAt: string;
}

/** Tokens in a bucket at `now`; an unknown bucket is full. */
export function tokensAt(bucket: BucketState | undefined, policy: BucketPolicy, now: Date): number {
  if (!bucket) return policy.capacity;
  const elapsed = Math.max(0, now.getTime() - Date.parse(bucket.updatedAt));
  return Math.min(policy.capacity, bucket.tokens + (elapsed * policy.capacity) / policy.refillWindowMs);
}

export interface BucketRequest {
  readonly key: string;
  readonly policy: BucketPolicy;
}

/**
 * Takes one token from each bucket, all or nothing, in one transaction. Returns false (and takes nothing) when any
 * bucket is empty. Buckets that have been idle for longer than their window are full again, so they are pruned.
 */
export async function takeTokens(
  db: Kysely<Database>,
  requests: readonly BucketRequest[],
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const keys = requests.map((r) => r.key);
    const rows = await trx
      .selectFrom('rate_limit_bucket')
      .select(['key', 'tokens', 'updated_at'])
      .where('key', 'in', keys)
      .execute();
    const byKey = new Map(rows.map((r) => [r.key, { tokens: r.tokens, updatedAt: r.updated_at }]));
    const levels = requests.map((r) => ({ ...r, tokens: tokensAt(byKey.get(r.key), r.policy, now) }));
    const allowed = levels.every((l) => l.tokens >= 1);
    const at = now.toISOString();
    for (const l of levels) {
      const tokens = allowed ? l.tokens - 1 : l.tokens;
      await trx
        .insertInto('rate_limit_bucket')
        .values({ key: l.key, tokens, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ tokens, updated_at: at }))
        .execute();
    }
    const longestWindow = Math.max(...requests.map((r) => r.policy.refillWindowMs));
    await trx
      .deleteFrom('rate_limit_bucket')
      .where('updated_at', '<', new Date(now.getTime() - longestWindow).toISOString())
      .execute();
    return allowed;
  });
}

/** Forgets a bucket (staff unlocking an account): the next attempt starts from a full bucket. */
export async function resetBucket(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limit_bucket').where('key', '=', key).execute();
}
