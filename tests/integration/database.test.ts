import { describe, expect, it } from 'vitest';
import { beijingBranch, newLedger, setUpBeijing, shippedMigrations } from './support/ledger';
import { auditRows, pragmaOf, withSqliteFile } from './support/sqlite-file';

describe('a new branch database file', () => {
  it('is created with WAL, FULL sync, foreign keys, the ledger mark and the current schema version', async () => {
    const { engine, databasePath } = await newLedger();
    const sqlite = engine.db.$client;
    // Per-connection settings: on the engine's own connection.
    expect(pragmaOf(sqlite, 'journal_mode')).toBe('wal');
    expect(pragmaOf(sqlite, 'synchronous')).toBe(2);
    expect(pragmaOf(sqlite, 'foreign_keys')).toBe(1);
    // Stored in the file: seen by any other program that opens it.
    withSqliteFile(databasePath, (file) => {
      expect(pragmaOf(file, 'journal_mode')).toBe('wal');
      expect(pragmaOf(file, 'application_id')).toBe(0x424c4447);
      expect(pragmaOf(file, 'user_version')).toBe(shippedMigrations().length);
    });
    expect(shippedMigrations().length).toBeGreaterThanOrEqual(2);
    expect(engine.env.schemaVersion).toBe(shippedMigrations().length);
  });
});

describe('the audit log', () => {
  it('refuses to have an entry changed, even by raw SQL', async () => {
    const { engine } = await newLedger();
    await setUpBeijing(engine);
    const sqlite = engine.db.$client;
    const before = auditRows(sqlite);
    expect(before.map((row) => row.action)).toEqual(['branch.setup', 'user.create']);

    expect(() =>
      sqlite.prepare("UPDATE audit_log SET username = 'intruder', action = 'nothing'").run(),
    ).toThrow('audit_log is append-only');
    expect(auditRows(sqlite)).toEqual(before);
  });

  it('refuses to have an entry deleted, even by raw SQL', async () => {
    const { engine } = await newLedger();
    await setUpBeijing(engine);
    const sqlite = engine.db.$client;
    const before = auditRows(sqlite);

    expect(() => sqlite.prepare("DELETE FROM audit_log WHERE action = 'branch.setup'").run()).toThrow(
      'audit_log is append-only',
    );
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow('audit_log is append-only');
    expect(auditRows(sqlite)).toEqual(before);
  });

  it('still accepts new entries', async () => {
    const { engine } = await newLedger();
    const sqlite = engine.db.$client;
    sqlite
      .prepare(
        "INSERT INTO audit_log (at, username, action, entity) VALUES ('2026-03-02T00:00:00Z', 'cli', 'test.note', 'x')",
      )
      .run();
    expect(auditRows(sqlite).map((row) => row.action)).toEqual(['test.note']);
  });
});

describe('the branch profile table', () => {
  it('holds one branch only: a second row is refused', async () => {
    const { engine } = await newLedger();
    await setUpBeijing(engine);
    const sqlite = engine.db.$client;
    const insert = sqlite.prepare(`
      INSERT INTO branch_profile (id, uid, code, name, accounting_mode, costing_scope, default_costing_method,
        allow_costing_method_override, negative_stock, taxpayer_type, quantity_decimals, price_decimals,
        approval_required, created_at, updated_at)
      VALUES (?, ?, 'SH02', '上海分公司', 'independent', 'per_branch', 'fifo', 0, 'forbid', 'general', 2, 4, 1,
        '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z')`);

    expect(() => insert.run(2, 'second-branch-uid')).toThrow(
      /CHECK constraint failed: branch_profile_single_row/,
    );
    expect(() => insert.run(1, 'second-branch-uid')).toThrow(/UNIQUE constraint failed|PRIMARY KEY/);
    expect(sqlite.prepare('SELECT code, name FROM branch_profile').all()).toEqual([
      { code: beijingBranch.code, name: beijingBranch.name },
    ]);
  });
});
