import type { Kysely } from 'kysely';

/**
 * Migrations are written against an untyped database (style guide rule 10): they are frozen once landed, while the
 * `Database` type keeps evolving, so they must not depend on it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MigrationDb = Kysely<any>;
