import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../shared/ledger-error';
import * as schema from './schema';

export type LedgerDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** What a use case writes through inside `db.transaction`. */
export type LedgerTx = Parameters<Parameters<LedgerDb['transaction']>[0]>[0];

/** 'BLDG': marks a SQLite file as a Branch Ledger database, so a foreign file is refused, not migrated. */
export const ledgerApplicationId = 0x424c4447;

export interface OpenOptions {
  /** Where better-sqlite3's native addon is, when the host runs on another ABI (Electron in development). */
  nativeBinding?: string;
  /** Default `defaultBusyTimeoutMs`. */
  busyTimeoutMs?: number;
}

/**
 * How long a write waits for another program (a second copy of the app, a backup tool) to let go of the
 * write lock before the call gives up with BUSY: long enough for any one posting, short enough that a
 * clerk is told rather than left looking at a frozen window.
 */
export const defaultBusyTimeoutMs = 5000;

function hasTables(sqlite: Database.Database): boolean {
  return (
    (sqlite.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number })
      .n > 0
  );
}

/**
 * Refuses, before anything is written, a file that is not a Branch Ledger database: another
 * program's SQLite file or no SQLite file at all. Even switching it to WAL would change it.
 */
function refuseForeignFile(sqlite: Database.Database): void {
  const notALedger = () =>
    new LedgerError('NOT_A_LEDGER', `文件 ${sqlite.name} 不是分支账簿的数据库，未作任何修改。`);
  try {
    const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
    if (applicationId !== ledgerApplicationId && hasTables(sqlite)) throw notALedger();
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB') throw notALedger();
    throw error;
  }
}

/**
 * Opens (creating if needed) a database file and refuses one that is not a Branch Ledger database. It
 * writes nothing, so the caller can refuse the file for other reasons (a newer schema) untouched before
 * `connectLedger` sets it up.
 */
export function openLedgerFile(
  file: string,
  options: Pick<OpenOptions, 'nativeBinding'> = {},
): Database.Database {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    refuseForeignFile(sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return sqlite;
}

/**
 * Sets the pragmas ARCHITECTURE.md requires on an open ledger file. Switching to WAL is written into the
 * file itself: a file that is to be refused must be refused before this.
 */
export function connectLedger(
  sqlite: Database.Database,
  options: Pick<OpenOptions, 'busyTimeoutMs'> = {},
): LedgerDb {
  sqlite.pragma('journal_mode = WAL');
  // FULL: a committed posting survives a power cut, which branch offices do have.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // INSERT OR REPLACE deletes the row it replaces: with recursive triggers that delete meets the delete
  // triggers of the tables that are history. (The schema refuses it by its own triggers too, for
  // connections of other programs.)
  sqlite.pragma('recursive_triggers = ON');
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? defaultBusyTimeoutMs}`);
  return writeLockAtBegin(drizzle(sqlite, { schema }) as LedgerDb);
}

/**
 * For the few transactions that only read (an import's preview): one consistent state of the database,
 * without taking the write lock, so a preview never waits for another program's posting.
 */
export const readOnly = { behavior: 'deferred' } as const;

/**
 * Every transaction takes the write lock at BEGIN (IMMEDIATE) unless it passes `readOnly`. A deferred
 * transaction that reads and then writes cannot wait for another program's lock: SQLite refuses its
 * upgrade at once with "database is locked". Taken at BEGIN, the lock is waited for (busy timeout), and
 * nothing has been read that another writer could change meanwhile.
 */
function writeLockAtBegin(db: LedgerDb): LedgerDb {
  const transaction = db.transaction.bind(db);
  db.transaction = (work, config) => transaction(work, { behavior: 'immediate', ...config });
  return db;
}

/**
 * Whether `error` is SQLite's "database is locked": another connection held the lock past the busy
 * timeout (SQLITE_BUSY and its extended codes, or SQLITE_LOCKED). drizzle may wrap it, as `cause`.
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)(_|$)/.test(cause.code)) return true;
  }
  return false;
}
