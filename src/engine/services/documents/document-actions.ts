import { eq } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { documentLines, documents } from '../../db/schema';
import { assertActionAllowed, type DocumentAction } from '../../../shared/documents/document-status';
import { documentTypeRule } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import { getBranchProfile, type BranchProfileView } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { changeStatus } from './change-status';
import { completeDocument } from './complete-document';
import { documentFacts, downstreamNumber, findDocumentInReach, type DocumentRow } from './document-facts';
import { postLine, readLineToPost } from './post-lines';
import { approvesOwnDocument, assertApproverIsNotCreator } from './separate-approver';
import { approveStocktake } from './stocktake';
import { assertNotSettlementDocument } from '../contracts/settlement-documents';
import { checkSalesLimits, needsManagerApproval } from './trading-checks';

/** Posts every line of a document no keeper confirms (opening stock, cost adjustment). */
function postWholeDocument(
  tx: LedgerTx,
  ctx: ServiceContext,
  profile: BranchProfileView,
  doc: DocumentRow,
): void {
  const sqlite = ctx.db.$client;
  const now = ctx.clock.now().toISOString();
  const lines = tx
    .select({ id: documentLines.id })
    .from(documentLines)
    .where(eq(documentLines.documentId, doc.id))
    .all();
  for (const { id } of lines) {
    const line = readLineToPost(sqlite, id);
    postLine(sqlite, profile, doc, line, line.base_quantity);
    tx.update(documentLines)
      .set({
        confirmedBaseQuantity: line.base_quantity,
        confirmedAt: now,
        confirmedByName: ctx.actor.displayName,
      })
      .where(eq(documentLines.id, id))
      .run();
  }
}

/** 审核: to the warehouse's queue, or posted at once for documents no keeper confirms. */
function approve(tx: LedgerTx, ctx: ServiceContext, profile: BranchProfileView, doc: DocumentRow): void {
  const rule = documentTypeRule(doc.type);
  if (doc.type === 'stocktake') {
    approveStocktake(tx, ctx, doc);
    completeDocument(tx, ctx, doc, 'approve');
    return;
  }
  // An approved order is open: receipts or deliveries are made from it until it is done or closed.
  if (rule.keeperConfirms || rule.direction === 'order') {
    changeStatus(tx, ctx, doc, 'approve', 'awaiting_warehouse');
    return;
  }
  postWholeDocument(tx, ctx, profile, doc);
  completeDocument(tx, ctx, doc, 'approve');
}

function inTransaction<T>(
  ctx: ServiceContext,
  id: number,
  action: DocumentAction,
  work: (tx: LedgerTx, doc: DocumentRow) => T,
): T {
  return ctx.db.transaction((tx) => {
    const doc = findDocumentInReach(tx, ctx.actor, id);
    assertActionAllowed(documentFacts(tx, doc), action);
    // A settlement's 货补 delivery is undone by 反结算 only: by hand, the contract would still count it paid.
    if (action === 'unapprove' || action === 'void' || action === 'delete')
      assertNotSettlementDocument(ctx.db.$client, doc.id, doc.number);
    return work(tx, doc);
  });
}

/**
 * 提交: to approval, or straight through it when the branch does not approve separately (§2) — unless
 * a sale below the lowest price must wait for someone who may approve it, or the submitter made the
 * document and the branch has its maker approved by someone else (separate-approver.ts). Then it waits
 * as 待审核, the way 用友 and 金蝶 leave a document whose automatic approval their rule forbids: the
 * clerk's work stands and the approver finds it in the list, where a refusal would leave it a draft.
 */
export function submitDocument(ctx: ServiceContext, id: number, acknowledged = false): void {
  const profile = getBranchProfile(ctx);
  inTransaction(ctx, id, 'submit', (tx, doc) => {
    checkSalesLimits(ctx, doc, 'submit', acknowledged);
    changeStatus(tx, ctx, doc, 'submit', 'submitted');
    if (!profile.approvalRequired && !needsManagerApproval(ctx, doc) && !approvesOwnDocument(ctx, doc))
      approve(tx, ctx, profile, { ...doc, status: 'submitted' });
  });
}

export function approveDocument(ctx: ServiceContext, id: number, acknowledged = false): void {
  const profile = getBranchProfile(ctx);
  inTransaction(ctx, id, 'approve', (tx, doc) => {
    assertApproverIsNotCreator(ctx, doc);
    checkSalesLimits(ctx, doc, 'approve', acknowledged);
    approve(tx, ctx, profile, doc);
  });
}

/** 强制结案: what an approved order still has outstanding no longer waits (nor reserves stock). */
export function closeOrder(ctx: ServiceContext, id: number, reason: string): void {
  inTransaction(ctx, id, 'close', (tx, doc) => changeStatus(tx, ctx, doc, 'close', 'closed', reason));
}

/** 反审核: back to an editable draft, as long as the warehouse has not touched it (§5). */
export function unapproveDocument(ctx: ServiceContext, id: number): void {
  inTransaction(ctx, id, 'unapprove', (tx, doc) => {
    assertNothingDownstream(tx, doc, '反审核');
    changeStatus(tx, ctx, doc, 'unapprove', 'draft');
  });
}

function assertNothingDownstream(db: LedgerTx, doc: DocumentRow, what: string): void {
  const downstream = downstreamNumber(db, doc.id);
  if (downstream !== null) {
    throw new LedgerError('CONFLICT', `单据 ${doc.number} 已有下游单据 ${downstream}，不能${what}。`);
  }
}

export function voidDocument(ctx: ServiceContext, id: number, reason: string): void {
  inTransaction(ctx, id, 'void', (tx, doc) => {
    assertNothingDownstream(tx, doc, '作废');
    changeStatus(tx, ctx, doc, 'void', 'voided', reason);
  });
}

/** A draft never posted anything and can go; the audit log keeps that it existed. */
export function deleteDraft(ctx: ServiceContext, id: number): void {
  inTransaction(ctx, id, 'delete', (tx, doc) => {
    assertNothingDownstream(tx, doc, '删除');
    tx.delete(documents).where(eq(documents.id, id)).run();
    recordAudit(tx, ctx, {
      action: 'delete',
      entity: 'document',
      entityKey: doc.number,
      before: { type: doc.type, number: doc.number },
    });
  });
}
