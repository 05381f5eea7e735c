/**
 * tRPC set-up: one context, one error formatter, and exactly ONE middleware that maps domain error kinds to tRPC
 * codes (architecture.md "Errors"). Procedures are built from `publicProcedure`, `authedProcedure` or
 * `withPermission(action)` — deny by default.
 */
import { DomainError, can, isDomainError, type Action, type DomainErrorKind } from '@fund/domain';
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { Transaction } from 'kysely';
import type { Context } from './context';
import type { Database } from './db/schema';
import { bindOutbox, flushOutbox, type Outbox } from './notify/outbound';
import './zod-locale';

const KIND_TO_CODE = {
  invalid: 'BAD_REQUEST',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'FORBIDDEN',
  unauthenticated: 'UNAUTHORIZED',
  too_many: 'TOO_MANY_REQUESTS',
} as const satisfies Record<DomainErrorKind, TRPC_ERROR_CODE_KEY>;

export const INTERNAL_ERROR_MESSAGE = '系统繁忙，请稍后重试';

/** Chinese wording for errors raised by tRPC itself (unknown path, bad JSON, wrong method…). */
const DEFAULT_MESSAGES: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  PARSE_ERROR: '请求格式有误',
  BAD_REQUEST: '请求有误',
  UNAUTHORIZED: '请先登录',
  FORBIDDEN: '您没有执行此操作的权限',
  NOT_FOUND: '未找到请求的功能或内容',
  METHOD_NOT_SUPPORTED: '不支持的请求方式',
  TIMEOUT: '请求超时，请稍后重试',
  CONFLICT: '操作冲突，请刷新后重试',
  PRECONDITION_FAILED: '操作条件不满足，请刷新后重试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  UNPROCESSABLE_CONTENT: '提交的内容无法处理',
  TOO_MANY_REQUESTS: '操作过于频繁，请稍后再试',
  CLIENT_CLOSED_REQUEST: '请求已取消',
};

const HAS_CJK = /[\u3400-\u9fff]/;

interface ZodLikeIssue {
  path: PropertyKey[];
  message: string;
}

function zodIssues(e: unknown): ZodLikeIssue[] | null {
  // Duck-typed: schemas may come from @fund/domain's copy of zod.
  if (e instanceof Error && e.name === 'ZodError' && Array.isArray((e as { issues?: unknown }).issues)) {
    return (e as unknown as { issues: ZodLikeIssue[] }).issues;
  }
  return null;
}

/** `{ 'sizeData.employees': '…' }`: the first message per field path; issues about the whole input are left out. */
export function fieldErrorsOf(issues: ZodLikeIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (key !== '' && !(key in out)) out[key] = issue.message;
  }
  return out;
}

const t = initTRPC.context<Context>().create({
  isDev: false, // never send stacks to the client, whatever NODE_ENV says
  errorFormatter({ shape, error }) {
    const domain = isDomainError(error.cause) ? error.cause : null;
    const issues = error.code === 'BAD_REQUEST' ? zodIssues(error.cause) : null;
    let message = shape.message;
    let fieldErrors: Record<string, string> | undefined;
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      message = INTERNAL_ERROR_MESSAGE;
    } else if (issues && issues.length > 0) {
      message = `输入有误：${issues[0]!.message}`;
      fieldErrors = fieldErrorsOf(issues);
    } else if (!domain && !HAS_CJK.test(message)) {
      message = DEFAULT_MESSAGES[error.code] ?? INTERNAL_ERROR_MESSAGE;
    } else if (domain && typeof domain.details?.field === 'string') {
      // A service's refusal about one field (`invalid(code, message, { field })`): the form shows it under that field.
      fieldErrors = { [domain.details.field]: domain.message };
    }
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      message,
      data: {
        ...data,
        domainCode: domain?.code ?? (issues ? 'INPUT.INVALID' : null),
        ...(fieldErrors ? { fieldErrors } : {}),
      },
    };
  },
});

/** The one place where domain error kinds become tRPC codes. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: KIND_TO_CODE[cause.kind], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

/**
 * U+0000 is refused in every string (and key) of every input before a procedure sees it: it has no place in any
 * field, and SQLite's length() stops at the first NUL, so a CHECK on a length let a NUL-prefixed text through zod and
 * then failed in the INSERT with a 500 (found by src/proof/fuzz.test.ts).
 */
function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || depth > 64) return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}

const refuseNulCharacters = t.middleware(async ({ getRawInput, next }) => {
  // An unreadable body is left to the procedure: one without an input (auth.signOut) never reads it.
  const raw = await getRawInput().catch(() => undefined);
  if (containsNul(raw)) {
    throw new DomainError('INPUT.INVALID', 'invalid', '输入有误：内容中含有不允许的控制字符');
  }
  return next();
});

export const publicProcedure = t.procedure.use(mapDomainErrors).use(refuseNulCharacters);

/** What a user whose password must be changed (first sign-in, staff reset) may still do. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['auth.me', 'auth.changePassword', 'auth.signOut']);
/** What a reviewer, finance or admin account without its second factor may do: set it up (ASVS 6.3.2). */
const ALLOWED_BEFORE_SECOND_FACTOR = new Set([
  ...ALLOWED_BEFORE_PASSWORD_CHANGE,
  'auth.totp.status',
  'auth.totp.begin',
  'auth.totp.confirm',
]);

export const authedProcedure = publicProcedure.use(({ ctx, next, path }) => {
  if (!ctx.user) throw new DomainError('AUTH.UNAUTHENTICATED', 'unauthenticated', '请先登录');
  if (ctx.user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(path)) {
    throw new DomainError('AUTH.PASSWORD_CHANGE_REQUIRED', 'forbidden', '请先修改初始密码后再继续操作');
  }
  if (ctx.user.mustEnrolSecondFactor && !ALLOWED_BEFORE_SECOND_FACTOR.has(path)) {
    throw new DomainError(
      'AUTH.SECOND_FACTOR_ENROLMENT_REQUIRED',
      'forbidden',
      '请先设置动态验证码（第二重身份验证）后再继续操作',
    );
  }
  return next({ ctx: { user: ctx.user } });
});

/** Signed in and holding a role that may perform `action` (permissions are data in @fund/domain; deny by default). */
export function withPermission(action: Action) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!can(ctx.user.roles, action)) throw new DomainError('AUTH.FORBIDDEN', 'forbidden', '您没有执行此操作的权限');
    return next();
  });
}

/**
 * One transaction per mutation (docs/decisions/003-transactions-and-idempotency.md): check state, write, audit and
 * store the idempotent response inside `fn`. kysely's SQLite driver runs transactions one at a time on the single
 * connection, so nothing from another request interleaves between a check and the write that depends on it.
 */
export async function inTransaction<T>(
  ctx: Pick<Context, 'db'> & Partial<Pick<Context, 'pii' | 'outbound' | 'log'>>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  // Outbound SMS/e-mail queued during `fn` are sent only after the commit (ADR 012); a rollback drops them.
  const outbox: Outbox = { messages: [], ...(ctx.pii ? { decrypt: (s: string) => ctx.pii!.decryptField(s) } : {}) };
  const result = await ctx.db.transaction().execute((trx) => {
    bindOutbox(trx, outbox);
    return fn(trx);
  });
  await flushOutbox(outbox, ctx.outbound, ctx.log);
  return result;
}
