/**
 * Client idempotency keys for money actions (reliability-security.md §1, ADR 006): the key is created with
 * `crypto.randomUUID()` when the confirm dialog opens and kept in sessionStorage under the action and the object's id
 * until a definite answer arrives (success or a final refusal). A retry after a network error reuses it, so the
 * server replays the first answer instead of acting twice.
 */
import { isClientError } from '../errors';

const PREFIX = 'fund.idem';

type Stored = { key: string; attempts: number };

function storageKey(action: string, id: number | string): string {
  return `${PREFIX}:${action}:${id}`;
}

function read(action: string, id: number | string): Stored | null {
  try {
    const raw = sessionStorage.getItem(storageKey(action, id));
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<Stored>;
    return typeof v.key === 'string' ? { key: v.key, attempts: Number(v.attempts) || 0 } : null;
  } catch {
    return null;
  }
}

function write(action: string, id: number | string, v: Stored): void {
  sessionStorage.setItem(storageKey(action, id), JSON.stringify(v));
}

/** On opening the confirm dialog: the pending key of this action, or a new one. */
export function openIdempotencyKey(action: string, id: number | string): Stored {
  const existing = read(action, id);
  if (existing) return existing;
  const fresh = { key: crypto.randomUUID(), attempts: 0 };
  write(action, id, fresh);
  return fresh;
}

/** Just before sending: counts the attempt (a later success on attempt ≥ 2 is the server's replay). */
export function markAttempt(action: string, id: number | string): Stored {
  const current = read(action, id) ?? openIdempotencyKey(action, id);
  const next = { key: current.key, attempts: current.attempts + 1 };
  write(action, id, next);
  return next;
}

/** A definite answer arrived: the key is done with. */
export function forgetIdempotencyKey(action: string, id: number | string): void {
  sessionStorage.removeItem(storageKey(action, id));
}

/**
 * Whether an error is a definite answer (the server looked at the request and refused it), after which the key is
 * dropped; network failures and 5xx keep it so that the retry is recognised as the same request.
 */
export function isDefiniteRefusal(error: unknown): boolean {
  return isClientError(error);
}
