import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { founderInput, signedIn, startAccountServer } from '../../test/account-fixtures';
import type { TestServer } from '../../test/harness';

describe('founders', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startAccountServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows a demo founder their own profile, masked', async () => {
    const { client } = await signedIn(server, 'founder');
    expect(await client.founders.mine.query()).toMatchObject({
      name: '李明',
      school: '湖南理工学院',
      graduationYear: 2024,
      idNumberMasked: '430602********0319',
      mobileMasked: '139****0101',
    });
  });

  it('lists founders for staff newest first, searchable by name or school, with masked personal data only', async () => {
    server.clock.advance(60_000);
    await server.client().registration.registerFounder.mutate(founderInput());
    const { client } = await signedIn(server, 'reviewer');
    const all = await client.founders.list.query({});
    expect(all.total).toBe(4);
    expect(all.items[0]).toMatchObject({ name: '赵小龙', mobileMasked: '139****5678' });
    expect(JSON.stringify(all)).not.toContain(founderInput().idNumber);
    expect((await client.founders.list.query({ q: '湖南理工' })).items.map((f) => f.name).sort()).toEqual(
      ['李明', '赵小龙', '陈浩'].sort(),
    );
    expect((await client.founders.list.query({ q: '王' })).items.map((f) => f.name)).toEqual(['王芳']);
    expect(await client.founders.list.query({ page: 2, pageSize: 3 })).toMatchObject({
      total: 4,
      items: [{ name: '李明' }],
    });
  });

  it('refuses the founder list to applicants and founders, and founders.mine to staff', async () => {
    const applicant = (await signedIn(server, 'applicant')).client;
    await expect(applicant.founders.list.query({})).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    const founder = (await signedIn(server, 'founder2')).client;
    await expect(founder.founders.list.query({})).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    const reviewer = (await signedIn(server, 'reviewer')).client;
    await expect(reviewer.founders.mine.query()).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    await expect(server.client().founders.mine.query()).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
  });
});
