import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { LedgerError } from '../../../shared/ledger-error';

/** The last day of a month `yyyy-MM`, as yyyy-MM-dd. */
export function monthEnd(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(lastDay).padStart(2, '0')}`;
}

/** The latest closed month (yyyy-MM), or null. */
export function latestClosedMonth(sqlite: Database.Database): string | null {
  const row = prepared(sqlite, 'SELECT max(month) AS month FROM month_closes').get() as {
    month: string | null;
  };
  return row.month;
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
