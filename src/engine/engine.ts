import path from 'node:path';
import type { ApiRequest, ApiResponse } from '../shared/api';
import { type CallOrigin, dispatch } from './api/dispatch';
import type { BackupResult } from './db/backup';
import { connectLedger, defaultBusyTimeoutMs, openLedgerFile, type LedgerDb } from './db/connection';
import { chainNotStarted, startChain } from './db/hash-chain';
import { damagedDatabaseError, isDamageError } from './db/integrity';
import { ensureShippedRoles } from './services/access/role-grants';
import { checkSchemaVersion, migrateDatabase, type MigrationOutcome } from './db/migrate';
import { auditChain } from './services/audit/record-audit';
import { newAuthState } from './services/auth/auth-state';
import type { ScryptCost } from './services/auth/password';
import { type Actor, type Clock, hostActor, type ServiceContext, systemClock } from './services/context';
import { defaultImportPacing, type ImportPacing, undoAbandonedRuns } from './services/import/import-runs';
import { getAppSettings } from './services/settings/app-settings';
import { dailyBackupDue, runAutomaticBackup } from './services/system/automatic-backups';
import { defaultBackupPassphraseFile } from './services/system/backup-passphrase';
import type { EngineEnv } from './services/system/engine-env';
import { MaintenanceGate } from './services/system/maintenance';
import { slotAt, uploadDue } from './services/upload/upload-due';
import { writeProgress } from './services/upload/upload-progress';
import { runUpload, uploadDepsOf, type UploadRunOutcome } from './services/upload/upload-run';
import { uploadOnce } from './services/upload/upload-once';
import {
  keyFileVault,
  secretFileOf,
  vaultKeyFileOf,
  type SecretVault,
} from './services/upload/upload-secret';

export interface EngineOptions {
  databasePath: string;
  migrationsFolder: string;
  appVersion: string;
  /** Default: a `backups` folder beside the database. */
  backupDir?: string;
  clock?: Clock;
  nativeBinding?: string;
  /** How long a write waits for another program's write lock before the call answers BUSY. */
  busyTimeoutMs?: number;
  /** Default: `<database file>.backup-passphrase` (backup-passphrase.ts says why there). */
  backupPassphraseFile?: string;
  /** The bundled import-file reader worker (the desktop build); unset when running from source. */
  importWorker?: string;
  /**
   * scrypt's cost for new password hashes; default OWASP's (services/auth/password.ts). Tests pass a
   * cheap one. Hashes below the cost are upgraded at their next successful login.
   */
  passwordCost?: ScryptCost;
  /** How imports are written in batches (import-runs.ts); tests make batches small to see them interleave. */
  importPacing?: Partial<ImportPacing>;
  /** Seals head office's secret: the desktop app passes the OS keychain's; default a key file beside the database. */
  uploadVault?: SecretVault;
}

export interface Engine {
  readonly env: EngineEnv;
  readonly migration: MigrationOutcome;
  readonly db: LedgerDb;
  /** The time and the branch's calendar day the engine works by. */
  readonly clock: Clock;
  /** One API call from a transport (HTTP, IPC), authenticated by its session; `origin` is the transport's. */
  call(request: ApiRequest, origin: CallOrigin): Promise<ApiResponse>;
  /** One API call made in-process on behalf of a known actor (the CLI). */
  callAs(actor: Actor, method: string, input: unknown): Promise<ApiResponse>;
  /**
   * The daily automatic backup, if it is due (on, and none yet for the branch's day). The host calls it from
   * its timer (at start and every few minutes): the engine keeps no timer, so a test drives it with its clock.
   * A failure is audited and thrown (BACKUP_FAILED) for the host to log; the next call tries again.
   */
  runDueBackups(): Promise<BackupResult | null>;
  /**
   * An upload run, if one is due by the upload's own schedule, retry wait or a network come back
   * (upload-due.ts): the host's timer calls it, as it does the backup. Null when none was due.
   */
  runDueUpload(): Promise<UploadRunOutcome | null>;
  /** Closes the database now: what a test or a failed start does. */
  close(): void;
  /** Closes the way a person quits: the exit backup first (when automatic backups are on), then the database. */
  shutdown(): Promise<{ backup: BackupResult | null; backupError: string | null }>;
}

