import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { newUid } from '../../db/uid';
import {
  documentTypeRule,
  type DocumentType,
  type MoneySide,
} from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import { addDays } from '../../domain/calendar/calendar';

export interface CompletedDocument {
  id: number;
  type: DocumentType;
  businessDate: string;
  counterpartyId: number | null;
  totalWithTax: number;
  reversalOfId: number | null;
}

export interface NewOpenItem {
  counterpartyId: number;
  side: MoneySide;
  documentId: number | null;
  lineId: number | null;
  businessDate: string;
  dueDate: string;
  amount: number;
}

export function insertOpenItem(sqlite: Database.Database, item: NewOpenItem): number {
  return Number(
    prepared(
      sqlite,
      'INSERT INTO open_items (uid, counterparty_id, side, document_id, line_id, business_date, due_date, amount) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      newUid(),
      item.counterpartyId,
      item.side,
      item.documentId,
      item.lineId,
      item.businessDate,
      item.dueDate,
      item.amount,
    ).lastInsertRowid,
  );
}

/** What raises a balance falls due after the counterparty's payment term; what lowers it counts at once. */
export function dueDateOf(
  sqlite: Database.Database,
  counterpartyId: number,
  date: string,
  amount: number,
): string {
  if (amount <= 0) return date;
  const { days } = prepared(
    sqlite,
    'SELECT coalesce(payment_term_days, 0) AS days FROM counterparties WHERE id = ?',
  ).get(counterpartyId) as { days: number };
  return addDays(date, days);
}

/**
 * A completed document's effect on receivables or payables (DOMAIN.md §7), under independent accounting:
 * one open item per priced line, for what the keeper confirmed (the share of the line's amount with tax),
 * or one for a money document. A reversal's items are settled at once against the items they cancel, so
 * the pair leaves nothing open.
 */
export function postOpenItems(
  sqlite: Database.Database,
  doc: CompletedDocument,
  stamp: { at: string; by: string },
): void {
  const effect = documentTypeRule(doc.type).money;
  if (effect === null || doc.counterpartyId === null) return;
  const counterpartyId = doc.counterpartyId;
  const items: NewOpenItem[] = [];
  const add = (lineId: number | null, amount: number) => {
    if (amount === 0) return;
    items.push({
      counterpartyId,
      side: effect.side,
      documentId: doc.id,
      lineId,
      businessDate: doc.businessDate,
      dueDate: dueDateOf(sqlite, counterpartyId, doc.businessDate, amount),
      amount,
    });
  };
  if (documentTypeRule(doc.type).direction === 'money') add(null, effect.sign * doc.totalWithTax);
  else {
    const lines = prepared(
      sqlite,
      'SELECT id, amount_with_tax, base_quantity, confirmed_base_quantity FROM document_lines WHERE document_id = ? ORDER BY line_no',
    ).all(doc.id) as {
      id: number;
      amount_with_tax: number;
      base_quantity: number;
      confirmed_base_quantity: number | null;
    }[];
    for (const line of lines) {
      const confirmed = line.confirmed_base_quantity ?? line.base_quantity;
      const amount =
        confirmed === line.base_quantity
          ? line.amount_with_tax
          : mulDivRound(line.amount_with_tax, confirmed, line.base_quantity);
      add(line.id, effect.sign * amount);
    }
  }
  const ids = items.map((item) => insertOpenItem(sqlite, item));
  if (doc.reversalOfId !== null) settleReversal(sqlite, doc, ids, stamp);
}

/** Pairs each of a reversal's items with the original's item it cancels (by line, or the document's one). */
function settleReversal(
  sqlite: Database.Database,
  doc: CompletedDocument,
  itemIds: number[],
  stamp: { at: string; by: string },
): void {
  const pairs = prepared(
    sqlite,
    'SELECT r.id AS reversal, o.id AS original, r.amount, r.side, r.counterparty_id, r.business_date ' +
      'FROM json_each(?) j JOIN open_items r ON r.id = j.value ' +
      'LEFT JOIN document_lines rl ON rl.id = r.line_id ' +
      'JOIN open_items o ON o.document_id = ? AND (o.line_id IS rl.source_line_id)',
  ).all(JSON.stringify(itemIds), doc.reversalOfId) as {
    reversal: number;
    original: number;
    amount: number;
    side: MoneySide;
    counterparty_id: number;
    business_date: string;
  }[];
  const batch = newUid();
  for (const pair of pairs) {
    const [debit, credit] = pair.amount > 0 ? [pair.reversal, pair.original] : [pair.original, pair.reversal];
    applySettlement(sqlite, {
      batchUid: batch,
      counterpartyId: pair.counterparty_id,
      side: pair.side,
      debitItemId: debit,
      creditItemId: credit,
      amount: Math.abs(pair.amount),
      settledOn: pair.business_date,
      createdAt: stamp.at,
      createdByName: stamp.by,
    });
  }
}

export interface SettlementRow {
  batchUid: string;
  counterpartyId: number;
  side: MoneySide;
  debitItemId: number;
  creditItemId: number;
  amount: number;
  settledOn: string;
  createdAt: string;
  createdByName: string;
}

/** Records one match and moves both items' settled amounts (the table's check keeps them within bounds). */
export function applySettlement(sqlite: Database.Database, row: SettlementRow): void {
  prepared(
    sqlite,
    'INSERT INTO settlements (batch_uid, counterparty_id, side, debit_item_id, credit_item_id, amount, settled_on, created_at, created_by_name) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    row.batchUid,
    row.counterpartyId,
    row.side,
    row.debitItemId,
    row.creditItemId,
    row.amount,
    row.settledOn,
    row.createdAt,
    row.createdByName,
  );
  moveSettled(sqlite, row.debitItemId, row.creditItemId, row.amount);
}

/**
 * Moves a match into both items' settled amounts (a positive `amount`) or back out of them (negative,
 * 反核销): the debit item's settled grows towards its amount, the credit item's towards its negative one.
 */
export function moveSettled(
  sqlite: Database.Database,
  debitItemId: number,
  creditItemId: number,
  amount: number,
) {
  prepared(sqlite, 'UPDATE open_items SET settled = settled + ? WHERE id = ?').run(amount, debitItemId);
  prepared(sqlite, 'UPDATE open_items SET settled = settled - ? WHERE id = ?').run(amount, creditItemId);
}

/** 红字冲销 cancels a document's money only while nothing has been settled against it (先反核销). */
export function assertNothingSettled(sqlite: Database.Database, documentId: number, number: string): void {
  const settled = prepared(
    sqlite,
    'SELECT count(*) AS n FROM open_items WHERE document_id = ? AND settled <> 0',
  ).get(documentId) as { n: number };
  if (settled.n > 0) {
    throw new LedgerError('CONFLICT', `单据 ${number} 已有核销记录，请先反核销再红字冲销。`);
  }
}
