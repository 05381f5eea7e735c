import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { createMigrator, migrateToLatest, migrations } from './index';

describe('migrations', () => {
  it('are timestamp-named and listed in order', () => {
    const names = Object.keys(migrations);
    for (const n of names) expect(n).toMatch(/^\d{8}T\d{4}-[a-z0-9-]+$/);
    expect([...names].sort()).toEqual(names);
  });

  it('apply to an empty database and are idempotent', async () => {
    const { db, sqlite } = openDatabase(':memory:');
    try {
      await migrateToLatest(db);
      await migrateToLatest(db);
      const applied = await createMigrator(db).getMigrations();
      expect(applied.every((m) => m.executedAt !== undefined)).toBe(true);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await db.destroy();
    }
  });

  it('open file databases in WAL mode with synchronous=FULL', async () => {
    const { db, sqlite } = openDatabase(join(mkdtempSync(join(tmpdir(), 'fund-conn-')), 'x.db'));
    try {
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      await db.destroy();
    }
  });
});
