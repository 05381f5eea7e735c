import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { bindOutbox, flushOutbox, logTransport, outboxOf, selectTransport, type Outbox } from './outbound';

function capture() {
  const info: unknown[] = [];
  const error: unknown[] = [];
  return {
    info,
    error,
    log: { info: (o: object) => void info.push(o), error: (o: object) => void error.push(o) },
  };
}

describe('logTransport', () => {
  it('writes one structured line with the recipient masked', async () => {
    const c = capture();
    await logTransport(c.log).send({
      channel: 'sms',
      to: '13812345678',
      text: '您的申报已退回',
      caseNo: 'C-1',
    });
    await logTransport(c.log).send({ channel: 'email', to: 'zhang.san@example.cn', text: '通知' });
    expect(c.info).toHaveLength(2);
    const all = JSON.stringify(c.info);
    expect(all).not.toContain('13812345678');
    expect(all).not.toContain('zhang.san@example.cn');
    expect(c.info[0]).toEqual({
      outbound: { channel: 'sms', to: '138****5678', text: '您的申报已退回', caseNo: 'C-1' },
    });
  });
});

describe('flushOutbox', () => {
  it('sends the queued messages once and logs (masked) a failing transport without throwing', async () => {
    const c = capture();
    const trx = {};
    const outbox: Outbox = { messages: [] };
    bindOutbox(trx, outbox);
    outboxOf(trx)!.messages.push({ channel: 'sms', to: '13812345678', text: 'x' });
    const failing = { send: () => Promise.reject(new Error('down')) };
    await expect(flushOutbox(outbox, failing, c.log)).resolves.toBeUndefined();
    expect(c.error).toHaveLength(1);
    expect(JSON.stringify(c.error)).toContain('138****5678');
    expect(JSON.stringify(c.error)).not.toContain('13812345678');
    expect(outbox.messages).toHaveLength(0);
    expect(outboxOf({})).toBeUndefined();
  });
});

describe('NOTIFY_TRANSPORT', () => {
  const base = { NODE_ENV: 'test', DATA_KEY: '11'.repeat(32), AUDIT_ANCHOR_KEY: '22'.repeat(32) };
  it('defaults to log, the only value for now', () => {
    expect(parseEnv(base).NOTIFY_TRANSPORT).toBe('log');
    expect(parseEnv({ ...base, NOTIFY_TRANSPORT: 'log' }).NOTIFY_TRANSPORT).toBe('log');
    expect(() => parseEnv({ ...base, NOTIFY_TRANSPORT: 'aliyun' })).toThrow(/NOTIFY_TRANSPORT/);
    expect(selectTransport('log', capture().log)).toBeDefined();
  });
});
