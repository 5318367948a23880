import Database from 'better-sqlite3';
import path from 'node:path';
import { discardSnapshot, finishBackup, snapshotDatabase, type BackupSnapshot } from '../../db/backup';
import { connectLedger } from '../../db/connection';
import { migrateDatabase } from '../../db/migrate';
import { copyIntoLiveFile } from '../../db/restore';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import { findBranchRow } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { automaticBackupFolder, databaseBaseName } from './automatic-backups';
import { checkedCopyOfBackup, type BackupCopy } from './backup-copy';
import type { EngineEnv } from './engine-env';
import type { MaintenanceGate } from './maintenance';
import { highestUploadEpoch } from '../upload/upload-epoch';

export interface RestorePreview {
  from: string;
  encrypted: boolean;
  /** When the backup was made (its file's modification time). */
  madeAt: string;
  schemaVersion: number;
  /** Older than this app: migrated as it is restored. */
  needsMigration: boolean;
  branch: { code: string; name: string } | null;
  /** The document entered last. */
  lastDocument: { number: string; businessDate: string } | null;
  lastClosedMonth: string | null;
  /** The branch of the ledger in use now, which the restore replaces. */
  currentBranchCode: string | null;
  sameBranch: boolean;
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return (
    sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined
  );
}

/** What a person recognises a backup by; an old backup may lack the later tables. */
function readBackupFacts(file: string) {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const branch = hasTable(sqlite, 'branch_profile')
      ? ((sqlite.prepare('SELECT code, name FROM branch_profile').get() as RestorePreview['branch']) ?? null)
      : null;
    const lastDocument = hasTable(sqlite, 'documents')
      ? ((sqlite
          .prepare(
            'SELECT number, business_date AS businessDate FROM documents ORDER BY created_at DESC, id DESC LIMIT 1',
          )
          .get() as RestorePreview['lastDocument']) ?? null)
      : null;
    const lastClosedMonth = hasTable(sqlite, 'month_closes')
      ? (sqlite.prepare('SELECT max(month) AS month FROM month_closes').get() as { month: string | null })
          .month
      : null;
    return { branch, lastDocument, lastClosedMonth };
  } finally {
    sqlite.close();
  }
}

/** What a checked copy of a backup holds, beside the branch of the ledger it would replace (null: none, or unknown). */
export function backupPreview(copy: BackupCopy, currentBranchCode: string | null): RestorePreview {
  const facts = readBackupFacts(copy.file);
  return {
    from: copy.from,
    encrypted: copy.encrypted,
    madeAt: copy.madeAt,
    schemaVersion: copy.versions.from,
    needsMigration: copy.versions.from < copy.versions.to,
    ...facts,
    currentBranchCode,
    sameBranch:
      currentBranchCode === null || facts.branch === null || facts.branch.code === currentBranchCode,
  };
}

function previewOf(ctx: ServiceContext, copy: BackupCopy): RestorePreview {
  return backupPreview(copy, findBranchRow(ctx.db)?.code ?? null);
}

/**
 * Restoring BJ01's books over SH02's would have this installation report as BJ01 to head office: almost always
 * the wrong file, so it needs the person's confirmation.
 */
export function assertSameBranchOrAcknowledged(preview: RestorePreview, acknowledged: boolean): void {
  if (preview.sameBranch || acknowledged) return;
  const warning = `备份中的机构是 ${preview.branch!.code}（${preview.branch!.name}），正在使用的账簿是 ${preview.currentBranchCode}。恢复后本机将作为 ${preview.branch!.code} 记账并上传。`;
  throw new LedgerError('NEEDS_CONFIRMATION', `${warning}\n确认后仍可继续。`, { warnings: [warning] });
}

/** What a backup holds, read from a checked copy that is removed again: the backup file is only read. */
export async function previewRestore(
  ctx: ServiceContext,
  env: EngineEnv,
  from: string,
  passphrase: string | null,
): Promise<RestorePreview> {
  const copy = await checkedCopyOfBackup(env, from, passphrase);
  try {
    return previewOf(ctx, copy);
  } finally {
    copy.remove();
  }
}

/**
 * Brings the copy to this app's schema and writes into it, before it replaces anything, the restore marker the
 * upload reads (ledger_restores) and the audit entry: the restored ledger says of itself that it was restored.
 * `keptAside` says in the audit entry what became of the ledger it replaces.
 */
