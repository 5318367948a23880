import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import { documentLines, documents } from '../../db/schema';
import type { DocumentFacts } from '../../domain/documents/document-status';
import { LedgerError } from '../../domain/ledger-error';

export type DocumentRow = typeof documents.$inferSelect;

export function findDocument(db: LedgerDb | LedgerTx, id: number): DocumentRow {
  const row = db.select().from(documents).where(eq(documents.id, id)).get();
  if (!row) throw new LedgerError('NOT_FOUND', '单据不存在。');
  return row;
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
  };
}
