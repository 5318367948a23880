import Database from 'better-sqlite3';
import { cliActor } from '../../src/engine';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { projectRoot } from '../../src/engine';
import {
  administrator,
  beijingBranch,
  beijingLedger,
  callFailing,
  callOk,
  ManualClock,
  newLedger,
  openLedger,
  setUpBeijing,
  signIn,
  tempFolder,
} from './support/ledger';
import { runCli } from './support/cli';
import { fileDigest, withSqliteFile } from './support/sqlite-file';
import { act, post, stockWorld } from './support/stock';
import { createAccount } from './support/users';

/*
 * Backups are atomic and checked, automatic ones rotate, encrypted ones need their passphrase, and a backup
 * can be restored (issue 11 "Backups and restore").
 */

const writer = path.join(import.meta.dirname, 'support', 'write-continuously.ts');
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');

/** Starts another program that commits write after write for `forMs`; resolves once its first write is in. */
async function writeContinuously(databasePath: string, forMs: number): Promise<{ written: Promise<number> }> {
  const child = spawn(tsx, [writer, databasePath, String(forMs)], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  onTestFinished(() => {
    if (child.exitCode === null) child.kill();
  });
  let output = '';
  const written = new Promise<number>((resolve, reject) => {
    child.on('exit', (code) =>
      code === 0
        ? resolve(Number(/written (\d+)/.exec(output)?.[1]))
        : reject(new Error(`writer exited ${code}`)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('writing')) resolve();
    });
    child.on('exit', () => reject(new Error('the writer exited before writing')));
  });
  return { written };
}

function filesIn(folder: string): string[] {
  return fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
}

