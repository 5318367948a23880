import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { MovementKind } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { costFigures } from '../access/cost-figures';
import { addDays } from '../../domain/calendar/calendar';
import { moneyText, quantityText } from './report-figures';
import { byGoodsThenWarehouse, goodsMatching, readGoodsNames, readWarehouses } from './report-lookups';
import {
  endOfTime,
  inTransitAsOf,
  routeBalances,
  routeTo,
  scanStart,
  type StockPosition,
} from './stock-position';
import { positionValues } from './value-allocation';

export interface PeriodSummaryInput {
  from: string;
  to: string;
  warehouseId?: number | undefined;
  goodsId?: number | undefined;
  search?: string | undefined;
}

/** The 进销存汇总 columns movements are summed into; inflows first, then outflows. */
const inflows = ['purchase', 'salesReturn', 'transferIn', 'gain', 'otherIn'] as const;
const outflows = ['sales', 'purchaseReturn', 'transferOut', 'loss', 'otherOut'] as const;
const flows = [...inflows, ...outflows] as const;
type Flow = (typeof flows)[number];

const flowIndex = Object.fromEntries(flows.map((flow, index) => [flow, index])) as Record<Flow, number>;

/**
 * Which column each kind goes to; opening stock entered as a document counts as other inflow, and
 * transfers with other branches (内部调入 / 调出) are transfers in and out of this branch's stock.
 */
const flowOfKind: Readonly<Record<Exclude<MovementKind, 'cost_adjustment'>, number>> = {
  purchase: flowIndex.purchase,
  sales_return: flowIndex.salesReturn,
  transfer_in: flowIndex.transferIn,
  gain: flowIndex.gain,
  other_in: flowIndex.otherIn,
  opening: flowIndex.otherIn,
  sales: flowIndex.sales,
  purchase_return: flowIndex.purchaseReturn,
  transfer_out: flowIndex.transferOut,
  loss: flowIndex.loss,
  other_out: flowIndex.otherOut,
  internal_in: flowIndex.transferIn,
  internal_out: flowIndex.transferOut,
};

/** goods × warehouse as one number (warehouse ids stay far below 2^21), a cheaper map key than text. */
function numericKey(goodsId: number, warehouseId: number): number {
  return goodsId * 2 ** 21 + warehouseId;
}

type FlowFigures = { [F in Flow as `${F}Quantity` | `${F}Value`]: string };

export type PeriodSummaryRow = {
  goodsId: number;
  goodsCode: string;
  goodsName: string;
  goodsSpec: string;
  baseUnit: string;
  warehouseId: number;
  warehouseCode: string;
  warehouseName: string;
  openingQuantity: string;
  openingValue: string;
} & FlowFigures & {
    inQuantity: string;
    inValue: string;
    outQuantity: string;
    outValue: string;
    /** 成本调整单: value without quantity. */
    adjustmentValue: string;
    /**
     * Under 统一核算 only (else "0.00"): the change in this warehouse's allocated share of the goods' value
     * that no movement of its own explains (value-allocation.ts), so that the row still reconciles.
     */
    allocationValue: string;
    closingQuantity: string;
    closingValue: string;
  };

/** The value columns the totals line sums, in this order. */
const totalledValues = [
  'openingValue',
  ...flows.map((flow) => `${flow}Value` as const),
  'inValue',
  'outValue',
  'adjustmentValue',
  'allocationValue',
  'closingValue',
] as const;

export type PeriodSummaryTotals = Record<(typeof totalledValues)[number], string>;

/** One row's figures while summing: scaled quantities and fen, outflows as positive amounts. */
interface Accumulator {
  goodsId: number;
  warehouseId: number;
  opening: StockPosition;
  closing: StockPosition;
  quantities: number[];
  values: number[];
  adjustment: number;
  touched: boolean;
}

/** goods, warehouse, kind, in the period (1) or not (0), quantity, value. */
type ScanRow = [number, number, MovementKind, number, number, number];

/**
 * One GROUP BY over the movements a route needs: those of the period, flagged, and those between the
 * route's starting balances and the period (before it going forward, after it going backward). Rows
 * come as arrays: there are tens of thousands of them.
 */
