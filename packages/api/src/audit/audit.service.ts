/**
 * The tamper-evident audit log (reliability-security.md §2, docs/decisions/004-audit-chain.md).
 * `recordAudit` is called by every service, inside the transaction that makes the change, so the business change
 * and its audit event commit (or roll back) together.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { precompiled } from '../db/precompiled';
import type { Database } from '../db/schema';
import { canonicalJson } from '../lib/canonical-json';
import { maskPersonalData } from './personal-data';

export const GENESIS_HASH = '0'.repeat(64);

/** What `recordAudit` needs from the request context (a tRPC `ctx` satisfies it; seeds pass `{ now }`). */
export interface AuditContext {
  now: Date;
  ip?: string | null;
  user?: { id: number; displayName?: string; username?: string } | null;
}

export interface AuditInput {
  /** `module.thing.verb`-style name, e.g. `user.create`, `auth.signIn.failed`. */
  action: string;
  objectType: string;
  objectId?: string | number | null;
  /** A Chinese sentence for the console, e.g. `创建用户 reviewer1`. Must not contain personal data. */
  summary: string;
  before?: unknown;
  after?: unknown;
  /** Anything else worth keeping (a reason, an amount). */
  details?: unknown;
}

/** The row as hashed: every column except `hash`. */
export interface AuditRowForHash {
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  summary: string;
  payload_json: string;
  ip: string | null;
  prev_hash: string;
}

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** hash = SHA-256(prev_hash || canonical_json(row without hash)). */
export function hashAuditRow(row: AuditRowForHash): string {
  const r: AuditRowForHash = {
    seq: row.seq,
    at: row.at,
    actor_id: row.actor_id,
    actor_name: row.actor_name,
    action: row.action,
    object_type: row.object_type,
    object_id: row.object_id,
    summary: row.summary,
    payload_json: row.payload_json,
    ip: row.ip,
    prev_hash: row.prev_hash,
  };
  return sha256Hex(row.prev_hash + canonicalJson(r));
}

/**
 * Appends one audit event, chained to the previous one. MUST run inside the caller's transaction (it refuses a
 * plain connection): reading the chain head and appending are then atomic against other requests, because kysely
 * serialises transactions on the single SQLite connection (ADR 003).
 * Payload keys that name personal data (idNumber, mobile, phone, bankAccount, …) are masked; secrets are hidden.
 */
export async function recordAudit(
  trx: Transaction<Database>,
  ctx: AuditContext,
  input: AuditInput,
): Promise<{ seq: number; hash: string }> {
  if (!trx.isTransaction) throw new Error('recordAudit must be called inside the caller’s transaction');
  if (!input.action || !input.objectType || !input.summary) throw new Error('recordAudit: action, objectType and summary are required');

  const [head] = await chainHead(trx);

  const payload: Record<string, unknown> = {};
  if (input.before !== undefined) payload.before = maskPersonalData(input.before);
  if (input.after !== undefined) payload.after = maskPersonalData(input.after);
  if (input.details !== undefined) payload.details = maskPersonalData(input.details);

  const row: AuditRowForHash = {
    seq: (head?.seq ?? 0) + 1,
    at: ctx.now.toISOString(),
    actor_id: ctx.user?.id ?? null,
    actor_name: ctx.user ? (ctx.user.displayName ?? ctx.user.username ?? null) : null,
    action: input.action,
    object_type: input.objectType,
    object_id: input.objectId === undefined || input.objectId === null ? null : String(input.objectId),
    summary: input.summary,
    payload_json: canonicalJson(payload),
    ip: ctx.ip ?? null,
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const hash = hashAuditRow(row);
  await insertEvent(
    trx,
    row.seq,
    row.at,
    row.actor_id,
    row.actor_name,
    row.action,
    row.object_type,
    row.object_id,
    row.summary,
    row.payload_json,
    row.ip,
    row.prev_hash,
    hash,
  );
  return { seq: row.seq, hash };
}

// Compiled once (ADR 014): every mutation appends an event.
const chainHead = precompiled((db) =>
  db.selectFrom('audit_event').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1),
);
const insertEvent = precompiled(
  (
    db,
    seq: number,
    at: string,
    actorId: number | null,
    actorName: string | null,
    action: string,
    objectType: string,
    objectId: string | null,
    summary: string,
    payloadJson: string,
    ip: string | null,
    prevHash: string,
    hash: string,
  ) =>
    (db as Transaction<Database>).insertInto('audit_event').values({
      seq,
      at,
      actor_id: actorId,
      actor_name: actorName,
      action,
      object_type: objectType,
      object_id: objectId,
      summary,
      payload_json: payloadJson,
      ip,
      prev_hash: prevHash,
      hash,
    }),
);

