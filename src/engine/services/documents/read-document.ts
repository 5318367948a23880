import { asc, eq } from 'drizzle-orm';
import {
  counterparties,
  documentEvents,
  documentLines,
  documents,
  goods,
  goodsUnits,
  warehouses,
} from '../../db/schema';
import { allowedActions, documentStatusLabels } from '../../../shared/documents/document-status';
import { documentTypeRule } from '../../../shared/documents/document-types';
import { formatMixedQuantity } from '../../domain/master-data/mixed-units';
import { chineseCapitalAmount } from '../../../shared/numbers/chinese-amount';
import { formatScaled } from '../../../shared/numbers/decimal';
import { fenScale, priceScale, taxRateScale } from '../../../shared/numbers/scales';
import { findBranchRow } from '../branch/branch-profile';
import { costFigures, pricedAtCost } from '../access/cost-figures';
import type { ServiceContext } from '../context';
import { documentFacts, findDocumentInReach } from './document-facts';
import { withheldFromReader } from './separate-approver';
import {
  executionState,
  executionStateLabels,
  isOrderType,
  orderLineProgress,
  outstanding,
} from './order-execution';

const money = (fen: number) => formatScaled(fen, fenScale, 2);

/** A line's prices and amounts; on a document priced at cost they are what the goods cost. */
const linePrices = [
  'unitPrice',
  'unitPriceWithTax',
  'discountAmount',
  'amount',
  'taxAmount',
  'amountWithTax',
] as const;
const documentTotals = ['totalAmount', 'totalTax', 'totalWithTax', 'totalInCapitals'] as const;

/**
 * A document as its page shows it: figures as decimal text, names resolved, the actions its state
 * allows this reader, and those it withholds from them with the reason (the maker's 审核 when the branch
 * has the maker approved by someone else). A role without cost.view may open a purchase (it reads what
 * was bought and when) but not its prices (cost-figures.ts).
 */
