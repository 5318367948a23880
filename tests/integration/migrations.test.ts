import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../src/engine';
import {
  beijingBranch,
  callOk,
  openLedger,
  setUpBeijing,
  shippedMigrations,
  signIn,
  tempFolder,
} from './support/ledger';
import { olderLedgerFile, releaseMigrations } from './support/older-file';
import { fileDigest, pragmaOf, tableNames, withSqliteFile } from './support/sqlite-file';

const currentVersion = shippedMigrations().length;

/** A migrations folder as the first release shipped it: only migration 0000. */
function firstReleaseMigrations(folder: string): string {
  if (shippedMigrations().length === 0) throw new Error('the project ships no migrations');
  return releaseMigrations(folder, 1);
}

/**
 * Checkpoints a closed ledger file and switches it to a rollback journal, so the file is all there is
 * of it: anything the engine then writes, even switching it back to WAL, shows in its bytes.
 */
function asOneFile(databasePath: string): void {
  withSqliteFile(databasePath, (file) => {
    file.pragma('wal_checkpoint(TRUNCATE)');
    file.pragma('journal_mode = DELETE');
  });
}

/** The file and any journal, WAL or shared-memory file beside it. */
function filesOf(databasePath: string): string[] {
  const base = path.basename(databasePath);
  return fs.readdirSync(path.dirname(databasePath)).filter((name) => name.startsWith(base));
}

async function refusal(open: Promise<unknown>): Promise<LedgerError> {
  const error = await open.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof LedgerError)) {
    const got =
      error === null
        ? 'the file opened'
        : `${(error as Error).name} ${String((error as { code?: string }).code)}: ${(error as Error).message}`;
    throw new Error(`expected the engine to refuse the file with a LedgerError; instead ${got}`);
  }
  return error;
}

