import { sql } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { branchProfile } from '../../db/schema';
import type { DocumentAction } from '../../../shared/documents/document-status';
import { getBranchProfile } from '../branch/branch-profile';
import { recordChange } from '../change-log/record-change';
import type { ServiceContext } from '../context';
import { postOpenItems } from '../money/open-items';
import { writeStatus } from './change-status';
import { findDocument, type DocumentRow } from './document-facts';

/**
 * 已完成 (DOMAIN.md §5): the one step that completes a document, called by approval (documents no keeper
 * confirms, stocktakes), the keeper's last confirmation and a red-letter reversal, once its stock
 * movements are posted. It posts the receivables and payables (independent accounting only, §7),
 * records the document for head office (UPLOAD.md's change log) and fixes the profile fields that must
 * not change after the branch's first posting (§2) — in the caller's transaction.
 */
export function completeDocument(
  tx: LedgerTx,
  ctx: ServiceContext,
  doc: DocumentRow,
  action: Extract<DocumentAction, 'approve' | 'confirm' | 'reverse'>,
  note = '',
): void {
  writeStatus(tx, ctx, doc, action, 'completed', note);
  const stored = findDocument(tx, doc.id);
  if (getBranchProfile(ctx).accountingMode === 'independent') {
    postOpenItems(ctx.db.$client, stored, { at: ctx.clock.now().toISOString(), by: ctx.actor.displayName });
  }
  recordChange(tx, ctx, {
    entity: 'document',
    entityUid: stored.uid,
    operation: 'insert',
    payload: {
      type: stored.type,
      number: stored.number,
      businessDate: stored.businessDate,
      reversalOf: stored.reversalOfId,
    },
  });
  tx.update(branchProfile)
    .set({ firstPostedAt: sql`coalesce(${branchProfile.firstPostedAt}, ${ctx.clock.now().toISOString()})` })
    .run();
}