describe('a backup', () => {
  it('is written under a temporary name, checked, and renamed: only the finished file is left', async () => {
    const { engine, folder, adminSession } = await beijingLedger();
    const target = path.join(folder, 'copies', 'bj01.db');
    const renamed: string[] = [];
    const watcher = fs.watch(folder, { recursive: true }, (_event, name) => renamed.push(String(name)));
    onTestFinished(() => watcher.close());

    const result = await callOk(engine, 'system.backup', { to: target }, adminSession);
    expect(result).toMatchObject({ path: target, encrypted: false });
    expect(filesIn(path.dirname(target))).toEqual(['bj01.db']);
    withSqliteFile(target, (copy) => {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('application_id', { simple: true })).toBe(0x424c4447);
      expect(copy.prepare('SELECT code FROM branch_profile').get()).toEqual({ code: beijingBranch.code });
    });
  });

  it('is not starved by another program posting all the time, and holds what was committed before it', async () => {
    const { engine, databasePath, folder, adminSession } = await beijingLedger();
    const other = await writeContinuously(databasePath, 3_000);

    const target = path.join(folder, 'during-writes.db');
    await callOk(engine, 'system.backup', { to: target }, adminSession);
    const inBackup = withSqliteFile(
      target,
      (copy) =>
        (
          copy.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'test.write'").get() as {
            n: number;
          }
        ).n,
    );
    expect(inBackup).toBeGreaterThan(0);
    const written = await other.written;
    expect(written).toBeGreaterThanOrEqual(inBackup);
  }, 30_000);

  it('that fails its check leaves nothing behind (a copy onto a file already there is refused, the temp removed)', async () => {
    const { engine, folder, adminSession } = await beijingLedger();
    const target = path.join(folder, 'taken.db');
    fs.writeFileSync(target, 'a file someone keeps');
    const error = await callFailing(engine, 'system.backup', { to: target }, adminSession);
    expect(error.code).toBe('BACKUP_FAILED');
    expect(fs.readFileSync(target, 'utf8')).toBe('a file someone keeps');
    expect(filesIn(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});

describe('a file that is not a whole ledger', () => {
  it('0 bytes (an interrupted copy) is refused, never opened as a new empty ledger', async () => {
    const folder = tempFolder();
    const empty = path.join(folder, 'ledger.db');
    fs.writeFileSync(empty, '');
    await expect(openLedger(empty)).rejects.toMatchObject({
      code: 'NOT_A_LEDGER',
      message: `文件 ${empty} 是空文件（0 字节），不是分支账簿的数据库，可能是中断的备份或复制留下的。未作任何修改；如要新建账簿，请换一个文件名。`,
    });
    expect(fs.statSync(empty).size).toBe(0);
    expect(filesIn(folder)).toEqual(['ledger.db']);
  });

  it('an interrupted backup (.partial) is refused by name', async () => {
    const { engine, folder, adminSession } = await beijingLedger();
    const target = path.join(folder, 'b.db');
    await callOk(engine, 'system.backup', { to: target }, adminSession);
    const partial = `${target}.partial`;
    fs.copyFileSync(target, partial);
    await expect(openLedger(partial)).rejects.toMatchObject({ code: 'NOT_A_LEDGER' });
    expect((await openLedger(target, { backupDir: path.join(folder, 'x') })).env.databasePath).toBe(target);
  });

  it('cut short (truncated) is refused at start as damaged, with the problem named, not a program error', async () => {
    const { engine, folder, adminSession } = await beijingLedger();
    const { engine: source } = { engine };
    await stockWorld(source);
    const target = path.join(folder, 'whole.db');
    await callOk(engine, 'system.backup', { to: target }, adminSession);
    const truncated = path.join(folder, 'truncated.db');
    const bytes = fs.readFileSync(target);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = fileDigest(truncated);

    const opening = openLedger(truncated, { backupDir: path.join(folder, 'x') });
    await expect(opening).rejects.toMatchObject({ code: 'DATABASE_DAMAGED' });
    await expect(opening).rejects.toThrow(`数据库文件 ${truncated} 已损坏（`);
    expect(fileDigest(truncated)).toBe(before);
  });

  it('damaged inside (a page overwritten) fails the quick check at start, named as damaged', async () => {
    const { engine, folder, adminSession } = await beijingLedger();
    await stockWorld(engine);
    const target = path.join(folder, 'whole.db');
    await callOk(engine, 'system.backup', { to: target }, adminSession);
    const bytes = fs.readFileSync(target);
    // Page 3 onwards: b-tree pages of the tables; the header and schema (pages 1–2) stay readable.
    bytes.fill(0x5a, 4096 * 2 + 8, 4096 * 2 + 400);
    const damaged = path.join(folder, 'damaged.db');
    fs.writeFileSync(damaged, bytes);
    await expect(openLedger(damaged, { backupDir: path.join(folder, 'x') })).rejects.toMatchObject({
      code: 'DATABASE_DAMAGED',
    });
  });
});

describe('the integrity check on demand (system.checkIntegrity)', () => {
  it('reports a sound ledger as sound, and is audited', async () => {
    const { engine, adminSession } = await beijingLedger();
    const report = await callOk(engine, 'system.checkIntegrity', {}, adminSession);
    expect(report).toMatchObject({ ok: true, problems: [] });
    const audit = await callOk(engine, 'audit.list', { action: 'system.integrity_check' }, adminSession);
    expect(audit.rows.map((row) => row.detail)).toEqual(['完整性检查通过']);
  });

  it('names a row that points at a record no longer there, in a table with row numbers or without', async () => {
    const { engine, adminSession } = await beijingLedger();
    const sqlite = engine.db.$client;
    // Written past the engine with the foreign keys off, as a damaged or hand-edited file would have it.
    sqlite.pragma('foreign_keys = OFF');
    sqlite
      .prepare(
        'INSERT INTO stock_balances (goods_id, warehouse_id, lot, in_transit, quantity, value) VALUES (9999, 9999, ?, 0, 1, 1)',
      )
      .run('');
    sqlite
      .prepare("INSERT INTO goods_units (goods_id, name, ratio, is_base) VALUES (9999, '箱', 24, 0)")
      .run();
    sqlite.pragma('foreign_keys = ON');
    const report = await callOk(engine, 'system.checkIntegrity', {}, adminSession);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        '表 stock_balances 有一行引用的 goods 记录不存在',
        '表 stock_balances 有一行引用的 warehouses 记录不存在',
        expect.stringMatching(/^表 goods_units 第 \d+ 行引用的 goods 记录不存在$/),
      ]),
    );
  });
});

