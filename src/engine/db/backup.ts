import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../shared/ledger-error';

/**
 * Copies the live database to `target` with SQLite's online backup API: consistent even while
 * the app keeps writing, unlike copying the file, which can catch a half-written WAL.
 */
export async function backupDatabase(
  sqlite: Database.Database,
  target: string,
): Promise<{ path: string; bytes: number }> {
  const resolved = path.resolve(target);
  // Never overwrite: the file there may be the live database under another name (a link, another
  // case on Windows) or an earlier backup someone still needs.
  if (fs.existsSync(resolved)) {
    throw new LedgerError('BACKUP_FAILED', `备份文件 ${resolved} 已存在，未覆盖。请换一个文件名。`);
  }
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  await sqlite.backup(resolved);
  return { path: resolved, bytes: fs.statSync(resolved).size };
}
