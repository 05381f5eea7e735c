import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, startTestServer, type TestServer } from './test/harness';
import { cookieRoleResolver, probeRouter } from './test/probe-router';

interface ErrorBody {
  error: { message: string; code: number; data: { code: string; httpStatus: number; domainCode: string | null; fieldErrors?: Record<string, string>; stack?: string } };
}

describe('tRPC pipeline', () => {
  let server: TestServer;
  const logs: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({ router: probeRouter, sessionResolver: cookieRoleResolver, logStream: { write: (l) => void logs.push(l) } });
  });
  afterAll(async () => {
    await server.close();
  });

  const query = async (path: string, input?: unknown, jar?: CookieJar) => {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await server.fetch(`/trpc/${path}${qs}`, {}, jar);
    return { status: res.status, body: (await res.json()) as ErrorBody };
  };
  const mutate = async (path: string, input: unknown) => {
    const res = await server.fetch(`/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fund-request': '1' },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: (await res.json()) as ErrorBody };
  };

  it.each([
    ['invalid', 400, 'BAD_REQUEST'],
    ['not_found', 404, 'NOT_FOUND'],
    ['conflict', 409, 'CONFLICT'],
    ['forbidden', 403, 'FORBIDDEN'],
    ['unauthenticated', 401, 'UNAUTHORIZED'],
  ])('maps a domain error of kind %s to HTTP %i / %s with its code and message', async (kind, status, code) => {
    const { status: s, body } = await query('probe.fail', { kind });
    expect(s).toBe(status);
    expect(body.error.message).toBe(`探针错误：${kind}`);
    expect(body.error.data).toMatchObject({ code, domainCode: `PROBE.${kind.toUpperCase()}` });
  });

  it('answers an unexpected error with a generic Chinese message, no stack, and logs the real error', async () => {
    const res = await server.fetch('/trpc/probe.boom');
    const text = await res.text();
    expect(res.status).toBe(500);
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error.message).toBe('系统繁忙，请稍后重试');
    expect(body.error.data.code).toBe('INTERNAL_SERVER_ERROR');
    expect(body.error.data.stack).toBeUndefined();
    expect(text).not.toMatch(/secret detail|postgres:|\.ts:\d+/);
    expect(logs.join('\n')).toMatch(/secret detail/);
  });

  it('refuses bad input with BAD_REQUEST, a Chinese message and field errors', async () => {
    const { status, body } = await mutate('probe.echo', { name: 'a', sizeData: { employees: 'many' } });
    expect(status).toBe(400);
    expect(body.error.message).toBe('输入有误：姓名至少需要2个字');
    expect(body.error.data.domainCode).toBe('INPUT.INVALID');
    expect(body.error.data.fieldErrors).toMatchObject({ name: '姓名至少需要2个字' });
    expect(body.error.data.fieldErrors?.['sizeData.employees']).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers malformed JSON with BAD_REQUEST-class error in Chinese, never a 500', async () => {
    const res = await server.fetch('/trpc/probe.echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fund-request': '1' },
      body: '{"name":',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('words tRPC’s own errors in Chinese (unknown procedure, mutation over GET)', async () => {
    const missing = await query('nope.nothing');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('未找到请求的功能或内容');
    const getMutation = await query('probe.echo', { name: 'ab', sizeData: { employees: 1 } });
    expect(getMutation.status).toBe(405);
    expect(getMutation.body.error.message).toBe('不支持的请求方式');
  });

  it('asks for sign-in on authed procedures and denies roles without the permission', async () => {
    const anon = await query('probe.whoami');
    expect(anon.status).toBe(401);
    expect(anon.body.error).toMatchObject({ message: '请先登录', data: { domainCode: 'AUTH.UNAUTHENTICATED' } });

    const applicant = new CookieJar();
    applicant.set('test_roles', 'applicant');
    expect((await query('probe.whoami', undefined, applicant)).body).toMatchObject({ result: { data: { id: 42 } } });
    const denied = await query('probe.auditOnly', undefined, applicant);
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ message: '您没有执行此操作的权限', data: { domainCode: 'AUTH.FORBIDDEN' } });

    const auditor = new CookieJar();
    auditor.set('test_roles', 'applicant.auditor');
    expect((await query('probe.auditOnly', undefined, auditor)).status).toBe(200);
  });

  it('serves batched calls (as the apps send them)', async () => {
    const client = server.client();
    const [a, b] = await Promise.all([client.health.query(), client.health.query()]);
    expect(a.ok).toBe(true);
    expect(b.ok).toBe(true);
  });
});
