/**
 * Enterprise documents (营业执照, 借款合同, 银行流水, 投资协议 …): type checked from the BYTES (magic numbers), never
 * from the name or the declared type; stored under UPLOAD_DIR by SHA-256 (the same file twice is stored once);
 * readable only by the enterprise's own users and by staff — anyone else gets 404 (ASVS 8.2.2, no probing).
 */
import { can, conflict, forbidden, invalid, notFound } from '@fund/domain';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit.service';
import type { SessionUser } from '../../context';
import type { Database } from '../../db/schema';
import type { DocumentMime } from './funding.tables';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Kinds of enterprise documents: the programme checklists' keys (domain `RequiredDocument.key`) and a few more. */
export const DOCUMENT_KIND = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** The type of a file from its first bytes; null when it is none of the accepted types. */
export function sniffMime(bytes: Buffer): DocumentMime | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'image/png';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

const EXTENSIONS: Record<DocumentMime, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/** Bidirectional controls: they make `invoice\u202Efdp.exe` display as `invoiceexe.pdf` (name spoofing). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Keeps the last path segment, drops control, bidi and quoting characters, limits the length to 100 characters
 * (code points, so an emoji is never cut in half). Never used as a path.
 */
export function sanitiseFileName(name: string | undefined, mime: DocumentMime): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const kept = [...last.normalize('NFC')].filter(
    (ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f && !'"<>:|?*;'.includes(ch) && !BIDI_CONTROLS.test(ch),
  );
  const clean = [...kept.join('').trim()].slice(0, 100).join('');
  return clean === '' || clean.startsWith('.') ? `document.${EXTENSIONS[mime]}` : clean;
}

export function storagePath(uploadDir: string, sha256: string): string {
  return join(uploadDir, sha256.slice(0, 2), sha256);
}

export interface UploadDeps {
  db: Kysely<Database>;
  uploadDir: string;
}

export interface UploadedDocument {
  id: number;
  kind: string;
  mime: DocumentMime;
  size: number;
  originalName: string;
  sha256: string;
  createdAt: string;
}

export async function storeDocument(
  deps: UploadDeps,
  ctx: { user: SessionUser; now: Date; ip: string | null },
  file: { kind: string; bytes: Buffer; fileName: string | undefined },
): Promise<UploadedDocument> {
  if (!can(ctx.user.roles, 'application.apply') || ctx.user.enterpriseId === null) {
    throw forbidden('AUTH.FORBIDDEN', '只有企业用户可以上传企业材料');
  }
  if (!DOCUMENT_KIND.test(file.kind)) throw invalid('FUNDING.DOCUMENT_KIND_INVALID', '材料类型无效');
  if (file.bytes.length === 0) throw invalid('FUNDING.DOCUMENT_EMPTY', '上传的文件是空的');
  if (file.bytes.length > MAX_DOCUMENT_BYTES) throw invalid('FUNDING.DOCUMENT_TOO_LARGE', '文件不能超过10MB');
  const mime = sniffMime(file.bytes);
  if (mime === null) {
    throw invalid(
      'FUNDING.DOCUMENT_TYPE_REFUSED',
      '只接受 PDF、PNG 或 JPEG 文件（按文件内容判断，而非文件名）',
    );
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const path = storagePath(deps.uploadDir, sha256);
  if (!existsSync(path)) {
    mkdirSync(join(deps.uploadDir, sha256.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(tmp, file.bytes, { mode: 0o600 });
    renameSync(tmp, path); // atomic: a reader never sees a half-written file
  }
  const originalName = sanitiseFileName(file.fileName, mime);
  const enterpriseId = ctx.user.enterpriseId;
  const createdAt = ctx.now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('enterprise_document')
      .values({
        enterprise_id: enterpriseId,
        kind: file.kind,
        sha256,
        size: file.bytes.length,
        mime,
        original_name: originalName,
        uploaded_by: ctx.user.id,
        verified_by: null,
        verified_at: null,
        created_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'funding.document.upload',
      objectType: 'enterprise_document',
      objectId: id,
      summary: `企业上传材料（${file.kind}，${mime}，${file.bytes.length} 字节）`,
      details: { enterpriseId, kind: file.kind, sha256, size: file.bytes.length, mime },
    });
    return { id, kind: file.kind, mime, size: file.bytes.length, originalName, sha256, createdAt };
  });
}

export const documentNotFound = () => notFound('FUNDING.DOCUMENT_NOT_FOUND', '未找到该材料');

/** The document if `user` may read it: its enterprise's own user, or staff who may see enterprises. */
export async function findReadableDocument(db: Kysely<Database>, user: SessionUser, id: number) {
  const doc = await db
    .selectFrom('enterprise_document')
    .innerJoin('enterprise', 'enterprise.id', 'enterprise_document.enterprise_id')
    .select([
      'enterprise_document.id',
      'enterprise_document.enterprise_id',
      'enterprise_document.sha256',
      'enterprise_document.mime',
      'enterprise_document.size',
      'enterprise_document.original_name',
      'enterprise.owner_user_id',
    ])
    .where('enterprise_document.id', '=', id)
    .executeTakeFirst();
  if (!doc) return null;
  const staff = can(user.roles, 'enterprise.list');
  if (!staff && doc.owner_user_id !== user.id) return null;
  return doc;
}

/** Documents of an enterprise by id, all of which must belong to it (else FUNDING.DOCUMENT_NOT_FOUND). */
export async function documentsOfEnterprise(
  db: Kysely<Database> | Transaction<Database>,
  enterpriseId: number,
  ids: readonly number[],
) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('enterprise_document')
    .select(['id', 'kind', 'mime', 'size', 'original_name', 'created_at', 'verified_at'])
    .where('enterprise_id', '=', enterpriseId)
    .where('id', 'in', [...ids])
    .execute();
  if (rows.length !== new Set(ids).size) throw documentNotFound();
  return rows;
}

export const duplicateUpload = () => conflict('FUNDING.DOCUMENT_DUPLICATE', '该文件已上传');
