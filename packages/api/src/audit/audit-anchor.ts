/**
 * Anchoring the audit chain outside the database (reliability-security.md §2 "Why anchoring is required"): a hash
 * chain alone cannot stop someone with write access from rewriting the whole chain or cutting its tail. The head
 * `(seq, hash)` is signed with AUDIT_ANCHOR_KEY (never stored in the DB) and written to a file that operations ship to a
 * separate system; verification compares the chain with the latest anchor.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { GENESIS_HASH, signAnchor, verifyAuditChain, type AuditAnchor } from './audit.service';

const AnchorFile = z.object({
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  hmac: z.string().regex(/^[0-9a-f]{64}$/),
});

export class AnchorFileError extends Error {
  override readonly name = 'AnchorFileError';
}

/** The latest anchor, or null when none was ever written. A file that exists but is unreadable throws. */
export function readAnchor(file: string): AuditAnchor | null {
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AnchorFileError(`审计锚点文件无法读取：${file}`);
  }
  const parsed = AnchorFile.safeParse(json);
  if (!parsed.success) throw new AnchorFileError(`审计锚点文件格式不正确：${file}`);
  return parsed.data;
}

export interface ExportAnchorOptions {
  key: Buffer;
  file: string;
  now: Date;
}

/**
 * Signs the current chain head and writes it to `file` (atomically: temp file + rename). Refuses when the chain
 * does not verify against the previous anchor — otherwise a truncated chain could be blessed by a fresh anchor.
 */
export async function exportAnchor(db: Kysely<Database>, options: ExportAnchorOptions): Promise<AuditAnchor> {
  const previous = readAnchor(options.file);
  const check = await verifyAuditChain(db, { anchor: { anchor: previous, key: options.key } });
  if (!check.ok) throw new Error(`审计日志校验未通过，拒绝生成新锚点：${check.message}`);

  const head = await db.selectFrom('audit_event').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const unsigned = { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH, at: options.now.toISOString() };
  const anchor: AuditAnchor = { ...unsigned, hmac: signAnchor(options.key, unsigned) };

  mkdirSync(dirname(options.file), { recursive: true });
  const tmp = `${options.file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(anchor, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, options.file);
  return anchor;
}

/** Verifies the chain against the anchor file (a missing file means: chain only). */
export async function verifyWithAnchorFile(db: Kysely<Database>, file: string, key: Buffer) {
  let anchor: AuditAnchor | null;
  try {
    anchor = readAnchor(file);
  } catch (e) {
    return { ok: false, checked: 0, firstBrokenSeq: null, message: (e as Error).message, anchoredSeq: null };
  }
  return verifyAuditChain(db, { anchor: { anchor, key } });
}
