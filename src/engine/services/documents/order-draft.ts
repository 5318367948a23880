import { formatScaled } from '../../../shared/numbers/decimal';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import { priceScale, ratioScale, taxRateScale } from '../../../shared/numbers/scales';
import { LedgerError } from '../../../shared/ledger-error';
import { documentStatusLabels } from '../../../shared/documents/document-status';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { pricedAtCost, seesCost } from '../access/cost-figures';
import { findDocumentInReach } from './document-facts';
import { executionTypeOf, isOrderType, orderLineProgress, outstanding } from './order-execution';

const ratioOne = 10 ** ratioScale;

/**
 * 下推: a receipt or delivery made from an order without re-typing (DOMAIN.md §5) — every line still
 * outstanding, in the order's unit, price and warehouse, each naming its order line. It is returned
 * unsaved, in the shape `documents.save` takes, so the clerk can take part of it, pick lots and save;
 * what is not taken stays open on the order.
 */
export function draftFromOrder(ctx: ServiceContext, orderId: number) {
  const order = findDocumentInReach(ctx.db, ctx.actor, orderId);
  if (!isOrderType(order.type)) throw new LedgerError('VALIDATION', `单据 ${order.number} 不是订单。`);
  if (order.status !== 'awaiting_warehouse') {
    throw new LedgerError(
      'CONFLICT',
      `订单 ${order.number} 当前为【${documentStatusLabels[order.status]}】，只有已审核的订单可以生成${order.type === 'sales_order' ? '出库单' : '入库单'}。`,
    );
  }
  // The draft carries the order's prices for the save to keep; on a purchase order those are what the
  // goods cost, which a role without cost.view neither reads nor should re-enter.
  if (pricedAtCost(order.type) && !seesCost(ctx.actor)) {
    throw new LedgerError(
      'FORBIDDEN',
      `当前用户不能查看进价和成本，不能由订单 ${order.number} 生成入库单。`,
      {
        permission: 'cost.view',
      },
    );
  }
  const { quantityDecimals } = getBranchProfile(ctx);
  const progress = new Map(
    orderLineProgress(ctx.db.$client, order.type, { documentId: order.id }).map((line) => [
      line.lineId,
      line,
    ]),
  );
  const lines = ctx.db.$client
    .prepare(
      'SELECT id, goods_id, unit_name, unit_ratio, unit_price, unit_price_with_tax, price_includes_tax, discount_rate, ' +
        'tax_rate, warehouse_id, is_gift, remark ' +
        'FROM document_lines WHERE document_id = ? ORDER BY line_no',
    )
    .all(order.id) as {
    id: number;
    goods_id: number;
    unit_name: string;
    unit_ratio: number;
    unit_price: number;
    unit_price_with_tax: number;
    price_includes_tax: number;
    discount_rate: number;
    tax_rate: number;
    warehouse_id: number;
    is_gift: number;
    remark: string;
  }[];
  const draftLines = lines.flatMap((line) => {
    const left = outstanding(progress.get(line.id)!);
    if (left === 0) return [];
    // In the order's unit when the rest is a whole number of it; otherwise in base units at the same value.
    const inUnit = left * ratioOne;
    const whole = inUnit % line.unit_ratio === 0;
    // The order's terms carry over: a price agreed with tax stays with tax, and its discount stays.
    const price = line.price_includes_tax ? line.unit_price_with_tax : line.unit_price;
    return [
      {
        goodsId: line.goods_id,
        unitName: whole ? line.unit_name : null,
        quantity: formatScaled(whole ? inUnit / line.unit_ratio : left, quantityDecimals),
        unitPrice: formatScaled(whole ? price : mulDivRound(price, ratioOne, line.unit_ratio), priceScale),
        priceIncludesTax: line.price_includes_tax === 1,
        discountRate: formatScaled(line.discount_rate, taxRateScale),
        taxRate: formatScaled(line.tax_rate, taxRateScale),
        warehouseId: line.warehouse_id,
        isGift: line.is_gift === 1,
        remark: line.remark,
        sourceLineId: line.id,
      },
    ];
  });
  if (draftLines.length === 0) throw new LedgerError('CONFLICT', `订单 ${order.number} 已全部执行。`);
  const baseUnits = new Map(
    (
      ctx.db.$client
        .prepare(
          'SELECT goods_id, name FROM goods_units WHERE is_base = 1 AND goods_id IN (SELECT value FROM json_each(?))',
        )
        .all(JSON.stringify(draftLines.map((line) => line.goodsId))) as { goods_id: number; name: string }[]
    ).map((unit) => [unit.goods_id, unit.name]),
  );
  return {
    type: executionTypeOf[order.type],
    businessDate: ctx.clock.today(),
    counterpartyId: order.counterpartyId,
    officeId: order.officeId,
    handlerId: order.handlerId,
    warehouseId: order.warehouseId,
    remark: `由订单 ${order.number} 生成`,
    sourceDocumentId: order.id,
    lines: draftLines.map((line) => ({ ...line, unitName: line.unitName ?? baseUnits.get(line.goodsId)! })),
  };
}
