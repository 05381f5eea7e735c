/**
 * HTTP routes for documents (tRPC carries JSON, not files): `POST /api/documents` (multipart: field `kind`, then
 * the file) and `GET /api/documents/:id`. The server's global onRequest hook applies the CSRF checks to the POST
 * (multipart under /api needs `x-fund-request: 1` and a same-origin Origin — src/http/security.ts), and the onSend
 * hook adds the security headers (nosniff among them) to both.
 */
import fastifyMultipart from '@fastify/multipart';
import { isDomainError, type DomainError } from '@fund/domain';
import { createReadStream, existsSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock';
import { takeTokens } from '../auth/rate-limit';
import type { SessionResolver, SessionUser } from '../../context';
import type { Database } from '../../db/schema';
import type { Env } from '../../env';
import {
  documentNotFound,
  findReadableDocument,
  MAX_DOCUMENT_BYTES,
  storagePath,
  storeDocument,
} from './documents.service';

export interface DocumentRouteDeps {
  db: Kysely<Database>;
  env: Env;
  clock: Clock;
  sessionResolver: SessionResolver;
}

/** 120 uploads per account per 15 minutes: far above a real application (≈10 files), far below a flood. */
const UPLOAD_RATE = { capacity: 120, refillWindowMs: 15 * 60_000 };

const STATUS: Record<DomainError['kind'], number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  too_many: 429,
};

function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message } });
}

async function userOf(deps: DocumentRouteDeps, req: FastifyRequest, now: Date): Promise<SessionUser | null> {
  const session = await deps.sessionResolver.resolve(req, now);
  if (!session || session.user.mustChangePassword || session.user.mustEnrolSecondFactor) return null;
  return session.user;
}

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function registerDocumentRoutes(app: FastifyInstance, deps: DocumentRouteDeps): void {
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5, fieldSize: 200, parts: 6 },
    });

    scope.post('/api/documents', async (req, reply) => {
      const now = deps.clock.now();
      const user = await userOf(deps, req, now);
      if (!user) return sendError(reply, 401, 'AUTH.UNAUTHENTICATED', '请先登录');
      // ASVS 2.4.1: uploads are rate-limited per account (a token bucket shared with sign-in's limiter).
      const allowed = await takeTokens(
        deps.db,
        [{ key: `upload-user:${user.id}`, policy: UPLOAD_RATE }],
        now,
      );
      if (!allowed) return sendError(reply, 429, 'FUNDING.TOO_MANY_UPLOADS', '上传过于频繁，请稍后再试');
      let kind = '';
      let bytes: Buffer | null = null;
      let fileName: string | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === 'kind' && typeof part.value === 'string') kind = part.value;
          } else {
            fileName = part.filename;
            bytes = await part.toBuffer(); // throws when larger than MAX_DOCUMENT_BYTES
          }
        }
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE')
          return sendError(reply, 413, 'FUNDING.DOCUMENT_TOO_LARGE', '文件不能超过10MB');
        return sendError(reply, 400, 'FUNDING.UPLOAD_INVALID', '上传内容格式有误');
      }
      if (!bytes) return sendError(reply, 400, 'FUNDING.UPLOAD_INVALID', '请选择要上传的文件');
      try {
        const doc = await storeDocument(
          { db: deps.db, uploadDir: deps.env.UPLOAD_DIR },
          { user, now, ip: req.ip || null },
          { kind, bytes, fileName },
        );
        return reply.code(201).send(doc);
      } catch (error) {
        if (isDomainError(error)) return sendError(reply, STATUS[error.kind], error.code, error.message);
        throw error;
      }
    });

    scope.get<{ Params: { id: string } }>('/api/documents/:id', async (req, reply) => {
      const now = deps.clock.now();
      const user = await userOf(deps, req, now);
      if (!user) return sendError(reply, 401, 'AUTH.UNAUTHENTICATED', '请先登录');
      // Decimal digits only: `0x1`, `1e0` or ` 1` are not other spellings of document 1.
      const id = /^[1-9]\d{0,15}$/.test(req.params.id) ? Number(req.params.id) : NaN;
      const missing = documentNotFound();
      if (!Number.isSafeInteger(id) || id <= 0) return sendError(reply, 404, missing.code, missing.message);
      const doc = await findReadableDocument(deps.db, user, id);
      const path = doc ? storagePath(deps.env.UPLOAD_DIR, doc.sha256) : null;
      if (!doc || !path || !existsSync(path)) return sendError(reply, 404, missing.code, missing.message);
      return reply
        .header('content-type', doc.mime)
        .header('content-length', String(doc.size))
        .header('content-disposition', contentDisposition(doc.original_name))
        .header('x-content-type-options', 'nosniff')
        .send(createReadStream(path));
    });
  });
}
