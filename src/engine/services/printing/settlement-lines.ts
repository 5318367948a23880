import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { documents, openItems, settlements } from '../../db/schema';
import { documentTypeRule, type DocumentType } from '../../../shared/documents/document-types';
import { groupedYuan } from '../../../shared/numbers/yuan-display';
import type { ServiceContext } from '../context';

/** One settlement of a 收款单 / 付款单, as it prints: what it settled, and how much of it. */
export interface SettlementLine {
  cells: Record<string, string>;
  /** Fen settled by this line. */
  settled: number;
}

/**
 * What a 收款单 or 付款单 settled (核销): the documents on the other side of its settlements in force
 * (not reversed), one line each in date order, with their amounts and the part this one paid. The money document's
 * lines on paper: the customer sees which deliveries the money went to. A document's original amount
 * on the payable side is a purchase figure: withheld from a reader without 成本查看.
 */
export function settlementLines(ctx: ServiceContext, documentId: number): SettlementLine[] {
  const own = ctx.db
    .select({ id: openItems.id, side: openItems.side })
    .from(openItems)
    .where(eq(openItems.documentId, documentId))
    .all();
  if (own.length === 0) return [];
  const ownIds = own.map((item) => item.id);
  const rows = ctx.db
    .select({
      debit: settlements.debitItemId,
      credit: settlements.creditItemId,
      amount: settlements.amount,
      settledOn: settlements.settledOn,
    })
    .from(settlements)
    .where(
      and(
        isNull(settlements.reversedAt),
        or(inArray(settlements.debitItemId, ownIds), inArray(settlements.creditItemId, ownIds)),
      ),
    )
    .all();
  const otherIds = rows.map((row) => (ownIds.includes(row.debit) ? row.credit : row.debit));
  if (otherIds.length === 0) return [];
  const others = new Map(
    ctx.db
      .select({
        id: openItems.id,
        documentId: openItems.documentId,
        amount: openItems.amount,
        businessDate: openItems.businessDate,
        number: documents.number,
        type: documents.type,
      })
      .from(openItems)
      .leftJoin(documents, eq(documents.id, openItems.documentId))
      .where(inArray(openItems.id, otherIds))
      .all()
      .map((item) => [item.id, item]),
  );
  // A document's open items are its lines': one line on paper per document settled, with its whole amount.
  const wholeAmount = new Map(
    ctx.db
      .select({ documentId: openItems.documentId, amount: sql<number>`sum(abs(${openItems.amount}))` })
      .from(openItems)
      .where(
        inArray(
          openItems.documentId,
          [...others.values()].flatMap((item) => (item.documentId === null ? [] : [item.documentId])),
        ),
      )
      .groupBy(openItems.documentId)
      .all()
      .map((row) => [row.documentId, row.amount]),
  );
  const byDocument = new Map<
    string,
    { item: typeof others extends Map<number, infer I> ? I : never; settled: number }
  >();
  rows.forEach((row, index) => {
    const item = others.get(otherIds[index]!)!;
    const key = item.documentId === null ? `item ${item.id}` : `document ${item.documentId}`;
    const entry = byDocument.get(key) ?? { item, settled: 0 };
    entry.settled += row.amount;
    byDocument.set(key, entry);
  });
  const purchaseFiguresHidden = own[0]!.side === 'payable' && !ctx.actor.permissions.has('cost.view');
  return [...byDocument.values()]
    .sort((a, b) => a.item.businessDate.localeCompare(b.item.businessDate) || a.item.id - b.item.id)
    .map(({ item, settled }, index) => ({
      cells: {
        lineNo: String(index + 1),
        settledNumber: item.number ?? '期初余额',
        settledType: item.type ? documentTypeRule(item.type as DocumentType).label : '期初',
        settledDate: item.businessDate,
        settledOriginal: purchaseFiguresHidden
          ? ''
          : groupedYuan(item.documentId === null ? Math.abs(item.amount) : wholeAmount.get(item.documentId)!),
        settledAmount: groupedYuan(settled),
      },
      settled,
    }));
}
