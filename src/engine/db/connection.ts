import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../shared/ledger-error';
import { isEncryptedBackup } from './backup-encryption';
import { damagedDatabaseError, integrityProblems, isDamageError } from './integrity';
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
 * Refuses, before SQLite sees it, a file that would otherwise silently open as an empty new ledger: SQLite
 * takes a 0-byte file for an empty database, so a backup or copy cut short would become a fresh branch with
 * none of its books, and the next write would make that real. A missing file is a new ledger; an empty one
 * is an accident.
 */
function refuseIncompleteFile(file: string): void {
  if (file.endsWith('.partial')) {
    throw new LedgerError(
      'NOT_A_LEDGER',
      `文件 ${file} 是一次未完成的备份（.partial 临时文件），不能作为账簿打开。请打开完整的备份文件，或从备份恢复。`,
    );
  }
  if (!fs.existsSync(file)) return;
  if (fs.statSync(file).size === 0) {
    throw new LedgerError(
      'NOT_A_LEDGER',
      `文件 ${file} 是空文件（0 字节），不是分支账簿的数据库，可能是中断的备份或复制留下的。未作任何修改；如要新建账簿，请换一个文件名。`,
    );
  }
  if (isEncryptedBackup(file)) {
    throw new LedgerError(
      'NOT_A_LEDGER',
      `文件 ${file} 是加密的备份，不能直接打开。请在“系统信息与备份”中从它恢复，并输入备份密码。`,
    );
  }
}

/**
 * Opens (creating if needed) a database file and refuses one that is not a Branch Ledger database, or one
 * that is damaged (`PRAGMA quick_check`: a file cut short or written onto a failing disk is named at start,
 * not met as a program error in the middle of a posting). It writes nothing, so the caller can refuse the
 * file for other reasons (a newer schema) untouched before `connectLedger` sets it up.
 */
export function openLedgerFile(
  file: string,
  options: Pick<OpenOptions, 'nativeBinding'> = {},
): Database.Database {
  const resolved = path.resolve(file);
  refuseIncompleteFile(resolved);
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    refuseForeignFile(sqlite);
    const problems = integrityProblems(sqlite, 'quick');
    if (problems.length > 0) throw damagedDatabaseError(resolved, problems);
  } catch (error) {
    sqlite.close();
    if (isDamageError(error)) throw damagedDatabaseError(resolved, [(error as Error).message]);
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