export function readDocument(ctx: ServiceContext, id: number) {
  const { db, actor } = ctx;
  const doc = findDocumentInReach(db, actor, id);
  const atCost = pricedAtCost(doc.type);
  const prices = <Shape extends object, Key extends keyof Shape>(record: Shape, keys: readonly Key[]) =>
    costFigures(actor, record, atCost ? keys : []);
  const quantityDecimals = findBranchRow(db)?.quantityDecimals ?? 2;
  const facts = documentFacts(db, doc);
  const withheld = withheldFromReader(ctx, doc, allowedActions(facts));
  const warehouseNames = new Map(
    db
      .select({ id: warehouses.id, name: warehouses.name })
      .from(warehouses)
      .all()
      .map((w) => [w.id, w.name]),
  );
  const rows = db
    .select({
      line: documentLines,
      goodsCode: goods.code,
      goodsName: goods.name,
      goodsSpec: goods.spec,
      lotTracked: goods.lotTracked,
    })
    .from(documentLines)
    .innerJoin(goods, eq(goods.id, documentLines.goodsId))
    .where(eq(documentLines.documentId, id))
    .orderBy(asc(documentLines.lineNo))
    .all();
  const unitsByGoods = new Map<number, { name: string; ratio: number }[]>();
  for (const { line } of rows) {
    if (!unitsByGoods.has(line.goodsId)) {
      unitsByGoods.set(
        line.goodsId,
        db
          .select({ name: goodsUnits.name, ratio: goodsUnits.ratio })
          .from(goodsUnits)
          .where(eq(goodsUnits.goodsId, line.goodsId))
          .all(),
      );
    }
  }
  const counterparty = doc.counterpartyId
    ? db
        .select({ name: counterparties.name })
        .from(counterparties)
        .where(eq(counterparties.id, doc.counterpartyId))
        .get()
    : undefined;
  const progress = isOrderType(doc.type)
    ? orderLineProgress(db.$client, doc.type, { documentId: doc.id })
    : null;
  const progressOf = new Map(progress?.map((line) => [line.lineId, line]));
  const mixed = (goodsId: number, quantity: number) =>
    formatMixedQuantity(quantity, unitsByGoods.get(goodsId)!, quantityDecimals);
  const reversal = db
    .select({ id: documents.id, number: documents.number })
    .from(documents)
    .where(eq(documents.reversalOfId, id))
    .get();
  const reversalOf = doc.reversalOfId
    ? db
        .select({ id: documents.id, number: documents.number })
        .from(documents)
        .where(eq(documents.id, doc.reversalOfId))
        .get()
    : undefined;
  return prices(
    {
      id: doc.id,
      uid: doc.uid,
      /** Sent back with a save of the draft, which is refused if someone changed it since (edit-version.ts). */
      version: doc.version,
      type: doc.type,
      typeLabel: documentTypeRule(doc.type).label,
      number: doc.number,
      businessDate: doc.businessDate,
      status: doc.status,
      statusLabel: documentStatusLabels[doc.status],
      counterpartyId: doc.counterpartyId,
      counterpartyName: counterparty?.name ?? null,
      officeId: doc.officeId,
      handlerId: doc.handlerId,
      warehouseId: doc.warehouseId,
      toWarehouseId: doc.toWarehouseId,
      remark: doc.remark,
      sourceDocumentId: doc.sourceDocumentId,
      reversalOf: reversalOf ?? null,
      reversedBy: reversal ?? null,
      totalAmount: money(doc.totalAmount),
      totalTax: money(doc.totalTax),
      totalWithTax: money(doc.totalWithTax),
      totalInCapitals: chineseCapitalAmount(doc.totalWithTax),
      createdByName: doc.createdByName,
      createdAt: doc.createdAt,
      approvedByName: doc.approvedByName,
      approvedAt: doc.approvedAt,
      completedAt: doc.completedAt,
      actions: allowedActions(facts).filter((action) => !withheld.some((held) => held.action === action)),
      withheldActions: withheld,
      /** An order's 执行状态; null for other documents. */
      execution: progress === null ? null : executionState(doc.status, progress),
      executionLabel: progress === null ? null : executionStateLabels[executionState(doc.status, progress)],
      lines: rows.map(({ line, goodsCode, goodsName, goodsSpec, lotTracked }) =>
        prices(
          {
            id: line.id,
            lineNo: line.lineNo,
            goodsId: line.goodsId,
            goodsCode,
            goodsName,
            goodsSpec,
            lotTracked,
            unitName: line.unitName,
            quantity: formatScaled(line.quantity, quantityDecimals),
            baseQuantity: formatScaled(line.baseQuantity, quantityDecimals),
            mixedQuantity: formatMixedQuantity(
              line.baseQuantity,
              unitsByGoods.get(line.goodsId)!,
              quantityDecimals,
            ),
            bookQuantity:
              line.bookBaseQuantity === null
                ? null
                : formatMixedQuantity(
                    line.bookBaseQuantity,
                    unitsByGoods.get(line.goodsId)!,
                    quantityDecimals,
                  ),
            /** A stocktake line: counted less book (盘盈 above zero, 盘亏 below), once approved. */
            differenceQuantity:
              line.bookBaseQuantity === null
                ? null
                : formatMixedQuantity(
                    line.baseQuantity - line.bookBaseQuantity,
                    unitsByGoods.get(line.goodsId)!,
                    quantityDecimals,
                  ),
            unitPrice: formatScaled(line.unitPrice, priceScale),
            unitPriceWithTax: formatScaled(line.unitPriceWithTax, priceScale),
            priceIncludesTax: line.priceIncludesTax,
            discountRate: formatScaled(line.discountRate, taxRateScale),
            discountAmount: money(line.discountAmount),
            taxRate: formatScaled(line.taxRate, taxRateScale),
            amount: money(line.amount),
            taxAmount: money(line.taxAmount),
            amountWithTax: money(line.amountWithTax),
            warehouseId: line.warehouseId,
            warehouseName: line.warehouseId ? (warehouseNames.get(line.warehouseId) ?? '') : '',
            toWarehouseId: line.toWarehouseId,
            toWarehouseName: line.toWarehouseId ? (warehouseNames.get(line.toWarehouseId) ?? '') : '',
            lot: line.lot,
            productionDate: line.productionDate,
            expiryDate: line.expiryDate,
            isGift: line.isGift,
            remark: line.remark,
            sourceLineId: line.sourceLineId,
            /** An order line: received / delivered so far (drafts included) and what is left. */
            executedQuantity: progressOf.has(line.id)
              ? mixed(line.goodsId, progressOf.get(line.id)!.executed)
              : null,
            outstandingQuantity:
              progressOf.has(line.id) && doc.status !== 'closed'
                ? mixed(line.goodsId, outstanding(progressOf.get(line.id)!))
                : null,
            confirmedQuantity:
              line.confirmedBaseQuantity === null
                ? null
                : formatMixedQuantity(
                    line.confirmedBaseQuantity,
                    unitsByGoods.get(line.goodsId)!,
                    quantityDecimals,
                  ),
            confirmedAt: line.confirmedAt,
            confirmedByName: line.confirmedByName,
            receivedAt: line.receivedAt,
            receivedByName: line.receivedByName,
          },
          linePrices,
        ),
      ),
      events: db
        .select()
        .from(documentEvents)
        .where(eq(documentEvents.documentId, id))
        .orderBy(asc(documentEvents.id))
        .all(),
    },
    documentTotals,
  );
}
export type DocumentView = ReturnType<typeof readDocument>;
