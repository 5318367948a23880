import type { DocumentAction } from '../../../shared/documents/document-status';
import { LedgerError } from '../../../shared/ledger-error';
import type { ServiceContext } from '../context';
import { getAppSettings } from '../settings/app-settings';
import type { DocumentRow } from './document-facts';

/**
 * Separation of duties (issue 11; 用友 and 金蝶 call it 制单人与审核人不能为同一人): with the branch's
 * setting on, nobody approves a document they made. The CLI acts as no user and never matches: whoever
 * runs it can already write the file.
 */
export function approvesOwnDocument(ctx: ServiceContext, doc: DocumentRow): boolean {
  if (ctx.actor.userId === null || doc.createdBy !== ctx.actor.userId) return false;
  return getAppSettings(ctx).forbidSelfApproval;
}

/**
 * An action the document's state allows but this reader may not take, and why: the page shows it disabled
 * with the reason, so a maker who approves other people's documents every day sees why not this one.
 */
export interface WithheldAction {
  action: 'approve';
  reason: 'own_document';
}

/** What of `allowed` (the state's actions) the branch's separation of duties withholds from this reader. */
export function withheldFromReader(
  ctx: ServiceContext,
  doc: DocumentRow,
  allowed: readonly DocumentAction[],
): WithheldAction[] {
  return allowed.includes('approve') && approvesOwnDocument(ctx, doc)
    ? [{ action: 'approve', reason: 'own_document' }]
    : [];
}

export function assertApproverIsNotCreator(ctx: ServiceContext, doc: DocumentRow): void {
  if (!approvesOwnDocument(ctx, doc)) return;
  throw new LedgerError('FORBIDDEN', `单据 ${doc.number} 由您制单，按本机构设置须由他人审核。`, {
    reason: 'own_document',
  });
}
