/**
 * A SECOND PROCESS on the server's database file (reliability-security.md §1: "another process writing the same file
 * (an import CLI, a backup) needs BEGIN IMMEDIATE and a busy timeout"). Run by races.test.ts and backup-restore.test.ts:
 *
 *   node --import tsx src/proof/second-writer.ts <db-file> [vacuum-dir]
 *
 * Opens its own better-sqlite3 connection (WAL, busy_timeout 5000), creates an audit-free staging table, prints
 * `READY`, then loops until stdin closes: an import-like bulk insert of 200 rows in one `BEGIN IMMEDIATE`
 * transaction, and every 10th round a `VACUUM INTO` backup into `vacuum-dir`. Prints `DONE <rounds> <rows>
 * <vacuums> <errors>` at the end; any SQLite error is printed as `ERROR <message>` and counted.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

const [file, vacuumDir] = process.argv.slice(2);
if (!file) {
  console.error('usage: second-writer.ts <db-file> [vacuum-dir]');
  process.exit(2);
}
const db = new BetterSqlite3(file);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
db.exec(
  'create table if not exists proof_import_staging (id integer primary key, batch integer not null, line integer not null, payload text not null)',
);
const insert = db.prepare('insert into proof_import_staging (batch, line, payload) values (?, ?, ?)');
const importBatch = db.transaction((batch: number) => {
  for (let line = 0; line < 200; line += 1)
    insert.run(batch, line, `企业导入第${batch}批第${line}行`.padEnd(80, '·'));
});

let rounds = 0;
let rows = 0;
let vacuums = 0;
let errors = 0;
let stop = false;
process.stdin.on('end', () => (stop = true));
process.stdin.on('close', () => (stop = true));
process.stdin.resume();
console.log('READY');

function round(): void {
  if (stop) {
    console.log(`DONE ${rounds} ${rows} ${vacuums} ${errors}`);
    db.close();
    process.exit(0);
  }
  try {
    importBatch.immediate(rounds);
    rows += 200;
    if (vacuumDir && rounds % 10 === 0) {
      const target = join(vacuumDir, `vacuum-${rounds}.db`);
      db.prepare('vacuum into ?').run(target);
      rmSync(target, { force: true });
      vacuums += 1;
    }
  } catch (e) {
    errors += 1;
    console.log(`ERROR ${(e as Error).message}`);
  }
  rounds += 1;
  setTimeout(round, 2); // yield so that stdin's end is seen; the server gets the lock in between
}
round();
