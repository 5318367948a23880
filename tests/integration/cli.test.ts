import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callOk, openLedger, setUpBeijing, shippedMigrations, signIn, tempFolder } from './support/ledger';
import { runCli } from './support/cli';
import { auditRows, withSqliteFile } from './support/sqlite-file';
import { act, stockWorld } from './support/stock';

const currentVersion = shippedMigrations().length;

/** A branch set up in-process (fast), then closed so that only the CLI has the file open. */
async function setUpFile(): Promise<{ folder: string; databasePath: string }> {
  const folder = tempFolder();
  const databasePath = path.join(folder, 'ledger.db');
  const engine = await openLedger(databasePath);
  await setUpBeijing(engine);
  engine.close();
  return { folder, databasePath };
}

describe('the ledger command', () => {
  it('init sets up a branch that call system.info then reports, both audited as user cli', async () => {
    const databasePath = path.join(tempFolder(), 'data', 'sh02.db');
    const init = await runCli(databasePath, [
      'init',
      ...['--code', 'SH02', '--name', '上海分公司', '--password', 'Shanghai-2026!'],
      ...['--admin', 'chenjing', '--admin-name', '陈静', '--costing-scope', 'per_branch'],
    ]);
    expect(init).toMatchObject({ exitCode: 0, stderr: '' });
    expect(JSON.parse(init.stdout)).toEqual({ branchCode: 'SH02', username: 'chenjing' });

    const info = await runCli(databasePath, ['call', 'system.info', '{}']);
    expect(info.exitCode).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({
      branchCode: 'SH02',
      schemaVersion: currentVersion,
      databasePath,
    });

    withSqliteFile(databasePath, (sqlite) => {
      expect(auditRows(sqlite).map((row) => [row.action, row.username])).toEqual([
        ['branch.setup', 'cli'],
        ['user.create', 'cli'],
      ]);
      expect(sqlite.prepare('SELECT costing_scope FROM branch_profile').get()).toEqual({
        costing_scope: 'per_branch',
      });
    });
    // The administrator created by init can sign in with the password given.
    const engine = await openLedger(databasePath);
    const session = await signIn(engine, 'chenjing', 'Shanghai-2026!');
    expect((await callOk(engine, 'auth.currentUser', {}, session)).user.displayName).toBe('陈静');
  });

  it('call with invalid input exits 1 and prints the error as JSON', async () => {
    const { databasePath } = await setUpFile();
    const run = await runCli(databasePath, ['call', 'branch.update', '{"costingScope":"nope"}']);
    expect(run.exitCode).toBe(1);
    const { error } = JSON.parse(run.stdout) as {
      error: { code: string; message: string; details: unknown };
    };
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^输入有误：【costingScope】/);
    expect(error.details).toEqual({ issues: [{ path: ['costingScope'], message: expect.any(String) }] });
    withSqliteFile(databasePath, (sqlite) =>
      expect(sqlite.prepare('SELECT costing_scope FROM branch_profile').get()).toEqual({
        costing_scope: 'per_warehouse',
      }),
    );
  });

  it('call of a method that answers nothing prints null, still JSON', async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'ledger.db');
    const engine = await openLedger(databasePath);
    await setUpBeijing(engine);
    const world = await stockWorld(engine);
    const { id } = await act(engine, 'documents.save', {
      id: null,
      document: {
        type: 'purchase_receipt',
        businessDate: '2026-03-02',
        counterpartyId: world.supplier,
        lines: [
          {
            goodsId: world.milk,
            unitName: '箱',
            quantity: '2',
            unitPrice: '48',
            warehouseId: world.warehouse1,
          },
        ],
      },
    });
    engine.close();

    const run = await runCli(databasePath, ['call', 'documents.submit', JSON.stringify({ id })]);
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toBeNull();
    withSqliteFile(databasePath, (sqlite) =>
      expect(sqlite.prepare('SELECT status FROM documents WHERE id = ?').get(id)).toEqual({
        status: 'submitted',
      }),
    );
  });

  it('backup --to writes a copy that opens as the branch, audited as user cli', async () => {
    const { folder, databasePath } = await setUpFile();
    const target = path.join(folder, 'usb', 'bj01-2026-03-02.db');
    const run = await runCli(databasePath, ['backup', '--to', target]);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ path: target, encrypted: false, bytes: expect.any(Number) });

    const copy = await openLedger(target, { backupDir: path.join(folder, 'copy-backups') });
    expect(await callOk(copy, 'setup.status', {})).toEqual({ isSetUp: true, branchName: '北京分公司' });
    withSqliteFile(databasePath, (sqlite) => {
      const backupRows = auditRows(sqlite).filter((row) => row.action === 'system.backup');
      expect(backupRows.map((row) => [row.username, row.entity_key])).toEqual([['cli', target]]);
    });
  });

  it('migrate on an up-to-date file reports nothing to do', async () => {
    const { folder, databasePath } = await setUpFile();
    const run = await runCli(databasePath, ['migrate']);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ from: currentVersion, to: currentVersion, backupPath: null });
    withSqliteFile(databasePath, (sqlite) =>
      expect(sqlite.pragma('user_version', { simple: true })).toBe(currentVersion),
    );
    expect(fs.existsSync(path.join(folder, 'backups'))).toBe(false);
  });
});
