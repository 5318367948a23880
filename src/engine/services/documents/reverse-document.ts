import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { prepared } from '../../db/prepared';
import { documentLines, documents } from '../../db/schema';
import { newUid } from '../../db/uid';
import { assertActionAllowed } from '../../../shared/documents/document-status';
import { LedgerError } from '../../../shared/ledger-error';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { completeDocument } from './complete-document';
import { recordDocumentEvent } from './document-events';
import { documentFacts, findDocumentInReach } from './document-facts';
import { nextDocumentNumber } from './numbering';
import { postReversal } from './post-lines';
import { assertNothingSettled } from '../money/open-items';
import { assertNotSettlementDocument } from '../contracts/settlement-documents';

/**
 * A document that others were made from — a receipt or delivery with a return — is reversed only after
 * them (金蝶's rule, as for settlements): reversing it first would return what was already returned.
 */
function assertNothingMadeFrom(sqlite: Database.Database, id: number, number: string): void {
  const downstream = prepared(
    sqlite,
    'SELECT DISTINCT d.number FROM document_lines l JOIN documents d ON d.id = l.document_id ' +
      'WHERE l.source_line_id IN (SELECT id FROM document_lines WHERE document_id = ?) ' +
      "AND d.id <> ? AND d.status <> 'voided' AND d.reversal_of_id IS NULL " +
      'AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.reversal_of_id = d.id) ORDER BY d.id LIMIT 5',
  ).all(id, id) as { number: string }[];
  if (downstream.length > 0) {
    const numbers = downstream.map((row) => row.number).join('、');
    throw new LedgerError(
      'CONFLICT',
      `${number} 已有由它生成的单据 ${numbers}，请先将其红字冲销或删除，再冲销 ${number}。`,
      { downstream: downstream.map((row) => row.number) },
    );
  }
}

/**
 * 红字冲销 (DOMAIN.md §5): a completed document is never edited or deleted; a linked document of the
 * same type with every quantity and amount negated cancels its effects, dated in an open period.
 */
export function reverseDocument(
  ctx: ServiceContext,
  id: number,
  businessDate: string,
  reason: string,
): { id: number; number: string } {
  const profile = getBranchProfile(ctx);
  const sqlite = ctx.db.$client;
  return ctx.db.transaction((tx) => {
    const original = findDocumentInReach(tx, ctx.actor, id);
    assertActionAllowed(documentFacts(tx, original), 'reverse');
    assertNothingSettled(sqlite, original.id, original.number);
    assertNotSettlementDocument(sqlite, original.id, original.number);
    assertNothingMadeFrom(sqlite, original.id, original.number);
    if (businessDate < original.businessDate) {
      throw new LedgerError('VALIDATION', `红字冲销的日期不能早于原单日期 ${original.businessDate}。`);
    }
    const now = ctx.clock.now().toISOString();
    const number = nextDocumentNumber(sqlite, original.type, businessDate);
    const created = tx
      .insert(documents)
      .values({
        uid: newUid(),
        type: original.type,
        number,
        businessDate,
        status: 'awaiting_warehouse',
        counterpartyId: original.counterpartyId,
        officeId: original.officeId,
        handlerId: original.handlerId,
        warehouseId: original.warehouseId,
        toWarehouseId: original.toWarehouseId,
        remark: `红字冲销 ${original.number}${reason ? `：${reason}` : ''}`,
        sourceDocumentId: original.id,
        reversalOfId: original.id,
        totalAmount: -original.totalAmount,
        totalTax: -original.totalTax,
        totalWithTax: -original.totalWithTax,
        createdBy: ctx.actor.userId,
        createdByName: ctx.actor.displayName,
        createdAt: now,
        updatedAt: now,
        approvedAt: now,
        approvedByName: ctx.actor.displayName,
      })
      .returning()
      .get();
    recordDocumentEvent(tx, ctx, {
      documentId: created.id,
      action: 'reverse',
      from: null,
      to: 'awaiting_warehouse',
      note: reason,
    });
    const lineMap = new Map<number, number>();
    for (const line of tx.select().from(documentLines).where(eq(documentLines.documentId, id)).all()) {
      const { id: lineId, documentId: _documentId, ...rest } = line;
      const confirmed = line.confirmedBaseQuantity ?? line.baseQuantity;
      const copy = tx
        .insert(documentLines)
        .values({
          ...rest,
          documentId: created.id,
          quantity: -line.quantity,
          baseQuantity: -line.baseQuantity,
          amount: -line.amount,
          taxAmount: -line.taxAmount,
          amountWithTax: -line.amountWithTax,
          discountAmount: -line.discountAmount,
          sourceLineId: lineId,
          confirmedBaseQuantity: -confirmed,
          confirmedAt: now,
          confirmedByName: ctx.actor.displayName,
          receivedAt: line.receivedAt ? now : null,
          receivedByName: line.receivedAt ? ctx.actor.displayName : null,
        })
        .returning({ id: documentLines.id })
        .get();
      lineMap.set(lineId, copy.id);
    }
    postReversal(sqlite, profile, original, { id: created.id, type: created.type, businessDate }, lineMap);
    completeDocument(tx, ctx, created, 'reverse');
    recordDocumentEvent(tx, ctx, {
      documentId: id,
      action: 'reverse',
      from: 'completed',
      to: 'completed',
      note: `已被 ${number} 冲销`,
    });
    return { id: created.id, number };
  });
}
