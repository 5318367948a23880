// Run as its own process by database-busy.test.ts: another program that takes the ledger file's write
// lock, says so on stdout, keeps it for the given milliseconds, and lets go without writing anything.
import Database from 'better-sqlite3';

const [databasePath, holdText] = process.argv.slice(2) as [string, string];
const sqlite = new Database(databasePath, { fileMustExist: true });
sqlite.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\n');
setTimeout(() => {
  sqlite.exec('ROLLBACK');
  sqlite.close();
}, Number(holdText));
