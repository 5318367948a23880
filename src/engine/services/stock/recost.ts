import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { methodFor, type CostingMethod, type PerpetualMethodName } from '../../domain/costing/costing-method';
import type { CostingRun } from '../../domain/costing/costing-run';
import { closeMonth as closeMonthAtAverage } from '../../domain/costing/monthly-average';
import type { MovingAverageState } from '../../domain/costing/moving-average';
import type { CostingPolicy } from '../../domain/costing/negative-stock';
import type { Balance, Movement } from '../../domain/costing/types';
import type { BranchProfile } from '../../domain/branch/profile';
import { LedgerError } from '../../../shared/ledger-error';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import { fenScale, type Fen } from '../../../shared/numbers/scales';
import { costingMethodOf } from './costing-scope';
import {
  addToBalance,
  ledgerSql,
  readCostingState,
  readMovement,
  writeCostingState,
  type MovementRow,
  type StockPlace,
} from './movement-rows';
import { MonthTotalsChange } from './month-totals';
import { closedThrough } from './open-period';
import { describeLayer, describeScope, describeStockPlace, formatShortfall } from './stock-place';

/**
 * Costing a scope's movements in date order, and the one path by which a posted movement's value ever
 * changes (DOMAIN.md §6): backdated re-costing, month close under monthly weighted average and a
 * dependent following its origin all write through `applyRevaluations`, which moves each balance once,
 * and `recost`, which follows every dependent — a transfer's in-transit and arrival movements, a sales
 * return, the reversal of an issue — into the scopes they belong to.
 */

/** What the ledger needs of the branch profile; read once per use case. */
export type LedgerProfile = Pick<
  BranchProfile,
  | 'costingScope'
  | 'defaultCostingMethod'
  | 'allowCostingMethodOverride'
  | 'negativeStock'
  | 'quantityDecimals'
>;

/** A movement's new value, found by costing its scope. */
interface Revaluation {
  readonly row: MovementRow;
  readonly value: Fen;
  readonly correction: Fen;
}

/**
 * Monthly weighted average costs issues provisionally during the month by the moving average (so that a
 * scope at zero quantity holds zero value even before the close) and month close revalues them (§6.2).
 */
export function perpetualMethodName(method: string): PerpetualMethodName {
  return method === 'monthly_average' ? 'moving_average' : (method as PerpetualMethodName);
}

/**
 * How a scope is costed beyond its method. With negative stock allowed, an issue from stock that never
 * had a cost goes out at the goods' reference cost — its base unit's purchase price, as 金蝶's 参考成本 —
 * rather than at zero, and the next receipt corrects it (§6.6).
 */
export function policyOf(sqlite: Database.Database, profile: LedgerProfile, goodsId: number): CostingPolicy {
  if (profile.negativeStock !== 'allow') return { negativeStock: profile.negativeStock };
  const unit = prepared(sqlite, ledgerSql.referencePrice).get(goodsId) as
    { purchase_price: number; ratio: number } | undefined;
  if (unit === undefined) return { negativeStock: 'allow' };
  // A unit of `ratio` millionths of base units costs price millionths of a yuan: per scaled base quantity
  // that is price × 10^2 / (ratio × 10^quantityDecimals) fen, kept as the exact ratio.
  return {
    negativeStock: 'allow',
    provisionalCost: {
      quantity: unit.ratio * 10 ** profile.quantityDecimals,
      value: unit.purchase_price * 10 ** fenScale,
    },
  };
}

/** A receipt's value at its origin's cost: the origin's value for the same quantity (exact for all of it). */
export function valueFromOrigin(quantity: number, origin: Balance): Fen {
  if (origin.quantity === 0) return 0;
  return mulDivRound(quantity, origin.value, origin.quantity);
}

/** The value of `quantity` at a unit cost (zero while no cost is known). */
function atUnitCost(quantity: number, unit: Balance | null): Fen {
  return unit === null ? 0 : mulDivRound(quantity, unit.value, unit.quantity);
}

/**
 * A stored movement as its costing method sees it. A receipt's value is its own cost, its origin's cost
 * (from this run's issues first: `issued`), or the scope's cost at that point of the run.
 */
