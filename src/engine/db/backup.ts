import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Copies the live database to `target` with SQLite's online backup API: consistent even while
 * the app keeps writing, unlike copying the file, which can catch a half-written WAL.
 */
export async function backupDatabase(
  sqlite: Database.Database,
  target: string,
): Promise<{ path: string; bytes: number }> {
  const resolved = path.resolve(target);
  if (resolved === path.resolve(sqlite.name)) {
    throw new Error('backup target is the database itself');
  }
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  await sqlite.backup(resolved);
  return { path: resolved, bytes: fs.statSync(resolved).size };
}
