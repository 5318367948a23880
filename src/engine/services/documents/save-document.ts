import { eq } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { documentLines, documents } from '../../db/schema';
import { newUid } from '../../db/uid';
import { assertActionAllowed } from '../../../shared/documents/document-status';
import { documentTypeRule } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { getBranchProfile } from '../branch/branch-profile';
import { reachesCounterparty } from '../access/customer-scope';
import type { ServiceContext } from '../context';
import { assertUnchangedSince } from '../records/edit-version';
import { lastDocumentChange, recordDocumentEvent } from './document-events';
import { documentFacts, findDocumentInReach } from './document-facts';
import { assertHeaderReferences } from './header-references';
import { nextDocumentNumber } from './numbering';
import { prepareLines, type DocumentDraft, type PreparedLine } from './prepare-lines';
import { assertSourceLines } from './source-lines';
import { assertNotTypedByHand } from '../contracts/settlement-documents';

function insertLines(tx: LedgerTx, documentId: number, lines: PreparedLine[]): void {
  for (const line of lines)
    tx.insert(documentLines)
      .values({ ...line, documentId })
      .run();
}

function totals(lines: PreparedLine[]) {
  return {
    totalAmount: lines.reduce((sum, line) => sum + line.amount, 0),
    totalTax: lines.reduce((sum, line) => sum + line.taxAmount, 0),
    totalWithTax: lines.reduce((sum, line) => sum + line.amountWithTax, 0),
  };
}

/**
 * A customer out of the clerk's customer scope is, to them, one that does not exist: the same answer
 * header-references.ts gives for an id that names nothing.
 */
function assertCounterpartyInReach(tx: LedgerTx, ctx: ServiceContext, counterpartyId: number | null): void {
  if (counterpartyId === null || reachesCounterparty(tx, ctx.actor, counterpartyId)) return;
  throw new LedgerError('VALIDATION', `往来单位（编号 ${counterpartyId}）不存在。`, {
    field: 'counterpartyId',
  });
}

/**
 * Saves a draft: a new document draws its number now (DOMAIN.md §5); an existing one must still be a
 * draft and keeps its number and type. Lines are replaced as a whole, in one transaction.
 */
export function saveDocument(
  ctx: ServiceContext,
  input: DocumentDraft,
  id: number | null,
  openedVersion?: number,
): { id: number; number: string; version: number } {
  const profile = getBranchProfile(ctx);
  assertNotTypedByHand(input.type);
  return ctx.db.transaction((tx) => {
    const lines = prepareLines(tx, profile, input);
    assertHeaderReferences(tx, input);
    assertCounterpartyInReach(tx, ctx, input.counterpartyId);
    assertSourceLines(ctx.db.$client, input, lines, id);
    const now = ctx.clock.now().toISOString();
    const header = {
      businessDate: input.businessDate,
      counterpartyId: input.counterpartyId,
      officeId: input.officeId,
      handlerId: input.handlerId,
      warehouseId: input.warehouseId,
      toWarehouseId: input.toWarehouseId,
      remark: input.remark,
      sourceDocumentId: input.sourceDocumentId,
      ...(lines.length > 0 || input.amount === null
        ? totals(lines)
        : { totalAmount: input.amount, totalTax: 0, totalWithTax: input.amount }),
      updatedAt: now,
    };
    if (id === null) {
      const number = nextDocumentNumber(ctx.db.$client, input.type, input.businessDate);
      const created = tx
        .insert(documents)
        .values({
          ...header,
          uid: newUid(),
          type: input.type,
          number,
          status: 'draft',
          createdBy: ctx.actor.userId,
          createdByName: ctx.actor.displayName,
          createdAt: now,
        })
        .returning({ id: documents.id })
        .get();
      insertLines(tx, created.id, lines);
      recordDocumentEvent(tx, ctx, { documentId: created.id, action: 'create', from: null, to: 'draft' });
      return { id: created.id, number, version: 1 };
    }
    const existing = findDocumentInReach(tx, ctx.actor, id);
    assertUnchangedSince(
      ctx,
      { label: `${documentTypeRule(existing.type).label} ${existing.number} `, version: existing.version },
      openedVersion,
      () => lastDocumentChange(tx, id),
    );
    if (existing.type !== input.type) throw new LedgerError('VALIDATION', '不能修改单据类型。');
    assertActionAllowed(documentFacts(tx, existing), 'edit');
    const version = existing.version + 1;
    tx.update(documents)
      .set({ ...header, version })
      .where(eq(documents.id, id))
      .run();
    tx.delete(documentLines).where(eq(documentLines.documentId, id)).run();
    insertLines(tx, id, lines);
    recordDocumentEvent(tx, ctx, { documentId: id, action: 'edit', from: 'draft', to: 'draft' });
    return { id, number: existing.number, version };
  });
}
