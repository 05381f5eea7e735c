import { createHash, randomBytes } from 'node:crypto';

/**
 * Session tokens (ASVS 7.2.3, 7.3.1, 7.3.2; ADR 005). The browser holds 32 random bytes (256 bits) from the CSPRNG,
 * base64url-encoded, in an HttpOnly cookie; the database holds only their SHA-256, so a copy of the database (a
 * backup, a leaked file) cannot be replayed as a session.
 */
export const SESSION_TOKEN_BYTES = 32;

export function newSessionToken(): { token: string; idHash: string } {
  const token = randomBytes(SESSION_TOKEN_BYTES).toString('base64url');
  return { token, idHash: hashSessionToken(token) };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 43 base64url characters for 32 bytes: anything else is not one of our tokens, so it is not even looked up. */
export function isWellFormedToken(token: string | undefined): token is string {
  return token !== undefined && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** `__Host-` needs Secure, which needs https (ASVS 3.3.1, 3.3.2): the prefix follows PUBLIC_ORIGIN's scheme. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-fund_sid' : 'fund_sid';
}

export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

export interface SessionTimes {
  readonly lastSeenAt: string;
  readonly expiresAt: string;
}

export type SessionState = 'active' | 'idle-expired' | 'expired';

/** Evaluated against the request's clock (architecture.md "Time"), not by timers. */
export function sessionState(s: SessionTimes, policy: SessionPolicy, now: Date): SessionState {
  const t = now.getTime();
  if (t >= Date.parse(s.expiresAt)) return 'expired';
  if (t >= Date.parse(s.lastSeenAt) + policy.idleMinutes * 60_000) return 'idle-expired';
  return 'active';
}

export function absoluteExpiry(createdAt: Date, policy: SessionPolicy): Date {
  return new Date(createdAt.getTime() + policy.absoluteHours * 3_600_000);
}

/**
 * `last_seen_at` is written at most once a minute per session: enough precision for a 30-minute idle timeout, and
 * it keeps read-only traffic from turning every query into a write.
 */
export const TOUCH_INTERVAL_MS = 60_000;

export function needsTouch(lastSeenAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(lastSeenAt) >= TOUCH_INTERVAL_MS;
}
