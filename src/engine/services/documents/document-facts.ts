import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import { documentLines, documents } from '../../db/schema';
import type { DocumentFacts } from '../../../shared/documents/document-status';
import { LedgerError } from '../../../shared/ledger-error';
import { reachesCounterparty } from '../access/customer-scope';
import type { Actor } from '../context';
import { isOrderType } from './order-execution';

export type DocumentRow = typeof documents.$inferSelect;

export function findDocument(db: LedgerDb | LedgerTx, id: number): DocumentRow {
  const row = db.select().from(documents).where(eq(documents.id, id)).get();
  if (!row) throw new LedgerError('NOT_FOUND', '单据不存在。');
  return row;
}

/**
 * A document as the actor may reach it: one whose counterparty lies out of their customer scope does not
 * exist for them (customer-scope.ts) — the same answer to reading it as to acting on it. Documents
 * without a counterparty (transfers, stocktakes) are everyone's.
 */
export function findDocumentInReach(db: LedgerDb | LedgerTx, actor: Actor, id: number): DocumentRow {
  const row = findDocument(db, id);
  if (row.counterpartyId !== null && !reachesCounterparty(db, actor, row.counterpartyId)) {
    throw new LedgerError('NOT_FOUND', '单据不存在。');
  }
  return row;
}

/**
 * A document made from this one (by header, like gains from a stocktake, or line by line, like receipts
 * from an order), not voided: while one exists, this one cannot be unapproved, voided or deleted.
 */
export function downstreamNumber(db: LedgerDb | LedgerTx, id: number): string | null {
  // Two lookups through the source indexes: a document made from this one, or a line made from one of
  // its lines. Asked as one EXISTS over every document, it read the whole table on each 审核.
  const row = db.get<{ number: string }>(
    sql`SELECT number FROM (
      SELECT d.number FROM documents d WHERE d.source_document_id = ${id} AND d.status <> 'voided'
      UNION ALL
      SELECT d.number FROM document_lines o CROSS JOIN document_lines l ON l.source_line_id = o.id
      CROSS JOIN documents d ON d.id = l.document_id WHERE o.document_id = ${id} AND d.status <> 'voided'
    ) LIMIT 1`,
  );
  return row?.number ?? null;
}

/** What the state machine needs to know of a stored document. */
export function documentFacts(db: LedgerDb | LedgerTx, row: DocumentRow): DocumentFacts {
  const confirmed = db
    .select({ n: sql<number>`count(*)` })
    .from(documentLines)
    .where(and(eq(documentLines.documentId, row.id), isNotNull(documentLines.confirmedAt)))
    .get()!.n;
  const reversal = db
    .select({ id: documents.id })
    .from(documents)
    .where(eq(documents.reversalOfId, row.id))
    .get();
  return {
    type: row.type,
    status: row.status,
    number: row.number,
    anyLineConfirmed: confirmed > 0,
    reversed: reversal !== undefined,
    isReversal: row.reversalOfId !== null,
    hasDownstream: isOrderType(row.type) && downstreamNumber(db, row.id) !== null,
  };
}
