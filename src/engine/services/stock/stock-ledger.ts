import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { BranchProfile } from '../../domain/branch/profile';
import { methodFor, type CostingMethod, type PerpetualMethodName } from '../../domain/costing/costing-method';
import type { CostingPolicy } from '../../domain/costing/negative-stock';
import type { Movement } from '../../domain/costing/types';
import type { MovementKind } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import type { Fen } from '../../../shared/numbers/scales';
import { costingMethodOf, costingScopeKey } from './costing-scope';
import { assertOpenPeriod } from './open-period';
import { describeStockPlace, formatShortfall } from './stock-place';

/**
 * The stock ledger's write path (DOMAIN.md §6): a confirmed line becomes a movement, costed by its
 * scope's method, and the balance moves with it, in the caller's transaction. A movement dated before
 * the scope's latest re-costs every later movement of the scope, and of the scopes whose receipts
 * carry a changed cost (a transfer's arrival, a sales return): §6.6.
 */

/** Where a movement's value comes from. */
export type MovementCost =
  /** A receipt with its own cost: purchase, opening stock, a gain or other receipt with an entered cost. */
  | { readonly kind: 'own'; readonly value: Fen }
  /** A receipt at the scope's unit cost at posting: a gain or other receipt without an entered cost. */
  | { readonly kind: 'current' }
  /** At another movement's cost: a transfer's arrival, a sales return, the reversal of an issue. */
  | { readonly kind: 'origin'; readonly movementId: number }
  /** An issue at cost, from the named layer first when given (purchase return, specific identification). */
  | { readonly kind: 'issue'; readonly layer?: string }
  /** 成本调整单: value only. */
  | { readonly kind: 'adjustment'; readonly value: Fen }
  /** A transfer under 统一核算: moves quantity between warehouses and no value (§6.3). */
  | { readonly kind: 'none' };

export interface MovementInput {
  readonly postingDate: string;
  readonly goodsId: number;
  readonly warehouseId: number;
  readonly lot: string;
  readonly expiryDate: string | null;
  readonly inTransit: boolean;
  readonly kind: MovementKind;
  /** Signed base units × 10^quantityDecimals. */
  readonly quantity: number;
  readonly cost: MovementCost;
  /** The layer a receipt forms (FIFO, LIFO, specific identification). */
  readonly receiptLayer: string | null;
  readonly documentId: number;
  readonly lineId: number;
}

export interface PostedMovement {
  readonly id: number;
  readonly value: Fen;
}

interface MovementRow {
  id: number;
  posting_date: string;
  goods_id: number;
  warehouse_id: number;
  lot: string;
  in_transit: number;
  quantity: number;
  value: number;
  correction: number;
  scope: string | null;
  layer: string | null;
  origin_movement_id: number | null;
  own_value: number | null;
}

interface CostingStateRow {
  method: string;
  state: string;
  last_date: string;
  last_movement_id: number;
}

/** What the ledger needs of the branch profile; read once per use case. */
export type LedgerProfile = Pick<
  BranchProfile,
  | 'costingScope'
  | 'defaultCostingMethod'
  | 'allowCostingMethodOverride'
  | 'negativeStock'
  | 'quantityDecimals'
>;

/**
 * Monthly weighted average costs issues provisionally during the month by the moving average (so that a
 * scope at zero quantity holds zero value even before the close) and month close revalues them (§6.2).
 */
function perpetualMethodName(method: string): PerpetualMethodName {
  return method === 'monthly_average' ? 'moving_average' : (method as PerpetualMethodName);
}

function policyOf(profile: LedgerProfile): CostingPolicy {
  return { negativeStock: profile.negativeStock };
}

const insertMovementSql =
  'INSERT INTO stock_movements (posting_date, goods_id, warehouse_id, lot, in_transit, kind, quantity, value, ' +
  'correction, scope, layer, origin_movement_id, own_value, document_id, line_id) ' +
  'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

const addToBalanceSql =
  'INSERT INTO stock_balances (goods_id, warehouse_id, lot, in_transit, quantity, value, expiry_date) ' +
  'VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (goods_id, warehouse_id, lot, in_transit) DO UPDATE SET ' +
  'quantity = quantity + excluded.quantity, value = value + excluded.value, ' +
  'expiry_date = coalesce(excluded.expiry_date, expiry_date)';

