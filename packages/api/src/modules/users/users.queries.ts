import type { Role } from '@fund/domain';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AppUserTable } from '../auth/auth.tables';

type Db = Kysely<Database> | Transaction<Database>;

/** The contract's `StaffUser`. */
export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  createdAt: string;
  /** A second factor (TOTP) is set up; `needsSecondFactor(roles)` tells whether one is required. */
  secondFactorEnrolled: boolean;
}

const userColumns = [
  'id',
  'username',
  'display_name',
  'disabled_at',
  'locked_until',
  'last_sign_in_at',
  'created_at',
  'totp_enrolled_at',
] as const;
type UserRow = Pick<Selectable<AppUserTable>, (typeof userColumns)[number]>;

function toStaffUser(row: UserRow, roles: Role[]): StaffUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles,
    disabled: row.disabled_at !== null,
    lockedUntil: row.locked_until,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    secondFactorEnrolled: row.totp_enrolled_at !== null,
  };
}

/** `%`, `_` and the escape character itself are literal in a search box. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

async function rolesByUser(db: Db, ids: number[]): Promise<Map<number, Role[]>> {
  const map = new Map<number, Role[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('user_role')
    .select(['user_id', 'role'])
    .where('user_id', 'in', ids)
    .orderBy('user_id')
    .orderBy('role')
    .execute();
  for (const r of rows) map.get(r.user_id)?.push(r.role);
  return map;
}

export async function findUser(db: Db, id: number): Promise<StaffUser | null> {
  const row = await db.selectFrom('app_user').select(userColumns).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return toStaffUser(row, (await rolesByUser(db, [id])).get(id) ?? []);
}

/** Every account, newest first; `q` matches the start of the username or any part of the display name. */
export async function listUsers(
  db: Db,
  args: { q?: string | undefined; page: number; pageSize: number },
): Promise<{ items: StaffUser[]; total: number }> {
  const q = args.q?.trim() ? args.q.trim() : null;
  let base = db.selectFrom('app_user');
  if (q !== null) {
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('username')} like ${`${likeEscape(q.toLowerCase())}%`} escape '\\'`,
        sql<boolean>`${eb.ref('display_name')} like ${`%${likeEscape(q)}%`} escape '\\'`,
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .select(userColumns)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(args.pageSize)
      .offset((args.page - 1) * args.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const roles = await rolesByUser(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toStaffUser(r, roles.get(r.id) ?? [])), total: Number(count.n) };
}

export async function replaceRoles(
  trx: Transaction<Database>,
  userId: number,
  roles: readonly Role[],
): Promise<void> {
  await trx.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await trx
      .insertInto('user_role')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

export async function setDisabledAt(
  trx: Transaction<Database>,
  userId: number,
  disabledAt: string | null,
): Promise<void> {
  await trx
    .updateTable('app_user')
    .set(
      disabledAt === null
        ? { disabled_at: null, failed_count: 0, locked_until: null }
        : { disabled_at: disabledAt },
    )
    .where('id', '=', userId)
    .execute();
}

export async function clearLock(trx: Transaction<Database>, userId: number): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({ failed_count: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}
