import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { DocumentStatus } from '../../../shared/documents/document-status';
import type { DocumentType } from '../../../shared/documents/document-types';
import { mulDivRound } from '../../../shared/numbers/integer-math';

/** 执行状态 of an order (DOMAIN.md §5), shown beside its 审核 status in lists. */
export const executionStates = ['not_started', 'partial', 'done', 'closed'] as const;
export type ExecutionState = (typeof executionStates)[number];
export const executionStateLabels: Readonly<Record<ExecutionState, string>> = {
  not_started: '未执行',
  partial: '部分执行',
  done: '已执行',
  closed: '已结案',
};

/** The receipt or delivery an order turns into. */
export const executionTypeOf = {
  purchase_order: 'purchase_receipt',
  sales_order: 'sales_delivery',
} as const satisfies Partial<Record<DocumentType, DocumentType>>;
export type OrderType = keyof typeof executionTypeOf;

export function isOrderType(type: DocumentType): type is OrderType {
  return type in executionTypeOf;
}

/** One order line and how far it has gone, in base units. */
export interface OrderLineProgress {
  lineId: number;
  documentId: number;
  counterpartyId: number | null;
  goodsId: number;
  warehouseId: number;
  baseQuantity: number;
  amountWithTax: number;
  /** Taken by receipts / deliveries made from it, drafts included (what is left to generate). */
  executed: number;
  /** Of that, what the keeper has confirmed: stock and money have moved for it. */
  confirmed: number;
}

interface ProgressRow {
  line_id: number;
  document_id: number;
  counterparty_id: number | null;
  goods_id: number;
  warehouse_id: number;
  base_quantity: number;
  amount_with_tax: number;
  executed: number;
  confirmed: number;
}

/**
 * The lines of orders with what later documents took from each (see `executedQuantities` for what
 * counts). `where` narrows the orders: by document, by counterparty, or only the open (approved) ones.
 */
export function orderLineProgress(
  sqlite: Database.Database,
  type: OrderType,
  filter: { documentId?: number; counterpartyId?: number; openOnly?: boolean },
): OrderLineProgress[] {
  const rows = prepared(
    sqlite,
    'SELECT o.id AS line_id, d.id AS document_id, d.counterparty_id, o.goods_id, o.warehouse_id, o.base_quantity, ' +
      'o.amount_with_tax, coalesce(sum(coalesce(l.confirmed_base_quantity, l.base_quantity)), 0) AS executed, ' +
      'coalesce(sum(l.confirmed_base_quantity), 0) AS confirmed ' +
      'FROM documents d JOIN document_lines o ON o.document_id = d.id ' +
      'LEFT JOIN (SELECT x.source_line_id, x.base_quantity, x.confirmed_base_quantity FROM document_lines x ' +
      'JOIN documents e ON e.id = x.document_id ' +
      "WHERE e.type = ? AND e.status <> 'voided' AND e.reversal_of_id IS NULL " +
      'AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.reversal_of_id = e.id)) l ON l.source_line_id = o.id ' +
      'WHERE d.type = ? AND (? IS NULL OR d.id = ?) AND (? IS NULL OR d.counterparty_id = ?) ' +
      "AND (? = 0 OR d.status = 'awaiting_warehouse') " +
      'GROUP BY o.id ORDER BY d.id, o.line_no',
  ).all(
    executionTypeOf[type],
    type,
    filter.documentId ?? null,
    filter.documentId ?? null,
    filter.counterpartyId ?? null,
    filter.counterpartyId ?? null,
    filter.openOnly ? 1 : 0,
  ) as ProgressRow[];
  return rows.map((row) => ({
    lineId: row.line_id,
    documentId: row.document_id,
    counterpartyId: row.counterparty_id,
    goodsId: row.goods_id,
    warehouseId: row.warehouse_id,
    baseQuantity: row.base_quantity,
    amountWithTax: row.amount_with_tax,
    executed: row.executed,
    confirmed: row.confirmed,
  }));
}

/** What is still to be received or delivered on a line, never below zero (a keeper may confirm less). */
export function outstanding(line: OrderLineProgress): number {
  return Math.max(0, line.baseQuantity - line.executed);
}

/** What an open order still holds back: not yet confirmed by a keeper. */
export function unconfirmed(line: OrderLineProgress): number {
  return Math.max(0, line.baseQuantity - line.confirmed);
}

/** The value with tax of what an order line has not yet delivered (credit limit, DOMAIN.md §7). */
export function unconfirmedValue(line: OrderLineProgress): number {
  const open = unconfirmed(line);
  return open === line.baseQuantity
    ? line.amountWithTax
    : mulDivRound(line.amountWithTax, open, line.baseQuantity);
}

export function executionState(status: DocumentStatus, lines: readonly OrderLineProgress[]): ExecutionState {
  if (status === 'closed') return 'closed';
  if (lines.every((line) => line.executed >= line.baseQuantity)) return 'done';
  return lines.some((line) => line.executed > 0) ? 'partial' : 'not_started';
}
