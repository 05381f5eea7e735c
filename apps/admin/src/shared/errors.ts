/**
 * Reads what the server says about a failed call. The server guarantees `message` is a Chinese sentence and adds
 * `data.domainCode` and, for bad input, `data.fieldErrors` (docs/contracts/platform-api.md). Anything else (the
 * network is down, a proxy answered) is turned into a Chinese sentence here so no English reaches the user.
 */
export type ApiError = {
  message: string;
  /** tRPC code, e.g. `UNAUTHORIZED`. */
  code: string | null;
  /** Stable domain code, e.g. `AUTH.INVALID_CREDENTIALS`. */
  domainCode: string | null;
  fieldErrors: Record<string, string>;
};

const FALLBACK_BY_CODE: Record<string, string> = {
  UNAUTHORIZED: '登录已失效，请重新登录。',
  FORBIDDEN: '您没有执行此操作的权限。',
  NOT_FOUND: '要查找的内容不存在或已被删除。',
  TOO_MANY_REQUESTS: '操作过于频繁，请稍后再试。',
  CONFLICT: '数据已被修改或已存在，请刷新后重试。',
  BAD_REQUEST: '提交的内容有误，请检查后重试。',
  PAYLOAD_TOO_LARGE: '提交的内容过大。',
  TIMEOUT: '请求超时，请稍后重试。',
  INTERNAL_SERVER_ERROR: '服务器暂时无法处理请求，请稍后重试。',
};
const NETWORK_MESSAGE = '无法连接服务器，请检查网络后重试。';
const GENERIC_MESSAGE = '操作未能完成，请稍后重试。';

const CJK = /[\u3400-\u9fff]/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function stringRecord(v: unknown): Record<string, string> {
  if (!isRecord(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, m] of Object.entries(v)) if (typeof m === 'string') out[k] = m;
  return out;
}

export function readApiError(error: unknown): ApiError {
  const data = isRecord(error) && isRecord(error.data) ? error.data : {};
  const code = typeof data.code === 'string' ? data.code : null;
  const domainCode = typeof data.domainCode === 'string' ? data.domainCode : null;
  const raw = error instanceof Error ? error.message : '';
  let message: string;
  if (CJK.test(raw)) message = raw;
  else if (code && FALLBACK_BY_CODE[code]) message = FALLBACK_BY_CODE[code];
  else if (error instanceof TypeError || /fetch|network|JSON/i.test(raw)) message = NETWORK_MESSAGE;
  else message = GENERIC_MESSAGE;
  return { message, code, domainCode, fieldErrors: stringRecord(data.fieldErrors) };
}

export function isUnauthorized(error: unknown): boolean {
  return readApiError(error).code === 'UNAUTHORIZED';
}

/** 4xx answers are final: retrying them only repeats the refusal (and can trip rate limits). */
export function isClientError(error: unknown): boolean {
  const data = isRecord(error) && isRecord(error.data) ? error.data : {};
  return typeof data.httpStatus === 'number' && data.httpStatus >= 400 && data.httpStatus < 500;
}
