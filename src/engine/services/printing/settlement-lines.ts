import { and, eq, inArray, isNull, or } from 'drizzle-orm';
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
 * What a 收款单 or 付款单 settled (核销): the documents on the other side of each settlement in force
 * (not reversed), in date order, with their amounts and the part this one paid. The money document's
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
  const purchaseFiguresHidden = own[0]!.side === 'payable' && !ctx.actor.permissions.has('cost.view');
  return rows
    .map((row, index) => ({ row, other: others.get(otherIds[index]!)! }))
    .sort((a, b) => a.other.businessDate.localeCompare(b.other.businessDate) || a.other.id - b.other.id)
    .map(({ row, other }, index) => ({
      cells: {
        lineNo: String(index + 1),
        settledNumber: other.number ?? '期初余额',
        settledType: other.type ? documentTypeRule(other.type as DocumentType).label : '期初',
        settledDate: other.businessDate,
        settledOriginal: purchaseFiguresHidden ? '' : groupedYuan(Math.abs(other.amount)),
        settledAmount: groupedYuan(row.amount),
      },
      settled: row.amount,
    }));
}
