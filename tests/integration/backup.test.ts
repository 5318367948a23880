import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  administrator,
  beijingBranch,
  callFailing,
  callOk,
  openLedger,
  setUpBeijing,
  shippedMigrations,
  signIn,
  tempFolder,
  testSource,
} from './support/ledger';

const currentVersion = shippedMigrations().length;

describe('online backup (system.backup)', () => {
  it('copies the open ledger to a file that opens as the same branch', async () => {
    const folder = tempFolder();
    const engine = await openLedger(path.join(folder, 'ledger.db'));
    await setUpBeijing(engine);
    const session = await signIn(engine);
    const target = path.join(folder, 'copies', '2026-03-02', 'bj01.db');

    const result = await callOk(engine, 'system.backup', { to: target }, session);
    expect(result.path).toBe(target);
    expect(result.bytes).toBe(fs.statSync(target).size);
    expect(result.bytes).toBeGreaterThan(0);

    // The engine stays usable, and the backup is audited.
    const audit = await callOk(engine, 'audit.list', { action: 'system.backup' }, session);
    expect(audit.rows.map((row) => [row.username, row.entityKey])).toEqual([
      [administrator.username, target],
    ]);

    const copy = await openLedger(target, { backupDir: path.join(folder, 'copy-backups') });
    expect(copy.migration).toEqual({ from: currentVersion, to: currentVersion, backupPath: null });
    const copySession = await signIn(copy);
    expect((await callOk(copy, 'system.info', {}, copySession)).branchCode).toBe(beijingBranch.code);
  });

  it("refuses to back up onto the database's own file", async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'ledger.db');
    const engine = await openLedger(databasePath);
    await setUpBeijing(engine);
    const session = await signIn(engine);

    for (const to of [databasePath, path.join(folder, '.', 'sub', '..', 'ledger.db')]) {
      const error = await callFailing(engine, 'system.backup', { to }, session);
      expect(error.code).toBe('BACKUP_FAILED');
      expect(error.message).toBe(`备份文件 ${databasePath} 已存在，未覆盖。请换一个文件名。`);
    }
    expect((await callOk(engine, 'branch.profile', {}, session)).code).toBe(beijingBranch.code);
    expect((await callOk(engine, 'audit.list', { action: 'system.backup' }, session)).total).toBe(0);
  });

  it('refuses to back up onto its own file reached through another path (a symlink)', async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'ledger.db');
    const engine = await openLedger(databasePath);
    await setUpBeijing(engine);
    const session = await signIn(engine);
    // The same file under another name, as `C:\Ledger\BJ01.db` and `c:\ledger\bj01.db` are on Windows.
    const sameFile = path.join(folder, 'backup-of-ledger.db');
    fs.symlinkSync(databasePath, sameFile);

    const response = await engine.call(
      { method: 'system.backup', input: { to: sameFile }, session },
      testSource,
    );
    expect(response).toMatchObject({ ok: false, error: { code: 'BACKUP_FAILED' } });
  });
});
