import * as XLSX from '@e965/xlsx';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { cliActor, projectRoot, type Engine } from '../../src/engine';
import type { ApiOutput } from '../../src/shared/api';
import { callFailing, callOk, openLedger, setUpBeijing, signIn, tempFolder } from './support/ledger';
import { tableNames, withSqliteFile } from './support/sqlite-file';
import { stockWorld } from './support/stock';
import { runCli } from './support/cli';

/*
 * A long import must not hold other writers off for its whole length (issue 11): it is written in
 * bounded batches, each its own transaction, and stays all or nothing by a journal of what its batches
 * changed. These tests see the batches interleave with other writers, in the same engine and in another
 * program; an update refused in a late batch (someone saved the goods meanwhile) take every earlier
 * batch back; and a program killed in the middle of an import leaves a file whose next open takes the
 * import back, to the byte of every table but the logs.
 */

/** Node itself with tsx as its loader (not tsx's launcher, which runs node as a child): kill -9 kills the program. */
function program(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(support, script), ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
const support = path.join(import.meta.dirname, 'support');

interface GoodsRow {
  code: string;
  name: string;
  category: string;
  price: number;
}

/** A goods sheet in head office's shape: 袋 with 箱 of 24, a purchase price per 箱, a category path. */
function goodsFile(folder: string, name: string, rows: readonly GoodsRow[]): string {
  const sheet = XLSX.utils.aoa_to_sheet([
    ['商品编码', '商品名称', '商品类别', '基本单位', '大单位', '换算率', '进货价(元/大单位)'],
    ...rows.map((row) => [row.code, row.name, row.category, '袋', '箱', 24, row.price]),
  ]);
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, '商品');
  const file = path.join(folder, name);
  fs.writeFileSync(file, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return file;
}

const goodsRows = (from: number, count: number, category: string, price: number): GoodsRow[] =>
  Array.from({ length: count }, (_, index) => {
    const n = from + index;
    return { code: `G${String(n).padStart(5, '0')}`, name: `商品${n}`, category, price };
  });

/** A person saves the goods opened at `opened` under a new name, in the file's units (袋, 箱 of 24). */
async function renameAsAPerson(
  engine: Engine,
  session: string,
  opened: { id: number; version: number },
  code: string,
  name: string,
) {
  const units = [
    { name: '袋', ratio: '1', isBase: true },
    { name: '箱', ratio: '24', isBase: false },
  ];
  return callOk(engine, 'goods.save', { ...opened, goods: { code, name, units } }, session);
}

async function importFile(engine: Engine, file: string, session: string | null = null) {
  const input = {
    entity: 'goods' as const,
    fileName: path.basename(file),
    contentBase64: fs.readFileSync(file).toString('base64'),
  };
  if (session === null) {
    const response = await engine.callAs(cliActor, 'import.commit', input);
    if (!response.ok) throw new Error(`${response.error.code} ${response.error.message}`);
    return response.result as ApiOutput<'import.commit'>;
  }
  return callOk(engine, 'import.commit', input, session);
}

/** Every table but the logs (audit, import, runs, remembered mappings), row by row, as the file has it. */
function dumpOfBooks(databasePath: string): Record<string, unknown[]> {
  const logs = new Set([
    'audit_log',
    'import_logs',
    'import_runs',
    'import_run_changes',
    'import_mappings',
    '__drizzle_migrations',
    // Counts of writes for the upload (schema/upload.ts), raised by the writes taken back as by any.
    'upload_table_versions',
  ]);
  return withSqliteFile(databasePath, (sqlite) => {
    const withoutRowid = new Set(
      sqlite
        .prepare("SELECT name FROM pragma_table_list WHERE wr = 1 AND schema = 'main'")
        .pluck()
        .all() as string[],
    );
    return Object.fromEntries(
      tableNames(sqlite)
        .filter((table) => !logs.has(table) && !table.startsWith('sqlite_'))
        .map((table) => [
          table,
          // A WITHOUT ROWID table (the stock balances, the month totals) is ordered by its key.
          withoutRowid.has(table)
            ? sqlite.prepare(`SELECT * FROM "${table}"`).all()
            : sqlite.prepare(`SELECT rowid AS _rowid, * FROM "${table}" ORDER BY rowid`).all(),
        ]),
    );
  });
}

const runsOf = (databasePath: string) =>
  withSqliteFile(databasePath, (sqlite) =>
    sqlite.prepare('SELECT id, status, undo_kept AS undoKept FROM import_runs ORDER BY id').all(),
  ) as { id: number; status: string; undoKept: string | null }[];

/** Resolves when `check` holds, polling between the import's batches. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 3000; tries += 1) {
    if (check()) return;
    await sleep(5);
  }
  throw new Error(`never happened: ${what}`);
}

describe('an import written in bounded batches', () => {
  it('lets another person’s save through between its batches, on the same engine', async () => {
    const folder = tempFolder();
    const engine = await openLedger(path.join(folder, 'ledger.db'), {
      importPacing: { batchRows: 50, pauseMs: 5 },
    });
    await setUpBeijing(engine);
    const admin = await signIn(engine);
    const file = goodsFile(folder, '商品目录.xlsx', goodsRows(0, 600, '饮料/果汁', 33.6));

    let importDone = false;
    const importing = importFile(engine, file, admin).finally(() => (importDone = true));
    const runApplying = () =>
      engine.db.$client
        .prepare("SELECT count(*) FROM import_runs WHERE status = 'applying'")
        .pluck()
        .get() === 1;
    await until(runApplying, 'the import started writing');
    const saved = await callOk(
      engine,
      'goods.save',
      {
        id: null,
        goods: { code: 'X001', name: '其间新建的商品', units: [{ name: '瓶', ratio: '1', isBase: true }] },
      },
      admin,
    );
    // The save was answered while the import still had batches to write.
    expect(importDone).toBe(false);
    const outcome = await importing;
    expect(outcome).toMatchObject({ status: 'committed', created: 600 });

    // The saved goods was made between goods of the import: it did not wait for the whole file.
    const imported = engine.db.$client
      .prepare("SELECT min(id) AS first, max(id) AS last FROM goods WHERE code LIKE 'G%'")
      .get() as { first: number; last: number };
    expect(saved.id).toBeGreaterThan(imported.first);
    expect(saved.id).toBeLessThan(imported.last);
    // The committed run leaves no journal behind (dropped just after the answer).
    await until(
      () => engine.db.$client.prepare('SELECT count(*) FROM import_run_changes').pluck().get() === 0,
      'the journal was dropped',
    );
    expect(runsOf(engine.env.databasePath).map((run) => run.status)).toEqual(['committed']);
  });

  it('lets another program’s writes in within its bound while it writes 6,000 goods', async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'ledger.db');
    // Batches of a quarter second (the default is a second, against programs waiting 5 s).
    const engine = await openLedger(databasePath, { importPacing: { batchMs: 250 } });
    await setUpBeijing(engine);
    const file = goodsFile(folder, '商品目录.xlsx', goodsRows(0, 6000, '饮料/果汁', 33.6));

    // The other program waits at most 1 s for the lock each time; one transaction of 6,000 goods
    // holds it for a few seconds, so before the batches it met "database is locked".
    const other = program('write-with-bound.ts', [databasePath, '4000', '1000']);
    const lines = collectLines(other);
    await until(() => lines.out.includes('writing'), 'the other program started');
    const started = new Date().toISOString();
    const outcome = await importFile(engine, file);
    const finished = new Date().toISOString();
    expect(outcome).toMatchObject({ status: 'committed', created: 6000 });
    const result = JSON.parse((await exited(lines)).trim().split('\n').pop()!) as {
      written: number;
      busy: number;
      longestWaitMs: number;
      at: string[];
    };
    expect(result.busy).toBe(0);
    // And it did write while the import was being written, not only before and after it.
    expect(result.at.some((at) => at > started && at < finished)).toBe(true);
  });

  it('refused in a late batch (the goods was saved meanwhile) takes every earlier batch back', async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'ledger.db');
    const engine = await openLedger(databasePath, { importPacing: { batchRows: 40, pauseMs: 5 } });
    await setUpBeijing(engine);
    const admin = await signIn(engine);
    // 200 goods the branch has, imported once.
    await importFile(
      engine,
      goodsFile(folder, '原有商品.xlsx', goodsRows(0, 200, '乳制品/纯牛奶', 30)),
      admin,
    );
    const before = dumpOfBooks(databasePath);

    // The new catalogue changes the 200 (price, a new category) and adds 400 more under new categories.
    const catalogue = goodsFile(folder, '新目录.xlsx', [
      ...goodsRows(0, 200, '乳制品/高钙奶', 31.2),
      ...goodsRows(200, 400, '饮料/果汁', 33.6),
    ]);
    const late = engine.db.$client
      .prepare("SELECT id FROM goods WHERE code = 'G00150'")
      .pluck()
      .get() as number;
    const opened = await callOk(engine, 'goods.get', { id: late }, admin);
    const importing = importFile(engine, catalogue, admin);
    await until(
      () =>
        engine.db.$client
          .prepare(
            "SELECT count(*) FROM import_run_changes WHERE run_id IN (SELECT id FROM import_runs WHERE status = 'applying')",
          )
          .pluck()
          .get() !== 0,
      'the first batch was written',
    );
    // Someone saves G00150 (row 151, a later batch) while the import runs.
    await renameAsAPerson(
      engine,
      admin,
      { id: late, version: opened.version },
      'G00150',
      '商品150（已改名）',
    );
    const outcome = await importing;
    expect(outcome.status).toBe('refused');
    expect(outcome.created).toBe(0);
    expect(outcome.errors).toEqual([
      expect.objectContaining({ row: 152, message: expect.stringContaining('在您打开后已被 张经理') }),
    ]);

    // Nothing of the import is left: every table as before, but the one goods the person saved.
    const after = dumpOfBooks(databasePath);
    const withoutSaved = (dump: Record<string, unknown[]>) => ({
      ...dump,
      goods: dump.goods!.filter((row) => (row as { id: number }).id !== late),
      goods_units: dump.goods_units!.filter((row) => (row as { goods_id: number }).goods_id !== late),
    });
    expect(withoutSaved(after)).toEqual(withoutSaved(before));
    const saved = await callOk(engine, 'goods.get', { id: late }, admin);
    expect(saved.name).toBe('商品150（已改名）');
    expect(runsOf(databasePath).at(-1)).toMatchObject({ status: 'undone', undoKept: null });
    const undoAudit = engine.db.$client
      .prepare("SELECT detail FROM audit_log WHERE action = 'import.undo'")
      .pluck()
      .all() as string[];
    expect(undoAudit).toEqual([
      expect.stringContaining('导入【新目录.xlsx】有一行未能写入，已写入的部分已全部撤回'),
    ]);
    expect(await callOk(engine, 'system.verify', {}, admin)).toMatchObject({ ok: true });
  });

  it('taken back, keeps a goods it made that a draft used meanwhile, with its units, and says so', async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'ledger.db');
    const engine = await openLedger(databasePath, { importPacing: { batchRows: 20, pauseMs: 5 } });
    await setUpBeijing(engine);
    const admin = await signIn(engine);
    const world = await stockWorld(engine);
    await importFile(
      engine,
      goodsFile(folder, '原有商品.xlsx', goodsRows(0, 100, '乳制品/纯牛奶', 30)),
      admin,
    );
    // 100 new goods first, then the 100 the branch has; G00090 is row 192, ten batches in.
    const catalogue = goodsFile(folder, '新目录.xlsx', [
      ...goodsRows(200, 100, '饮料/果汁', 33.6),
      ...goodsRows(0, 100, '乳制品/高钙奶', 31.2),
    ]);
    const idOf = (code: string) =>
      engine.db.$client.prepare('SELECT id FROM goods WHERE code = ?').pluck().get(code) as
        number | undefined;
    const late = idOf('G00090')!;
    const opened = await callOk(engine, 'goods.get', { id: late }, admin);

    const importing = importFile(engine, catalogue, admin);
    await until(() => idOf('G00200') !== undefined, 'the import made G00200');
    // A clerk enters a draft receipt of the new goods, and someone saves G00090, while the import runs.
    const draft = await callOk(
      engine,
      'documents.save',
      {
        id: null,
        document: {
          type: 'purchase_receipt',
          businessDate: '2026-01-05',
          counterpartyId: world.supplier,
          lines: [
            {
              goodsId: idOf('G00200')!,
              warehouseId: world.warehouse1,
              unitName: '箱',
              quantity: '2',
              unitPrice: '33.6',
            },
          ],
        },
      },
      admin,
    );
    await renameAsAPerson(engine, admin, { id: late, version: opened.version }, 'G00090', '商品90（已改名）');

    const outcome = await importing;
    expect(outcome.status).toBe('refused');
    expect(outcome.errors).toEqual([
      expect.objectContaining({ row: 192, message: expect.stringContaining('在您打开后已被') }),
      expect.objectContaining({
        row: 0,
        // Its new category stays too: the goods is in it.
        message:
          '导入已撤回，但这些记录在导入期间已被他人使用或修改，予以保留，请核对：商品 G00200、商品类别 饮料/果汁、商品类别 饮料',
      }),
    ]);
    // The used goods stays whole, the draft with it; every other goods the import made is gone.
    const kept = await callOk(engine, 'goods.get', { id: idOf('G00200')! }, admin);
    expect(kept.units.map((unit) => unit.name).sort()).toEqual(['箱', '袋'].sort());
    expect((await callOk(engine, 'documents.get', { id: draft.id }, admin)).lines).toHaveLength(1);
    expect(idOf('G00201')).toBeUndefined();
    expect(JSON.parse(runsOf(databasePath).at(-1)!.undoKept!)).toEqual(
      expect.arrayContaining([{ table: 'goods', rowId: idOf('G00200'), why: 'used' }]),
    );
    expect(await callOk(engine, 'system.verify', {}, admin)).toMatchObject({ ok: true });
  });

  it('is not cut under by a restore: this engine refuses one until it ends; another program’s ends it', async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'ledger.db');
    const engine = await openLedger(databasePath, { importPacing: { batchRows: 20, pauseMs: 20 } });
    await setUpBeijing(engine);
    const admin = await signIn(engine);
    const backup = path.join(folder, '备份.db');
    await callOk(engine, 'system.backup', { to: backup }, admin);
    const catalogue = goodsFile(folder, '新目录.xlsx', goodsRows(0, 600, '饮料/果汁', 33.6));
    const applying = () =>
      engine.db.$client
        .prepare("SELECT count(*) FROM import_runs WHERE status = 'applying'")
        .pluck()
        .get() === 1;

    // On this engine, a restore asked for between two batches is refused, and the import goes on.
    const first = importFile(engine, catalogue, admin);
    await until(applying, 'the import started writing');
    const refusal = await callFailing(engine, 'system.restore', { from: backup }, admin);
    expect(refusal).toMatchObject({ code: 'BUSY', message: '正在导入【新目录.xlsx】，请等它完成后再恢复。' });
    expect(await first).toMatchObject({ status: 'committed', created: 600 });

    // Another program on the same file restores in the middle of a second import: that import ends,
    // saying why, and the file is the backup's.
    // Its refusal is taken as it comes, while the restore is still being awaited.
    const second = importFile(
      engine,
      goodsFile(folder, '又一目录.xlsx', goodsRows(600, 6000, '饮料', 30)),
      admin,
    ).then(
      () => 'committed',
      (error: Error) => error.message,
    );
    await until(applying, 'the second import started writing');
    const restored = await runCli(databasePath, ['restore', '--from', backup, '--yes']);
    expect(restored.exitCode).toBe(0);
    expect(await second).toContain('CONFLICT 导入期间账簿已被另一程序从备份恢复');
    expect(engine.db.$client.prepare('SELECT count(*) FROM goods').pluck().get()).toBe(0);
  });

  it('killed in the middle (kill -9), is taken back when the file is next opened', async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'ledger.db');
    let engine = await openLedger(databasePath);
    await setUpBeijing(engine);
    await importFile(engine, goodsFile(folder, '原有商品.xlsx', goodsRows(0, 100, '乳制品/纯牛奶', 30)));
    engine.close();
    const before = dumpOfBooks(databasePath);
    const catalogue = goodsFile(folder, '新目录.xlsx', [
      ...goodsRows(0, 100, '乳制品/高钙奶', 31.2),
      ...goodsRows(100, 2000, '饮料/果汁', 33.6),
    ]);

    const importer = program('import-in-batches.ts', [databasePath, catalogue]);
    const lines = collectLines(importer);
    const watcher = new Database(databasePath, { readonly: true });
    const journaled = watcher.prepare('SELECT count(*) FROM import_run_changes').pluck();
    try {
      // Some batches in: the updates of the first 100 goods and some new goods are written.
      await until(() => (journaled.get() as number) > 600, 'several batches were written');
    } finally {
      watcher.close();
    }
    importer.kill('SIGKILL');
    await exited(lines, true);
    expect(lines.out).not.toContain('done');
    expect(runsOf(databasePath).at(-1)!.status).toBe('applying');

    engine = await openLedger(databasePath);
    expect(runsOf(databasePath).at(-1)).toMatchObject({ status: 'undone', undoKept: null });
    expect(dumpOfBooks(databasePath)).toEqual(before);
    const admin = await signIn(engine);
    expect(await callOk(engine, 'system.verify', {}, admin)).toMatchObject({ ok: true });
    // The same file imports whole afterwards.
    expect(await importFile(engine, catalogue, admin)).toMatchObject({
      status: 'committed',
      created: 2000,
      updated: 100,
    });
  });
});

/** What the program prints, and how it ended (listened for from the start: it may end before it is asked). */
function collectLines(child: ChildProcess) {
  const lines = { out: '', err: '' };
  child.stdout!.on('data', (chunk: Buffer) => (lines.out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (lines.err += chunk.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return Object.assign(lines, { ended });
}

async function exited(lines: ReturnType<typeof collectLines>, killed = false): Promise<string> {
  const { code, signal } = await lines.ended;
  if (killed ? signal === 'SIGKILL' : code === 0) return lines.out;
  throw new Error(`exited ${code ?? signal}: ${lines.err}`);
}
