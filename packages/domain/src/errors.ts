/**
 * Domain errors carry a stable code (e.g. `FUNDING.BUDGET_EXCEEDED`), a kind that the API maps to a transport
 * status exactly once (see packages/api trpc error middleware), and a Chinese message a user can act on.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'too_many';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

export const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, 'invalid', message, details);
export const notFound = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, 'not_found', message, details);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, 'conflict', message, details);
export const forbidden = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, 'forbidden', message, details);

/** Rate limits (sign-in, registration, uploads): the caller may retry later. */
export const tooMany = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, 'too_many', message, details);

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