function scanMovements(sqlite: Database.Database, after: string, through: string, from: string, to: string) {
  return prepared(
    sqlite,
    'SELECT goods_id, warehouse_id, kind, posting_date BETWEEN ? AND ?, sum(quantity), sum(value) ' +
      'FROM stock_movements WHERE posting_date > ? AND posting_date <= ? AND in_transit = 0 GROUP BY 1, 2, 3, 4',
  )
    .raw(true)
    .all(from, to, after, through) as ScanRow[];
}

function newAccumulator(goodsId: number, warehouseId: number): Accumulator {
  return {
    goodsId,
    warehouseId,
    opening: { goodsId, warehouseId, quantity: 0, value: 0 },
    closing: { goodsId, warehouseId, quantity: 0, value: 0 },
    quantities: new Array<number>(flows.length).fill(0),
    values: new Array<number>(flows.length).fill(0),
    adjustment: 0,
    touched: false,
  };
}

/**
 * 进销存汇总 (DOMAIN.md §6.1): per goods × warehouse, the opening balance, what came in and went out by
 * kind, cost adjustments and the closing balance of a period. Every row reconciles: opening + in − out
 * + adjustment (+ allocation under 统一核算) = closing, in quantity and in value. The opening comes from
 * the cheaper route (stock-position.ts) within the same scan as the period's movements.
 */
