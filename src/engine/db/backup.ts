import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../shared/ledger-error';
import { encryptFile } from './backup-encryption';
import { ledgerApplicationId } from './connection';
import { damagedDatabaseError, integrityProblems } from './integrity';

/** What a backup in progress is called until it is complete and verified: never mistaken for a backup. */
export const partialSuffix = '.partial';

export interface BackupResult {
  path: string;
  bytes: number;
  encrypted: boolean;
}

/** Flushes a file (or, where the system allows it, a folder's entry list) to the disk before we rely on it. */
function fsyncPath(target: string, kind: 'file' | 'folder'): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(target, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    // Windows cannot open a folder to flush it; there, a rename is durable once the file's data is.
    if (kind === 'file') throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function refuseExisting(target: string): void {
  // Never overwrite: the file there may be the live database under another name (a link, another case on
  // Windows) or an earlier backup someone still needs.
  if (fs.existsSync(target)) {
    throw new LedgerError('BACKUP_FAILED', `备份文件 ${target} 已存在，未覆盖。请换一个文件名。`);
  }
}

/**
 * A copy is a backup only once SQLite's full integrity check passes on it and it carries the ledger mark:
 * a copy that was cut short or written onto a failing disk is found now, not on the day it is needed.
 */
export function verifyLedgerCopy(file: string): void {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    let applicationId: unknown;
    try {
      applicationId = copy.pragma('application_id', { simple: true });
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB') applicationId = null;
      else throw error;
    }
    if (applicationId !== ledgerApplicationId) {
      throw new LedgerError('NOT_A_LEDGER', `文件 ${file} 不是分支账簿的数据库。`);
    }
    const problems = integrityProblems(copy, 'full');
    if (problems.length > 0) throw damagedDatabaseError(file, problems);
  } finally {
    copy.close();
  }
}

/** A verified snapshot waiting to become a backup (`finishBackup`) or to be dropped (`discardSnapshot`). */
export interface BackupSnapshot {
  target: string;
  file: string;
}

function partialFiles(target: string): string[] {
  return [target + partialSuffix, `${target}.plain${partialSuffix}`];
}

/** Removes what a backup to `target` left unfinished. */
export function discardSnapshot(snapshot: BackupSnapshot): void {
  for (const file of partialFiles(snapshot.target)) fs.rmSync(file, { force: true });
}

/**
 * The first, synchronous half of a backup: `VACUUM INTO` a temporary file in the target's folder, checked.
 * `VACUUM INTO` reads one snapshot in one read transaction, which in WAL mode no writer blocks or restarts.
 * (SQLite's online backup API, used before, starts over whenever another connection writes, so a second
 * program posting all day starved it.) Synchronous so that a restore can take it while it holds the lock.
 */
export function snapshotDatabase(sqlite: Database.Database, target: string): BackupSnapshot {
  const resolved = path.resolve(target);
  refuseExisting(resolved);
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const snapshot = { target: resolved, file: `${resolved}.plain${partialSuffix}` };
  // Left by a run that was cut off (a power cut): never a backup, and in the way of VACUUM INTO.
  discardSnapshot(snapshot);
  try {
    sqlite.prepare('VACUUM INTO ?').run(snapshot.file);
    verifyLedgerCopy(snapshot.file);
  } catch (error) {
    discardSnapshot(snapshot);
    throw error;
  }
  return snapshot;
}

/**
 * The second half: with a passphrase the checked copy is encrypted (backup-encryption.ts); then fsync, and a
 * rename to the target. Whoever finds the target finds a whole, checked backup; an interrupted run leaves
 * only `.partial` files, which the engine refuses to open as a ledger, and which a failure removes.
 */
export async function finishBackup(
  snapshot: BackupSnapshot,
  options: { passphrase?: string | null } = {},
): Promise<BackupResult> {
  const passphrase = options.passphrase ?? null;
  const partial = snapshot.target + partialSuffix;
  try {
    if (passphrase) {
      await encryptFile(snapshot.file, partial, passphrase);
      fs.rmSync(snapshot.file);
    } else fs.renameSync(snapshot.file, partial);
    fsyncPath(partial, 'file');
    refuseExisting(snapshot.target);
    fs.renameSync(partial, snapshot.target);
    fsyncPath(path.dirname(snapshot.target), 'folder');
  } catch (error) {
    discardSnapshot(snapshot);
    throw error;
  }
  return { path: snapshot.target, bytes: fs.statSync(snapshot.target).size, encrypted: passphrase !== null };
}

/**
 * Backs the live database up to `target`, atomically and verified: a consistent snapshot no writer can
 * starve, `PRAGMA integrity_check` on the copy, optionally encrypted, fsync, rename. Never overwrites.
 */
export async function backupDatabase(
  sqlite: Database.Database,
  target: string,
  options: { passphrase?: string | null } = {},
): Promise<BackupResult> {
  return finishBackup(snapshotDatabase(sqlite, target), options);
}