/**
 * A file from before the audit log was hash-chained has its rows chained on its first open after the
 * migration, in id order, in one transaction, so that its history too is evidence from now on (rather
 * than the chain starting at the first new row and leaving the old rows open to an edit nobody would
 * see). Checked without a transaction first: an open that has nothing to chain takes no write lock.
 */
function startAuditChain(db: LedgerDb): void {
  if (!chainNotStarted(db.$client, auditChain)) return;
  db.transaction(() => startChain(db.$client, auditChain));
}

/** Opens a branch database, brings its schema up to date (backing it up first), and serves the API. */
export async function openEngine(options: EngineOptions): Promise<Engine> {
  const databasePath = path.resolve(options.databasePath);
  const clock = options.clock ?? systemClock;
  const backupDir = options.backupDir ?? path.join(path.dirname(databasePath), 'backups');
  const sqlite = openLedgerFile(
    databasePath,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  let db: LedgerDb;
  let migration: MigrationOutcome;
  try {
    // In this order: a file from a newer app is refused before connecting writes anything to it.
    const versions = checkSchemaVersion(sqlite, options.migrationsFolder);
    db = connectLedger(
      sqlite,
      options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {},
    );
    migration = await migrateDatabase(db, versions, {
      migrationsFolder: options.migrationsFolder,
      backupDir,
      now: clock.now(),
    });
    ensureShippedRoles(sqlite, clock.now());
    startAuditChain(db);
  } catch (error) {
    sqlite.close();
    // A file damaged where the quick check does not look (its schema) is named as damaged, not a program error.
    if (isDamageError(error)) throw damagedDatabaseError(databasePath, [(error as Error).message]);
    throw error;
  }
  const env: EngineEnv = {
    appVersion: options.appVersion,
    databasePath,
    schemaVersion: migration.to,
    backupDir,
    migrationsFolder: options.migrationsFolder,
    backupPassphraseFile: options.backupPassphraseFile ?? defaultBackupPassphraseFile(databasePath),
    busyTimeoutMs: options.busyTimeoutMs ?? defaultBusyTimeoutMs,
    importWorker: options.importWorker ?? null,
    importPacing: { ...defaultImportPacing, ...options.importPacing },
    uploadSecretFile: secretFileOf(databasePath),
    uploadVault: options.uploadVault ?? keyFileVault(vaultKeyFileOf(databasePath)),
  };
  const gate = new MaintenanceGate();
  const deps = { db, clock, auth: newAuthState(clock.now(), options.passwordCost), env, gate };
  // The host's own backups are made as the host (the desktop program, or the web server), in the audit log.
  const hostContext: ServiceContext = { db, clock, actor: hostActor };
  const close = () => db.$client.close();
  // An import a program died in the middle of is taken back before anyone works on the file.
  try {
    await undoAbandonedRuns(hostContext, env.importPacing);
  } catch (error) {
    close();
    throw error;
  }
  return {
    env,
    migration,
    db,
    clock,
    call: (request, origin) => dispatch(deps, request, origin),
    callAs: (actor, method, input) => dispatch(deps, { method, input }, { source: actor.username }, actor),
    runDueBackups: async () => {
      gate.assertOpen();
      return dailyBackupDue(hostContext, env) ? runAutomaticBackup(hostContext, env, 'daily') : null;
    },
    runDueUpload: async () => {
      gate.assertOpen();
      const due = await uploadDue(db.$client, clock);
      if (due === null) return null;
      if (due === 'schedule') {
        const slot = slotAt(db.$client, clock);
        db.transaction(() => writeProgress(db.$client, { lastSlotRun: slot }, clock.now().toISOString()));
      }
      return uploadOnce(db.$client, () => runUpload(hostContext, uploadDepsOf(env)));
    },
    close,
    shutdown: async () => {
      let backup: BackupResult | null = null;
      let backupError: string | null = null;
      try {
        if (getAppSettings(hostContext).autoBackup)
          backup = await runAutomaticBackup(hostContext, env, 'exit');
      } catch (error) {
        backupError = (error as Error).message;
      }
      close();
      return { backup, backupError };
    },
  };
}
