import { prepared } from '../../db/prepared';
import {
  documentTypeRule,
  type DocumentType,
  type MovementKind,
} from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { costFigures } from '../access/cost-figures';
import { movementKindLabels, movementSides } from './movement-kinds';
import { addDays } from '../../domain/calendar/calendar';
import { moneyText, quantityText, unitCostText } from './report-figures';
import { mixedQuantity, readWarehouses, requireGoods, requireWarehouse } from './report-lookups';
import { inTransitAsOf, onHandAsOf } from './stock-position';
import { allocateByQuantity } from './value-allocation';

export interface StockCardInput {
  goodsId: number;
  /** One warehouse, or every warehouse together. */
  warehouseId?: number | undefined;
  from: string;
  to: string;
}

interface CardMovement {
  id: number;
  postingDate: string;
  warehouseId: number;
  lot: string;
  inTransit: number;
  kind: MovementKind;
  quantity: number;
  value: number;
  documentId: number;
  documentNumber: string;
  documentType: DocumentType;
  reversal: number;
}

/**
 * The goods' stock as the card walks through it: quantity per warehouse and in transit, and value —
 * per place under 分仓核算, for the goods as a whole under 统一核算 (value-allocation.ts).
 */
class CardState {
  readonly warehouses = new Map<number, { quantity: number; value: number }>();
  inTransit = { quantity: 0, value: 0 };

  constructor(
    private readonly perBranch: boolean,
    private readonly inPlace: (warehouseId: number) => boolean,
  ) {}

  apply(movement: { warehouseId: number; inTransit: number; quantity: number; value: number }): void {
    const place = movement.inTransit
      ? this.inTransit
      : (this.warehouses.get(movement.warehouseId) ?? { quantity: 0, value: 0 });
    place.quantity += movement.quantity;
    place.value += movement.value;
    if (!movement.inTransit) this.warehouses.set(movement.warehouseId, place);
  }

  /** On hand (not in transit) in the card's place, and its value. */
  placeBalance(): { quantity: number; value: number } {
    const entries = [...this.warehouses.entries()];
    const values = this.perBranch
      ? allocateByQuantity([...entries.map(([, place]) => place), this.inTransit])
      : entries.map(([, place]) => place.value);
    let quantity = 0;
    let value = 0;
    entries.forEach(([warehouseId, place], index) => {
      if (!this.inPlace(warehouseId)) return;
      quantity += place.quantity;
      value += values[index]!;
    });
    return { quantity, value };
  }
}

/**
 * 商品明细账: one goods' movements over a period, in one warehouse or all of them (not in transit), each
 * with its document and the balance after it, between the opening and the closing balance. Inflow and
 * outflow columns follow the kind, so a red-letter reversal shows as a negative figure in its original
 * column (movement-kinds.ts).
 */
