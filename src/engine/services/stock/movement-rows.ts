import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { MovementKind } from '../../../shared/documents/document-types';
import type { Fen } from '../../../shared/numbers/scales';

/**
 * The stock ledger's rows as its SQL reads and writes them (snake_case: through prepared statements,
 * which the posting path needs for speed), and every statement the ledger runs, in one place.
 * `tests/integration/posting-sql.test.ts` prepares each against a migrated database.
 */

/** Where a balance is kept: goods × warehouse × lot, at the warehouse or in transit towards it. */
export interface StockPlace {
  goods_id: number;
  warehouse_id: number;
  lot: string;
  in_transit: number;
}

/** A row of `stock_movements` (DOMAIN.md §6.1). */
export interface MovementRow extends StockPlace {
  id: number;
  posting_date: string;
  kind: MovementKind;
  quantity: number;
  value: number;
  correction: number;
  scope: string | null;
  layer: string | null;
  origin_movement_id: number | null;
  own_value: number | null;
  at_current_cost: number;
  document_id: number;
  line_id: number;
}

export interface CostingStateRow {
  method: string;
  state: string;
  last_date: string;
  last_movement_id: number;
}

export const ledgerSql = {
  insertMovement:
    'INSERT INTO stock_movements (posting_date, goods_id, warehouse_id, lot, in_transit, kind, quantity, value, ' +
    'correction, scope, layer, origin_movement_id, own_value, at_current_cost, document_id, line_id) ' +
    'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  readMovement: 'SELECT * FROM stock_movements WHERE id = ?',
  setMovementValue: 'UPDATE stock_movements SET value = ?, correction = ? WHERE id = ?',
  addToBalance:
    'INSERT INTO stock_balances (goods_id, warehouse_id, lot, in_transit, quantity, value, expiry_date) ' +
    'VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (goods_id, warehouse_id, lot, in_transit) DO UPDATE SET ' +
    'quantity = quantity + excluded.quantity, value = value + excluded.value, ' +
    'expiry_date = coalesce(excluded.expiry_date, expiry_date)',
  balanceQuantity:
    'SELECT quantity FROM stock_balances WHERE goods_id = ? AND warehouse_id = ? AND lot = ? AND in_transit = 0',
  laterAtPlace:
    'SELECT 1 FROM stock_movements WHERE goods_id = ? AND warehouse_id = ? AND posting_date > ? AND lot = ? ' +
    'AND in_transit = 0 LIMIT 1',
  /** The lowest running balance of a place on or after a date (DOMAIN.md §6.6). */
  lowestRunningBalance:
    'SELECT posting_date AS date, running AS quantity FROM (SELECT posting_date, id, sum(quantity) OVER ' +
    '(ORDER BY posting_date, id) AS running FROM stock_movements WHERE goods_id = ? AND warehouse_id = ? ' +
    'AND lot = ? AND in_transit = 0) WHERE posting_date >= ? ORDER BY running, posting_date LIMIT 1',
  scopeMovementsBetween:
    'SELECT * FROM stock_movements WHERE scope = ? AND posting_date > ? AND posting_date <= ? ORDER BY posting_date, id',
  /** The movements that take their value from any of the given ones, with their origin's figures. */
  dependents:
    'SELECT d.*, o.quantity AS origin_quantity, o.value AS origin_value FROM stock_movements d ' +
    'JOIN stock_movements o ON o.id = d.origin_movement_id ' +
    'WHERE d.origin_movement_id IN (SELECT value FROM json_each(?))',
  readCostingState: 'SELECT method, state, last_date, last_movement_id FROM costing_states WHERE scope = ?',
  writeCostingState:
    'INSERT INTO costing_states (scope, method, state, last_date, last_movement_id) VALUES (?, ?, ?, ?, ?) ' +
    'ON CONFLICT (scope) DO UPDATE SET method = excluded.method, state = excluded.state, ' +
    'last_date = excluded.last_date, last_movement_id = excluded.last_movement_id',
  latestCheckpoint:
    'SELECT month, method, state FROM costing_checkpoints WHERE scope = ? ORDER BY month DESC LIMIT 1',
  writeCheckpoint: 'INSERT INTO costing_checkpoints (month, scope, method, state) VALUES (?, ?, ?, ?)',
  goodsCostingMethod: 'SELECT costing_method FROM goods WHERE id = ?',
  /** The goods' reference cost: a unit's purchase price, the base unit's first. */
  referencePrice:
    'SELECT purchase_price, ratio FROM goods_units WHERE goods_id = ? AND purchase_price > 0 ' +
    'ORDER BY is_base DESC, sort_order LIMIT 1',
} as const;

/**
 * The one writer of movements: appends one and returns its id. Movements are not hash-chained as the
 * audit log is: chaining them slowed posting by a third, while the stock books' own sums already catch a
 * movement changed or removed behind the app's back (services/system/verify-ledger.ts), and the schema
 * refuses an insert over an existing one.
 */
export function insertMovement(sqlite: Database.Database, row: Omit<MovementRow, 'id'>): number {
  // Positional parameters: binding by name costs more on the posting path, which runs this per line.
  return Number(
    prepared(sqlite, ledgerSql.insertMovement).run(
      row.posting_date,
      row.goods_id,
      row.warehouse_id,
      row.lot,
      row.in_transit,
      row.kind,
      row.quantity,
      row.value,
      row.correction,
      row.scope,
      row.layer,
      row.origin_movement_id,
      row.own_value,
      row.at_current_cost,
      row.document_id,
      row.line_id,
    ).lastInsertRowid,
  );
}

export function readMovement(sqlite: Database.Database, id: number): MovementRow {
  return prepared(sqlite, ledgerSql.readMovement).get(id) as MovementRow;
}

/** Moves a balance by a quantity and value (a new movement, or a re-costed one's difference). */
export function addToBalance(
  sqlite: Database.Database,
  place: StockPlace,
  quantity: number,
  value: Fen,
  expiryDate: string | null = null,
): void {
  prepared(sqlite, ledgerSql.addToBalance).run(
    place.goods_id,
    place.warehouse_id,
    place.lot,
    place.in_transit,
    quantity,
    value,
    expiryDate,
  );
}

export function readCostingState(sqlite: Database.Database, scope: string): CostingStateRow | undefined {
  return prepared(sqlite, ledgerSql.readCostingState).get(scope) as CostingStateRow | undefined;
}

/** The one writer of a scope's costing state: after its latest movement, in posting or re-costing. */
export function writeCostingState(
  sqlite: Database.Database,
  scope: string,
  costing: { method: string; state: unknown; lastDate: string; lastId: number },
): void {
  prepared(sqlite, ledgerSql.writeCostingState).run(
    scope,
    costing.method,
    JSON.stringify(costing.state),
    costing.lastDate,
    costing.lastId,
  );
}