export interface AuditAnchor {
  /** Last seq covered (0 for an empty log). */
  seq: number;
  /** Hash of that event (GENESIS_HASH for an empty log). */
  hash: string;
  /** When the anchor was taken (ISO UTC). */
  at: string;
  /** HMAC-SHA256(AUDIT_ANCHOR_KEY, canonical_json({ seq, hash, at })), hex. */
  hmac: string;
}

/** HMAC over the anchor's (seq, hash, at); the key lives outside the database. */
export function signAnchor(key: Buffer, a: Pick<AuditAnchor, 'seq' | 'hash' | 'at'>): string {
  return createHmac('sha256', key).update(canonicalJson({ seq: a.seq, hash: a.hash, at: a.at })).digest('hex');
}

export function anchorSignatureValid(a: AuditAnchor, key: Buffer): boolean {
  const expected = Buffer.from(signAnchor(key, a), 'hex');
  const given = Buffer.from(a.hmac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface AuditVerifyResult {
  ok: boolean;
  /** Number of events walked. */
  checked: number;
  /** The first seq that does not verify (or the first missing one), null when ok. */
  firstBrokenSeq: number | null;
  /** Chinese sentence for the console and the CLI. */
  message: string;
  /** The seq of the anchor compared against, null when no anchor was given. */
  anchoredSeq: number | null;
}

export interface VerifyOptions {
  /** The latest anchor and its key; when given, a deleted tail or a rewritten chain is detected. */
  anchor?: { anchor: AuditAnchor | null; key: Buffer };
  batchSize?: number;
}

/** Walks the whole chain in seq order (in batches), recomputing every hash, then compares with the anchor. */
export async function verifyAuditChain(db: Kysely<Database>, options: VerifyOptions = {}): Promise<AuditVerifyResult> {
  const batchSize = options.batchSize ?? 1000;
  const anchor = options.anchor?.anchor ?? null;
  const anchoredSeq = anchor?.seq ?? null;
  const broken = (checked: number, seq: number | null, message: string): AuditVerifyResult => ({
    ok: false,
    checked,
    firstBrokenSeq: seq,
    message,
    anchoredSeq,
  });

  if (anchor && options.anchor && !anchorSignatureValid(anchor, options.anchor.key)) {
    return broken(0, null, '审计锚点签名无效：锚点文件被篡改或密钥不符');
  }

  let checked = 0;
  let lastSeq = 0;
  let prevHash = GENESIS_HASH;
  let hashAtAnchor: string | null = anchor && anchor.seq === 0 ? GENESIS_HASH : null;
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('seq', '>', lastSeq)
      .orderBy('seq', 'asc')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      if (row.prev_hash !== prevHash) {
        return broken(checked, row.seq, `第 ${row.seq} 条审计记录与前一条不衔接：之前的记录被删除或改写`);
      }
      if (hashAuditRow(row) !== row.hash) {
        return broken(checked, row.seq, `第 ${row.seq} 条审计记录的内容与其哈希不符：该记录被篡改`);
      }
      checked += 1;
      prevHash = row.hash;
      lastSeq = row.seq;
      if (anchor && row.seq === anchor.seq) hashAtAnchor = row.hash;
    }
    if (rows.length < batchSize) break;
  }

  if (anchor) {
    if (hashAtAnchor === null) {
      return broken(
        checked,
        lastSeq + 1,
        `审计日志末尾的记录缺失：锚点记录到第 ${anchor.seq} 条，现仅到第 ${lastSeq} 条`,
      );
    }
    if (hashAtAnchor !== anchor.hash) {
      return broken(checked, anchor.seq, `审计日志与锚点不符：第 ${anchor.seq} 条及之前的记录被整体改写`);
    }
  }
  const tail = anchor ? `，与第 ${anchor.seq} 条处的锚点一致` : '（未找到锚点，无法发现整链改写或末尾删除）';
  return { ok: true, checked, firstBrokenSeq: null, message: `审计日志完整：共校验 ${checked} 条${tail}`, anchoredSeq };
}