export function stockCard(ctx: ServiceContext, input: StockCardInput) {
  if (input.from > input.to) {
    throw new LedgerError('VALIDATION', `开始日期 ${input.from} 晚于结束日期 ${input.to}。`);
  }
  const sqlite = ctx.db.$client;
  const { costingScope, quantityDecimals } = getBranchProfile(ctx);
  const perBranch = costingScope === 'per_branch';
  const goods = requireGoods(sqlite, input.goodsId);
  const warehouse = input.warehouseId === undefined ? null : requireWarehouse(sqlite, input.warehouseId);
  const warehouses = readWarehouses(sqlite);
  const dayBefore = addDays(input.from, -1);

  const state = new CardState(perBranch, (id) => warehouse === null || id === warehouse.id);
  for (const position of onHandAsOf(sqlite, dayBefore, goods.id).values()) {
    state.warehouses.set(position.warehouseId, { quantity: position.quantity, value: position.value });
  }
  // Under 统一核算 the goods' value covers its stock in transit, which takes its share (§6.3).
  if (perBranch) {
    const transit = inTransitAsOf(sqlite, dayBefore, goods.id).get(goods.id);
    if (transit) state.inTransit = { ...transit };
  }

  const balance = (figures: { quantity: number; value: number }) =>
    costFigures(
      ctx.actor,
      {
        quantity: quantityText(figures.quantity, quantityDecimals),
        mixedQuantity: mixedQuantity(goods, figures.quantity, quantityDecimals),
        value: moneyText(figures.value),
        unitCost: unitCostText(figures.value, figures.quantity, quantityDecimals),
      },
      ['value', 'unitCost'],
    );
  const opening = balance(state.placeBalance());

  // Under 分仓核算 only the place's own movements matter; under 统一核算 every movement of the goods
  // moves its value, in transit included.
  const place = perBranch
    ? { condition: '', parameters: [] }
    : warehouse === null
      ? { condition: ' AND m.in_transit = 0', parameters: [] }
      : { condition: ' AND m.in_transit = 0 AND m.warehouse_id = ?', parameters: [warehouse.id] };
  const movements = prepared(
    sqlite,
    'SELECT m.id, m.posting_date AS postingDate, m.warehouse_id AS warehouseId, m.lot, m.in_transit AS inTransit, ' +
      'm.kind, m.quantity, m.value, m.document_id AS documentId, d.number AS documentNumber, ' +
      'd.type AS documentType, d.reversal_of_id IS NOT NULL AS reversal FROM stock_movements m ' +
      `JOIN documents d ON d.id = m.document_id WHERE m.goods_id = ? AND m.posting_date BETWEEN ? AND ?${place.condition} ` +
      'ORDER BY m.posting_date, m.id',
  ).all(goods.id, input.from, input.to, ...place.parameters) as CardMovement[];

  let inTotal = 0;
  let outTotal = 0;
  const rows = movements.flatMap((movement) => {
    state.apply(movement);
    if (movement.inTransit || (warehouse !== null && movement.warehouseId !== warehouse.id)) return [];
    const side = movementSides[movement.kind];
    const inQuantity = side === 'in' ? movement.quantity : null;
    const outQuantity = side === 'out' ? -movement.quantity : null;
    inTotal += inQuantity ?? 0;
    outTotal += outQuantity ?? 0;
    const after = state.placeBalance();
    return [
      costFigures(
        ctx.actor,
        {
          movementId: movement.id,
          date: movement.postingDate,
          documentId: movement.documentId,
          documentNumber: movement.documentNumber,
          documentType: movement.documentType,
          documentTypeLabel: documentTypeRule(movement.documentType).label,
          /** A red-letter reversal (红字冲销): its figures are the negative of the original's. */
          reversal: movement.reversal === 1,
          kind: movement.kind,
          kindLabel: movementKindLabels[movement.kind],
          warehouseId: movement.warehouseId,
          warehouseName: warehouses.get(movement.warehouseId)?.name ?? '',
          lot: movement.lot,
          inQuantity: inQuantity === null ? null : quantityText(inQuantity, quantityDecimals),
          outQuantity: outQuantity === null ? null : quantityText(outQuantity, quantityDecimals),
          /** The movement's own value as booked, signed (under 统一核算 a transfer carries none). */
          value: moneyText(movement.value),
          runningQuantity: quantityText(after.quantity, quantityDecimals),
          runningValue: moneyText(after.value),
          runningUnitCost: unitCostText(after.value, after.quantity, quantityDecimals),
        },
        ['value', 'runningValue', 'runningUnitCost'],
      ),
    ];
  });
  return {
    goods: { id: goods.id, code: goods.code, name: goods.name, spec: goods.spec, baseUnit: goods.baseUnit },
    warehouse,
    from: input.from,
    to: input.to,
    costingScope,
    /** True under 统一核算: balances are the place's share of the goods' value (value-allocation.ts). */
    valueAllocated: perBranch,
    opening,
    rows,
    closing: balance(state.placeBalance()),
    totals: {
      inQuantity: quantityText(inTotal, quantityDecimals),
      outQuantity: quantityText(outTotal, quantityDecimals),
    },
  };
}

export type StockCardReport = ReturnType<typeof stockCard>;
