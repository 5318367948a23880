import { prepared } from '../../db/prepared';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { costFigure } from '../access/cost-figures';
import { addDays, daysBetween } from '../../domain/calendar/calendar';
import { moneyText, quantityText } from './report-figures';
import { goodsMatching, mixedQuantity, readGoodsFacts, readWarehouses } from './report-lookups';
import { allocatePerGoods } from './value-allocation';

export interface LotExpiryInput {
  /** Lots expiring within this many days of `asOf`, and every lot already expired. */
  withinDays: number;
  /** The day counted from; today when omitted. */
  asOf?: string | undefined;
  warehouseId?: number | undefined;
  search?: string | undefined;
}

interface LotBalance {
  goodsId: number;
  warehouseId: number;
  lot: string;
  expiryDate: string;
  quantity: number;
  value: number;
}

/**
 * 批次保质期 (DOMAIN.md §4: lot tracking with shelf life): lots on hand now whose expiry date falls
 * within the coming days or has passed, soonest first, with the days left (negative: expired that
 * many days ago). Lots without an expiry date cannot expire and are not listed.
 */
export function lotExpiry(ctx: ServiceContext, input: LotExpiryInput) {
  const sqlite = ctx.db.$client;
  const { costingScope, quantityDecimals } = getBranchProfile(ctx);
  const asOf = input.asOf ?? ctx.clock.today();
  const until = addDays(asOf, input.withinDays);
  const lots = prepared(
    sqlite,
    'SELECT goods_id AS goodsId, warehouse_id AS warehouseId, lot, expiry_date AS expiryDate, quantity, value ' +
      "FROM stock_balances WHERE in_transit = 0 AND lot <> '' AND quantity > 0 AND expiry_date <= ? " +
      'ORDER BY expiry_date, goods_id, warehouse_id, lot',
  ).all(until) as LotBalance[];

  const values = new Map<LotBalance, number>(lots.map((lot) => [lot, lot.value]));
  if (costingScope === 'per_branch') {
    // 统一核算: a lot's value is its share of the goods' value by quantity (value-allocation.ts); every
    // balance of the goods, in transit included, takes part.
    const others = prepared(
      sqlite,
      'SELECT goods_id AS goodsId, quantity, value FROM stock_balances WHERE goods_id IN ' +
        "(SELECT value FROM json_each(?)) AND NOT (in_transit = 0 AND lot <> '' AND quantity > 0 AND coalesce(expiry_date <= ?, 0))",
    ).all(JSON.stringify([...new Set(lots.map((lot) => lot.goodsId))]), until) as {
      goodsId: number;
      quantity: number;
      value: number;
    }[];
    const places: { goodsId: number; quantity: number; value: number; lot?: LotBalance }[] = [
      ...others,
      ...lots.map((lot) => ({ goodsId: lot.goodsId, quantity: lot.quantity, value: lot.value, lot })),
    ];
    for (const [place, value] of allocatePerGoods(places)) if (place.lot) values.set(place.lot, value);
  }

  const matching = goodsMatching(sqlite, input.search);
  const shown = lots.filter(
    (lot) =>
      (input.warehouseId === undefined || lot.warehouseId === input.warehouseId) &&
      (matching === null || matching.has(lot.goodsId)),
  );
  const goods = readGoodsFacts(
    sqlite,
    shown.map((lot) => lot.goodsId),
  );
  const warehouses = readWarehouses(sqlite);
  const rows = shown.map((lot) => {
    const facts = goods.get(lot.goodsId)!;
    const warehouse = warehouses.get(lot.warehouseId)!;
    return {
      goodsId: lot.goodsId,
      goodsCode: facts.code,
      goodsName: facts.name,
      goodsSpec: facts.spec,
      warehouseId: lot.warehouseId,
      warehouseCode: warehouse.code,
      warehouseName: warehouse.name,
      lot: lot.lot,
      expiryDate: lot.expiryDate,
      daysLeft: daysBetween(asOf, lot.expiryDate),
      quantity: quantityText(lot.quantity, quantityDecimals),
      baseUnit: facts.baseUnit,
      mixedQuantity: mixedQuantity(facts, lot.quantity, quantityDecimals),
      value: costFigure(ctx.actor, moneyText(values.get(lot)!)),
    };
  });
  return { asOf, withinDays: input.withinDays, rows };
}

export type LotExpiryReport = ReturnType<typeof lotExpiry>;
