import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import path from 'node:path';
import { LedgerError } from '../../shared/ledger-error';
import { backupDatabase } from './backup';
import { ledgerApplicationId, type LedgerDb } from './connection';

export interface MigrationOutcome {
  /** Schema version before and after: the number of migrations applied (`PRAGMA user_version`). */
  from: number;
  to: number;
  /** The copy taken before migrating, when there was anything to keep. */
  backupPath: string | null;
}

export function knownSchemaVersion(migrationsFolder: string): number {
  return readMigrationFiles({ migrationsFolder }).length;
}

export function schemaVersionOf(db: LedgerDb): number {
  return db.$client.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to this app's schema. A file from a newer app is refused rather than
 * guessed at (anchor: Signal-Desktop); an existing file is backed up before its first change.
 */
export async function migrateDatabase(
  db: LedgerDb,
  options: { migrationsFolder: string; backupDir: string; now: Date },
): Promise<MigrationOutcome> {
  const sqlite = db.$client;
  // connection.ts has already refused any file that is not a Branch Ledger database.
  const from = schemaVersionOf(db);
  const to = knownSchemaVersion(options.migrationsFolder);
  if (from > to) {
    throw new LedgerError(
      'SCHEMA_TOO_NEW',
      `此数据库由较新版本的分支账簿写入（数据库结构版本 ${from}，本程序支持到 ${to}）。请先升级分支账簿再打开，数据未作任何修改。`,
      { databaseVersion: from, supportedVersion: to },
    );
  }
  if (from === to) return { from, to, backupPath: null };

  let backupPath: string | null = null;
  // A new file (version 0) has nothing to keep; any other is copied before its first change.
  if (from > 0) {
    const stamp = options.now.toISOString().replace(/[:.]/g, '-');
    const base = path.basename(sqlite.name, path.extname(sqlite.name));
    backupPath = (
      await backupDatabase(
        sqlite,
        path.join(options.backupDir, `${base}-v${from}-before-migration-${stamp}.db`),
      )
    ).path;
  }

  migrate(db, { migrationsFolder: options.migrationsFolder });
  sqlite.pragma(`application_id = ${ledgerApplicationId}`);
  sqlite.pragma(`user_version = ${to}`);
  return { from, to, backupPath };
}
