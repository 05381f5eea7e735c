/**
 * Client-chosen idempotency keys (reliability-security.md §1, Stripe/TigerBeetle pattern;
 * docs/decisions/003-transactions-and-idempotency.md). Called inside the mutation's transaction: the stored response
 * and the business change commit together, so a retry after an ambiguous failure either replays the response or
 * runs the operation for the first time — never twice.
 */
import { createHash } from 'node:crypto';
import { conflict, invalid } from '@fund/domain';
import type { Transaction } from 'kysely';
import { precompiled } from './db/precompiled';
import type { Database } from './db/schema';
import { canonicalJson } from './lib/canonical-json';

export interface IdempotencyScope {
  /** The client's key (a V4 UUID from `crypto.randomUUID()`), 1–255 characters. */
  key: string;
  /** The signed-in user; null for anonymous procedures (stored as 0). */
  actorId: number | null;
  /** tRPC path, e.g. `disbursements.record`. */
  procedure: string;
  /** The input that the key stands for (without the key itself); compared by canonical-JSON SHA-256. */
  request: unknown;
  /** The request's instant (ctx.now), stored for pruning (keys may be pruned after ≥ 24 h). */
  now: Date;
}

export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request ?? null)).digest('hex');
}

/**
 * Runs `fn` once per (actor, procedure, key). The same key with the same request replays the stored response; the
 * same key with a different request is a conflict. `fn`'s result must be JSON-serialisable (it is what the client
 * receives). When `fn` throws, the transaction rolls back and nothing is stored, so the client may retry.
 */
export async function withIdempotency<T>(
  trx: Transaction<Database>,
  scope: IdempotencyScope,
  fn: () => Promise<T>,
): Promise<T> {
  if (!trx.isTransaction) throw new Error('withIdempotency must be called inside the caller’s transaction');
  if (scope.key.length < 1 || scope.key.length > 255) {
    throw invalid('IDEMPOTENCY.KEY_INVALID', '请求编号无效，请刷新页面后重试');
  }
  const actorId = scope.actorId ?? 0;
  const hash = requestHash(scope.request);
  const [stored] = await storedResponse(trx, actorId, scope.procedure, scope.key);
  if (stored) {
    if (stored.request_hash !== hash) throw conflict('IDEMPOTENCY.KEY_REUSED', '该请求编号已用于其他内容');
    return JSON.parse(stored.response_json) as T;
  }
  const response = await fn();
  await storeResponse(
    trx,
    actorId,
    scope.procedure,
    scope.key,
    hash,
    JSON.stringify(response ?? null),
    scope.now.toISOString(),
  );
  return response;
}

// Compiled once (ADR 014): every idempotent mutation runs both.
const storedResponse = precompiled((db, actorId: number, procedure: string, key: string) =>
  db
    .selectFrom('idempotency_key')
    .select(['request_hash', 'response_json'])
    .where('actor_id', '=', actorId)
    .where('procedure', '=', procedure)
    .where('key', '=', key),
);
const storeResponse = precompiled(
  (
    db,
    actorId: number,
    procedure: string,
    key: string,
    requestHash: string,
    responseJson: string,
    createdAt: string,
  ) =>
    (db as Transaction<Database>).insertInto('idempotency_key').values({
      actor_id: actorId,
      procedure,
      key,
      request_hash: requestHash,
      response_json: responseJson,
      created_at: createdAt,
    }),
);