function addToBalance(
  sqlite: Database.Database,
  place: { goods_id: number; warehouse_id: number; lot: string; in_transit: number },
  quantity: number,
  value: Fen,
  expiryDate: string | null = null,
): void {
  prepared(sqlite, addToBalanceSql).run(
    place.goods_id,
    place.warehouse_id,
    place.lot,
    place.in_transit,
    quantity,
    value,
    expiryDate,
  );
}

function readMovement(sqlite: Database.Database, id: number): MovementRow {
  return prepared(sqlite, 'SELECT * FROM stock_movements WHERE id = ?').get(id) as MovementRow;
}

/** A receipt's value at its origin's cost: the origin's value for the same quantity (exact for all of it). */
function valueFromOrigin(quantity: number, origin: { quantity: number; value: number }): Fen {
  if (origin.quantity === 0) return 0;
  return mulDivRound(quantity, origin.value, origin.quantity);
}

/** Posts one movement; returns its id and the value it carried. */
export function postMovement(
  sqlite: Database.Database,
  profile: LedgerProfile,
  input: MovementInput,
): PostedMovement {
  assertOpenPeriod(sqlite, input.postingDate, '库存流水');
  const scope =
    input.inTransit || input.cost.kind === 'none'
      ? null
      : costingScopeKey(profile, input.goodsId, input.warehouseId, input.lot);
  const origin = input.cost.kind === 'origin' ? input.cost.movementId : null;
  const layer = input.cost.kind === 'issue' ? (input.cost.layer ?? null) : input.receiptLayer;
  const ownValue =
    input.cost.kind === 'own' || input.cost.kind === 'adjustment'
      ? input.cost.value
      : input.cost.kind === 'current'
        ? currentCost(sqlite, scope, input.quantity)
        : null;
  const place = {
    goods_id: input.goodsId,
    warehouse_id: input.warehouseId,
    lot: input.lot,
    in_transit: input.inTransit ? 1 : 0,
  };
  const row: MovementRow = {
    id: 0,
    posting_date: input.postingDate,
    ...place,
    quantity: input.quantity,
    value: 0,
    correction: 0,
    scope,
    layer,
    origin_movement_id: origin,
    own_value: ownValue,
  };
  const insert = (value: Fen, correction: Fen): number => {
    const id = Number(
      prepared(sqlite, insertMovementSql).run(
        input.postingDate,
        input.goodsId,
        input.warehouseId,
        input.lot,
        place.in_transit,
        input.kind,
        input.quantity,
        value,
        correction,
        scope,
        layer,
        origin,
        ownValue,
        input.documentId,
        input.lineId,
      ).lastInsertRowid,
    );
    addToBalance(sqlite, place, input.quantity, value, input.expiryDate);
    return id;
  };

  if (scope === null) {
    const value = origin === null ? 0 : valueFromOrigin(input.quantity, readMovement(sqlite, origin));
    const id = insert(value, 0);
    assertNoShortfall(sqlite, profile, row);
    return { id, value };
  }
  const stateRow = prepared(
    sqlite,
    'SELECT method, state, last_date, last_movement_id FROM costing_states WHERE scope = ?',
  ).get(scope) as CostingStateRow | undefined;
  if (stateRow === undefined || input.postingDate >= stateRow.last_date) {
    // In date order for the scope, hence for its warehouses and lots: the balance now is the one to check.
    assertBalanceCovers(sqlite, profile, row);
    const methodName =
      stateRow?.method ?? costingMethodOf(profile, goodsCostingMethod(sqlite, input.goodsId));
    const method: CostingMethod<unknown> = methodFor(perpetualMethodName(methodName));
    const state = stateRow ? (JSON.parse(stateRow.state) as unknown) : method.initial();
    const costed = applyOrExplain(sqlite, row, () =>
      method.apply(state, toCostingMovement(sqlite, row), policyOf(profile)),
    );
    const id = insert(costed.value, costed.correction);
    prepared(
      sqlite,
      'INSERT INTO costing_states (scope, method, state, last_date, last_movement_id) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT (scope) DO UPDATE SET state = excluded.state, last_date = excluded.last_date, ' +
        'last_movement_id = excluded.last_movement_id',
    ).run(scope, methodName, JSON.stringify(costed.state), input.postingDate, id);
    return { id, value: costed.value };
  }
  // Backdated (§6.6): placed in date order, checked against every later balance, then re-costed.
  const id = insert(0, 0);
  assertNoShortfall(sqlite, profile, row);
  recost(sqlite, profile, [{ scope }]);
  return { id, value: readMovement(sqlite, id).value };
}

