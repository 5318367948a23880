import { inArray } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { documentLines, documents, goodsUnits } from '../../db/schema';
import { newUid } from '../../db/uid';
import { unitPriceOf } from '../../../shared/documents/line-amounts';
import { baseUnitRatio } from '../../../shared/numbers/scales';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import type { OpeningStockLine } from '../import/opening-stock-rows';
import { recordDocumentEvent } from './document-events';
import { nextDocumentNumber } from './numbering';

/**
 * The opening stock sheet becomes one draft 期初库存单 (DOMAIN.md §5): the clerk reviews it on the
 * document page, and approving posts it. Rows for the same warehouse, goods and lot become one line;
 * each line's value is the sheet's value exactly (value is authoritative, §3), its unit price the
 * sheet's unit cost.
 */
export function createOpeningStockDraft(
  tx: LedgerTx,
  ctx: ServiceContext,
  rows: readonly OpeningStockLine[],
  fileName: string,
): { id: number; number: string } {
  const merged = new Map<string, OpeningStockLine>();
  for (const row of rows) {
    const key = `${row.warehouseId}\u0001${row.goodsId}\u0001${row.lot}`;
    const earlier = merged.get(key);
    merged.set(
      key,
      earlier
        ? {
            ...earlier,
            baseQuantity: earlier.baseQuantity + row.baseQuantity,
            value: earlier.value + row.value,
          }
        : row,
    );
  }
  const ratios = new Map(
    tx
      .select()
      .from(goodsUnits)
      .where(inArray(goodsUnits.goodsId, [...new Set(rows.map((row) => row.goodsId))]))
      .all()
      .map((unit) => [`${unit.goodsId}\u0001${unit.name}`, unit]),
  );
  const baseUnits = new Map(
    [...ratios.values()].filter((unit) => unit.isBase).map((unit) => [unit.goodsId, unit.name]),
  );
  const today = ctx.clock.today();
  const { quantityDecimals } = getBranchProfile(ctx);
  const now = ctx.clock.now().toISOString();
  const total = [...merged.values()].reduce((sum, line) => sum + line.value, 0);
  const created = tx
    .insert(documents)
    .values({
      uid: newUid(),
      type: 'opening_stock',
      number: nextDocumentNumber(ctx.db.$client, 'opening_stock', today),
      businessDate: today,
      status: 'draft',
      remark: `由 ${fileName} 导入`,
      totalAmount: total,
      totalWithTax: total,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: documents.id, number: documents.number })
    .get();
  let lineNo = 0;
  for (const line of merged.values()) {
    const unit = ratios.get(`${line.goodsId}\u0001${line.unitName}`)!;
    // The counted unit when the quantity is whole in it; else the base unit, so nothing is rounded.
    const exact = (line.baseQuantity * baseUnitRatio) % unit.ratio === 0;
    const quantity = exact ? (line.baseQuantity * baseUnitRatio) / unit.ratio : line.baseQuantity;
    tx.insert(documentLines)
      .values({
        documentId: created.id,
        lineNo: ++lineNo,
        goodsId: line.goodsId,
        unitName: exact ? unit.name : baseUnits.get(line.goodsId)!,
        unitRatio: exact ? unit.ratio : baseUnitRatio,
        quantity,
        baseQuantity: line.baseQuantity,
        // The value is the sheet's exactly; the price shown is derived from it, in whichever unit.
        unitPrice: exact ? line.unitCost : unitPriceOf(line.value, line.baseQuantity, quantityDecimals),
        amount: line.value,
        amountWithTax: line.value,
        warehouseId: line.warehouseId,
        lot: line.lot,
        productionDate: line.productionDate,
      })
      .run();
  }
  recordDocumentEvent(tx, ctx, {
    documentId: created.id,
    action: 'create',
    from: null,
    to: 'draft',
    note: `由 ${fileName} 导入`,
  });
  return created;
}