export function toCostingMovement(
  sqlite: Database.Database,
  row: MovementRow,
  run: CostingRun<unknown>,
  issued: ReadonlyMap<number, Balance>,
): Movement {
  const layer = row.layer ? { layer: row.layer } : {};
  if (row.quantity < 0) return { kind: 'issue', quantity: -row.quantity, ...layer };
  if (row.quantity === 0) return { kind: 'adjustment', value: row.own_value ?? 0, ...layer };
  let value: Fen;
  if (row.at_current_cost) value = atUnitCost(row.quantity, run.currentCost());
  else if (row.own_value !== null) value = row.own_value;
  else if (row.origin_movement_id !== null)
    value = valueFromOrigin(
      row.quantity,
      issued.get(row.origin_movement_id) ?? readMovement(sqlite, row.origin_movement_id),
    );
  else value = 0;
  return { kind: 'receipt', quantity: row.quantity, value, ...layer };
}

/** Runs a costing step, turning the method's bare refusal into the clerk's message. */
export function applyOrExplain<T>(sqlite: Database.Database, row: MovementRow, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof LedgerError && error.code === 'CONFLICT') {
      const details = (error.details ?? {}) as { shortfall?: number; layer?: string };
      const where = describeStockPlace(sqlite, row.goods_id, row.warehouse_id);
      const layer = details.layer === undefined ? '' : describeLayer(sqlite, details.layer);
      const shortfall =
        details.shortfall === undefined
          ? ''
          : `，缺 ${formatShortfall(sqlite, row.goods_id, details.shortfall)}`;
      const reason = error.message.replace(/^批次【[^】]*】/, '').replace(/，缺.*$/, '');
      throw new LedgerError('CONFLICT', `${where}${layer}${row.posting_date} ${reason}${shortfall}`, {
        ...details,
        goodsId: row.goods_id,
        warehouseId: row.warehouse_id,
        date: row.posting_date,
      });
    }
    throw error;
  }
}

/**
 * The one path by which posted movements change value: writes each new value and moves each balance,
 * and each month sum the upload reads, once by the sum of its movements' differences. Returns the ids changed, whose dependents follow.
 */
function applyRevaluations(sqlite: Database.Database, revaluations: readonly Revaluation[]): number[] {
  const balanceChanges = new Map<string, { place: StockPlace; value: number }>();
  const monthTotals = new MonthTotalsChange();
  const changed: number[] = [];
  for (const { row, value, correction } of revaluations) {
    if (value === row.value && correction === row.correction) continue;
    prepared(sqlite, ledgerSql.setMovementValue).run(value, correction, row.id);
    const key = `${row.goods_id}:${row.warehouse_id}:${row.lot}:${row.in_transit}`;
    const entry = balanceChanges.get(key) ?? { place: row, value: 0 };
    entry.value += value - row.value;
    balanceChanges.set(key, entry);
    if (value !== row.value) monthTotals.add(row, value - row.value);
    changed.push(row.id);
  }
  for (const { place, value } of balanceChanges.values()) {
    if (value !== 0) addToBalance(sqlite, place, 0, value);
  }
  monthTotals.apply(sqlite);
  return changed;
}

/**
 * Follows changed movements to what takes its value from them. Movements outside any scope (in transit)
 * follow their origin at once; returns the scopes holding receipts whose origin changed.
 */
function followDependents(sqlite: Database.Database, changedIds: number[]): Set<string> {
  const scopes = new Set<string>();
  let frontier = changedIds;
  while (frontier.length > 0) {
    // One query for the whole frontier: most re-costed movements (deliveries) have no dependents at all.
    const dependents = prepared(sqlite, ledgerSql.dependents).all(
      JSON.stringify(frontier),
    ) as (MovementRow & {
      origin_quantity: number;
      origin_value: number;
    })[];
    const inTransit: Revaluation[] = [];
    for (const dependent of dependents) {
      if (dependent.scope !== null) scopes.add(dependent.scope);
      else
        inTransit.push({
          row: dependent,
          value: valueFromOrigin(dependent.quantity, {
            quantity: dependent.origin_quantity,
            value: dependent.origin_value,
          }),
          correction: 0,
        });
    }
    frontier = applyRevaluations(sqlite, inTransit);
  }
  return scopes;
}