/** An in-order issue with negative stock forbidden: the balance before it must cover it. */
function assertBalanceCovers(sqlite: Database.Database, profile: LedgerProfile, row: MovementRow): void {
  if (profile.negativeStock === 'allow' || row.quantity >= 0) return;
  const balance = prepared(
    sqlite,
    'SELECT quantity FROM stock_balances WHERE goods_id = ? AND warehouse_id = ? AND lot = ? AND in_transit = 0',
  ).get(row.goods_id, row.warehouse_id, row.lot) as { quantity: number } | undefined;
  const after = (balance?.quantity ?? 0) + row.quantity;
  if (after < 0) throw shortfallError(sqlite, row, row.posting_date, -after);
}

function shortfallError(
  sqlite: Database.Database,
  row: MovementRow,
  date: string,
  shortfall: number,
): LedgerError {
  const where = describeStockPlace(sqlite, row.goods_id, row.warehouse_id, row.lot);
  return new LedgerError(
    'CONFLICT',
    `${where}${date} 库存不足，缺 ${formatShortfall(sqlite, row.goods_id, shortfall)}`,
    {
      goodsId: row.goods_id,
      warehouseId: row.warehouse_id,
      lot: row.lot,
      date,
      shortfall,
    },
  );
}

/** The value of `quantity` at the scope's unit cost now (zero when the scope has no cost yet). */
function currentCost(sqlite: Database.Database, scope: string | null, quantity: number): Fen {
  if (scope === null) return 0;
  const row = prepared(sqlite, 'SELECT state FROM costing_states WHERE scope = ?').get(scope) as
    { state: string } | undefined;
  if (!row) return 0;
  const state = JSON.parse(row.state) as {
    quantity: number;
    value: number;
    lastCost: { quantity: number; value: number } | null;
  };
  const unit = state.quantity > 0 ? state : state.lastCost;
  return unit === null || unit.quantity <= 0 ? 0 : mulDivRound(quantity, unit.value, unit.quantity);
}

function toCostingMovement(
  sqlite: Database.Database,
  row: MovementRow,
  originValues?: Map<number, { quantity: number; value: number }>,
): Movement {
  if (row.quantity < 0)
    return { kind: 'issue', quantity: -row.quantity, ...(row.layer ? { layer: row.layer } : {}) };
  if (row.quantity === 0) return { kind: 'adjustment', value: row.own_value ?? 0 };
  let value = row.own_value;
  if (value === null) {
    const origin =
      row.origin_movement_id === null
        ? null
        : (originValues?.get(row.origin_movement_id) ?? readMovement(sqlite, row.origin_movement_id));
    value = origin === null ? 0 : valueFromOrigin(row.quantity, origin);
  }
  return { kind: 'receipt', quantity: row.quantity, value, ...(row.layer ? { layer: row.layer } : {}) };
}

function goodsCostingMethod(sqlite: Database.Database, goodsId: number) {
  const row = prepared(sqlite, 'SELECT costing_method FROM goods WHERE id = ?').get(goodsId) as {
    costing_method: BranchProfile['defaultCostingMethod'] | null;
  };
  return row.costing_method;
}

/** Writes a movement's (new) value and moves its balance by the difference. */
function setValue(
  sqlite: Database.Database,
  id: number,
  value: Fen,
  correction: Fen,
  place: { goods_id: number; warehouse_id: number; lot: string; in_transit: number },
  oldValue: Fen,
  oldCorrection: Fen,
): boolean {
  if (value === oldValue && correction === oldCorrection) return false;
  prepared(sqlite, 'UPDATE stock_movements SET value = ?, correction = ? WHERE id = ?').run(
    value,
    correction,
    id,
  );
  if (value !== oldValue) addToBalance(sqlite, place, 0, value - oldValue);
  return true;
}

/** Runs a costing step, turning the method's bare shortfall into the clerk's message. */
function applyOrExplain<T>(sqlite: Database.Database, row: MovementRow, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof LedgerError && error.code === 'CONFLICT') {
      const details = (error.details ?? {}) as { shortfall?: number };
      const where = describeStockPlace(sqlite, row.goods_id, row.warehouse_id);
      const shortfall =
        details.shortfall === undefined
          ? ''
          : `，缺 ${formatShortfall(sqlite, row.goods_id, details.shortfall)}`;
      throw new LedgerError(
        'CONFLICT',
        `${where}${row.posting_date} ${error.message.replace(/，缺.*$/, '')}${shortfall}`,
        {
          ...details,
          goodsId: row.goods_id,
          warehouseId: row.warehouse_id,
          date: row.posting_date,
        },
      );
    }
    throw error;
  }
}

