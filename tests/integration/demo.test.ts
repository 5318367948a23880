import type Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/engine/services/demo/generate-demo';
import { runCli } from './support/cli';
import { openLedger, tempFolder } from './support/ledger';
import { monthTotalsUnlikeAfresh } from './support/month-totals';
import { withSqliteFile } from './support/sqlite-file';

/** The small demo, pinned to an end date so that its documents are the same every run. */
const demoArgs = ['demo', '--scale', 'small', '--end', '2026-11-30', '--password', 'Demo-Test-1'];

/** What a reader of the ledger file sees of the demo's books. */
function fingerprint(sqlite: Database.Database) {
  return {
    documents: sqlite
      .prepare('SELECT number, type, business_date, status, total_amount FROM documents ORDER BY id')
      .all(),
    movements: sqlite
      .prepare(
        'SELECT kind, count(*) AS n, sum(quantity) AS quantity, sum(value) AS value FROM stock_movements GROUP BY kind ORDER BY kind',
      )
      .all(),
  };
}

describe('ledger demo --scale small', () => {
  it('builds a branch whose books add up, and refuses to run again on the same database', async () => {
    const databasePath = path.join(tempFolder(), 'demo.db');
    const run = await runCli(databasePath, demoArgs);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as {
      goods: number;
      warehouses: number;
      from: string;
      to: string;
      documents: number;
      documentsByType: Record<string, number>;
      movements: number;
      monthsClosed: string[];
    };
    expect(summary).toMatchObject({ goods: 50, warehouses: 2, from: '2026-08-31', to: '2026-11-30' });
    // The accountant has closed every month before the last (they are over by now): §6.7.
    expect(summary.monthsClosed).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(summary.movements).toBeGreaterThan(2000);
    expect(summary.movements).toBeLessThan(10_000);
    for (const type of ['opening_stock', 'purchase_receipt', 'sales_delivery', 'sales_return', 'transfer'])
      expect(summary.documentsByType[type], type).toBeGreaterThan(0);
    expect(summary.documentsByType.stocktake).toBeGreaterThanOrEqual(6);
    // Progress goes to stderr, month by month.
    expect(run.stderr).toMatch(/2026-09 {2}单据 [\d,]+ 张 {2}库存流水 [\d,]+ 条/);

    withSqliteFile(databasePath, (sqlite) => {
      const all = <T>(sql: string) => sqlite.prepare(sql).all() as T[];
      // Every balance (goods × warehouse × lot, on hand and in transit) is the sum of its movements.
      const drift = all<{ goods_id: number }>(
        `SELECT goods_id FROM (SELECT goods_id, warehouse_id, lot, in_transit, sum(quantity) AS quantity, sum(value) AS value
           FROM stock_movements GROUP BY 1, 2, 3, 4) m
         FULL OUTER JOIN stock_balances b USING (goods_id, warehouse_id, lot, in_transit)
         WHERE coalesce(m.quantity, 0) <> coalesce(b.quantity, 0) OR coalesce(m.value, 0) <> coalesce(b.value, 0)`,
      );
      expect(drift).toEqual([]);
      // The month sums the upload reads, kept by triggers through every posting, confirmation, re-costing
      // and receipt of three months, equal the same sums made afresh.
      expect(monthTotalsUnlikeAfresh(sqlite)).toEqual([]);
      expect(all('SELECT costing_scope FROM branch_profile')).toEqual([{ costing_scope: 'per_warehouse' }]);
      // §6.2 under 分仓核算: stock at zero quantity holds zero value; nothing negative; nothing left in transit.
      expect(all('SELECT * FROM stock_balances WHERE quantity = 0 AND value <> 0')).toEqual([]);
      expect(all('SELECT * FROM stock_balances WHERE quantity < 0 OR value < 0')).toEqual([]);
      expect(all('SELECT * FROM stock_balances WHERE in_transit = 1 AND quantity <> 0')).toEqual([]);
      // Everything entered was approved and confirmed; every completed stock document moved stock,
      // except the stocktake itself, whose differences are its 盘盈 / 盘亏 documents. Orders stay
      // approved (open) and were executed in full; receipts and payments move money, not stock.
      const orders = "('purchase_order', 'sales_order')";
      const money = "('customer_receipt', 'supplier_payment')";
      expect(
        all(`SELECT number FROM documents WHERE status <> 'completed' AND type NOT IN ${orders}`),
      ).toEqual([]);
      expect(all(`SELECT DISTINCT status FROM documents WHERE type IN ${orders}`)).toEqual([
        { status: 'awaiting_warehouse' },
      ]);
      expect(
        all(
          `SELECT o.id FROM document_lines o JOIN documents d ON d.id = o.document_id WHERE d.type IN ${orders}
             AND o.base_quantity <> (SELECT sum(l.confirmed_base_quantity) FROM document_lines l WHERE l.source_line_id = o.id)`,
        ),
      ).toEqual([]);
      expect(
        all(
          `SELECT number FROM documents d WHERE type <> 'stocktake' AND type NOT IN ${orders} AND type NOT IN ${money}
             AND NOT EXISTS (SELECT 1 FROM stock_movements m WHERE m.document_id = d.id)`,
        ),
      ).toEqual([]);
      // Receivables and payables: every open item is within its amount, and customers have paid.
      expect(all('SELECT id FROM open_items WHERE abs(settled) > abs(amount)')).toEqual([]);
      expect(summary.documentsByType.customer_receipt).toBeGreaterThan(10);
      expect(summary.documentsByType.sales_order).toBeGreaterThan(10);
      expect(
        all(
          `SELECT count(*) AS n FROM documents WHERE type IN ('stock_gain', 'stock_loss')
             AND source_document_id IN (SELECT id FROM documents WHERE type = 'stocktake')`,
        ),
      ).toEqual([{ n: summary.documentsByType.stock_gain! + summary.documentsByType.stock_loss! }]);
      expect(all('SELECT month, closed_by_name AS name FROM month_closes ORDER BY month')).toEqual(
        summary.monthsClosed.map((month) => ({
          month,
          name: all<{ name: string }>("SELECT display_name AS name FROM users WHERE role = 'accountant'")[0]!
            .name,
        })),
      );
      // Each completed document is in the change log head office receives (UPLOAD.md); orders are not
      // completed: what head office receives of them is the receipts and deliveries made from them.
      expect(all("SELECT count(*) AS n FROM change_log WHERE entity = 'document'")).toEqual([
        {
          n:
            summary.documents -
            summary.documentsByType.sales_order! -
            summary.documentsByType.purchase_order!,
        },
      ]);
      // The clerk entered, the manager approved, each warehouse's own keeper confirmed.
      const confirmers = all<{ warehouse: string; confirmedBy: string; keeper: string }>(
        `SELECT DISTINCT w.name AS warehouse, l.confirmed_by_name AS confirmedBy, u.display_name AS keeper
           FROM document_lines l JOIN warehouses w ON w.id = l.warehouse_id
           JOIN warehouse_keepers k ON k.warehouse_id = w.id JOIN users u ON u.id = k.user_id
          WHERE l.confirmed_at IS NOT NULL AND l.document_id IN (SELECT id FROM documents WHERE type = 'sales_delivery')`,
      );
      expect(confirmers.length).toBe(2);
      for (const row of confirmers) expect(row.confirmedBy).toBe(row.keeper);
      expect(
        all(
          `SELECT DISTINCT u.role FROM documents d JOIN users u ON u.id = d.created_by
            WHERE d.type NOT IN ('stock_gain', 'stock_loss', 'customer_receipt', 'supplier_payment')`,
        ),
      ).toEqual([{ role: 'clerk' }]);
      // The accountant keeps the money: receipts, payments and their settlement.
      expect(
        all(
          `SELECT DISTINCT u.role FROM documents d JOIN users u ON u.id = d.created_by
            WHERE d.type IN ('customer_receipt', 'supplier_payment')`,
        ),
      ).toEqual([{ role: 'accountant' }]);
      expect(all("SELECT DISTINCT approved_by_name AS name FROM documents WHERE type = 'transfer'")).toEqual(
        all("SELECT display_name AS name FROM users WHERE role = 'manager'"),
      );
      // Goods come in 箱 of 袋 (and of 瓶, 盒…); fresh goods by lot.
      expect(all("SELECT count(*) AS n FROM goods_units WHERE name = '箱'")).toEqual([{ n: 50 }]);
      expect(
        all<{ n: number }>("SELECT count(*) AS n FROM goods_units WHERE name = '袋' AND is_base = 1")[0]!.n,
      ).toBeGreaterThan(0);
      expect(
        all<{ n: number }>("SELECT count(*) AS n FROM stock_movements WHERE lot <> ''")[0]!.n,
      ).toBeGreaterThan(0);
    });

    // The same scale and end date give the same branch: a second database, generated in-process.
    const twin = await openLedger(path.join(tempFolder(), 'twin.db'));
    await generateDemo(twin, { scale: 'small', endDate: '2026-11-30', password: 'Demo-Test-1' });
    const twinBooks = fingerprint(twin.db.$client);
    expect(withSqliteFile(databasePath, fingerprint)).toEqual(twinBooks);

    // Running it again on a database that has documents is refused, and changes nothing.
    const again = await runCli(databasePath, demoArgs);
    expect(again.exitCode).toBe(1);
    const { error } = JSON.parse(again.stdout) as { error: { code: string; message: string } };
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`该数据库已有 ${summary.documents} 张单据，不能生成演示数据`);
    expect(withSqliteFile(databasePath, fingerprint)).toEqual(twinBooks);
  }, 120_000);
});
