import { prepared } from '../../db/prepared';
import {
  documentTypeRule,
  type DocumentType,
  type MoneySide,
} from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { counterpartyInReach } from '../access/customer-scope';
import type { ServiceContext } from '../context';
import { assertIndependent } from '../money/independent-accounting';
import { moneyText } from './report-figures';

export interface StatementInput {
  counterpartyId: number;
  /** 应收 or 应付; when omitted, a supplier's payables and anyone else's receivables. */
  side?: MoneySide | undefined;
  from: string;
  to: string;
}

export const moneySideLabels: Readonly<Record<MoneySide, string>> = { receivable: '应收', payable: '应付' };

/** One document's items together (or the opening item), as the statement lists them. */
interface StatementEntry {
  documentId: number;
  date: string;
  amount: number;
  number: string;
  type: DocumentType;
  remark: string;
  reversal: number | null;
}

/** The goods a statement row names: the first few in line order, then how many more. */
function goodsSummary(names: readonly string[]): string {
  const distinct = [...new Set(names)];
  const shown = distinct.slice(0, 3).join('、');
  return distinct.length > 3 ? `${shown} 等 ${distinct.length} 种商品` : shown;
}

/**
 * 对账单 (DOMAIN.md §7): one counterparty's receivable or payable over a period — the balance before it,
 * one row per document (its goods lines' items summed) with the running balance, and the closing balance.
 * A document sits in the column of its effect (a delivery raises, a receipt of money lowers); a red-letter
 * reversal (红字冲销) is its own row with negative figures in its original's column, as the stock card
 * shows it, so increases − decreases is always the change of balance.
 */
export function statement(ctx: ServiceContext, input: StatementInput) {
  assertIndependent(ctx);
  if (input.from > input.to) {
    throw new LedgerError('VALIDATION', `开始日期 ${input.from} 晚于结束日期 ${input.to}。`);
  }
  const sqlite = ctx.db.$client;
  // A counterparty out of the caller's customer scope is one that does not exist (customer-scope.ts).
  const counterparty = prepared(
    sqlite,
    `SELECT id, code, name, kind FROM counterparties c WHERE id = ? AND ${counterpartyInReach(ctx.actor.customerReach, 'c')}`,
  ).get(input.counterpartyId) as { id: number; code: string; name: string; kind: string } | undefined;
  if (!counterparty) throw new LedgerError('NOT_FOUND', `往来单位 ${input.counterpartyId} 不存在。`);
  const side = input.side ?? (counterparty.kind === 'supplier' ? 'payable' : 'receivable');

  // 期初应收 / 应付 (the item without a document) is the balance the books started from: it belongs to
  // every statement's opening balance, whatever day it was typed in (the sample carries no date of it).
  const { opening } = prepared(
    sqlite,
    'SELECT coalesce(sum(amount), 0) AS opening FROM open_items WHERE counterparty_id = ? AND side = ? ' +
      'AND (business_date < ? OR document_id IS NULL)',
  ).get(counterparty.id, side, input.from) as { opening: number };
  const entries = prepared(
    sqlite,
    'SELECT i.document_id AS documentId, i.business_date AS date, sum(i.amount) AS amount, d.number, d.type, ' +
      'd.remark, d.reversal_of_id AS reversal FROM open_items i JOIN documents d ON d.id = i.document_id ' +
      'WHERE i.counterparty_id = ? AND i.side = ? AND i.business_date BETWEEN ? AND ? ' +
      'GROUP BY i.document_id ORDER BY i.business_date, i.document_id',
  ).all(counterparty.id, side, input.from, input.to) as StatementEntry[];
  const goodsRows = prepared(
    sqlite,
    'SELECT i.document_id AS documentId, g.name FROM open_items i JOIN document_lines l ON l.id = i.line_id ' +
      'JOIN goods g ON g.id = l.goods_id WHERE i.counterparty_id = ? AND i.side = ? AND i.business_date BETWEEN ? AND ? ' +
      'ORDER BY i.document_id, l.line_no',
  ).all(counterparty.id, side, input.from, input.to) as { documentId: number; name: string }[];
  const goodsOf = new Map<number, string[]>();
  for (const row of goodsRows) {
    const names = goodsOf.get(row.documentId);
    if (names) names.push(row.name);
    else goodsOf.set(row.documentId, [row.name]);
  }

  let balance = opening;
  let increase = 0;
  let decrease = 0;
  const rows = entries.map((entry) => {
    // Which column: the document type's effect.
    const raises = documentTypeRule(entry.type).money!.sign > 0;
    balance += entry.amount;
    if (raises) increase += entry.amount;
    else decrease -= entry.amount;
    const goods = goodsSummary(goodsOf.get(entry.documentId) ?? []);
    return {
      date: entry.date,
      documentId: entry.documentId,
      documentNumber: entry.number,
      documentType: entry.type,
      documentTypeLabel: documentTypeRule(entry.type).label,
      /** A red-letter reversal (红字冲销): its figures are the negative of the original's. */
      reversal: entry.reversal !== null,
      /** The goods, then the document's remark. */
      summary: [goods, entry.remark].filter((part) => part !== '').join('；'),
      increase: raises ? moneyText(entry.amount) : null,
      decrease: raises ? null : moneyText(-entry.amount),
      balance: moneyText(balance),
    };
  });
  return {
    counterparty: { id: counterparty.id, code: counterparty.code, name: counterparty.name },
    side,
    sideLabel: moneySideLabels[side],
    from: input.from,
    to: input.to,
    opening: moneyText(opening),
    rows,
    closing: moneyText(balance),
    totals: { increase: moneyText(increase), decrease: moneyText(decrease) },
  };
}

export type StatementReport = ReturnType<typeof statement>;
