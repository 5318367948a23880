import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { post, stockLedger, type StockWorld } from './support/stock';
import { withSqliteFile } from './support/sqlite-file';

/*
 * The audit log and the stock ledger are append-only in fact, not only against UPDATE and DELETE: a person
 * with a sqlite tool rewrote an audit row and multiplied a movement's quantity by 100 through
 * `INSERT OR REPLACE`, which deletes the old row without firing delete triggers (unless the tool turned on
 * recursive_triggers, which none does by default).
 */

const receipt = (world: StockWorld, date: string, quantity: string, unitPrice: string) => ({
  type: 'purchase_receipt' as const,
  businessDate: date,
  counterpartyId: world.supplier,
  lines: [{ goodsId: world.milk, warehouseId: world.warehouse1, unitName: '袋', quantity, unitPrice }],
});

/** A ledger with one receipt of 100 袋 鲜牛奶 @ 1.00 posted: audit rows and one movement. */
async function postedLedger() {
  const ledger = await stockLedger();
  await post(ledger.engine, receipt(ledger.world, '2026-03-02', '100', '1'));
  return ledger;
}

/** Rewrites audit row 1 in place: same id, other content. */
function replaceAuditRow(sqlite: Database.Database): void {
  sqlite
    .prepare(
      "INSERT OR REPLACE INTO audit_log (id, at, username, action, entity) VALUES (1, '2026-03-02T00:00:00.000Z', 'intruder', 'nothing', 'x')",
    )
    .run();
}

/** Writes the movement again under its own id with 100 times its quantity. */
function replaceMovementQuantity(sqlite: Database.Database, id: number): void {
  const row = sqlite.prepare('SELECT * FROM stock_movements WHERE id = ?').get(id) as Record<string, unknown>;
  const columns = Object.keys(row);
  sqlite
    .prepare(
      `INSERT OR REPLACE INTO stock_movements (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    )
    .run(...columns.map((column) => (column === 'quantity' ? (row.quantity as number) * 100 : row[column])));
}

const auditContent = (sqlite: Database.Database) =>
  sqlite
    .prepare('SELECT id, at, username, action, entity, entity_key, detail FROM audit_log ORDER BY id')
    .all();
const movementQuantities = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT id, quantity, value FROM stock_movements ORDER BY id').all();

describe('INSERT OR REPLACE cannot rewrite history', () => {
  it('another program’s connection (default pragmas) cannot replace an audit row', async () => {
    const { engine, databasePath } = await postedLedger();
    const before = auditContent(engine.db.$client);
    withSqliteFile(databasePath, (sqlite) => {
      expect(sqlite.pragma('recursive_triggers', { simple: true })).toBe(0);
      expect(() => replaceAuditRow(sqlite)).toThrow('audit_log is append-only');
    });
    expect(auditContent(engine.db.$client)).toEqual(before);
  });

  it('another program’s connection cannot replace a movement with 100 times its quantity', async () => {
    const { engine, databasePath } = await postedLedger();
    const before = movementQuantities(engine.db.$client);
    withSqliteFile(databasePath, (sqlite) => {
      expect(() => replaceMovementQuantity(sqlite, 1)).toThrow('stock_movements are never rewritten');
    });
    expect(movementQuantities(engine.db.$client)).toEqual(before);
  });

  it('the app’s own connection refuses both, and runs with recursive triggers on', async () => {
    const { engine } = await postedLedger();
    const sqlite = engine.db.$client;
    expect(sqlite.pragma('recursive_triggers', { simple: true })).toBe(1);
    const audit = auditContent(sqlite);
    const movements = movementQuantities(sqlite);
    expect(() => replaceAuditRow(sqlite)).toThrow('audit_log is append-only');
    expect(() => replaceMovementQuantity(sqlite, 1)).toThrow(/stock_movements are never (rewritten|deleted)/);
    expect(auditContent(sqlite)).toEqual(audit);
    expect(movementQuantities(sqlite)).toEqual(movements);
  });
});
