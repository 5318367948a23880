import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { MoneySide } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { yuanDisplay } from '../../../shared/numbers/yuan-display';
import type { ServiceContext } from '../context';
import { insertOpenItem } from './open-items';

const sideLabels: Readonly<Record<MoneySide, string>> = { receivable: '期初应收', payable: '期初应付' };

/**
 * 期初应收 / 期初应付 (DOMAIN.md §5, §7) live on the counterparty's record (the customer sample carries
 * them); each non-zero one is an open item without a document, dated the day it was entered, so that it
 * is settled, aged and listed on statements like any other. Once part of it is settled it stays as it is.
 */
export function syncOpeningItems(
  sqlite: Database.Database,
  ctx: ServiceContext,
  counterparty: { id: number; name: string; openingReceivable: number; openingPayable: number },
): void {
  const wanted: Record<MoneySide, number> = {
    receivable: counterparty.openingReceivable,
    payable: counterparty.openingPayable,
  };
  for (const side of ['receivable', 'payable'] as const) {
    const existing = prepared(
      sqlite,
      'SELECT id, amount, settled FROM open_items WHERE counterparty_id = ? AND side = ? AND document_id IS NULL',
    ).get(counterparty.id, side) as { id: number; amount: number; settled: number } | undefined;
    const amount = wanted[side];
    if ((existing?.amount ?? 0) === amount) continue;
    if (existing && existing.settled !== 0) {
      throw new LedgerError(
        'CONFLICT',
        `【${counterparty.name}】的${sideLabels[side]}已核销 ${yuanDisplay(Math.abs(existing.settled))}，不能再修改；请先反核销。`,
        { field: side === 'receivable' ? 'openingReceivable' : 'openingPayable' },
      );
    }
    if (existing && amount === 0) prepared(sqlite, 'DELETE FROM open_items WHERE id = ?').run(existing.id);
    else if (existing)
      prepared(sqlite, 'UPDATE open_items SET amount = ? WHERE id = ?').run(amount, existing.id);
    else {
      const today = ctx.clock.today();
      insertOpenItem(sqlite, {
        counterpartyId: counterparty.id,
        side,
        documentId: null,
        lineId: null,
        businessDate: today,
        dueDate: today,
        amount,
      });
    }
  }
}