/**
 * With negative stock forbidden, a balance may not go below zero at the movement's date or at any later
 * date (§6.6): a backdated issue can break a later one. Checked per goods × warehouse × lot, which is
 * finer than the costing scope under 统一核算 and for lot goods.
 */
function assertNoShortfall(sqlite: Database.Database, profile: LedgerProfile, movement: MovementRow): void {
  if (profile.negativeStock === 'allow' || movement.quantity >= 0 || movement.in_transit) return;
  const lowest = prepared(
    sqlite,
    'SELECT posting_date AS date, running AS quantity FROM (SELECT posting_date, id, sum(quantity) OVER ' +
      '(ORDER BY posting_date, id) AS running FROM stock_movements WHERE goods_id = ? AND warehouse_id = ? ' +
      'AND lot = ? AND in_transit = 0) WHERE posting_date >= ? ORDER BY running, posting_date LIMIT 1',
  ).get(movement.goods_id, movement.warehouse_id, movement.lot, movement.posting_date) as {
    date: string;
    quantity: number;
  };
  if (lowest.quantity < 0) throw shortfallError(sqlite, movement, lowest.date, -lowest.quantity);
}

/**
 * Re-costs scopes from their last checkpoint (the latest closed month, else the start) in date order,
 * then the scopes whose receipts took their cost from a movement whose value changed. Deterministic
 * methods make this equal to costing everything from scratch in date order.
 */
export function recost(
  sqlite: Database.Database,
  profile: LedgerProfile,
  pending: { scope: string }[],
): number {
  let changedCount = 0;
  const queue = [...pending];
  const seen = new Map<string, number>();
  while (queue.length > 0) {
    const { scope } = queue.shift()!;
    const rounds = (seen.get(scope) ?? 0) + 1;
    seen.set(scope, rounds);
    if (rounds > 50) throw new LedgerError('INTERNAL', `成本重算未能收敛（${scope}）。`);
    const changed = replayScope(sqlite, profile, scope);
    changedCount += changed.length;
    for (const dependent of dependentsOf(sqlite, changed)) {
      if (!queue.some((entry) => entry.scope === dependent)) queue.push({ scope: dependent });
    }
  }
  return changedCount;
}

/**
 * Movements outside any scope (in transit) follow their origin at once; returns the scopes holding
 * receipts whose origin changed.
 */
