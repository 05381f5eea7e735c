/**
 * Fixtures for the centres API tests: the real demo seed, two centres (A managed by the demo `manager`, B by a second
 * manager created here like the seed creates accounts), signed-in clients. No query is mocked.
 */
import type { Role } from '@fund/domain';
import { DEMO_TEST_PASSWORD, signedIn, startAccountServer, type Client } from '../../test/account-fixtures';
import type { TestServer } from '../../test/harness';
import { insertAccount } from '../auth/auth.queries';
import { hashPassword } from '../auth/password-hash';
import { demoTotpSecretEnc } from '../../seed/demo-totp';

export interface CentresWorld {
  server: TestServer;
  admin: Client;
  managerA: Client;
  managerB: Client;
  reviewer: Client;
  centreA: number;
  centreB: number;
  managerAId: number;
  managerBId: number;
}

export async function addAccount(server: TestServer, username: string, roles: Role[]): Promise<number> {
  const passwordHash = await hashPassword(DEMO_TEST_PASSWORD, 'fast');
  return server.db.transaction().execute((trx) =>
    insertAccount(trx, {
      username,
      displayName: username,
      passwordHash,
      roles,
      mustChangePassword: false,
      now: server.clock.now(),
      totpSecretEnc: demoTotpSecretEnc(server.pii, DEMO_TEST_PASSWORD, username, roles),
    }),
  );
}

export const centreInput = (name: string) => ({
  name,
  kind: 'innovation-centre' as const,
  address: '岳阳市岳阳楼区南湖大道 1 号',
  operator: '岳阳南湖创业服务有限公司',
  floorAreaM2: 3000,
  recognitionLevel: 'municipal' as const,
  recognisedOn: '2025-06-01',
  facilities: [
    { kind: 'broadband' as const, name: '千兆光纤', description: '电信 1000M', quantity: 1 },
    { kind: 'equipment' as const, name: '3D 打印机', description: '', quantity: 2 },
  ],
});

/**
 * These tests build their own district: the demo seed's centres (centres.seed.ts) are removed first, child rows
 * before parents, so that counts and scopes are the tests' own.
 */
export async function removeDemoCentres(server: TestServer): Promise<void> {
  await server.db.transaction().execute(async (trx) => {
    for (const table of ['presence', 'event_attendee', 'centre_event', 'allocation', 'walk_in_team', 'workstation', 'centre_facility', 'centre_manager', 'centre'] as const) {
      await trx.deleteFrom(table).execute();
    }
  });
}

export async function startCentresWorld(): Promise<CentresWorld> {
  const server = await startAccountServer();
  await removeDemoCentres(server);
  const managerBId = await addAccount(server, 'manager.b', ['centre_manager']);
  const managerAId = (await server.db.selectFrom('app_user').select('id').where('username', '=', 'manager').executeTakeFirstOrThrow()).id;
  const { client: admin } = await signedIn(server, 'admin');
  const { client: managerA } = await signedIn(server, 'manager');
  const { client: managerB } = await signedIn(server, 'manager.b');
  const { client: reviewer } = await signedIn(server, 'reviewer');
  const { id: centreA } = await admin.centres.create.mutate(centreInput('南湖创业创新中心'));
  const { id: centreB } = await admin.centres.create.mutate(centreInput('城陵矶电商快递物流园'));
  await admin.centres.assignManager.mutate({ centreId: centreA, userId: managerAId });
  await admin.centres.assignManager.mutate({ centreId: centreB, userId: managerBId });
  return { server, admin, managerA, managerB, reviewer, centreA, centreB, managerAId, managerBId };
}

/** The tRPC error's code and domain code, for `expect(...).rejects` alternatives. */
export async function errorOf(p: Promise<unknown>): Promise<{ code: string; domainCode: string | null; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { message: string; data?: { code?: string; domainCode?: string | null } };
    return { code: err.data?.code ?? 'UNKNOWN', domainCode: err.data?.domainCode ?? null, message: err.message };
  }
  throw new Error('expected the call to fail');
}

export function enterpriseIds(server: TestServer): Promise<number[]> {
  return server.db.selectFrom('enterprise').select('id').orderBy('id').execute().then((r) => r.map((x) => x.id));
}