describe('automatic backups', () => {
  it('daily: one per branch day, kept to N, deleting only its own files', async () => {
    const folder = tempFolder();
    const clock = new ManualClock('2026-03-02T01:30:00.000Z');
    const databasePath = path.join(folder, 'ledger.db');
    const engine = await openLedger(databasePath, { clock });
    await setUpBeijing(engine);
    await callOk(engine, 'settings.update', { autoBackupKeep: 3 }, await signIn(engine));
    const backups = path.join(folder, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    // A person's own backups in the same folder, one named almost like the scheduler's.
    const own = [
      'ledger-2026-03-01.db',
      'ledger-auto-daily-mine.db',
      'other-auto-daily-2026-03-01-000000Z.db',
    ];
    for (const name of own) fs.writeFileSync(path.join(backups, name), 'kept');

    expect((await engine.runDueBackups())?.path).toBe(
      path.join(backups, 'ledger-auto-daily-2026-03-02-013000Z.db'),
    );
    expect(await engine.runDueBackups()).toBeNull();
    for (let day = 0; day < 4; day++) {
      clock.advance(24 * 60 * 60 * 1000);
      expect(await engine.runDueBackups()).not.toBeNull();
    }
    expect(filesIn(backups)).toEqual(
      [
        ...own,
        'ledger-auto-daily-2026-03-04-013000Z.db',
        'ledger-auto-daily-2026-03-05-013000Z.db',
        'ledger-auto-daily-2026-03-06-013000Z.db',
      ].sort(),
    );
    const listed = await callOk(engine, 'system.backups', {}, await signIn(engine));
    expect(listed.folder).toBe(backups);
    expect(listed.backups.filter((backup) => backup.kind === 'daily')).toHaveLength(3);
  });

  it('off: no daily backup, and none on exit', async () => {
    const { engine, folder, adminSession } = await beijingLedger();
    await callOk(engine, 'settings.update', { autoBackup: false }, adminSession);
    expect(await engine.runDueBackups()).toBeNull();
    expect((await engine.shutdown()).backup).toBeNull();
    expect(filesIn(path.join(folder, 'backups'))).toEqual([]);
  });

  it('on exit and before a month close, into the folder the settings name', async () => {
    const { engine, folder, adminSession } = await beijingLedger();
    const elsewhere = path.join(folder, 'usb', '备份');
    await callOk(engine, 'settings.update', { autoBackupFolder: elsewhere }, adminSession);
    await act(engine, 'periods.close', { month: '2026-01', force: false });
    expect(filesIn(elsewhere)).toEqual(['ledger-auto-month-close-2026-03-02-013000Z.db']);
    withSqliteFile(path.join(elsewhere, 'ledger-auto-month-close-2026-03-02-013000Z.db'), (copy) =>
      // Taken before the close: the month is not closed in it.
      expect(copy.prepare('SELECT count(*) AS n FROM month_closes').get()).toEqual({ n: 0 }),
    );
    const exit = await engine.shutdown();
    expect(exit.backup?.path).toBe(path.join(elsewhere, 'ledger-auto-exit-2026-03-02-013000Z.db'));
  });

  it('a relative folder is refused with a message saying what to write', async () => {
    const { engine, adminSession } = await beijingLedger();
    const error = await callFailing(engine, 'settings.update', { autoBackupFolder: 'backups' }, adminSession);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('请填写自动备份文件夹的完整路径');
  });
});

describe('an encrypted backup', () => {
  it('round trip: written with a passphrase, unreadable without it, restored with it', async () => {
    const { engine, folder, adminSession } = await beijingLedger();
    const target = path.join(folder, 'secret.db.enc');
    const result = await callOk(
      engine,
      'system.backup',
      { to: target, passphrase: '北京-分公司-2026' },
      adminSession,
    );
    expect(result.encrypted).toBe(true);
    expect(fs.readFileSync(target).subarray(0, 8).toString('ascii')).toBe('BLDG-ENC');
    expect(fs.readFileSync(target).includes(Buffer.from(beijingBranch.name))).toBe(false);
    await expect(openLedger(target, { backupDir: path.join(folder, 'x') })).rejects.toMatchObject({
      code: 'NOT_A_LEDGER',
    });

    expect((await callFailing(engine, 'system.restorePreview', { from: target }, adminSession)).code).toBe(
      'PASSPHRASE_REQUIRED',
    );
    const wrong = await callFailing(
      engine,
      'system.restorePreview',
      { from: target, passphrase: 'not-the-passphrase' },
      adminSession,
    );
    expect(wrong).toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(wrong.message).toContain('备份密码不正确');
    const preview = await callOk(
      engine,
      'system.restorePreview',
      { from: target, passphrase: '北京-分公司-2026' },
      adminSession,
    );
    expect(preview).toMatchObject({ encrypted: true, branch: { code: 'BJ01', name: beijingBranch.name } });
    expect(filesIn(folder).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('automatic backups are encrypted once a passphrase is set, and the passphrase is not in the ledger', async () => {
    const { engine, folder, databasePath, adminSession } = await beijingLedger();
    await callOk(engine, 'system.setBackupPassphrase', { passphrase: 'daily-secret-1' }, adminSession);
    expect((await callOk(engine, 'system.info', {}, adminSession)).backupEncrypted).toBe(true);
    const made = await engine.runDueBackups();
    expect(made?.path).toMatch(/ledger-auto-daily-2026-03-02-013000Z\.db\.enc$/);
    expect(made?.encrypted).toBe(true);
    expect(fs.readFileSync(databasePath).includes(Buffer.from('daily-secret-1'))).toBe(false);
    expect(fs.statSync(`${databasePath}.backup-passphrase`).mode & 0o077).toBe(0);
    expect(filesIn(path.join(folder, 'backups'))).toHaveLength(1);
  });
});

describe('restore', () => {
  async function ledgerWithBooks() {
    const ledger = await beijingLedger();
    const world = await stockWorld(ledger.engine);
    await post(ledger.engine, {
      type: 'purchase_receipt',
      businessDate: '2026-01-05',
      counterpartyId: world.supplier,
      lines: [
        {
          goodsId: world.milk,
          warehouseId: world.warehouse1,
          unitName: '袋',
          quantity: '100',
          unitPrice: '2',
        },
      ],
    });
    await callOk(ledger.engine, 'settings.update', { autoBackup: false }, ledger.adminSession);
    await act(ledger.engine, 'periods.close', { month: '2026-01', force: false });
    return { ...ledger, world };
  }

  it('previews what the backup holds: branch, last document, last month closed, when it was made', async () => {
    const { engine, folder, adminSession } = await ledgerWithBooks();
    const target = path.join(folder, 'month-end.db');
    await callOk(engine, 'system.backup', { to: target }, adminSession);
    const madeAt = new Date('2026-02-01T10:00:00.000Z');
    fs.utimesSync(target, madeAt, madeAt);

    const preview = await callOk(engine, 'system.restorePreview', { from: target }, adminSession);
    expect(preview).toEqual({
      from: target,
      encrypted: false,
      madeAt: madeAt.toISOString(),
      schemaVersion: engine.env.schemaVersion,
      needsMigration: false,
      branch: { code: 'BJ01', name: beijingBranch.name },
      lastDocument: { number: expect.stringMatching(/20260105/), businessDate: '2026-01-05' },
      lastClosedMonth: '2026-01',
      currentBranchCode: 'BJ01',
      sameBranch: true,
    });
    // Previewing leaves nothing beside the database.
    expect(filesIn(folder).filter((name) => name.includes('restoring'))).toEqual([]);
  });

  it('keeps the current ledger aside, brings the backup back, marks it restored and ends every session', async () => {
    const { engine, folder, databasePath, adminSession, world } = await ledgerWithBooks();
    const target = path.join(folder, 'before-february.db');
    await callOk(engine, 'system.backup', { to: target }, adminSession);
    // Work after the backup: a February receipt, which the restore takes back.
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-02-03',
      counterpartyId: world.supplier,
      lines: [
        { goodsId: world.milk, warehouseId: world.warehouse1, unitName: '袋', quantity: '5', unitPrice: '2' },
      ],
    });
    const documentsNow = (await callOk(engine, 'documents.list', {}, adminSession)).total;

    const outcome = await callOk(engine, 'system.restore', { from: target }, adminSession);
    expect(path.dirname(outcome.keptAside)).toBe(path.join(folder, 'backups'));
    expect(path.basename(outcome.keptAside)).toBe('ledger-before-restore-2026-03-02-013000Z.db');

    // Every session has ended, the administrator's own too.
    expect((await callFailing(engine, 'documents.list', {}, adminSession)).code).toBe('UNAUTHENTICATED');
    const session = await signIn(engine);
    expect((await callOk(engine, 'documents.list', {}, session)).total).toBe(documentsNow - 1);
    withSqliteFile(outcome.keptAside, (aside) =>
      expect((aside.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(
        documentsNow,
      ),
    );
    // The restored ledger says it was restored: the upload opens a new epoch from this (UPLOAD.md).
    withSqliteFile(databasePath, (live) => {
      expect(
        live.prepare('SELECT restored_by_name, from_file, kept_aside_path FROM ledger_restores').all(),
      ).toEqual([
        {
          restored_by_name: administrator.displayName,
          from_file: target,
          kept_aside_path: outcome.keptAside,
        },
      ]);
      expect(live.pragma('integrity_check', { simple: true })).toBe('ok');
    });
    const audit = await callOk(engine, 'audit.list', { action: 'system.restore' }, session);
    expect(audit.rows.map((row) => row.entityKey)).toEqual([target]);
  });

  it('ends the sessions of another copy of the app on the same file too: nothing it opened before can be saved', async () => {
    const { engine, folder, databasePath, adminSession, world } = await ledgerWithBooks();
    const target = path.join(folder, 'backup.db');
    await callOk(engine, 'system.backup', { to: target }, adminSession);
    // The second copy, as on a second machine opening the shared file: its clerk has the goods open.
    const second = await openLedger(databasePath);
    onTestFinished(() => second.close());
    const clerk = await signIn(second);
    const opened = await callOk(second, 'goods.get', { id: world.milk }, clerk);

    await callOk(engine, 'system.restore', { from: target }, adminSession);

    // The id may name another record after a restore (one made since the backup took it): the save the
    // clerk opened before is refused with the session, never written onto whatever holds the id now.
    const save = await callFailing(
      second,
      'goods.save',
      { id: world.milk, version: opened.version, goods: { ...opened, remark: '恢复前打开的' } },
      clerk,
    );
    expect(save.code).toBe('UNAUTHENTICATED');
    const again = await signIn(second);
    expect((await callOk(second, 'goods.get', { id: world.milk }, again)).remark).not.toBe('恢复前打开的');
  });

  it("another branch's backup needs a confirmation; an unset ledger takes any", async () => {
    const { engine, folder, adminSession } = await beijingLedger();
    const shanghai = await newLedger();
    await callOk(shanghai.engine, 'setup.createBranch', {
      profile: { ...beijingBranch, code: 'SH02', name: '上海分公司' },
      administrator,
    });
    const shanghaiBackup = path.join(folder, 'sh02.db');
    await callOk(shanghai.engine, 'system.backup', { to: shanghaiBackup }, await signIn(shanghai.engine));

    const refused = await callFailing(engine, 'system.restore', { from: shanghaiBackup }, adminSession);
    expect(refused.code).toBe('NEEDS_CONFIRMATION');
    expect(refused.message).toContain('备份中的机构是 SH02（上海分公司），正在使用的账簿是 BJ01');
    expect((await callOk(engine, 'branch.profile', {}, adminSession)).code).toBe('BJ01');

    await callOk(engine, 'system.restore', { from: shanghaiBackup, acknowledged: true }, adminSession);
    expect((await callOk(engine, 'branch.profile', {}, await signIn(engine))).code).toBe('SH02');

    const fresh = await newLedger();
    await fresh.engine.callAs(cliActor, 'system.restore', { from: shanghaiBackup });
    withSqliteFile(fresh.databasePath, (live) =>
      expect(live.prepare('SELECT code FROM branch_profile').get()).toEqual({ code: 'SH02' }),
    );
  });

  it('is for the administrator alone', async () => {
    const { engine, folder, adminSession } = await beijingLedger();
    const target = path.join(folder, 'b.db');
    await callOk(engine, 'system.backup', { to: target }, adminSession);
    await createAccount(engine, adminSession, {
      username: 'jingli',
      displayName: '王经理',
      role: 'manager',
      password: 'Ledger-2026!',
    });
    const manager = await signIn(engine, 'jingli');
    expect((await callFailing(engine, 'system.restore', { from: target }, manager)).code).toBe('FORBIDDEN');
    expect((await callFailing(engine, 'system.restorePreview', { from: target }, manager)).code).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses a 0-byte file, a .partial, a missing file and a file that is not a ledger, saying which', async () => {
    const { engine, folder, adminSession } = await beijingLedger();
    const empty = path.join(folder, 'empty.db');
    fs.writeFileSync(empty, '');
    const text = path.join(folder, 'notes.db');
    fs.writeFileSync(text, '这不是数据库');
    const cases: [string, string][] = [
      [empty, 'RESTORE_FAILED'],
      [path.join(folder, 'x.db.partial'), 'NOT_FOUND'],
      [path.join(folder, 'missing.db'), 'NOT_FOUND'],
      [text, 'NOT_A_LEDGER'],
    ];
    fs.writeFileSync(path.join(folder, 'y.db.partial'), 'half');
    cases.push([path.join(folder, 'y.db.partial'), 'RESTORE_FAILED']);
    for (const [from, code] of cases) {
      const error = await callFailing(engine, 'system.restore', { from }, adminSession);
      expect([from, error.code]).toEqual([from, code]);
      expect(error.message).toContain(from);
    }
    expect((await callOk(engine, 'branch.profile', {}, adminSession)).code).toBe('BJ01');
  });

  it('under another program posting all the time: no write is lost, each is in the kept-aside ledger or after the restore', async () => {
    const { engine, databasePath, folder, adminSession } = await beijingLedger();
    const target = path.join(folder, 'b.db');
    await callOk(engine, 'system.backup', { to: target }, adminSession);
    const other = await writeContinuously(databasePath, 3_000);

    const outcome = await callOk(engine, 'system.restore', { from: target }, adminSession);
    const written = await other.written;
    const count = (file: string) =>
      withSqliteFile(
        file,
        (db) =>
          (
            db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'test.write'").get() as {
              n: number;
            }
          ).n,
      );
    // The backup had none of the other program's writes: those before the restore are in the kept-aside
    // ledger, those after it in the restored one, and together they are every write it committed.
    expect(count(target)).toBe(0);
    expect(count(outcome.keptAside) + count(databasePath)).toBe(written);
    expect(count(outcome.keptAside)).toBeGreaterThan(0);
    const live = new Database(databasePath, { readonly: true });
    onTestFinished(() => {
      live.close();
    });
    expect(live.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 30_000);
});

describe('ledger restore (the CLI)', () => {
  it('previews without --yes and changes nothing; with --yes restores through the same engine path', async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'ledger.db');
    const engine = await openLedger(databasePath);
    await setUpBeijing(engine);
    const session = await signIn(engine);
    const target = path.join(folder, 'b.db');
    await callOk(engine, 'system.backup', { to: target }, session);
    await callOk(engine, 'settings.update', { autoBackupKeep: 5 }, session);
    engine.close();

    const previewed = await runCli(databasePath, ['restore', '--from', target]);
    expect(previewed.exitCode).toBe(0);
    expect(JSON.parse(previewed.stdout)).toMatchObject({
      restored: false,
      preview: { branch: { code: 'BJ01' }, lastClosedMonth: null, sameBranch: true },
    });
    expect(previewed.stderr).toContain('账簿未作改动');
    expect(
      withSqliteFile(databasePath, (db) => db.prepare('SELECT count(*) AS n FROM ledger_restores').get()),
    ).toEqual({
      n: 0,
    });

    const restored = await runCli(databasePath, ['restore', '--from', target, '--yes']);
    expect(restored.exitCode).toBe(0);
    const answer = JSON.parse(restored.stdout) as { restored: boolean; keptAside: string };
    expect(answer.restored).toBe(true);
    expect(fs.existsSync(answer.keptAside)).toBe(true);
    withSqliteFile(databasePath, (db) => {
      expect(db.prepare('SELECT restored_by_name, from_file FROM ledger_restores').all()).toEqual([
        { restored_by_name: '命令行', from_file: target },
      ]);
      // The setting changed after the backup is the backup's again.
      expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'autoBackupKeep'").get()).toEqual({
        n: 0,
      });
    });

    const wrong = await runCli(databasePath, ['restore', '--from', path.join(folder, 'nowhere.db'), '--yes']);
    expect(wrong.exitCode).toBe(1);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  }, 60_000);
});

describe('ledger restore over a ledger the engine refuses to open (damaged, or from a newer app)', () => {
  /** A branch with its goods and warehouses, a backup of it, then a change the backup does not hold. */
  async function ledgerAndBackup() {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'ledger.db');
    const engine = await openLedger(databasePath);
    await setUpBeijing(engine);
    await stockWorld(engine);
    const session = await signIn(engine);
    const backup = path.join(folder, 'good.db');
    await callOk(engine, 'system.backup', { to: backup }, session);
    await callOk(engine, 'settings.update', { autoBackupKeep: 5 }, session);
    engine.close();
    return { folder, databasePath, backup };
  }

  /** Overwrites bytes in the middle of page 3, a b-tree page of the tables (the header and schema stay readable). */
  function damage(file: string): void {
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096 * 2 + 8, 4096 * 2 + 400);
    fs.writeFileSync(file, bytes);
  }

  const errorOf = (stdout: string) =>
    (JSON.parse(stdout) as { error: { code: string; message: string } }).error;

  it('puts a good backup in place of a damaged ledger, keeping the damaged file aside byte for byte', async () => {
    const { folder, databasePath, backup } = await ledgerAndBackup();
    damage(databasePath);
    const damagedDigest = fileDigest(databasePath);
    const refused = await runCli(databasePath, ['verify']);
    expect(refused.exitCode).toBe(1);
    expect(errorOf(refused.stdout).code).toBe('DATABASE_DAMAGED');

    // Without --yes: what the backup holds, and why the ledger in use cannot be opened; nothing changes.
    const previewed = await runCli(databasePath, ['restore', '--from', backup]);
    expect(previewed.exitCode).toBe(0);
    expect(JSON.parse(previewed.stdout)).toMatchObject({
      restored: false,
      preview: {
        branch: { code: 'BJ01' },
        current: { file: databasePath, code: 'DATABASE_DAMAGED' },
      },
    });
    expect(previewed.stderr).toContain(`当前账簿 ${databasePath} 无法打开（已损坏）`);
    expect(previewed.stderr).toContain('账簿未作改动');
    expect(fileDigest(databasePath)).toBe(damagedDigest);

    const restored = await runCli(databasePath, ['restore', '--from', backup, '--yes']);
    expect(restored.exitCode).toBe(0);
    const answer = JSON.parse(restored.stdout) as { restored: boolean; keptAside: string[] };
    expect(answer.restored).toBe(true);
    // The file, and what SQLite left beside it when the refused opens read it (its -wal, -shm), moved with it.
    const [aside, ...beside] = answer.keptAside as [string, ...string[]];
    for (const file of beside)
      expect(file).toMatch(new RegExp(`^${aside.replace(/[.]/g, '\\.')}-(wal|shm)$`));
    expect(filesIn(folder).filter((name) => name.startsWith('ledger.db-'))).toEqual([]);
    expect(path.dirname(aside)).toBe(folder);
    expect(path.basename(aside)).toMatch(/^ledger-damaged-\d{4}-\d{2}-\d{2}-\d{6}Z\.db$/);
    expect(fileDigest(aside)).toBe(damagedDigest);
    expect(restored.stderr).toContain(`已从备份 ${backup} 恢复到 ${databasePath}。`);
    expect(restored.stderr).toContain(`无法打开的原账簿未删除，已原样移到：\n  ${aside}`);
    expect(filesIn(folder).filter((name) => name.includes('restoring'))).toEqual([]);

    // The restored ledger opens, verifies, and says of itself that it was restored (a new upload epoch).
    const verified = await runCli(databasePath, ['verify']);
    expect(verified.exitCode).toBe(0);
    withSqliteFile(databasePath, (live) => {
      expect(
        live.prepare('SELECT restored_by_name, from_file, kept_aside_path FROM ledger_restores').all(),
      ).toEqual([{ restored_by_name: '命令行', from_file: backup, kept_aside_path: aside }]);
      expect(live.pragma('integrity_check', { simple: true })).toBe('ok');
      // The change made after the backup is not in it.
      expect(live.prepare("SELECT count(*) AS n FROM settings WHERE key = 'autoBackupKeep'").get()).toEqual({
        n: 0,
      });
      expect(
        live.prepare("SELECT username, detail FROM audit_log WHERE action = 'system.restore'").get(),
      ).toEqual({
        username: 'cli',
        detail: expect.stringContaining(`；原账簿无法打开（已损坏），已原样移至 ${aside}`),
      });
    });
  }, 90_000);

  it('refuses a damaged backup, leaving the damaged ledger as it was and nothing beside it', async () => {
    const { folder, databasePath, backup } = await ledgerAndBackup();
    damage(databasePath);
    const damagedBackup = path.join(folder, 'damaged-backup.db');
    fs.copyFileSync(backup, damagedBackup);
    damage(damagedBackup);
    const damagedDigest = fileDigest(databasePath);
    const filesBefore = filesIn(folder);

    const refused = await runCli(databasePath, ['restore', '--from', damagedBackup, '--yes']);
    expect(refused.exitCode).toBe(1);
    const error = errorOf(refused.stdout);
    expect(error.code).toBe('DATABASE_DAMAGED');
    expect(error.message).toContain(`数据库文件 ${damagedBackup} 已损坏`);
    expect(fileDigest(databasePath)).toBe(damagedDigest);
    expect(filesIn(folder)).toEqual(filesBefore);
  }, 60_000);

  it('puts a backup in place of a ledger a newer app wrote, keeping that file aside', async () => {
    const { folder, databasePath, backup } = await ledgerAndBackup();
    withSqliteFile(databasePath, (sqlite) => sqlite.pragma('user_version = 999'));
    const newerDigest = fileDigest(databasePath);
    const refused = await runCli(databasePath, ['verify']);
    expect(errorOf(refused.stdout).code).toBe('SCHEMA_TOO_NEW');

    const restored = await runCli(databasePath, ['restore', '--from', backup, '--yes']);
    expect(restored.exitCode).toBe(0);
    const [aside] = (JSON.parse(restored.stdout) as { keptAside: [string] }).keptAside;
    expect(path.dirname(aside)).toBe(folder);
    expect(path.basename(aside)).toMatch(/^ledger-newer-version-\d{4}-\d{2}-\d{2}-\d{6}Z\.db$/);
    expect(fileDigest(aside)).toBe(newerDigest);
    expect((await runCli(databasePath, ['verify'])).exitCode).toBe(0);
  }, 60_000);
});
