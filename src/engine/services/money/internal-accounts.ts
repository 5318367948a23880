import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { counterpartyInReach } from '../access/customer-scope';
import type { Actor } from '../context';
import { moneyText } from '../reports/report-figures';

/**
 * 内部往来 (DOMAIN.md §6.3): per internal unit (head office, other branches), what it owes this branch
 * for transfers out, what this branch owes it for transfers in, and the net — positive: it owes us. An
 * internal unit that is a customer is one like any other for the customer scope (customer-scope.ts).
 */
export function internalAccounts(sqlite: Database.Database, actor: Actor) {
  const rows = prepared(
    sqlite,
    'SELECT c.id, c.code, c.name, c.internal_branch_code, ' +
      "coalesce(sum(CASE WHEN i.side = 'receivable' THEN i.amount END), 0) AS receivable, " +
      "coalesce(sum(CASE WHEN i.side = 'payable' THEN i.amount END), 0) AS payable " +
      'FROM counterparties c LEFT JOIN open_items i ON i.counterparty_id = c.id ' +
      `WHERE c.is_internal = 1 AND c.deleted_at IS NULL AND ${counterpartyInReach(actor.customerReach, 'c')} ` +
      'GROUP BY c.id ORDER BY c.code',
  ).all() as {
    id: number;
    code: string;
    name: string;
    internal_branch_code: string | null;
    receivable: number;
    payable: number;
  }[];
  return rows.map((row) => ({
    counterpartyId: row.id,
    code: row.code,
    name: row.name,
    branchCode: row.internal_branch_code,
    receivable: moneyText(row.receivable),
    payable: moneyText(row.payable),
    net: moneyText(row.receivable - row.payable),
  }));
}
