import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../../shared/ledger-error';
import type { Actor, Clock } from '../context';
import { checkedCopyOfBackup, type BackupCopy, type BackupCopyEnv } from './backup-copy';
import {
  assertSameBranchOrAcknowledged,
  backupPreview,
  prepareCopy,
  type RestorePreview,
} from './restore-ledger';

/**
 * The refusals of a ledger file that a restore is the answer to: damaged (its quick check fails), or written
 * by a newer app. A file that is not a ledger at all (another program's, a 0-byte copy) is not taken for one:
 * the person may have named the wrong file.
 */
const unopenableCodes = {
  DATABASE_DAMAGED: { label: '已损坏', fileTag: 'damaged' },
  SCHEMA_TOO_NEW: { label: '由较新版本的分支账簿写入', fileTag: 'newer-version' },
} as const;
type UnopenableCode = keyof typeof unopenableCodes;
export type UnopenableRefusal = LedgerError & { code: UnopenableCode };

export function isUnopenableLedger(error: unknown): error is UnopenableRefusal {
  return error instanceof LedgerError && error.code in unopenableCodes;
}

/** Why the file was refused, in a few words: 已损坏, 由较新版本的分支账簿写入. */
export function unopenableReason(refusal: UnopenableRefusal): string {
  return unopenableCodes[refusal.code].label;
}

/** The ledger file the engine refused to open, and what a restore over it needs of the host. */
export interface UnopenableLedger extends BackupCopyEnv {
  refusal: UnopenableRefusal;
  actor: Actor;
  clock: Clock;
}

export interface UnopenablePreview extends RestorePreview {
  /** Why the ledger in use cannot be opened: what the restore is for. */
  current: { file: string; code: UnopenableCode; message: string };
}

export interface UnopenableRestoreOutcome extends UnopenablePreview {
  /** The refused ledger, moved aside as it was (never deleted); its -wal / -shm beside it when it had them. */
  keptAside: string[];
}

/** What SQLite keeps beside a database file: moved with it, or the backup put in its place would meet them. */
const sidecars = ['-wal', '-shm', '-journal'];

/**
 * The branch of the refused file, if its profile can still be read without writing to it: the same safeguard
 * against restoring another branch's books as the ordinary restore, where the damage allows it.
 */
function readableBranchCode(file: string): string | null {
  try {
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const row = sqlite.prepare('SELECT code FROM branch_profile').get() as { code: string } | undefined;
      return row?.code ?? null;
    } finally {
      sqlite.close();
    }
  } catch {
    return null;
  }
}

function previewOver(ledger: UnopenableLedger, copy: BackupCopy): UnopenablePreview {
  const preview = backupPreview(copy, readableBranchCode(ledger.databasePath));
  if (preview.branch === null) {
    throw new LedgerError(
      'RESTORE_FAILED',
      `备份 ${copy.from} 中没有机构资料，不是一个可以恢复的账簿备份。当前账簿未作改动。`,
    );
  }
  return {
    ...preview,
    current: { file: ledger.databasePath, code: ledger.refusal.code, message: ledger.refusal.message },
  };
}

/** Beside the refused file, named for why it was set aside and when: `ledger-damaged-2026-03-02-013000Z.db`. */
function asideName(ledger: UnopenableLedger): string {
  const { dir, name, ext } = path.parse(ledger.databasePath);
  const time = ledger.clock.now().toISOString().slice(11, 19).replace(/:/g, '');
  const stem = `${name}-${unopenableCodes[ledger.refusal.code].fileTag}-${ledger.clock.today()}-${time}Z`;
  const taken = (candidate: string) =>
    [candidate, ...sidecars.map((suffix) => candidate + suffix)].some((file) => fs.existsSync(file));
  let candidate = path.join(dir, `${stem}${ext}`);
  for (let n = 2; taken(candidate); n += 1) candidate = path.join(dir, `${stem}-${n}${ext}`);
  return candidate;
}

/** Renames the file and its sidecars; all of them or, when one fails, none (those moved are moved back). */
function moveDatabaseFiles(from: string, to: string): string[] {
  const moved: [string, string][] = [];
  try {
    for (const suffix of ['', ...sidecars]) {
      if (!fs.existsSync(from + suffix)) continue;
      fs.renameSync(from + suffix, to + suffix);
      moved.push([from + suffix, to + suffix]);
    }
  } catch (error) {
    for (const [source, target] of moved.reverse()) fs.renameSync(target, source);
    throw error;
  }
  return moved.map(([, target]) => target);
}

function flushFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder to flush it; there the renames are durable as they are.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** What a restore over the refused ledger would bring back; nothing is changed. */
export async function previewRestoreOverUnopenable(
  ledger: UnopenableLedger,
  from: string,
  passphrase: string | null,
): Promise<UnopenablePreview> {
  const copy = await checkedCopyOfBackup(ledger, from, passphrase);
  try {
    return previewOver(ledger, copy);
  } finally {
    copy.remove();
  }
}

/**
 * 恢复 when the ledger in use cannot be opened (damaged, or from a newer app) — exactly when a restore is
 * needed, and when the ordinary restore (restore-ledger.ts), which runs inside an open engine, cannot. In order:
 * 1. the backup checked as for any restore: decrypted, SQLite's full integrity check, a schema this app knows,
 *    and a branch profile; another branch's backup only when `acknowledged` (when the refused file still says
 *    which branch it was);
 * 2. the copy migrated if older and marked as restored (ledger_restores: the upload opens a new epoch), with
 *    the audit entry saying where the refused file went;
 * 3. the refused file, with its -wal / -shm, renamed aside in its own folder, byte for byte as it was: it may
 *    be all there is of what was posted since the backup, for someone to recover by other means;
 * 4. the copy renamed into its place (beside it already, so on the same disk), the folder flushed.
 * Renames, not the write through SQLite of the ordinary restore: no engine can have this file open, since the
 * engine refuses it. If step 4 fails the refused file is moved back.
 */
export async function restoreOverUnopenable(
  ledger: UnopenableLedger,
  input: { from: string; passphrase: string | null; acknowledged: boolean },
): Promise<UnopenableRestoreOutcome> {
  const copy = await checkedCopyOfBackup(ledger, input.from, input.passphrase);
  try {
    const preview = previewOver(ledger, copy);
    assertSameBranchOrAcknowledged(preview, input.acknowledged);
    const aside = asideName(ledger);
    const why = unopenableReason(ledger.refusal);
    await prepareCopy(ledger, ledger.migrationsFolder, copy, {
      path: aside,
      detail: `原账簿无法打开（${why}），已原样移至 ${aside}`,
      // Unreadable: head office's own epoch (GET state) keeps the next one above what it holds.
      uploadEpoch: 0,
    });
    const keptAside = moveDatabaseFiles(ledger.databasePath, aside);
    try {
      fs.renameSync(copy.file, ledger.databasePath);
    } catch (error) {
      moveDatabaseFiles(aside, ledger.databasePath);
      throw new LedgerError('RESTORE_FAILED', `恢复未完成，账簿未作改动：${(error as Error).message}`);
    }
    flushFolder(path.dirname(ledger.databasePath));
    return { ...preview, keptAside };
  } finally {
    copy.remove();
  }
}
