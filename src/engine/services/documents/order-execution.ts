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

/**
 * The lines of orders with what later documents took from each (the view `order_line_execution` of
 * migration 0018 says what counts). `filter` narrows the orders: to one document, to one counterparty's,
 * or to the open ones — approved, with a line not yet wholly confirmed — which `order_progress` lists, so
 * that reading them costs the open orders, not every order the branch ever took.
 */
export function orderLineProgress(
  sqlite: Database.Database,
  type: OrderType,
  filter: { documentId?: number; counterpartyId?: number; openOnly?: boolean },
): OrderLineProgress[] {
  const conditions = ['order_type = ?'];
  const parameters: (string | number)[] = [type];
  if (filter.documentId !== undefined) {
    conditions.push('document_id = ?');
    parameters.push(filter.documentId);
  }
  if (filter.counterpartyId !== undefined) {
    conditions.push('counterparty_id = ?');
    parameters.push(filter.counterpartyId);
  }
  if (filter.openOnly) {
    conditions.push(
      "status = 'awaiting_warehouse'",
      'document_id IN (SELECT document_id FROM order_progress)',
    );
  }
  return prepared(
    sqlite,
    'SELECT line_id AS lineId, document_id AS documentId, counterparty_id AS counterpartyId, goods_id AS goodsId, ' +
      'warehouse_id AS warehouseId, base_quantity AS baseQuantity, amount_with_tax AS amountWithTax, executed, confirmed ' +
      `FROM order_line_execution WHERE ${conditions.join(' AND ')} ORDER BY document_id, line_no`,
  ).all(...parameters) as OrderLineProgress[];
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
