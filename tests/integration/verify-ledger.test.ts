import type Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { chainHash } from '../../src/engine/db/hash-chain';
import { auditChain } from '../../src/engine/services/audit/record-audit';
import { runCli } from './support/cli';
import { callFailing, callOk, openLedger, signIn, tempFolder } from './support/ledger';
import { migrationsBefore, olderLedgerFile, releaseMigrations } from './support/older-file';
import { withSqliteFile } from './support/sqlite-file';
import {
  act,
  confirmAll,
  post,
  stockLedger,
  type BranchProfileInput,
  type StockWorld,
} from './support/stock';
import { addUser } from './support/users';

/*
 * 校验账簿 (`system.verify`): the audit log's hash chain names the first row that a
 * person with a sqlite tool changed, removed or put in, even with the triggers dropped; the stock books'
 * sums catch a balance or costing state out of line with the movements. Figures in 袋 of 鲜牛奶.
 */

const receipt = (
  world: StockWorld,
  warehouseId: number,
  date: string,
  quantity: string,
  unitPrice: string,
) => ({
  type: 'purchase_receipt' as const,
  businessDate: date,
  counterpartyId: world.supplier,
  lines: [{ goodsId: world.milk, warehouseId, unitName: '袋', quantity, unitPrice }],
});

const delivery = (world: StockWorld, date: string, quantity: string) => ({
  type: 'sales_delivery' as const,
  businessDate: date,
  counterpartyId: world.customer,
  lines: [{ goodsId: world.milk, warehouseId: world.warehouse1, unitName: '袋', quantity, unitPrice: '3' }],
});

/**
 * Receipts into both warehouses, deliveries, a transfer, a receipt dated before a delivery (re-costing), a
 * red-letter reversal, January closed, and February's postings after it.
 */
async function busyLedger(profile: Partial<BranchProfileInput> = {}) {
  const ledger = await stockLedger(profile);
  const { engine, world } = ledger;
  await post(engine, receipt(world, world.warehouse1, '2026-01-05', '100', '1'));
  await post(engine, receipt(world, world.warehouse2, '2026-01-06', '50', '1.2'));
  await post(engine, delivery(world, '2026-01-10', '30'));
  await post(engine, {
    type: 'transfer',
    businessDate: '2026-01-12',
    warehouseId: world.warehouse1,
    toWarehouseId: world.warehouse2,
    lines: [{ goodsId: world.milk, unitName: '袋', quantity: '20' }],
  });
  const sale = await post(engine, delivery(world, '2026-01-15', '10'));
  await post(engine, receipt(world, world.warehouse1, '2026-01-03', '40', '0.8'));
  const reversal = await act(engine, 'documents.reverse', {
    id: sale,
    businessDate: '2026-01-20',
    reason: '客户拒收',
  });
  await confirmAll(engine, reversal.id);
  await act(engine, 'periods.close', { month: '2026-01' });
  await post(engine, receipt(world, world.warehouse1, '2026-02-03', '10', '1.5'));
  await post(engine, delivery(world, '2026-02-05', '5'));
  return ledger;
}

const verify = (engine: Engine) => act(engine, 'system.verify', {});

/** What a person does with a sqlite tool: opens the file, drops every trigger, and changes it. */
function tamper(databasePath: string, change: (sqlite: Database.Database) => void): void {
  withSqliteFile(databasePath, (sqlite) => {
    const triggers = sqlite
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'")
      .pluck()
      .all() as string[];
    for (const name of triggers) sqlite.exec(`DROP TRIGGER "${name}"`);
    change(sqlite);
  });
}

const auditAction = (sqlite: Database.Database, id: number) =>
  (sqlite.prepare('SELECT action FROM audit_log WHERE id = ?').get(id) as { action: string }).action;

