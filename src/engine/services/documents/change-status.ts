import { eq } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { documents } from '../../db/schema';
import type { DocumentAction, DocumentStatus } from '../../../shared/documents/document-status';
import type { ServiceContext } from '../context';
import { recordDocumentEvent } from './document-events';
import type { DocumentRow } from './document-facts';

/**
 * Moves a document to a new status and records who did it. A status change posts nothing: completing a
 * document is its own step (complete-document.ts), which this cannot be asked to do.
 */
export function changeStatus(
  tx: LedgerTx,
  ctx: ServiceContext,
  doc: DocumentRow,
  action: DocumentAction,
  to: Exclude<DocumentStatus, 'completed'>,
  note = '',
): void {
  writeStatus(tx, ctx, doc, action, to, note);
}

/** The status write itself, with its event; `completed` only through completeDocument. */
export function writeStatus(
  tx: LedgerTx,
  ctx: ServiceContext,
  doc: DocumentRow,
  action: DocumentAction,
  to: DocumentStatus,
  note: string,
): void {
  const now = ctx.clock.now().toISOString();
  tx.update(documents)
    .set({
      status: to,
      updatedAt: now,
      ...(action === 'approve' ? { approvedAt: now, approvedByName: ctx.actor.displayName } : {}),
      ...(action === 'unapprove' ? { approvedAt: null, approvedByName: null } : {}),
      ...(to === 'completed' ? { completedAt: now } : {}),
    })
    .where(eq(documents.id, doc.id))
    .run();
  recordDocumentEvent(tx, ctx, { documentId: doc.id, action, from: doc.status, to, note });
}
