import { and, eq, isNull } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { prepared } from '../../db/prepared';
import { documentLines, warehouseKeepers, warehouses } from '../../db/schema';
import { assertActionAllowed } from '../../../shared/documents/document-status';
import { documentTypeRule } from '../../../shared/documents/document-types';
import { baseQuantityOf } from '../../../shared/documents/line-amounts';
import { LedgerError } from '../../../shared/ledger-error';
import { requireDecimalInput } from '../../../shared/numbers/decimal-input';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { changeStatus } from './change-status';
import { completeDocument } from './complete-document';
import { documentFacts, findDocumentInReach } from './document-facts';
import { postLine, readLineToPost } from './post-lines';

export interface ConfirmedLine {
  lineId: number;
  /** The actual quantity in the line's unit; the planned quantity when omitted. */
  quantity?: string | undefined;
  /** For lot goods: the lot actually picked or received. */
  lot?: string | undefined;
}

/**
 * Only the keepers of a warehouse confirm for it (DOMAIN.md §5); a role whose warehouse scope is every
 * warehouse (the administrator's, or one made to stand in for keepers) may confirm for any.
 */
export function assertKeeps(tx: LedgerTx, ctx: ServiceContext, warehouseId: number): void {
  if (ctx.actor.warehouseScope === 'all') return;
  const keeps =
    ctx.actor.userId !== null &&
    tx
      .select()
      .from(warehouseKeepers)
      .where(
        and(eq(warehouseKeepers.warehouseId, warehouseId), eq(warehouseKeepers.userId, ctx.actor.userId)),
      )
      .get() !== undefined;
  if (!keeps) {
    const name = tx
      .select({ name: warehouses.name })
      .from(warehouses)
      .where(eq(warehouses.id, warehouseId))
      .get()?.name;
    throw new LedgerError('FORBIDDEN', `您不是【${name ?? warehouseId}】的仓管员，不能确认该仓库的出入库。`);
  }
}

/**
 * 仓库确认: the keeper of one warehouse confirms their lines of a document with the quantities and lots
 * that actually moved; stock moves here and only here (DOMAIN.md §5). A transfer is confirmed twice:
 * shipped by the source's keeper, received by the destination's. The document completes when every line is.
 */
export function confirmWarehouse(
  ctx: ServiceContext,
  input: { documentId: number; warehouseId: number; lines?: ConfirmedLine[] | undefined },
): { status: string } {
  const profile = getBranchProfile(ctx);
  const sqlite = ctx.db.$client;
  return ctx.db.transaction((tx) => {
    const doc = findDocumentInReach(tx, ctx.actor, input.documentId);
    assertActionAllowed(documentFacts(tx, doc), 'confirm');
    assertKeeps(tx, ctx, input.warehouseId);
    const receiving =
      doc.status === 'in_transit' ||
      (doc.type === 'transfer' && isReceivingOnly(tx, doc.id, input.warehouseId));
    const stage = receiving ? 'receive' : 'ship';
    const lines = tx
      .select()
      .from(documentLines)
      .where(
        receiving
          ? and(
              eq(documentLines.documentId, doc.id),
              eq(documentLines.toWarehouseId, input.warehouseId),
              isNull(documentLines.receivedAt),
            )
          : and(
              eq(documentLines.documentId, doc.id),
              eq(documentLines.warehouseId, input.warehouseId),
              isNull(documentLines.confirmedAt),
            ),
      )
      .all();
    if (lines.length === 0) {
      throw new LedgerError('CONFLICT', `单据 ${doc.number} 在该仓库没有待确认的明细（可能已被确认）。`);
    }
    const given = new Map((input.lines ?? []).map((line) => [line.lineId, line]));
    for (const key of given.keys()) {
      if (!lines.some((line) => line.id === key))
        throw new LedgerError('VALIDATION', `明细 ${key} 不属于本次确认。`);
    }
    const now = ctx.clock.now().toISOString();
    for (const line of lines) {
      const actual = given.get(line.id);
      const planned = receiving ? line.confirmedBaseQuantity! : line.baseQuantity;
      let quantity = planned;
      if (actual?.quantity !== undefined && actual.quantity.trim() !== '') {
        const inUnit = requireDecimalInput(
          actual.quantity,
          profile.quantityDecimals,
          `第 ${line.lineNo} 行实收/实发数量`,
        );
        const base = baseQuantityOf(inUnit, line.unitRatio);
        if (base === null || base < 0)
          throw new LedgerError('VALIDATION', `第 ${line.lineNo} 行实际数量无效。`, { line: line.lineNo });
        if (base > planned) {
          throw new LedgerError('VALIDATION', `第 ${line.lineNo} 行实际数量不能超过单据数量。`, {
            line: line.lineNo,
          });
        }
        quantity = base;
      }
      if (
        actual?.lot !== undefined &&
        actual.lot.trim() !== '' &&
        actual.lot.trim() !== line.lot &&
        !receiving
      ) {
        tx.update(documentLines).set({ lot: actual.lot.trim() }).where(eq(documentLines.id, line.id)).run();
      }
      if (quantity > 0)
        postLine(
          sqlite,
          profile,
          { id: doc.id, type: doc.type, businessDate: doc.businessDate },
          readLineToPost(sqlite, line.id),
          quantity,
          stage,
        );
      // Prepared once: a document of a thousand lines runs this a thousand times.
      if (receiving) {
        prepared(sqlite, 'UPDATE document_lines SET received_at = ?, received_by_name = ? WHERE id = ?').run(
          now,
          ctx.actor.displayName,
          line.id,
        );
      } else {
        prepared(
          sqlite,
          'UPDATE document_lines SET confirmed_base_quantity = ?, confirmed_at = ?, confirmed_by_name = ? WHERE id = ?',
        ).run(quantity, now, ctx.actor.displayName, line.id);
      }
    }
    const open = prepared(
      sqlite,
      'SELECT count(*) FILTER (WHERE confirmed_at IS NULL) AS unshipped, count(*) FILTER (WHERE received_at IS NULL) AS unreceived ' +
        'FROM document_lines WHERE document_id = ?',
    ).get(doc.id) as { unshipped: number; unreceived: number };
    const shipped = open.unshipped === 0;
    const done = shipped && (documentTypeRule(doc.type).direction !== 'transfer' || open.unreceived === 0);
    if (done) {
      completeDocument(tx, ctx, doc, 'confirm');
      return { status: 'completed' as const };
    }
    // A keeper confirms only what awaits the warehouse or is in transit (assertActionAllowed above).
    const before = doc.status as 'awaiting_warehouse' | 'in_transit';
    const next = shipped && doc.type === 'transfer' ? 'in_transit' : before;
    changeStatus(tx, ctx, doc, 'confirm', next, next === before ? `仓库确认：${input.warehouseId}` : '');
    return { status: next };
  });
}

/** A transfer whose lines at this warehouse are all arrivals (shipped already, or shipped elsewhere). */
function isReceivingOnly(tx: LedgerTx, documentId: number, warehouseId: number): boolean {
  const lines = tx.select().from(documentLines).where(eq(documentLines.documentId, documentId)).all();
  const toShip = lines.some((line) => line.warehouseId === warehouseId && line.confirmedAt === null);
  const toReceive = lines.some(
    (line) => line.toWarehouseId === warehouseId && line.confirmedAt !== null && line.receivedAt === null,
  );
  return !toShip && toReceive;
}