describe('a ledger as the app wrote it verifies', () => {
  for (const profile of [
    { defaultCostingMethod: 'moving_average', costingScope: 'per_warehouse' },
    { defaultCostingMethod: 'monthly_average', costingScope: 'per_warehouse' },
    { defaultCostingMethod: 'fifo', costingScope: 'per_branch' },
  ] as const) {
    it(`after postings, re-costing, a reversal and a month close (${profile.defaultCostingMethod}, ${profile.costingScope})`, async () => {
      const { engine } = await busyLedger(profile);
      const sqlite = engine.db.$client;
      const count = (table: string) =>
        (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      // Re-costing really happened: some movement's value was changed after it was posted.
      expect(count('stock_movements')).toBeGreaterThan(10);
      expect(await verify(engine)).toEqual({
        ok: true,
        audit: { rows: count('audit_log'), ok: true },
        stock: {
          movements: count('stock_movements'),
          balances: count('stock_balances'),
          ok: true,
          problems: [],
        },
      });
    });
  }

  it('is for those who may read the audit log: a manager may, a clerk may not', async () => {
    const { engine } = await busyLedger();
    await addUser(engine, {
      username: 'wangfang',
      displayName: '王芳',
      role: 'manager',
      password: 'Manager-2026!',
    });
    await addUser(engine, { username: 'liwei', displayName: '李伟', role: 'clerk', password: 'Clerk-2026!' });
    const manager = await signIn(engine, 'wangfang', 'Manager-2026!');
    expect((await callOk(engine, 'system.verify', {}, manager)).ok).toBe(true);
    const clerk = await signIn(engine, 'liwei', 'Clerk-2026!');
    expect(await callFailing(engine, 'system.verify', {}, clerk)).toEqual({
      code: 'FORBIDDEN',
      message: '当前用户没有权限执行此操作（system.verify：审计日志·查看）。',
      details: { permission: 'audit.view' },
    });
  });
});

describe('the audit log’s chain names the first broken row', () => {
  it('an entry edited with the triggers dropped', async () => {
    const { engine, databasePath } = await busyLedger();
    const row = engine.db.$client
      .prepare('SELECT id, at, action FROM audit_log WHERE id = 5')
      .get() as object;
    tamper(databasePath, (sqlite) =>
      sqlite.prepare("UPDATE audit_log SET username = 'nobody', detail = '无' WHERE id = 5").run(),
    );
    const result = await verify(engine);
    expect(result.ok).toBe(false);
    expect(result.audit.firstBroken).toEqual({ ...row, reason: '内容与它的哈希不符，这一条被改动过。' });
    expect(result.stock.ok).toBe(true);
  });

  it('an entry rewritten and its hash computed anew, by someone who knows how', async () => {
    const { engine, databasePath } = await busyLedger();
    tamper(databasePath, (sqlite) => {
      sqlite.prepare("UPDATE audit_log SET username = 'nobody' WHERE id = 5").run();
      const values = sqlite
        .prepare(`SELECT ${auditChain.columns.join(', ')} FROM audit_log WHERE id = 5`)
        .raw()
        .get() as (string | number | null)[];
      const { prev_hash: prevHash } = sqlite
        .prepare('SELECT prev_hash FROM audit_log WHERE id = 5')
        .get() as {
        prev_hash: string;
      };
      sqlite.prepare('UPDATE audit_log SET hash = ? WHERE id = 5').run(chainHash(prevHash, values));
    });
    const { audit } = await verify(engine);
    expect(audit.firstBroken).toMatchObject({
      id: 5,
      reason: '第 6 条记下的上一条哈希与这一条的不符，这一条被改写过，并重新算了哈希。',
    });
  });

  it('an entry deleted in the middle: the one after it is named, with what is missing', async () => {
    const { engine, databasePath } = await busyLedger();
    const sqlite = engine.db.$client;
    const rows = (sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const after = sqlite.prepare('SELECT id, at, action FROM audit_log WHERE id = 8').get() as object;
    tamper(databasePath, (file) => file.prepare('DELETE FROM audit_log WHERE id = 7').run());
    const { audit } = await verify(engine);
    expect(audit).toEqual({
      rows: rows - 1,
      ok: false,
      firstBroken: { ...after, reason: '它前面的第 7 条已被删除。' },
    });
  });

  it('an entry put in by another program, triggers and all in place', async () => {
    const { engine, databasePath, world } = await busyLedger();
    withSqliteFile(databasePath, (sqlite) =>
      sqlite
        .prepare(
          "INSERT INTO audit_log (at, username, action, entity) VALUES ('2026-03-02T02:00:00.000Z', 'admin', 'documents.approve', 'documents')",
        )
        .run(),
    );
    const { audit } = await verify(engine);
    expect(audit.firstBroken).toMatchObject({
      id: audit.rows,
      action: 'documents.approve',
      reason: '没有哈希，这一条不是本程序写入的，或被其他程序改写过。',
    });
    // The app goes on writing after it; the break stays where it is.
    await post(engine, delivery(world, '2026-02-06', '1'));
    expect((await verify(engine)).audit.firstBroken?.id).toBe(audit.rows);
  });
});

describe('the stock ledger’s sums', () => {
  it('a movement’s quantity × 100 with its balance changed to match: the costing state shows it', async () => {
    const { engine, databasePath } = await busyLedger();
    const sqlite = engine.db.$client;
    // The first receipt into 一号仓: 100 袋 @ 1.00.
    const movement = sqlite
      .prepare(
        "SELECT id, goods_id, warehouse_id, quantity FROM stock_movements WHERE kind = 'purchase' ORDER BY id LIMIT 1",
      )
      .get() as { id: number; goods_id: number; warehouse_id: number; quantity: number };
    expect(movement.quantity).toBe(10_000);
    tamper(databasePath, (file) => {
      file.prepare('UPDATE stock_movements SET quantity = quantity * 100 WHERE id = ?').run(movement.id);
      file
        .prepare(
          "UPDATE stock_balances SET quantity = quantity + ? WHERE goods_id = ? AND warehouse_id = ? AND lot = '' AND in_transit = 0",
        )
        .run(movement.quantity * 99, movement.goods_id, movement.warehouse_id);
    });
    const { ok, stock } = await verify(engine);
    expect(ok).toBe(false);
    expect(stock.problems.map((problem) => problem.kind)).toEqual(['costingState']);
    expect(stock.problems[0]!.message).toMatch(
      /^商品【鲜牛奶】在【一号仓】的成本状态为 .*，而它的库存流水合计为 .*。$/,
    );
  });

  it('a balance changed alone: the balance is named with both figures', async () => {
    const { engine, databasePath, world } = await busyLedger();
    tamper(databasePath, (sqlite) =>
      sqlite
        .prepare('UPDATE stock_balances SET value = value + 10000 WHERE warehouse_id = ? AND in_transit = 0')
        .run(world.warehouse2),
    );
    const { stock } = await verify(engine);
    expect(stock.ok).toBe(false);
    expect(stock.problems).toHaveLength(1);
    expect(stock.problems[0]!.kind).toBe('balance');
    expect(stock.problems[0]!.message).toMatch(
      /^商品【鲜牛奶】在【二号仓】的库存余额为 2箱22袋 ¥\d+\.\d\d，而库存流水合计为 2箱22袋 ¥\d+\.\d\d。$/,
    );
  });

  it('a movement deleted with the triggers dropped: its balance no longer adds up, and is named', async () => {
    const { engine, databasePath } = await busyLedger();
    tamper(databasePath, (sqlite) => sqlite.prepare('DELETE FROM stock_movements WHERE id = 3').run());
    const { stock } = await verify(engine);
    expect(stock.ok).toBe(false);
    expect(stock.problems.map((problem) => problem.kind)).toContain('balance');
  });
});

describe('a file from before the chains', () => {
  it('is chained on its first open after the upgrade: it verifies, and an edit of its old rows shows', async () => {
    const folder = tempFolder();
    const { engine, databasePath: todays } = await busyLedger();
    const before = engine.db.$client.prepare('SELECT count(*) AS n FROM audit_log').get();
    engine.close();
    const databasePath = path.join(folder, 'older.db');
    olderLedgerFile(
      todays,
      databasePath,
      releaseMigrations(folder, migrationsBefore('tamper_evident_history')),
    );
    withSqliteFile(databasePath, (sqlite) =>
      expect(sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before),
    );

    const upgraded = await openLedger(databasePath, { backupDir: path.join(folder, 'backups') });
    expect(upgraded.migration.to - upgraded.migration.from).toBeGreaterThan(0);
    const result = await verify(upgraded);
    expect(result).toMatchObject({ ok: true, audit: { ok: true }, stock: { ok: true, problems: [] } });
    expect(
      upgraded.db.$client.prepare('SELECT count(*) AS n FROM audit_log WHERE hash IS NULL').get(),
    ).toEqual({
      n: 0,
    });
    upgraded.close();

    // Reopening chains nothing again: a row that lost its hash stays a break.
    tamper(databasePath, (sqlite) => {
      sqlite.prepare("UPDATE audit_log SET action = 'nothing' WHERE id = 2").run();
      sqlite.prepare('UPDATE audit_log SET prev_hash = NULL, hash = NULL WHERE id = 3').run();
    });
    const reopened = await openLedger(databasePath);
    const { audit } = await verify(reopened);
    expect(audit.firstBroken).toMatchObject({
      id: 2,
      action: 'nothing',
      reason: '内容与它的哈希不符，这一条被改动过。',
    });
    expect(auditAction(reopened.db.$client, 3)).not.toBe('nothing');
    expect(reopened.db.$client.prepare('SELECT hash FROM audit_log WHERE id = 3').get()).toEqual({
      hash: null,
    });
  });
});

describe('ledger verify', () => {
  it('exits 0 on a ledger as the app wrote it, and 1 naming the first broken row in Chinese', async () => {
    const { engine, databasePath } = await busyLedger();
    const counts = engine.db.$client
      .prepare(
        'SELECT (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM stock_movements) AS movements, ' +
          '(SELECT count(*) FROM stock_balances) AS balances',
      )
      .get() as { audit: number; movements: number; balances: number };
    const row = engine.db.$client.prepare('SELECT at, action FROM audit_log WHERE id = 4').get() as {
      at: string;
      action: string;
    };
    engine.close();

    const clean = await runCli(databasePath, ['verify']);
    expect(clean.exitCode).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({
      summary: `账簿校验通过：审计日志 ${counts.audit} 条、库存流水 ${counts.movements} 条、库存余额 ${counts.balances} 条，未发现改动。`,
      ok: true,
    });

    tamper(databasePath, (sqlite) => {
      sqlite.prepare("UPDATE audit_log SET detail = '改过' WHERE id = 4").run();
      sqlite.prepare("UPDATE audit_log SET detail = '也改过' WHERE id = 9").run();
    });
    const broken = await runCli(databasePath, ['verify']);
    expect(broken.exitCode).toBe(1);
    const printed = JSON.parse(broken.stdout) as { summary: string; ok: boolean };
    expect(printed.ok).toBe(false);
    expect(printed.summary).toBe(
      `账簿校验未通过。审计日志第 4 条（${row.at}，${row.action}）：内容与它的哈希不符，这一条被改动过。库存账未发现问题。`,
    );
  });
});
