import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { monthEnd } from '../../domain/calendar/calendar';
import { LedgerError } from '../../../shared/ledger-error';

/** The latest closed month (yyyy-MM), or null. */
export function latestClosedMonth(sqlite: Database.Database): string | null {
  const row = prepared(sqlite, 'SELECT max(month) AS month FROM month_closes').get() as {
    month: string | null;
  };
  return row.month;
}

/** The last day of the latest closed month, or '' when no month is closed: postings after it are open. */
export function closedThrough(sqlite: Database.Database): string {
  const closed = latestClosedMonth(sqlite);
  return closed === null ? '' : monthEnd(closed);
}

/** Postings on or before the end of a closed month are frozen (DOMAIN.md §6.7). */
export function assertOpenPeriod(sqlite: Database.Database, date: string, what: string): void {
  const closed = latestClosedMonth(sqlite);
  if (closed !== null && date <= monthEnd(closed)) {
    throw new LedgerError(
      'CONFLICT',
      `${what}的日期 ${date} 在已月结的 ${closed} 或之前，不能过账。请改日期，或由管理员反月结。`,
      { closedMonth: closed, date },
    );
  }
}
