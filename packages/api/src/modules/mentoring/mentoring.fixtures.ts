/**
 * Fixtures for the mentoring API tests: the real server on a fresh SQLite file with the demo seed (which includes
 * seedMentoringDemo), accounts signing in through the real `auth.signIn`, and helpers that go through the real
 * procedures — never around them.
 */
import type { MenteeRequestInput, MentorProfileInput } from '@fund/domain';
import { CookieJar, type TestServer } from '../../test/harness';
import { enterpriseInput, FREE_USCCS, signedIn, type Client } from '../../test/account-fixtures';

export { signedIn, startAccountServer, TEST_NOW, type Client } from '../../test/account-fixtures';

export function profile(overrides: Partial<MentorProfileInput> = {}): MentorProfileInput {
  return {
    name: '测试导师',
    kind: 'entrepreneur',
    organisation: '岳阳测试创业服务有限公司',
    title: '总经理',
    industries: ['software-it'],
    topics: ['financing', 'marketing'],
    capacity: 3,
    availability: 'accepting',
    bio: '',
    ...overrides,
  };
}

export function requestInput(overrides: Partial<MenteeRequestInput> = {}): MenteeRequestInput {
  return {
    topics: ['financing'],
    industry: 'software-it',
    stage: 'growth',
    preferredKind: null,
    description: '希望导师在融资和经营管理方面给予指导。',
    manager: null,
    ...overrides,
  };
}

let accountSeq = 0;
const MENTOR_PASSWORD = 'mentor own pass phrase 2';

/** An admin creates a mentor with a new account; the mentor signs in and replaces its temporary password. */
export async function newMentor(
  server: TestServer,
  admin: Client,
  overrides: Partial<MentorProfileInput> = {},
): Promise<{ id: number; client: Client; username: string; password: string }> {
  accountSeq += 1;
  const username = `mentor.t${accountSeq}`;
  const password = 'temporary pass phrase 1';
  const { id } = await admin.mentoring.mentors.create.mutate({
    profile: profile({ name: `导师${accountSeq}`, ...overrides }),
    account: { username, displayName: `测试导师${accountSeq}`, password },
  });
  const { client } = await signedIn(server, username, password);
  await client.auth.changePassword.mutate({ currentPassword: password, newPassword: MENTOR_PASSWORD });
  return { id, client, username, password: MENTOR_PASSWORD };
}

/** A second enterprise (registered through the portal), signed in as its applicant. */
export async function otherEnterprise(server: TestServer, index = 1): Promise<Client> {
  const jar = new CookieJar();
  const client = server.client({ jar });
  await client.registration.registerEnterprise.mutate(
    enterpriseInput({
      uscc: FREE_USCCS[index],
      username: `other.ent${index}`,
      name: `岳阳其他测试企业${index}有限公司`,
    }),
  );
  return client;
}

/** Staff propose, the mentor accepts: an active pairing. */
export async function activePairing(
  staff: Client,
  mentor: { id: number; client: Client },
  requestId: number,
  minSessions = 2,
): Promise<number> {
  const p = await staff.mentoring.pairings.propose.mutate({ requestId, mentorId: mentor.id, minSessions });
  await mentor.client.mentoring.pairings.accept.mutate({ pairingId: p.id });
  return p.id;
}

export function auditActions(server: TestServer, prefix: string): string[] {
  return (
    server.sqlite
      .prepare('select action from audit_event where action like ? order by seq')
      .all(`${prefix}%`) as {
      action: string;
    }[]
  ).map((r) => r.action);
}