export function periodSummary(ctx: ServiceContext, input: PeriodSummaryInput) {
  if (input.from > input.to) {
    throw new LedgerError('VALIDATION', `开始日期 ${input.from} 晚于结束日期 ${input.to}。`);
  }
  const sqlite = ctx.db.$client;
  const { costingScope, quantityDecimals } = getBranchProfile(ctx);
  const dayBefore = addDays(input.from, -1);
  const route = routeTo(sqlite, dayBefore, input.to);
  const backward = route.direction === 'backward';

  const rows = new Map<number, Accumulator>();
  for (const balance of routeBalances(sqlite, route)) {
    const row = newAccumulator(balance.goodsId, balance.warehouseId);
    row.opening.quantity = balance.quantity;
    row.opening.value = balance.value;
    rows.set(numericKey(balance.goodsId, balance.warehouseId), row);
  }
  const scanned = scanMovements(
    sqlite,
    scanStart(route, dayBefore),
    backward ? endOfTime : input.to,
    input.from,
    input.to,
  );
  for (const [goodsId, warehouseId, kind, inPeriod, quantity, value] of scanned) {
    const key = numericKey(goodsId, warehouseId);
    let row = rows.get(key);
    if (row === undefined) {
      row = newAccumulator(goodsId, warehouseId);
      rows.set(key, row);
    }
    if (inPeriod) {
      row.touched = true;
      row.closing.quantity += quantity;
      row.closing.value += value;
      if (kind === 'cost_adjustment') row.adjustment += value;
      else {
        const flow = flowOfKind[kind];
        const sign = flow < inflows.length ? 1 : -1;
        row.quantities[flow]! += sign * quantity;
        row.values[flow]! += sign * value;
      }
    }
    // Going forward the movements before the period lead to the opening; going backward every
    // movement scanned (in the period or after it) is taken off the current balance.
    if (backward) {
      row.opening.quantity -= quantity;
      row.opening.value -= value;
    } else if (!inPeriod) {
      row.opening.quantity += quantity;
      row.opening.value += value;
    }
  }
  const all = [...rows.values()];
  for (const row of all) {
    row.closing.quantity += row.opening.quantity;
    row.closing.value += row.opening.value;
  }

  // 统一核算: opening and closing values are shares of the goods' value (value-allocation.ts).
  const perBranch = costingScope === 'per_branch';
  const openingShares = perBranch
    ? positionValues(
        true,
        all.map((row) => row.opening),
        () => inTransitAsOf(sqlite, dayBefore),
      )
    : null;
  const closingShares = perBranch
    ? positionValues(
        true,
        all.map((row) => row.closing),
        () => inTransitAsOf(sqlite, input.to),
      )
    : null;
  const openingValueOf = (row: Accumulator) => openingShares?.get(row.opening) ?? row.opening.value;
  const closingValueOf = (row: Accumulator) => closingShares?.get(row.closing) ?? row.closing.value;

  const matching = goodsMatching(sqlite, input.search);
  const shown = all.filter(
    (row) =>
      (input.warehouseId === undefined || row.warehouseId === input.warehouseId) &&
      (input.goodsId === undefined || row.goodsId === input.goodsId) &&
      (matching === null || matching.has(row.goodsId)) &&
      (row.touched ||
        row.opening.quantity !== 0 ||
        row.closing.quantity !== 0 ||
        openingValueOf(row) !== 0 ||
        closingValueOf(row) !== 0),
  );

  const goods = readGoodsNames(
    sqlite,
    shown.map((row) => row.goodsId),
  );
  const warehouses = readWarehouses(sqlite);
  const totals = new Array<number>(totalledValues.length).fill(0);
  const quantity = (scaled: number) => quantityText(scaled, quantityDecimals);
  const {
    purchase,
    salesReturn,
    transferIn,
    gain,
    otherIn,
    sales,
    purchaseReturn,
    transferOut,
    loss,
    otherOut,
  } = flowIndex;

  const result = shown.map((row): PeriodSummaryRow => {
    const facts = goods.get(row.goodsId)!;
    const warehouse = warehouses.get(row.warehouseId)!;
    const q = row.quantities;
    const v = row.values;
    const inQuantity = q[purchase]! + q[salesReturn]! + q[transferIn]! + q[gain]! + q[otherIn]!;
    const inValue = v[purchase]! + v[salesReturn]! + v[transferIn]! + v[gain]! + v[otherIn]!;
    const outQuantity = q[sales]! + q[purchaseReturn]! + q[transferOut]! + q[loss]! + q[otherOut]!;
    const outValue = v[sales]! + v[purchaseReturn]! + v[transferOut]! + v[loss]! + v[otherOut]!;
    const openingValue = openingValueOf(row);
    const closingValue = closingValueOf(row);
    const allocation = closingValue - (openingValue + inValue - outValue + row.adjustment);
    // In the order of totalledValues.
    [openingValue, ...v, inValue, outValue, row.adjustment, allocation, closingValue].forEach(
      (value, index) => (totals[index]! += value),
    );
    return {
      goodsId: row.goodsId,
      goodsCode: facts.code,
      goodsName: facts.name,
      goodsSpec: facts.spec,
      baseUnit: facts.baseUnit,
      warehouseId: row.warehouseId,
      warehouseCode: warehouse.code,
      warehouseName: warehouse.name,
      openingQuantity: quantity(row.opening.quantity),
      openingValue: moneyText(openingValue),
      purchaseQuantity: quantity(q[purchase]!),
      purchaseValue: moneyText(v[purchase]!),
      salesReturnQuantity: quantity(q[salesReturn]!),
      salesReturnValue: moneyText(v[salesReturn]!),
      transferInQuantity: quantity(q[transferIn]!),
      transferInValue: moneyText(v[transferIn]!),
      gainQuantity: quantity(q[gain]!),
      gainValue: moneyText(v[gain]!),
      otherInQuantity: quantity(q[otherIn]!),
      otherInValue: moneyText(v[otherIn]!),
      inQuantity: quantity(inQuantity),
      inValue: moneyText(inValue),
      salesQuantity: quantity(q[sales]!),
      salesValue: moneyText(v[sales]!),
      purchaseReturnQuantity: quantity(q[purchaseReturn]!),
      purchaseReturnValue: moneyText(v[purchaseReturn]!),
      transferOutQuantity: quantity(q[transferOut]!),
      transferOutValue: moneyText(v[transferOut]!),
      lossQuantity: quantity(q[loss]!),
      lossValue: moneyText(v[loss]!),
      otherOutQuantity: quantity(q[otherOut]!),
      otherOutValue: moneyText(v[otherOut]!),
      outQuantity: quantity(outQuantity),
      outValue: moneyText(outValue),
      adjustmentValue: moneyText(row.adjustment),
      allocationValue: moneyText(allocation),
      closingQuantity: quantity(row.closing.quantity),
      closingValue: moneyText(closingValue),
    };
  });
  result.sort(byGoodsThenWarehouse);
  return {
    from: input.from,
    to: input.to,
    costingScope,
    /** True under 统一核算: opening and closing values are shares of the goods' value (value-allocation.ts). */
    valueAllocated: perBranch,
    // Every value column is stock value at cost.
    rows: result.map((row) => costFigures(ctx.actor, row, totalledValues)),
    totals: costFigures(
      ctx.actor,
      Object.fromEntries(
        totalledValues.map((key, index) => [key, moneyText(totals[index]!)]),
      ) as PeriodSummaryTotals,
      totalledValues,
    ),
  };
}

export type PeriodSummaryReport = ReturnType<typeof periodSummary>;