describe('opening a database file', () => {
  it('creates a new file at the current version without a backup, and reopens it without one', async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'ledger.db');
    const backupDir = path.join(folder, 'backups');

    const created = await openLedger(databasePath, { backupDir });
    expect(created.migration).toEqual({ from: 0, to: currentVersion, backupPath: null });
    await setUpBeijing(created);
    created.close();

    const reopened = await openLedger(databasePath, { backupDir });
    expect(reopened.migration).toEqual({ from: currentVersion, to: currentVersion, backupPath: null });
    expect(fs.existsSync(backupDir) ? fs.readdirSync(backupDir) : []).toEqual([]);
    expect((await callOk(reopened, 'setup.status', {})).branchName).toBe(beijingBranch.name);
  });

  it('migrates a file from an older version, after backing it up as it was', async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'ledger.db');
    const backupDir = path.join(folder, 'backups');

    // 北京分公司 as the first release wrote it. Today's app writes today's columns (an audit row's hash),
    // so the branch is set up in a file of today's and its rows copied into the first release's schema.
    const todays = path.join(folder, 'todays.db');
    const today = await openLedger(todays);
    await setUpBeijing(today);
    today.close();
    olderLedgerFile(todays, databasePath, firstReleaseMigrations(folder));
    withSqliteFile(databasePath, (file) => expect(pragmaOf(file, 'user_version')).toBe(1));

    const upgraded = await openLedger(databasePath, { backupDir });
    expect(upgraded.migration.from).toBe(1);
    expect(upgraded.migration.to).toBe(currentVersion);
    const backupPath = upgraded.migration.backupPath;
    expect(backupPath).not.toBeNull();
    expect(path.dirname(backupPath!)).toBe(backupDir);
    expect(path.basename(backupPath!)).toMatch(/^ledger-v1-before-migration-.*\.db$/);
    expect(fs.readdirSync(backupDir)).toEqual([path.basename(backupPath!)]);

    // The backup is the file as it was before the migration: version 1, the branch in it, no triggers yet.
    withSqliteFile(backupPath!, (backup) => {
      expect(pragmaOf(backup, 'user_version')).toBe(1);
      expect(backup.prepare('SELECT code, name FROM branch_profile').get()).toEqual({
        code: beijingBranch.code,
        name: beijingBranch.name,
      });
      expect(backup.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'trigger'").get()).toEqual({
        n: 0,
      });
    });

    // The file itself is at the current version, with its data, and the new migration in force.
    withSqliteFile(databasePath, (file) => {
      expect(pragmaOf(file, 'user_version')).toBe(currentVersion);
      expect(pragmaOf(file, 'application_id')).toBe(0x424c4447);
    });
    const session = await signIn(upgraded);
    expect((await callOk(upgraded, 'branch.profile', {}, session)).code).toBe(beijingBranch.code);
    expect(() => upgraded.db.$client.prepare('DELETE FROM audit_log').run()).toThrow(
      'audit_log is append-only',
    );
    // The first release's audit rows joined the hash chain on this first open at the new version.
    expect(
      upgraded.db.$client
        .prepare('SELECT action, hash IS NOT NULL AS chained FROM audit_log ORDER BY id')
        .all(),
    ).toEqual([
      { action: 'branch.setup', chained: 1 },
      { action: 'user.create', chained: 1 },
      { action: 'auth.login', chained: 1 },
    ]);
  });

  it('refuses a file written by a newer version, naming both versions, and leaves it unchanged', async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'ledger.db');
    const engine = await openLedger(databasePath);
    await setUpBeijing(engine);
    engine.close();
    withSqliteFile(databasePath, (file) => file.pragma('user_version = 99'));
    asOneFile(databasePath);
    const digest = fileDigest(databasePath);

    const error = await refusal(openLedger(databasePath, { backupDir: path.join(folder, 'backups') }));
    expect(error.code).toBe('SCHEMA_TOO_NEW');
    expect(error.message).toContain('较新版本');
    expect(error.message).toContain('数据库结构版本 99');
    expect(error.message).toContain(`本程序支持到 ${currentVersion}`);
    expect(error.details).toEqual({ databaseVersion: 99, supportedVersion: currentVersion });

    expect(fileDigest(databasePath)).toBe(digest);
    expect(filesOf(databasePath)).toEqual(['ledger.db']);
    withSqliteFile(databasePath, (file) => {
      expect(pragmaOf(file, 'user_version')).toBe(99);
      expect(pragmaOf(file, 'journal_mode')).toBe('delete');
    });
    expect(fs.existsSync(path.join(folder, 'backups'))).toBe(false);
  });

  it('refuses a file holding a migration this app does not ship, without changing a byte of it', async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'ledger.db');
    const engine = await openLedger(databasePath);
    await setUpBeijing(engine);
    engine.close();
    // What a newer release leaves behind: its next migration recorded in drizzle's table.
    withSqliteFile(databasePath, (file) =>
      file
        .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
        .run('a migration of a newer release', Date.parse('2030-01-01T00:00:00Z')),
    );
    asOneFile(databasePath);
    const digest = fileDigest(databasePath);

    const error = await refusal(openLedger(databasePath, { backupDir: path.join(folder, 'backups') }));
    expect(error.code).toBe('SCHEMA_TOO_NEW');
    expect(error.message).toContain(`数据库结构版本 ${currentVersion + 1}`);
    expect(error.message).toContain(`本程序支持到 ${currentVersion}`);
    expect(error.message).toContain('数据未作任何修改');

    expect(fileDigest(databasePath)).toBe(digest);
    expect(filesOf(databasePath)).toEqual(['ledger.db']);
    withSqliteFile(databasePath, (file) => expect(pragmaOf(file, 'journal_mode')).toBe('delete'));
    expect(fs.existsSync(path.join(folder, 'backups'))).toBe(false);
  });

  it("refuses another application's SQLite file and does not modify it", async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'notes.db');
    const other = new Database(databasePath);
    other.exec(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('买牛奶');",
    );
    other.close();
    const digest = fileDigest(databasePath);

    const error = await refusal(openLedger(databasePath));
    expect(error.code).toBe('NOT_A_LEDGER');
    expect(error.message).toContain(databasePath);
    expect(error.message).toContain('不是分支账簿的数据库');

    expect(fileDigest(databasePath)).toBe(digest);
    withSqliteFile(databasePath, (file) => {
      expect(tableNames(file)).toEqual(['notes']);
      expect(pragmaOf(file, 'application_id')).toBe(0);
      expect(pragmaOf(file, 'user_version')).toBe(0);
      expect(pragmaOf(file, 'journal_mode')).toBe('delete');
      expect(file.prepare('SELECT body FROM notes').all()).toEqual([{ body: '买牛奶' }]);
    });
  });

  it('refuses a file that is not a database at all as not a ledger, and leaves it alone', async () => {
    const databasePath = path.join(tempFolder(), '销售台账.xlsx');
    fs.writeFileSync(databasePath, 'PK\u0003\u0004 这不是数据库文件\n'.repeat(200));
    const digest = fileDigest(databasePath);

    const error = await refusal(openLedger(databasePath));
    expect(error.code).toBe('NOT_A_LEDGER');
    expect(error.message).toContain('不是分支账簿的数据库');
    expect(fileDigest(databasePath)).toBe(digest);
  });
});
