import { documentEvents } from '../../db/schema';
import type { LedgerTx } from '../../db/connection';
import type { DocumentAction, DocumentStatus } from '../../../shared/documents/document-status';
import type { ServiceContext } from '../context';

/** Records a change of state (DOMAIN.md §5: every change, who and when). */
export function recordDocumentEvent(
  tx: LedgerTx,
  ctx: ServiceContext,
  event: {
    documentId: number;
    action: DocumentAction;
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
