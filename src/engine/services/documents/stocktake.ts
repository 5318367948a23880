import { and, eq } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { prepared } from '../../db/prepared';
import { documentLines, documents, goodsUnits } from '../../db/schema';
import { newUid } from '../../db/uid';
import { lineAmount } from '../../../shared/documents/line-amounts';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import { baseUnitRatio } from '../../../shared/numbers/scales';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { recordDocumentEvent } from './document-events';
import type { DocumentRow } from './document-facts';
import { nextDocumentNumber } from './numbering';

/** Book quantity of goods × warehouse × lot at the end of a date: the sum of its movements. */
export function bookQuantity(
  tx: LedgerTx,
  ctx: ServiceContext,
  goodsId: number,
  warehouseId: number,
  lot: string,
  date: string,
): number {
  const row = prepared(
    ctx.db.$client,
    'SELECT coalesce(sum(quantity), 0) AS quantity FROM stock_movements WHERE goods_id = ? AND warehouse_id = ? ' +
      'AND lot = ? AND in_transit = 0 AND posting_date <= ?',
  ).get(goodsId, warehouseId, lot, date) as { quantity: number };
  return row.quantity;
}

/**
 * Approving a stocktake (DOMAIN.md §6.5) compares each count with the book quantity as of the count date
 * and makes a 盘盈入库 for the gains and a 盘亏出库 for the losses, already approved, for the keeper.
 * A gain with a unit price entered on the count line enters at that cost, else at the current cost.
 */
export function approveStocktake(tx: LedgerTx, ctx: ServiceContext, stocktake: DocumentRow): void {
  const profile = getBranchProfile(ctx);
  const lines = tx.select().from(documentLines).where(eq(documentLines.documentId, stocktake.id)).all();
  const gains: (typeof documentLines.$inferInsert)[] = [];
  const losses: (typeof documentLines.$inferInsert)[] = [];
  for (const line of lines) {
    const book = bookQuantity(tx, ctx, line.goodsId, line.warehouseId!, line.lot, stocktake.businessDate);
    tx.update(documentLines).set({ bookBaseQuantity: book }).where(eq(documentLines.id, line.id)).run();
    const difference = line.baseQuantity - book;
    if (difference === 0) continue;
    const baseUnit = tx
      .select()
      .from(goodsUnits)
      .where(and(eq(goodsUnits.goodsId, line.goodsId), eq(goodsUnits.isBase, true)))
      .get()!;
    const quantity = Math.abs(difference);
    const unitPrice = difference > 0 ? mulDivRound(line.unitPrice, baseUnitRatio, line.unitRatio) : 0;
    const amount = lineAmount(quantity, unitPrice, profile.quantityDecimals);
    const target = difference > 0 ? gains : losses;
    target.push({
      documentId: 0,
      lineNo: target.length + 1,
      goodsId: line.goodsId,
      unitName: baseUnit.name,
      unitRatio: baseUnitRatio,
      quantity,
      baseQuantity: quantity,
      unitPrice,
      amount,
      amountWithTax: amount,
      warehouseId: line.warehouseId,
      lot: line.lot,
      expiryDate: line.expiryDate,
      sourceLineId: line.id,
      remark: `账存 ${book}，实存 ${line.baseQuantity}`,
    });
  }
  for (const [type, newLines] of [
    ['stock_gain', gains],
    ['stock_loss', losses],
  ] as const) {
    if (newLines.length === 0) continue;
    const now = ctx.clock.now().toISOString();
    const created = tx
      .insert(documents)
      .values({
        uid: newUid(),
        type,
        number: nextDocumentNumber(ctx.db.$client, type, stocktake.businessDate),
        businessDate: stocktake.businessDate,
        status: 'awaiting_warehouse',
        warehouseId: stocktake.warehouseId,
        remark: `由盘点单 ${stocktake.number} 生成`,
        sourceDocumentId: stocktake.id,
        totalAmount: newLines.reduce((sum, line) => sum + (line.amount ?? 0), 0),
        totalWithTax: newLines.reduce((sum, line) => sum + (line.amount ?? 0), 0),
        createdBy: ctx.actor.userId,
        createdByName: ctx.actor.displayName,
        createdAt: now,
        updatedAt: now,
        approvedAt: now,
        approvedByName: ctx.actor.displayName,
      })
      .returning({ id: documents.id })
      .get();
    for (const line of newLines)
      tx.insert(documentLines)
        .values({ ...line, documentId: created.id })
        .run();
    recordDocumentEvent(tx, ctx, {
      documentId: created.id,
      action: 'approve',
      from: null,
      to: 'awaiting_warehouse',
      note: `由盘点单 ${stocktake.number} 生成`,
    });
  }
}