/**
 * Re-costs scopes from their last checkpoint (the latest closed month's end, else the start) in date
 * order, then every scope whose receipts took their value from a movement that changed. Deterministic
 * methods make this equal to costing everything from scratch in date order.
 */
export function recost(sqlite: Database.Database, profile: LedgerProfile, scopes: Iterable<string>): number {
  let changedCount = 0;
  const queue = [...new Set(scopes)];
  const rounds = new Map<string, number>();
  while (queue.length > 0) {
    const scope = queue.shift()!;
    const round = (rounds.get(scope) ?? 0) + 1;
    rounds.set(scope, round);
    // Dependents are always dated on or after their origin, so re-costing ends; if it did not, say where.
    if (round > 50) {
      throw new LedgerError(
        'INTERNAL',
        `${describeScope(sqlite, scope)}的成本重算未能收敛，请联系技术支持。`,
        {
          scope,
        },
      );
    }
    const run = runScope(sqlite, profile, scope, null);
    if (run === null) continue;
    const changed = applyRevaluations(sqlite, run.revaluations);
    writeCostingState(sqlite, scope, run);
    changedCount += changed.length;
    for (const dependent of followDependents(sqlite, changed)) {
      if (!queue.includes(dependent)) queue.push(dependent);
    }
  }
  return changedCount;
}

/**
 * A scope's costing state at the end of a date (month close keeps it as the next checkpoint), costed
 * from the last checkpoint; the values it meets are already right, so nothing is written.
 */
export function scopeStateAt(
  sqlite: Database.Database,
  profile: LedgerProfile,
  scope: string,
  date: string,
): { method: string; state: unknown } | null {
  const run = runScope(sqlite, profile, scope, date);
  return run === null ? null : { method: run.method, state: run.state };
}

function goodsCostingMethod(sqlite: Database.Database, goodsId: number) {
  const row = prepared(sqlite, ledgerSql.goodsCostingMethod).get(goodsId) as {
    costing_method: BranchProfile['defaultCostingMethod'] | null;
  };
  return row.costing_method;
}

/** The method a scope is costed by: fixed by its first movement (§6.2 allows a change only at a month boundary). */
export function scopeMethod(
  sqlite: Database.Database,
  profile: LedgerProfile,
  scope: string,
  goodsId: number,
): string {
  return (
    readCostingState(sqlite, scope)?.method ?? costingMethodOf(profile, goodsCostingMethod(sqlite, goodsId))
  );
}

/** The latest month-end checkpoint of a scope. */
export function latestCheckpoint(
  sqlite: Database.Database,
  scope: string,
): { month: string; method: string; state: unknown } | null {
  const row = prepared(sqlite, ledgerSql.latestCheckpoint).get(scope) as
    { month: string; method: string; state: string } | undefined;
  return row ? { month: row.month, method: row.method, state: JSON.parse(row.state) as unknown } : null;
}

interface ScopeRun {
  method: string;
  state: unknown;
  revaluations: Revaluation[];
  lastDate: string;
  lastId: number;
}

/**
 * Costs a scope's movements after its last checkpoint in date order, up to `until` (inclusive) or all of
 * them, and says which values that changes. Under monthly weighted average a closed month after the
 * checkpoint (the month being closed: every earlier one left a checkpoint) is costed at its average,
 * the months after it provisionally by the moving average.
 */
