import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../clock';
import { createPii } from '../../crypto/pii';
import { parseEnv } from '../../env';
import { seedDemoDataIfEmpty } from '../../seed/demo';
import { freshDatabase, type TestDatabase } from '../../test/db';

const NOW = new Date('2026-11-26T02:00:00Z');

describe('demo funding programmes', () => {
  let handle: TestDatabase;
  afterEach(async () => {
    await handle.close();
  });

  it('opens this fiscal year’s 贷款贴息 and 以奖代投 with their budgets, and one 政府购买服务 programme', async () => {
    handle = await freshDatabase();
    const env = parseEnv({
      NODE_ENV: 'development',
      DATA_DIR: handle.dir,
      DATA_KEY: randomBytes(32).toString('hex'),
      AUDIT_ANCHOR_KEY: randomBytes(32).toString('hex'),
      PASSWORD_HASH_PROFILE: 'fast',
      DEMO_PASSWORD: 'demo pass for tests',
    });
    await seedDemoDataIfEmpty(handle.db, env, { clock: systemClock, now: NOW, pii: createPii(env.DATA_KEY) });
    const rows = handle.sqlite
      .prepare(
        `select p.name, p.scheme, p.fiscal_year, p.opens_on, p.closes_on,
                (select sum(amount_fen) from ledger_entry l where l.programme_id = p.id and l.kind = 'allocation') as budget
           from programme p order by p.id`,
      )
      .all() as { name: string; scheme: string; budget: number; opens_on: string; closes_on: string }[];
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get('2026年度中小微企业贷款贴息（第二批）')).toMatchObject({
      scheme: 'loan-interest-subsidy',
      budget: 500_000_000,
      opens_on: '2026-01-01',
      closes_on: '2026-12-31',
    });
    expect(byName.get('2026年度以奖代投')).toMatchObject({
      scheme: 'award-in-lieu-of-investment',
      budget: 300_000_000,
    });
    expect(rows.filter((r) => r.scheme === 'centre-service')).toHaveLength(1);
    // The seed's single audit event records the whole demo (demo.test.ts counts it).
    expect(handle.sqlite.prepare('select count(*) as n from audit_event').get()).toEqual({ n: 1 });
  });
});
