import { needsSecondFactor, type Role } from '@fund/domain';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { SessionUser } from '../../context';
import { precompiled } from '../../db/precompiled';
import type { Database } from '../../db/schema';
import type { AppUserTable, SessionTable } from './auth.tables';

type Db = Kysely<Database> | Transaction<Database>;

// ─── accounts ──────────────────────────────────────────────────────────────────────────────────────────────────

/** What sign-in needs to know about an account (the only place the password hash is read). */
export interface SignInAccount {
  id: number;
  username: string;
  passwordHash: string;
  disabled: boolean;
  failedCount: number;
  lockedUntil: string | null;
}

const signInColumns = [
  'id',
  'username',
  'password_hash',
  'disabled_at',
  'failed_count',
  'locked_until',
] as const;

function toSignInAccount(row: Pick<Selectable<AppUserTable>, (typeof signInColumns)[number]>): SignInAccount {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    disabled: row.disabled_at !== null,
    failedCount: row.failed_count,
    lockedUntil: row.locked_until,
  };
}

export async function findSignInAccountByUsername(db: Db, username: string): Promise<SignInAccount | null> {
  const row = await db
    .selectFrom('app_user')
    .select(signInColumns)
    .where('username', '=', username)
    .executeTakeFirst();
  return row ? toSignInAccount(row) : null;
}

export async function findSignInAccountById(db: Db, id: number): Promise<SignInAccount | null> {
  const row = await db.selectFrom('app_user').select(signInColumns).where('id', '=', id).executeTakeFirst();
  return row ? toSignInAccount(row) : null;
}

export async function isUsernameTaken(db: Db, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  return row !== undefined;
}

export interface NewAccount {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: readonly Role[];
  mustChangePassword: boolean;
  now: Date;
  /** An already set-up second factor (demo and test data only; people set theirs up themselves). */
  totpSecretEnc?: string | null;
}

export async function insertAccount(trx: Transaction<Database>, a: NewAccount): Promise<number> {
  const at = a.now.toISOString();
  const { id } = await trx
    .insertInto('app_user')
    .values({
      username: a.username,
      display_name: a.displayName,
      password_hash: a.passwordHash,
      disabled_at: null,
      locked_until: null,
      must_change_password: a.mustChangePassword ? 1 : 0,
      totp_secret_enc: a.totpSecretEnc ?? null,
      totp_enrolled_at: a.totpSecretEnc ? at : null,
      created_at: at,
      password_changed_at: at,
      last_sign_in_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertRoles(trx, id, a.roles);
  return id;
}

export async function insertRoles(
  trx: Transaction<Database>,
  userId: number,
  roles: readonly Role[],
): Promise<void> {
  if (roles.length === 0) return;
  await trx
    .insertInto('user_role')
    .values(roles.map((role) => ({ user_id: userId, role })))
    .execute();
}

export async function rolesOf(db: Db, userId: number): Promise<Role[]> {
  const rows = await db
    .selectFrom('user_role')
    .select('role')
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role);
}

/** The signed-in user as procedures see it (the contract's `Me`). */
export async function findSessionUser(db: Db, userId: number): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('app_user as u')
    .select((eb) => [
      'u.id',
      'u.username',
      'u.display_name',
      'u.must_change_password',
      'u.totp_secret_enc',
      eb
        .selectFrom('enterprise as e')
        .select('e.id')
        .whereRef('e.owner_user_id', '=', 'u.id')
        .as('enterprise_id'),
      eb.selectFrom('founder as f').select('f.id').whereRef('f.user_id', '=', 'u.id').as('founder_id'),
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  const roles = await rolesOf(db, userId);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles,
    enterpriseId: row.enterprise_id ?? null,
    founderId: row.founder_id ?? null,
    mustChangePassword: row.must_change_password === 1,
    mustEnrolSecondFactor: needsSecondFactor(roles) && row.totp_secret_enc === null,
  };
}

export async function recordFailedSignIn(
  trx: Transaction<Database>,
  userId: number,
  failedCount: number,
  lockedUntil: string | null,
): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({ failed_count: failedCount, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();
}

export async function recordSuccessfulSignIn(
  trx: Transaction<Database>,
  userId: number,
  now: Date,
  rehashed: string | null,
): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({
      failed_count: 0,
      locked_until: null,
      last_sign_in_at: now.toISOString(),
      ...(rehashed === null ? {} : { password_hash: rehashed }),
    })
    .where('id', '=', userId)
    .execute();
}

export async function setPassword(
  trx: Transaction<Database>,
  userId: number,
  args: { passwordHash: string; mustChangePassword: boolean; now: Date },
): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({
      password_hash: args.passwordHash,
      must_change_password: args.mustChangePassword ? 1 : 0,
      password_changed_at: args.now.toISOString(),
      failed_count: 0,
      locked_until: null,
    })
    .where('id', '=', userId)
    .execute();
}

// ─── sessions ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface SessionRecord {
  idHash: string;
  userId: number;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userDisabled: boolean;
  /** The signed-in user as `findSessionUser` shapes it, read in the same statement. */
  user: SessionUser;
}

/**
 * The presented session with its user, roles, enterprise and founder profile — ONE statement, because it runs on
 * every signed-in request (ADR 014: session, user and roles were three round trips through kysely and SQLite), and
 * compiled once (`precompiled`). Must answer what `findSessionUser` answers.
 */
const sessionWithUser = precompiled((db, idHash: string) =>
  db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select((eb) => [
      's.id_hash',
      's.user_id',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      'u.disabled_at',
      'u.username',
      'u.display_name',
      'u.must_change_password',
      'u.totp_secret_enc',
      eb
        .selectFrom('enterprise as e')
        .select('e.id')
        .whereRef('e.owner_user_id', '=', 'u.id')
        .as('enterprise_id'),
      eb.selectFrom('founder as f').select('f.id').whereRef('f.user_id', '=', 'u.id').as('founder_id'),
      eb
        .selectFrom('user_role as r')
        .select(sql<string>`json_group_array(r.role)`.as('roles'))
        .whereRef('r.user_id', '=', 'u.id')
        .as('roles_json'),
    ])
    .where('s.id_hash', '=', idHash),
);

export async function findSession(db: Db, idHash: string): Promise<SessionRecord | null> {
  const [row] = await sessionWithUser(db, idHash);
  if (!row) return null;
  // Sorted like `rolesOf` (order by role; role names are ASCII, so JS and SQLite order agree).
  const roles = (JSON.parse(row.roles_json ?? '[]') as Role[]).sort();
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    userDisabled: row.disabled_at !== null,
    user: {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      roles,
      enterpriseId: row.enterprise_id ?? null,
      founderId: row.founder_id ?? null,
      mustChangePassword: row.must_change_password === 1,
      mustEnrolSecondFactor: needsSecondFactor(roles) && row.totp_secret_enc === null,
    },
  };
}

export async function insertSession(trx: Transaction<Database>, s: Selectable<SessionTable>): Promise<void> {
  await trx.insertInto('session').values(s).execute();
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db
    .updateTable('session')
    .set({ last_seen_at: now.toISOString() })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user (sign-out everywhere, password change, disabling, role change). Returns the count. */
export async function deleteSessionsOfUser(db: Db, userId: number): Promise<number> {
  const result = await db.deleteFrom('session').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Sessions past their absolute expiry are garbage; idle ones are removed when next presented. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<=', now.toISOString()).execute();
}