export async function prepareCopy(
  who: Pick<ServiceContext, 'actor' | 'clock'>,
  migrationsFolder: string,
  copy: BackupCopy,
  keptAside: { path: string; detail: string; uploadEpoch: number },
) {
  const sqlite = new Database(copy.file, { fileMustExist: true });
  try {
    const db = connectLedger(sqlite);
    await migrateDatabase(db, copy.versions, {
      migrationsFolder,
      backupDir: null,
      now: who.clock.now(),
    });
    const inCopy: ServiceContext = { ...who, db };
    db.transaction((tx) => {
      sqlite
        .prepare(
          'INSERT INTO ledger_restores (restored_at, restored_by_name, from_file, backup_made_at, kept_aside_path, upload_epoch_before) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          who.clock.now().toISOString(),
          who.actor.displayName,
          copy.from,
          copy.madeAt,
          keptAside.path,
          keptAside.uploadEpoch,
        );
      // Every session on the file ends, in every copy of the app that has it open, not only in this one:
      // a session is good while its user's generation is the one it opened with (find-session-user.ts),
      // and a page opened before the restore must not save onto a record that took its id after it. The
      // restore's instant in ms is above any generation a session can hold: generations are counters
      // raised by one, and an earlier restore's instant is smaller.
      sqlite
        .prepare('UPDATE users SET session_generation = max(session_generation + 1, ?)')
        .run(who.clock.now().getTime());
      recordAudit(tx, inCopy, {
        action: 'system.restore',
        entity: 'database',
        entityKey: copy.from,
        detail: `从 ${copy.from}（${copy.madeAt} 的备份）恢复；${keptAside.detail}`,
      });
    });
    // Folds the WAL back into the file: the copy is read as one file from here on.
    sqlite.pragma('journal_mode = DELETE');
  } finally {
    sqlite.close();
  }
}

export interface RestoreOutcome extends RestorePreview {
  /** The ledger as it was just before the restore. */
  keptAside: string;
}

/**
 * 恢复 (issue 11): replaces the books with a backup's. In order:
 * 1. a checked copy of the backup (decrypted, integrity-checked, refused if from a newer app);
 * 2. another branch's backup only when `acknowledged` (assertSameBranchOrAcknowledged; a ledger with no
 *    branch yet, as on a new machine, takes any);
 * 3. the copy migrated if older, and marked as restored (prepareCopy);
 * 4. under the live file's write lock: the current ledger kept aside into the backup folder
 *    (`…-before-restore-….db`), then the copy written into the live file as one transaction (db/restore.ts);
 * 5. every session ended: who is signed in, and as what, is the backup's business now.
 */
export async function restoreLedger(
  ctx: ServiceContext,
  deps: { env: EngineEnv; gate: MaintenanceGate; endSessions: () => void },
  input: { from: string; passphrase: string | null; acknowledged: boolean },
): Promise<RestoreOutcome> {
  const { env, gate } = deps;
  const copy = await checkedCopyOfBackup(env, input.from, input.passphrase);
  try {
    const preview = previewOf(ctx, copy);
    assertSameBranchOrAcknowledged(preview, input.acknowledged);
    const time = ctx.clock.now().toISOString().slice(11, 19).replace(/:/g, '');
    // Plain, even when automatic backups are encrypted: it is the one copy of the books just replaced, and
    // finishing it must not be able to fail after the restore (a passphrase file gone, a disk filling up).
    const keptAside = path.join(
      automaticBackupFolder(ctx, env),
      `${databaseBaseName(env)}-before-restore-${ctx.clock.today()}-${time}Z.db`,
    );
    await prepareCopy(ctx, env.migrationsFolder, copy, {
      path: keptAside,
      detail: `恢复前的账簿另存为 ${keptAside}`,
      uploadEpoch: highestUploadEpoch(ctx.db.$client),
    });
    return await gate.run('正在从备份恢复账簿', async () => {
      let snapshot = null as BackupSnapshot | null;
      try {
        await copyIntoLiveFile(copy.file, env.databasePath, {
          busyTimeoutMs: env.busyTimeoutMs,
          whileLocked: () => {
            snapshot = snapshotDatabase(ctx.db.$client, keptAside);
          },
        });
      } catch (error) {
        if (snapshot) discardSnapshot(snapshot);
        if (error instanceof LedgerError) throw error;
        throw new LedgerError('RESTORE_FAILED', `恢复未完成，账簿未作改动：${(error as Error).message}`);
      }
      deps.endSessions();
      const kept = await finishBackup(snapshot!);
      return { ...preview, keptAside: kept.path };
    });
  } finally {
    copy.remove();
  }
}
