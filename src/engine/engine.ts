import path from 'node:path';
import type { ApiRequest, ApiResponse } from '../shared/api';
import { dispatch } from './api/dispatch';
import { connectLedger, openLedgerFile, type LedgerDb } from './db/connection';
import { chainNotStarted, startChain } from './db/hash-chain';
import { checkSchemaVersion, migrateDatabase, type MigrationOutcome } from './db/migrate';
import { auditChain } from './services/audit/record-audit';
import { newAuthState } from './services/auth/auth-state';
import { type Actor, type Clock, systemClock } from './services/context';
import { movementChain } from './services/stock/movement-rows';
import type { EngineEnv } from './services/system/engine-env';

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
}

export interface Engine {
  readonly env: EngineEnv;
  readonly migration: MigrationOutcome;
  readonly db: LedgerDb;
  /** The time and the branch's calendar day the engine works by. */
  readonly clock: Clock;
  /** One API call from a transport (HTTP, IPC), authenticated by its session. */
  call(request: ApiRequest): Promise<ApiResponse>;
  /** One API call made in-process on behalf of a known actor (the CLI). */
  callAs(actor: Actor, method: string, input: unknown): Promise<ApiResponse>;
  close(): void;
}

/**
 * A file from before the audit log and the stock ledger were hash-chained has its rows chained on its first
 * open after the migration, in id order, in one transaction, so that its history too is evidence from now
 * on (rather than the chain starting at the first new row and leaving the old rows open to an edit nobody
 * would see). Checked without a transaction first: an open that has nothing to chain takes no write lock.
 */
function startChains(db: LedgerDb): void {
  const sqlite = db.$client;
  const waiting = [auditChain, movementChain].filter((chained) => chainNotStarted(sqlite, chained));
  if (waiting.length === 0) return;
  db.transaction(() => {
    for (const chained of waiting) startChain(sqlite, chained);
  });
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
    startChains(db);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const env: EngineEnv = {
    appVersion: options.appVersion,
    databasePath,
    schemaVersion: migration.to,
    backupDir,
  };
  const deps = { db, clock, auth: newAuthState(), env };
  return {
    env,
    migration,
    db,
    clock,
    call: (request) => dispatch(deps, request),
    callAs: (actor, method, input) => dispatch(deps, { method, input }, actor),
    close: () => db.$client.close(),
  };
}
