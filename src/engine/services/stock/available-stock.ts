import { prepared } from '../../db/prepared';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { positionKey } from '../reports/stock-position';
import { quantityText } from '../reports/report-figures';
import { formatShortfall } from './stock-place';
import { reservedQuantities } from './reservations';

/**
 * 可用库存 now, per goods × warehouse (DOMAIN.md §5): on hand − what open sales orders reserve, for the
 * clerk entering a sales line. Base units as decimal text, and the same in mixed units. A delivery made
 * from an order leaves that order's own reservation out: it is the stock the delivery is taking.
 */
export function availableStock(
  ctx: ServiceContext,
  goodsIds: readonly number[],
  exceptOrderId: number | null,
) {
  const sqlite = ctx.db.$client;
  const { quantityDecimals } = getBranchProfile(ctx);
  const reserved = reservedQuantities(sqlite, exceptOrderId);
  const onHand = prepared(
    sqlite,
    'SELECT b.goods_id, b.warehouse_id, sum(b.quantity) AS quantity FROM json_each(?) j ' +
      'JOIN stock_balances b ON b.goods_id = j.value AND b.in_transit = 0 GROUP BY b.goods_id, b.warehouse_id',
  ).all(JSON.stringify(goodsIds)) as { goods_id: number; warehouse_id: number; quantity: number }[];
  const places = new Map(onHand.map((row) => [positionKey(row.goods_id, row.warehouse_id), row]));
  for (const key of reserved.keys()) {
    const [goodsId, warehouseId] = key.split(':').map(Number) as [number, number];
    if (goodsIds.includes(goodsId) && !places.has(key))
      places.set(key, { goods_id: goodsId, warehouse_id: warehouseId, quantity: 0 });
  }
  return [...places.entries()].map(([key, place]) => {
    const held = reserved.get(key) ?? 0;
    return {
      goodsId: place.goods_id,
      warehouseId: place.warehouse_id,
      onHand: quantityText(place.quantity, quantityDecimals),
      reserved: quantityText(held, quantityDecimals),
      available: quantityText(place.quantity - held, quantityDecimals),
      availableMixed: formatShortfall(sqlite, place.goods_id, place.quantity - held),
    };
  });
}
