import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { LedgerError } from '../../../shared/ledger-error';
import { orderLineProgress, unconfirmedValue } from '../documents/order-execution';

export interface CreditPosition {
  name: string;
  /** Fen; null: no limit. */
  limit: number | null;
  /** The customer's receivable balance (DOMAIN.md §7). */
  receivable: number;
  /** The value with tax of open sales orders not yet confirmed out. */
  openOrders: number;
  /** limit − receivable − open orders; null without a limit. */
  available: number | null;
}

/**
 * 信用额度 (DOMAIN.md §7): what a customer owes plus what open orders will add, against the limit.
 * `except` leaves out the order being checked, which is counted as "this document" instead.
 */
export function creditPosition(
  sqlite: Database.Database,
  counterpartyId: number,
  except: number | null = null,
): CreditPosition {
  const customer = prepared(sqlite, 'SELECT name, credit_limit FROM counterparties WHERE id = ?').get(
    counterpartyId,
  ) as { name: string; credit_limit: number | null } | undefined;
  if (!customer) {
    throw new LedgerError('NOT_FOUND', `往来单位（编号 ${counterpartyId}）不存在。`, {
      field: 'counterpartyId',
    });
  }
  const { receivable } = prepared(
    sqlite,
    "SELECT coalesce(sum(amount), 0) AS receivable FROM open_items WHERE counterparty_id = ? AND side = 'receivable'",
  ).get(counterpartyId) as { receivable: number };
  const openOrders = orderLineProgress(sqlite, 'sales_order', { counterpartyId, openOnly: true })
    .filter((line) => line.documentId !== except)
    .reduce((sum, line) => sum + unconfirmedValue(line), 0);
  return {
    name: customer.name,
    limit: customer.credit_limit,
    receivable,
    openOrders,
    available: customer.credit_limit === null ? null : customer.credit_limit - receivable - openOrders,
  };
}
