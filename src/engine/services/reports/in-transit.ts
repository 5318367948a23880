import { prepared } from '../../db/prepared';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { costFigure } from '../access/cost-figures';
import { moneyText, quantityText } from './report-figures';
import { goodsMatching, mixedQuantity, readGoodsFacts, readWarehouses } from './report-lookups';
import { allocatePerGoods } from './value-allocation';

export interface InTransitInput {
  /** Transfers leaving or arriving at this warehouse. */
  warehouseId?: number | undefined;
  search?: string | undefined;
}

interface TransitLine {
  lineId: number;
  documentId: number;
  documentNumber: string;
  businessDate: string;
  goodsId: number;
  fromWarehouseId: number;
  toWarehouseId: number;
  lot: string;
  quantity: number;
  value: number;
}

/**
 * 在途库存 (DOMAIN.md §6.3): each transfer line shipped and not (fully) received, from the in-transit
 * movements of its line. Only goods × destinations holding stock in transit are read.
 */
export function inTransitStock(ctx: ServiceContext, input: InTransitInput = {}) {
  const sqlite = ctx.db.$client;
  const { costingScope, quantityDecimals } = getBranchProfile(ctx);
  const lines = prepared(
    sqlite,
    'SELECT m.line_id AS lineId, m.document_id AS documentId, d.number AS documentNumber, ' +
      'd.business_date AS businessDate, m.goods_id AS goodsId, l.warehouse_id AS fromWarehouseId, ' +
      'm.warehouse_id AS toWarehouseId, m.lot, sum(m.quantity) AS quantity, sum(m.value) AS value ' +
      'FROM (SELECT DISTINCT goods_id, warehouse_id FROM stock_balances WHERE in_transit = 1 AND quantity <> 0) p ' +
      'JOIN stock_movements m ON m.goods_id = p.goods_id AND m.warehouse_id = p.warehouse_id AND m.in_transit = 1 ' +
      'JOIN document_lines l ON l.id = m.line_id JOIN documents d ON d.id = m.document_id ' +
      'GROUP BY m.line_id, m.lot HAVING sum(m.quantity) <> 0 ORDER BY d.business_date, d.number, l.line_no',
  ).all() as TransitLine[];

  const values = new Map<TransitLine, number>(lines.map((line) => [line, line.value]));
  if (costingScope === 'per_branch') {
    // 统一核算: a transfer carries no value; the line shows its share of the goods' value by quantity,
    // the goods' warehouses taking theirs (value-allocation.ts).
    const goodsIds = JSON.stringify([...new Set(lines.map((line) => line.goodsId))]);
    const onHand = prepared(
      sqlite,
      'SELECT goods_id AS goodsId, sum(quantity) AS quantity, sum(value) AS value FROM stock_balances ' +
        'WHERE goods_id IN (SELECT value FROM json_each(?)) AND in_transit = 0 GROUP BY goods_id, warehouse_id',
    ).all(goodsIds) as { goodsId: number; quantity: number; value: number }[];
    const places: { goodsId: number; quantity: number; value: number; line?: TransitLine }[] = [
      ...onHand,
      ...lines.map((line) => ({ goodsId: line.goodsId, quantity: line.quantity, value: line.value, line })),
    ];
    for (const [place, value] of allocatePerGoods(places)) if (place.line) values.set(place.line, value);
  }

  const matching = goodsMatching(sqlite, input.search);
  const shown = lines.filter(
    (line) =>
      (input.warehouseId === undefined ||
        line.fromWarehouseId === input.warehouseId ||
        line.toWarehouseId === input.warehouseId) &&
      (matching === null || matching.has(line.goodsId)),
  );
  const goods = readGoodsFacts(
    sqlite,
    shown.map((line) => line.goodsId),
  );
  const warehouses = readWarehouses(sqlite);
  let totalValue = 0;
  const rows = shown.map((line) => {
    const facts = goods.get(line.goodsId)!;
    const value = values.get(line)!;
    totalValue += value;
    return {
      documentId: line.documentId,
      documentNumber: line.documentNumber,
      date: line.businessDate,
      lineId: line.lineId,
      goodsId: line.goodsId,
      goodsCode: facts.code,
      goodsName: facts.name,
      goodsSpec: facts.spec,
      fromWarehouseId: line.fromWarehouseId,
      fromWarehouseName: warehouses.get(line.fromWarehouseId)?.name ?? '',
      toWarehouseId: line.toWarehouseId,
      toWarehouseName: warehouses.get(line.toWarehouseId)?.name ?? '',
      lot: line.lot,
      quantity: quantityText(line.quantity, quantityDecimals),
      baseUnit: facts.baseUnit,
      mixedQuantity: mixedQuantity(facts, line.quantity, quantityDecimals),
      value: costFigure(ctx.actor, moneyText(value)),
    };
  });
  return {
    costingScope,
    valueAllocated: costingScope === 'per_branch',
    rows,
    totals: { value: costFigure(ctx.actor, moneyText(totalValue)) },
  };
}

export type InTransitReport = ReturnType<typeof inTransitStock>;
