import { and, desc, eq, ne } from 'drizzle-orm';
import { documentEvents } from '../../db/schema';
import type { LedgerTx } from '../../db/connection';
import type { DocumentEventAction, DocumentStatus } from '../../../shared/documents/document-status';
import type { ServiceContext } from '../context';
import type { LastChange } from '../records/edit-version';

/** Records a change of state (DOMAIN.md §5: every change, who and when). */
export function recordDocumentEvent(
  tx: LedgerTx,
  ctx: ServiceContext,
  event: {
    documentId: number;
    action: DocumentEventAction;
    from: DocumentStatus | null;
    to: DocumentStatus;
    note?: string;
  },
): void {
  tx.insert(documentEvents)
    .values({
      documentId: event.documentId,
      action: event.action,
      fromStatus: event.from,
      toStatus: event.to,
      actorName: ctx.actor.displayName,
      at: ctx.clock.now().toISOString(),
      note: event.note ?? '',
    })
    .run();
}

/** The latest change of a document: who made it, and when (edit-version.ts); a print changes nothing. */
export function lastDocumentChange(tx: LedgerTx, documentId: number): LastChange | null {
  return (
    tx
      .select({ by: documentEvents.actorName, at: documentEvents.at })
      .from(documentEvents)
      .where(and(eq(documentEvents.documentId, documentId), ne(documentEvents.action, 'print')))
      .orderBy(desc(documentEvents.id))
      .limit(1)
      .get() ?? null
  );
}
