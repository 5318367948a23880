import { prepared } from '../../db/prepared';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { orderLineProgress, unconfirmed } from '../documents/order-execution';
import { quantityText } from './report-figures';
import { positionKey } from './stock-position';
import {
  byGoodsThenWarehouse,
  goodsMatching,
  mixedQuantity,
  readGoodsFacts,
  readWarehouses,
} from './report-lookups';

export interface StockAlertsInput {
  warehouseId?: number | undefined;
  search?: string | undefined;
}

interface LineAndStock {
  goodsId: number;
  warehouseId: number;
  lower: number | null;
  upper: number | null;
  onHand: number;
}

export const stockAlertLabels = { below: '低于下限', above: '高于上限' } as const;

/**
 * 库存预警 (DOMAIN.md §4: per-warehouse lower / upper stock lines): goods × warehouses whose stock on
 * hand now is below the lower line or above the upper one, with what to do about it — order up to the
 * upper line (the lower line when there is no upper one), less what open purchase orders will still
 * bring in (在订, DOMAIN.md §5), or move out the excess. Goods in the recycle bin or disabled are left
 * out: nobody restocks them.
 */
export function stockAlerts(ctx: ServiceContext, input: StockAlertsInput = {}) {
  const sqlite = ctx.db.$client;
  const { quantityDecimals } = getBranchProfile(ctx);
  const candidates = prepared(
    sqlite,
    'SELECT l.goods_id AS goodsId, l.warehouse_id AS warehouseId, l.lower, l.upper, ' +
      'coalesce((SELECT sum(b.quantity) FROM stock_balances b WHERE b.goods_id = l.goods_id ' +
      'AND b.warehouse_id = l.warehouse_id AND b.in_transit = 0), 0) AS onHand ' +
      'FROM goods_stock_lines l JOIN goods g ON g.id = l.goods_id ' +
      'WHERE g.deleted_at IS NULL AND g.active = 1 AND (l.lower IS NOT NULL OR l.upper IS NOT NULL)',
  ).all() as LineAndStock[];

  const onOrder = new Map<string, number>();
  for (const line of orderLineProgress(sqlite, 'purchase_order', { openOnly: true })) {
    const key = positionKey(line.goodsId, line.warehouseId);
    onOrder.set(key, (onOrder.get(key) ?? 0) + unconfirmed(line));
  }
  const onOrderOf = (line: LineAndStock) => onOrder.get(positionKey(line.goodsId, line.warehouseId)) ?? 0;

  const matching = goodsMatching(sqlite, input.search);
  type Alert = { line: LineAndStock; status: keyof typeof stockAlertLabels; suggested: number };
  const alerts = candidates.flatMap((line): Alert[] => {
    if (input.warehouseId !== undefined && line.warehouseId !== input.warehouseId) return [];
    if (matching !== null && !matching.has(line.goodsId)) return [];
    if (line.lower !== null && line.onHand < line.lower) {
      const wanted = (line.upper ?? line.lower) - line.onHand - onOrderOf(line);
      return [{ line, status: 'below', suggested: Math.max(0, wanted) }];
    }
    if (line.upper !== null && line.onHand > line.upper) {
      return [{ line, status: 'above', suggested: line.onHand - line.upper }];
    }
    return [];
  });
  const goods = readGoodsFacts(
    sqlite,
    alerts.map((alert) => alert.line.goodsId),
  );
  const warehouses = readWarehouses(sqlite);
  const quantity = (scaled: number | null) =>
    scaled === null ? null : quantityText(scaled, quantityDecimals);
  const rows = alerts.map(({ line, status, suggested }) => {
    const facts = goods.get(line.goodsId)!;
    const warehouse = warehouses.get(line.warehouseId)!;
    return {
      goodsId: line.goodsId,
      goodsCode: facts.code,
      goodsName: facts.name,
      goodsSpec: facts.spec,
      warehouseId: line.warehouseId,
      warehouseCode: warehouse.code,
      warehouseName: warehouse.name,
      baseUnit: facts.baseUnit,
      onHand: quantity(line.onHand)!,
      mixedOnHand: mixedQuantity(facts, line.onHand, quantityDecimals),
      /** Ordered from suppliers and not yet received. */
      onOrder: quantity(onOrderOf(line))!,
      lower: quantity(line.lower),
      upper: quantity(line.upper),
      status,
      statusLabel: stockAlertLabels[status],
      /** Below the lower line: still to order (or transfer in); above the upper line: the excess. */
      suggestedQuantity: quantity(suggested)!,
      mixedSuggested: mixedQuantity(facts, suggested, quantityDecimals),
    };
  });
  rows.sort(byGoodsThenWarehouse);
  return { rows };
}

export type StockAlertsReport = ReturnType<typeof stockAlerts>;