function dependentsOf(sqlite: Database.Database, changedIds: number[]): Set<string> {
  const scopes = new Set<string>();
  let frontier = changedIds;
  while (frontier.length > 0) {
    const next: number[] = [];
    // One query for the whole frontier: most re-costed movements (deliveries) have no dependents at all.
    const dependents = prepared(
      sqlite,
      'SELECT d.*, o.quantity AS origin_quantity, o.value AS origin_value FROM stock_movements d ' +
        'JOIN stock_movements o ON o.id = d.origin_movement_id ' +
        'WHERE d.origin_movement_id IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(frontier)) as (MovementRow & { origin_quantity: number; origin_value: number })[];
    for (const dependent of dependents) {
      if (dependent.scope !== null) {
        scopes.add(dependent.scope);
        continue;
      }
      const origin = { quantity: dependent.origin_quantity, value: dependent.origin_value };
      const value = valueFromOrigin(dependent.quantity, origin);
      if (setValue(sqlite, dependent.id, value, 0, dependent, dependent.value, 0)) next.push(dependent.id);
    }
    frontier = next;
  }
  return scopes;
}

/** Replays one scope; returns the ids of movements whose value changed. */
function replayScope(sqlite: Database.Database, profile: LedgerProfile, scope: string): number[] {
  const replay = runScope(sqlite, profile, scope, null);
  if (replay === null) return [];
  prepared(
    sqlite,
    'INSERT INTO costing_states (scope, method, state, last_date, last_movement_id) VALUES (?, ?, ?, ?, ?) ' +
      'ON CONFLICT (scope) DO UPDATE SET state = excluded.state, last_date = excluded.last_date, ' +
      'last_movement_id = excluded.last_movement_id',
  ).run(scope, replay.method, JSON.stringify(replay.state), replay.lastDate, replay.lastId);
  return replay.changed;
}

/**
 * A scope's costing state at the end of a date (month close keeps it as the next checkpoint), replayed
 * from the last checkpoint; values it meets are already right, so nothing is written.
 */
export function scopeStateAt(
  sqlite: Database.Database,
  profile: LedgerProfile,
  scope: string,
  date: string,
): { method: string; state: unknown } | null {
  const replay = runScope(sqlite, profile, scope, date);
  return replay === null ? null : { method: replay.method, state: replay.state };
}

/** The method a scope is costed by: fixed by its first movement (§6.2 allows a change only at a month boundary). */
export function scopeMethod(
  sqlite: Database.Database,
  profile: LedgerProfile,
  scope: string,
  goodsId: number,
): string {
  const row = prepared(sqlite, 'SELECT method FROM costing_states WHERE scope = ?').get(scope) as
    { method: string } | undefined;
  return row?.method ?? costingMethodOf(profile, goodsCostingMethod(sqlite, goodsId));
}

/** The latest month-end checkpoint of a scope. */
export function latestCheckpoint(
  sqlite: Database.Database,
  scope: string,
): { month: string; method: string; state: unknown } | null {
  const row = prepared(
    sqlite,
    'SELECT month, method, state FROM costing_checkpoints WHERE scope = ? ORDER BY month DESC LIMIT 1',
  ).get(scope) as { month: string; method: string; state: string } | undefined;
  return row ? { month: row.month, method: row.method, state: JSON.parse(row.state) as unknown } : null;
}

/**
 * Costs a scope's movements after its last checkpoint in date order, up to `until` (inclusive) or all of
 * them; with no `until` the new values are written (re-costing), with one nothing is.
 */
function runScope(
  sqlite: Database.Database,
  profile: LedgerProfile,
  scope: string,
  until: string | null,
): { method: string; state: unknown; changed: number[]; lastDate: string; lastId: number } | null {
  const checkpoint = latestCheckpoint(sqlite, scope);
  const rows = prepared(
    sqlite,
    'SELECT * FROM stock_movements WHERE scope = ? AND posting_date > ? AND posting_date <= ? ORDER BY posting_date, id',
  ).all(scope, checkpoint ? `${checkpoint.month}-99` : '', until ?? '9999-99-99') as MovementRow[];
  if (rows.length === 0 && checkpoint === null) return null;
  const methodName = checkpoint?.method ?? scopeMethod(sqlite, profile, scope, rows[0]!.goods_id);
  const method: CostingMethod<unknown> = methodFor(perpetualMethodName(methodName));
  const run = method.open(checkpoint ? checkpoint.state : method.initial());
  const policy = policyOf(profile);
  // Only issues can be the origin of a later receipt in the same scope (a return, a reversal).
  const replayed = new Map<number, { quantity: number; value: number }>();
  const changed: number[] = [];
  const balanceChanges = new Map<string, { place: MovementRow; value: number }>();
  for (const row of rows) {
    const movement = toCostingMovement(sqlite, row, replayed);
    const cost = applyOrExplain(sqlite, row, () => run.cost(movement, policy));
    if (until === null && (cost.value !== row.value || cost.correction !== row.correction)) {
      prepared(sqlite, 'UPDATE stock_movements SET value = ?, correction = ? WHERE id = ?').run(
        cost.value,
        cost.correction,
        row.id,
      );
      // Balances move once per place at the end, not once per re-costed movement.
      const key = `${row.goods_id}:${row.warehouse_id}:${row.lot}:${row.in_transit}`;
      const entry = balanceChanges.get(key) ?? { place: row, value: 0 };
      entry.value += cost.value - row.value;
      balanceChanges.set(key, entry);
      changed.push(row.id);
    }
    if (row.quantity < 0) replayed.set(row.id, { quantity: row.quantity, value: cost.value });
  }
  for (const { place, value } of balanceChanges.values()) {
    if (value !== 0) addToBalance(sqlite, place, 0, value);
  }
  const last = rows[rows.length - 1];
  return {
    method: methodName,
    state: run.state(),
    changed,
    lastDate: last?.posting_date ?? `${checkpoint!.month}-99`,
    lastId: last?.id ?? 0,
  };
}
