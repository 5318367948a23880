// Run as its own process by backup-restore.test.ts: another program posting all the time. It commits one
// small write after another (an audit entry, which any ledger accepts), says "writing" once the first is in,
// and stops after the given milliseconds, printing how many it committed.
import Database from 'better-sqlite3';

const [databasePath, forText] = process.argv.slice(2) as [string, string];
const sqlite = new Database(databasePath, { fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
const insert = sqlite.prepare(
  "INSERT INTO audit_log (at, username, action, entity) VALUES (?, 'other-program', 'test.write', 'x')",
);
const until = Date.now() + Number(forText);
let written = 0;
while (Date.now() < until) {
  sqlite.exec('BEGIN IMMEDIATE');
  insert.run(new Date().toISOString());
  sqlite.exec('COMMIT');
  written++;
  if (written === 1) process.stdout.write('writing\n');
}
sqlite.close();
process.stdout.write(`written ${written}\n`);
