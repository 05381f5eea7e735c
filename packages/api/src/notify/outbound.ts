/**
 * Outbound SMS / e-mail (ADR 012). Services never send inside a transaction: `notifyEnterprise` queues a message on
 * the transaction's outbox, and `inTransaction` flushes the outbox only after the commit — a rollback sends nothing.
 * A failing transport is logged and never fails the business mutation.
 *
 * The default (and for now only) transport writes a structured log line with the recipient masked.
 */
import { maskEmail, maskMobile } from '@fund/domain';

export interface OutboundMessage {
  channel: 'sms' | 'email';
  /** Plain recipient (mobile or e-mail). Only the transport sees it; never log it unmasked. */
  to: string;
  text: string;
  caseNo?: string;
}

export interface OutboundTransport {
  send(message: OutboundMessage): Promise<void>;
}

/** The subset of a pino/fastify logger the log transport needs. */
export interface OutboundLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const maskRecipient = (m: Pick<OutboundMessage, 'channel' | 'to'>): string =>
  m.channel === 'sms' ? maskMobile(m.to) : maskEmail(m.to);

/** Default transport: one structured log line per message, recipient masked. */
export function logTransport(log: OutboundLog): OutboundTransport {
  return {
    send(message) {
      log.info(
        {
          outbound: {
            channel: message.channel,
            to: maskRecipient(message),
            text: message.text,
            ...(message.caseNo !== undefined ? { caseNo: message.caseNo } : {}),
          },
        },
        '外发通知 (outbound notification, log transport)',
      );
      return Promise.resolve();
    },
  };
}

export type NotifyTransportName = 'log';

/** The transport chosen by NOTIFY_TRANSPORT (env.ts); `log` is the only value for now. */
export function selectTransport(name: NotifyTransportName, log: OutboundLog): OutboundTransport {
  switch (name) {
    case 'log':
      return logTransport(log);
  }
}

/** Messages queued during one transaction, sent after it commits. */
export interface Outbox {
  messages: OutboundMessage[];
  /** Decrypts a stored personal-data field (ctx.pii); present when the transaction was opened with a context. */
  decrypt?: (stored: string) => string;
}

const outboxes = new WeakMap<object, Outbox>();

export function bindOutbox(trx: object, outbox: Outbox): void {
  outboxes.set(trx, outbox);
}

/** The outbox of a transaction opened by `inTransaction`, or undefined (then nothing is sent). */
export function outboxOf(trx: object): Outbox | undefined {
  return outboxes.get(trx);
}

/** Sends every queued message; a failure is logged (recipient masked) and never thrown. */
export async function flushOutbox(
  outbox: Outbox,
  transport: OutboundTransport | undefined,
  log: OutboundLog | undefined,
): Promise<void> {
  if (!transport) return;
  for (const m of outbox.messages.splice(0)) {
    try {
      await transport.send(m);
    } catch (err) {
      log?.error(
        {
          outbound: { channel: m.channel, to: maskRecipient(m), caseNo: m.caseNo },
          error: err instanceof Error ? err.name : 'unknown',
        },
        '外发通知发送失败 (outbound notification failed; the business change is kept)',
      );
    }
  }
}
