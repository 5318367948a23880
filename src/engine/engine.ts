import path from 'node:path';
import type { ApiRequest, ApiResponse } from '../shared/api';
import { type CallOrigin, dispatch } from './api/dispatch';
import { connectLedger, openLedgerFile, type LedgerDb } from './db/connection';
import { checkSchemaVersion, migrateDatabase, type MigrationOutcome } from './db/migrate';
import { newAuthState } from './services/auth/auth-state';
import { type Actor, type Clock, systemClock } from './services/context';
import type { ScryptCost } from './services/auth/password';
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
  /**
   * scrypt's cost for new password hashes; default OWASP's (services/auth/password.ts). Tests pass a
   * cheap one. Hashes below the cost are upgraded at their next successful login.
   */
  passwordCost?: ScryptCost;
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
  close(): void;
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
  const deps = { db, clock, auth: newAuthState(clock.now(), options.passwordCost), env };
  return {
    env,
    migration,
    db,
    clock,
    call: (request, origin) => dispatch(deps, request, origin),
    callAs: (actor, method, input) => dispatch(deps, { method, input }, { source: actor.username }, actor),
    close: () => db.$client.close(),
  };
}
