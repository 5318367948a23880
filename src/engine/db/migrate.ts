import type Database from 'better-sqlite3';
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

/** What drizzle's migrator records of each migration it applied (its default table). */
const migrationsTable = '__drizzle_migrations';

export interface SchemaVersions {
  /** The file's schema version: the number of migrations applied (`PRAGMA user_version`). */
  from: number;
  /** This app's: the number of migrations it ships. */
  to: number;
}

/** When each migration recorded in the file was made (drizzle's `created_at`); none in a new file. */
function recordedMigrations(sqlite: Database.Database): number[] {
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")
    .get(migrationsTable);
  if (!table) return [];
  return (
    sqlite.prepare(`SELECT created_at AS createdAt FROM ${migrationsTable}`).all() as { createdAt: number }[]
  ).map((row) => Number(row.createdAt));
}

/**
 * Reads the file's schema version against this app's, writing nothing, and refuses a file from a newer
 * app rather than guessing at it (anchor: Signal-Desktop): one whose version is higher, or that records
 * a migration this app does not ship. Run before anything (even switching to WAL) changes the file.
 */
export function checkSchemaVersion(sqlite: Database.Database, migrationsFolder: string): SchemaVersions {
  const shipped = readMigrationFiles({ migrationsFolder });
  const shippedAt = new Set(shipped.map((migration) => migration.folderMillis));
  const recorded = recordedMigrations(sqlite);
  const from = sqlite.pragma('user_version', { simple: true }) as number;
  const to = shipped.length;
  const unknown = recorded.filter((createdAt) => !shippedAt.has(createdAt));
  if (from > to || unknown.length > 0) {
    const databaseVersion = Math.max(from, recorded.length, to + unknown.length);
    throw new LedgerError(
      'SCHEMA_TOO_NEW',
      `此数据库由较新版本的分支账簿写入（数据库结构版本 ${databaseVersion}，本程序支持到 ${to}）。请先升级分支账簿再打开，数据未作任何修改。`,
      { databaseVersion, supportedVersion: to },
    );
  }
  return { from, to };
}

/**
 * Brings the database to this app's schema, from the versions `checkSchemaVersion` read (it has refused
 * a newer file); an existing file is backed up before its first change.
 */
export async function migrateDatabase(
  db: LedgerDb,
  { from, to }: SchemaVersions,
  /** `backupDir` null: no copy first (a backup being restored is migrated on a copy; the backup itself stays). */
  options: { migrationsFolder: string; backupDir: string | null; now: Date },
): Promise<MigrationOutcome> {
  const sqlite = db.$client;
  if (from === to) return { from, to, backupPath: null };

  let backupPath: string | null = null;
  // A new file (version 0) has nothing to keep; any other is copied before its first change.
  if (from > 0 && options.backupDir !== null) {
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
