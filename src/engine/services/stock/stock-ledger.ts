import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { methodFor, type CostingMethod } from '../../domain/costing/costing-method';
import type { MovementKind } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import type { Fen } from '../../../shared/numbers/scales';
import { costingScopeKey } from './costing-scope';
import {
  addToBalance,
  insertMovement,
  ledgerSql,
  readCostingState,
  readMovement,
  writeCostingState,
  type MovementRow,
} from './movement-rows';
import { assertOpenPeriod } from './open-period';
import {
  applyOrExplain,
  perpetualMethodName,
  policyOf,
  recost,
  scopeMethod,
  toCostingMovement,
  valueFromOrigin,
  type LedgerProfile,
} from './recost';
import { describeStockPlace, formatShortfall } from './stock-place';

export type { LedgerProfile } from './recost';

/**
 * The stock ledger's posting path (DOMAIN.md §6): a confirmed line becomes a movement, costed by its
 * scope's method, and the balance moves with it, in the caller's transaction. A movement in date order
 * is costed from the scope's state at once (nothing can depend on it yet); one dated before the scope's
 * latest is placed in date order and re-costed with everything after it (§6.6, recost.ts).
 */

/** Where a movement's value comes from. */
export type MovementCost =
  /** A receipt with its own cost: purchase, opening stock, a gain or other receipt with an entered cost. */
  | { readonly kind: 'own'; readonly value: Fen }
  /**
   * A receipt at the scope's unit cost at its date: a gain or other receipt without an entered cost. It
   * is re-costed with the scope, so a backdated receipt before it changes what it enters at.
   */
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
  const row: Omit<MovementRow, 'id'> = {
    posting_date: input.postingDate,
    goods_id: input.goodsId,
    warehouse_id: input.warehouseId,
    lot: input.lot,
    in_transit: input.inTransit ? 1 : 0,
    kind: input.kind,
    quantity: input.quantity,
    value: 0,
    correction: 0,
    scope,
    layer: input.cost.kind === 'issue' ? (input.cost.layer ?? null) : input.receiptLayer,
    origin_movement_id: input.cost.kind === 'origin' ? input.cost.movementId : null,
    own_value: input.cost.kind === 'own' || input.cost.kind === 'adjustment' ? input.cost.value : null,
    at_current_cost: input.cost.kind === 'current' && scope !== null ? 1 : 0,
    document_id: input.documentId,
    line_id: input.lineId,
  };
  const insert = (value: Fen, correction: Fen): number => {
    const id = insertMovement(sqlite, { ...row, value, correction });
    addToBalance(sqlite, row, row.quantity, value, input.expiryDate);
    return id;
  };

  if (scope === null) {
    const origin = row.origin_movement_id === null ? null : readMovement(sqlite, row.origin_movement_id);
    const value = origin === null ? 0 : valueFromOrigin(row.quantity, origin);
    const id = insert(value, 0);
    assertNoShortfall(sqlite, profile, row);
    return { id, value };
  }
  const stateRow = readCostingState(sqlite, scope);
  if (stateRow === undefined || input.postingDate >= stateRow.last_date) {
    // In date order for the scope; the place (goods × warehouse × lot) may still hold later movements,
    // under 统一核算 a transfer's arrival, which moves no value and so leaves the scope's state alone.
    const laterAtPlace = row.quantity < 0 && placeHasLaterMovements(sqlite, row);
    if (!laterAtPlace) assertBalanceCovers(sqlite, profile, row);
    const methodName = stateRow?.method ?? scopeMethod(sqlite, profile, scope, input.goodsId);
    const method: CostingMethod<unknown> = methodFor(perpetualMethodName(methodName));
    const run = method.open(stateRow ? (JSON.parse(stateRow.state) as unknown) : method.initial());
    const probe = { ...row, id: 0 };
    const costed = applyOrExplain(sqlite, probe, () =>
      run.cost(toCostingMovement(sqlite, probe, run, new Map()), policyOf(sqlite, profile, input.goodsId)),
    );
    const id = insert(costed.value, costed.correction);
    if (laterAtPlace) assertNoShortfall(sqlite, profile, row);
    writeCostingState(sqlite, scope, {
      method: methodName,
      state: run.state(),
      lastDate: input.postingDate,
      lastId: id,
    });
    return { id, value: costed.value };
  }
  // Backdated (§6.6): placed in date order, checked against every later balance, then re-costed.
  const id = insert(0, 0);
  assertNoShortfall(sqlite, profile, row);
  recost(sqlite, profile, [scope]);
  return { id, value: readMovement(sqlite, id).value };
}

function placeHasLaterMovements(sqlite: Database.Database, row: Omit<MovementRow, 'id'>): boolean {
  return (
    prepared(sqlite, ledgerSql.laterAtPlace).get(
      row.goods_id,
      row.warehouse_id,
      row.posting_date,
      row.lot,
    ) !== undefined
  );
}

/** An in-order issue with negative stock forbidden: the balance before it must cover it. */
function assertBalanceCovers(
  sqlite: Database.Database,
  profile: LedgerProfile,
  row: Omit<MovementRow, 'id'>,
): void {
  if (profile.negativeStock === 'allow' || row.quantity >= 0) return;
  const balance = prepared(sqlite, ledgerSql.balanceQuantity).get(row.goods_id, row.warehouse_id, row.lot) as
    { quantity: number } | undefined;
  const after = (balance?.quantity ?? 0) + row.quantity;
  if (after < 0) throw shortfallError(sqlite, row, row.posting_date, -after);
}

function shortfallError(
  sqlite: Database.Database,
  row: Omit<MovementRow, 'id'>,
  date: string,
  shortfall: number,
): LedgerError {
  const where = describeStockPlace(sqlite, row.goods_id, row.warehouse_id, row.lot);
  return new LedgerError(
    'CONFLICT',
    `${where}${date} 库存不足，缺 ${formatShortfall(sqlite, row.goods_id, shortfall)}`,
    { goodsId: row.goods_id, warehouseId: row.warehouse_id, lot: row.lot, date, shortfall },
  );
}

/**
 * With negative stock forbidden, a balance may not go below zero at the movement's date or at any later
 * date (§6.6): a backdated issue can break a later one. Checked per goods × warehouse × lot, which is
 * finer than the costing scope under 统一核算 and for lot goods.
 */
function assertNoShortfall(
  sqlite: Database.Database,
  profile: LedgerProfile,
  movement: Omit<MovementRow, 'id'>,
): void {
  if (profile.negativeStock === 'allow' || movement.quantity >= 0 || movement.in_transit) return;
  const lowest = prepared(sqlite, ledgerSql.lowestRunningBalance).get(
    movement.goods_id,
    movement.warehouse_id,
    movement.lot,
    movement.posting_date,
  ) as { date: string; quantity: number };
  if (lowest.quantity < 0) throw shortfallError(sqlite, movement, lowest.date, -lowest.quantity);
}
