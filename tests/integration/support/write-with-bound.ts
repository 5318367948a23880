// Run as its own process by import-batches.test.ts: another program making one small write every few
// milliseconds while an import runs, waiting at most the given bound for the write lock each time (as
// the engine does). Prints, at the end, how many writes got in, how many met "database is locked", and
// the longest wait.
import Database from 'better-sqlite3';

const [databasePath, forText, boundText] = process.argv.slice(2) as [string, string, string];
const sqlite = new Database(databasePath, { fileMustExist: true });
sqlite.pragma(`busy_timeout = ${boundText}`);
const insert = sqlite.prepare(
  "INSERT INTO settings (key, value, updated_at) VALUES ('otherProgram', ?, ?) " +
    'ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
);
const until = Date.now() + Number(forText);
const result = { written: 0, busy: 0, longestWaitMs: 0, at: [] as string[] };
process.stdout.write('writing\n');
while (Date.now() < until) {
  const started = Date.now();
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    insert.run(JSON.stringify(started), new Date(started).toISOString());
    sqlite.exec('COMMIT');
    result.written += 1;
    result.at.push(new Date().toISOString());
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) result.busy += 1;
    else throw error;
  }
  result.longestWaitMs = Math.max(result.longestWaitMs, Date.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 20));
}
sqlite.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
