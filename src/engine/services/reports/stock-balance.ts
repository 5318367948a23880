import { prepared } from '../../db/prepared';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { costFigure, costFigures } from '../access/cost-figures';
import { moneyText, quantityText, unitCostText } from './report-figures';
import {
  byGoodsThenWarehouse,
  goodsMatching,
  mixedQuantity,
  readGoodsFacts,
  readWarehouses,
} from './report-lookups';
import { inTransitAsOf, onHandAsOf, positionKey } from './stock-position';
import { positionValues } from './value-allocation';
import { reservedQuantities } from '../stock/reservations';

export interface StockBalanceInput {
  /** yyyy-MM-dd: stock at the end of this day; today when omitted. */
  asOf?: string | undefined;
  warehouseId?: number | undefined;
  goodsId?: number | undefined;
  /** Goods code, name, spec or pinyin. */
  search?: string | undefined;
  /** Also every goods × warehouse the ledger has a balance for, holding nothing at the date. */
  includeZero?: boolean | undefined;
}

/**
 * 库存余额表 (DOMAIN.md §6.1): stock on hand per goods × warehouse at the end of a date, in base units
 * and mixed units, with its unit cost and value, what open sales orders reserve, and
 * available = on hand − reserved.
 */
export function stockBalance(ctx: ServiceContext, input: StockBalanceInput) {
  const sqlite = ctx.db.$client;
  const { costingScope, quantityDecimals } = getBranchProfile(ctx);
  const asOf = input.asOf ?? ctx.clock.today();
  const onHand = onHandAsOf(sqlite, asOf);
  // Which empty places a route brings along depends on where it starts (closing balances keep only
  // non-zero ones): the ledger's own list of places makes "include zero" the same either way.
  if (input.includeZero) {
    const places = prepared(
      sqlite,
      'SELECT DISTINCT goods_id AS goodsId, warehouse_id AS warehouseId FROM stock_balances WHERE in_transit = 0',
    ).all() as { goodsId: number; warehouseId: number }[];
    for (const place of places) {
      const key = positionKey(place.goodsId, place.warehouseId);
      if (!onHand.has(key)) onHand.set(key, { ...place, quantity: 0, value: 0 });
    }
  }
  const positions = [...onHand.values()];
  const values = positionValues(costingScope === 'per_branch', positions, () => inTransitAsOf(sqlite, asOf));

  const matching = goodsMatching(sqlite, input.search);
  const shown = positions.filter(
    (position) =>
      (input.warehouseId === undefined || position.warehouseId === input.warehouseId) &&
      (input.goodsId === undefined || position.goodsId === input.goodsId) &&
      (matching === null || matching.has(position.goodsId)) &&
      (input.includeZero || position.quantity !== 0 || values.get(position)! !== 0),
  );
  const goods = readGoodsFacts(
    sqlite,
    shown.map((position) => position.goodsId),
  );
  const warehouses = readWarehouses(sqlite);
  // Reservations are today's: an order promises goods from now on, whatever date the balance is read at.
  const reservations = reservedQuantities(sqlite);
  let totalValue = 0;
  const rows = shown.map((position) => {
    const facts = goods.get(position.goodsId)!;
    const warehouse = warehouses.get(position.warehouseId)!;
    const value = values.get(position)!;
    totalValue += value;
    const reserved = reservations.get(positionKey(position.goodsId, position.warehouseId)) ?? 0;
    return costFigures(
      ctx.actor,
      {
        goodsId: position.goodsId,
        goodsCode: facts.code,
        goodsName: facts.name,
        goodsSpec: facts.spec,
        warehouseId: position.warehouseId,
        warehouseCode: warehouse.code,
        warehouseName: warehouse.name,
        quantity: quantityText(position.quantity, quantityDecimals),
        baseUnit: facts.baseUnit,
        mixedQuantity: mixedQuantity(facts, position.quantity, quantityDecimals),
        unitCost: unitCostText(value, position.quantity, quantityDecimals),
        value: moneyText(value),
        reserved: quantityText(reserved, quantityDecimals),
        available: quantityText(position.quantity - reserved, quantityDecimals),
      },
      ['unitCost', 'value'],
    );
  });
  rows.sort(byGoodsThenWarehouse);
  return {
    asOf,
    costingScope,
    /** True under 统一核算: each warehouse's value is its share of the goods' value (value-allocation.ts). */
    valueAllocated: costingScope === 'per_branch',
    rows,
    totals: { value: costFigure(ctx.actor, moneyText(totalValue)) },
  };
}

export type StockBalanceReport = ReturnType<typeof stockBalance>;