function runScope(
  sqlite: Database.Database,
  profile: LedgerProfile,
  scope: string,
  until: string | null,
): ScopeRun | null {
  const checkpoint = latestCheckpoint(sqlite, scope);
  const rows = prepared(sqlite, ledgerSql.scopeMovementsBetween).all(
    scope,
    checkpoint ? `${checkpoint.month}-99` : '',
    until ?? '9999-99-99',
  ) as MovementRow[];
  if (rows.length === 0 && checkpoint === null) return null;
  const methodName = checkpoint?.method ?? scopeMethod(sqlite, profile, scope, rows[0]!.goods_id);
  const method: CostingMethod<unknown> = methodFor(perpetualMethodName(methodName));
  const policy = policyOf(sqlite, profile, rows[0]?.goods_id ?? 0);
  // This run's issue values: the origin of later receipts in the scope (a return, a reversal).
  const issued = new Map<number, Balance>();
  const revaluations: Revaluation[] = [];
  const settle = (row: MovementRow, value: Fen, correction: Fen) => {
    if (value !== row.value || correction !== row.correction) revaluations.push({ row, value, correction });
    if (row.quantity < 0) issued.set(row.id, { quantity: row.quantity, value });
  };

  let state = checkpoint ? checkpoint.state : method.initial();
  let next = 0;
  if (methodName === 'monthly_average') {
    const closedEnd = closedThrough(sqlite);
    while (next < rows.length && rows[next]!.posting_date <= closedEnd) {
      const month = rows[next]!.posting_date.slice(0, 7);
      let end = next;
      while (end < rows.length && rows[end]!.posting_date.startsWith(month)) end++;
      state = costClosedMonth(sqlite, state as MovingAverageState, rows.slice(next, end), issued, settle);
      next = end;
    }
  }
  const run = method.open(state);
  for (let index = next; index < rows.length; index++) {
    const row = rows[index]!;
    const movement = toCostingMovement(sqlite, row, run, issued);
    const cost = applyOrExplain(sqlite, row, () => run.cost(movement, policy));
    settle(row, cost.value, cost.correction);
  }
  const last = rows.at(-1);
  return {
    method: methodName,
    state: run.state(),
    revaluations,
    lastDate: last?.posting_date ?? `${checkpoint!.month}-99`,
    lastId: last?.id ?? 0,
  };
}

/**
 * 全月一次加权平均 for one closed month of a scope (§6.2): its issues take the month's average, the last
 * the residue; receipts at the current cost and returns of the month's own deliveries enter at the
 * average; should the month end at zero quantity with value left and no issue to take it, the last
 * receipt carries the difference as its correction (§6.6). Returns the closing state.
 */
function costClosedMonth(
  sqlite: Database.Database,
  opening: MovingAverageState,
  rows: readonly MovementRow[],
  issued: Map<number, Balance>,
  settle: (row: MovementRow, value: Fen, correction: Fen) => void,
): MovingAverageState {
  const month = rows[0]!.posting_date.slice(0, 7);
  const own: { row: MovementRow; value: Fen }[] = [];
  const averaged: MovementRow[] = [];
  const issues: MovementRow[] = [];
  for (const row of rows) {
    if (row.quantity < 0) issues.push(row);
    else if (row.quantity === 0) own.push({ row, value: row.own_value ?? 0 });
    else if (row.at_current_cost) averaged.push(row);
    else if (row.own_value !== null) own.push({ row, value: row.own_value });
    else if (row.origin_movement_id !== null) {
      const origin = readMovement(sqlite, row.origin_movement_id);
      if (origin.scope === row.scope && origin.posting_date.startsWith(month)) averaged.push(row);
      else own.push({ row, value: valueFromOrigin(row.quantity, issued.get(origin.id) ?? origin) });
    } else own.push({ row, value: 0 });
  }
  const close = closeMonthAtAverage(
    { quantity: opening.quantity, value: opening.value },
    own.map(({ row, value }) => ({ quantity: row.quantity, value })),
    issues.map((row) => ({ quantity: -row.quantity })),
    opening.lastCost,
    averaged.map((row) => ({ quantity: row.quantity })),
  );
  const values = new Map<number, { value: Fen; correction: Fen }>();
  own.forEach(({ row, value }) => values.set(row.id, { value, correction: 0 }));
  averaged.forEach((row, index) =>
    values.set(row.id, { value: close.averagedReceiptValues[index]!, correction: 0 }),
  );
  issues.forEach((row, index) => values.set(row.id, { value: close.issueValues[index]!, correction: 0 }));
  if (close.correction !== 0) {
    const lastReceipt = rows.findLast((row) => row.quantity > 0)!;
    const receipt = values.get(lastReceipt.id)!;
    values.set(lastReceipt.id, { value: receipt.value + close.correction, correction: close.correction });
  }
  for (const row of rows) {
    const { value, correction } = values.get(row.id)!;
    settle(row, value, correction);
  }
  return {
    quantity: close.closing.quantity,
    value: close.closing.value,
    lastCost: close.closing.quantity > 0 ? null : close.average,
  };
}
