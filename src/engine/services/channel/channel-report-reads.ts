import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { counterpartyInReach, type CustomerReach } from '../access/customer-scope';
import type { ReportPeriod } from '../../domain/channel/report-period';
import type { ReportStatus } from '../../../shared/channel/channel-report';

/**
 * The reads the channel-report import and figures share: which customers an office has under contract in
 * a period, the report in force for a period, and the last periods' lines a new report is compared with.
 */

/** Customers of the office with a sales contract in force over any of the period (DOMAIN.md §8). */
export function contractedCustomers(
  sqlite: Database.Database,
  officeId: number,
  period: { start: string; end: string },
): { id: number; code: string; name: string }[] {
  return prepared(
    sqlite,
    'SELECT DISTINCT p.id, p.code, p.name FROM contracts c JOIN counterparties p ON p.id = c.counterparty_id ' +
      "WHERE c.kind = 'sales' AND c.status IN ('approved', 'executing', 'ended') AND c.period_start <= ? AND c.period_end >= ? " +
      'AND coalesce(c.office_id, p.office_id) = ? ORDER BY p.code',
  ).all(period.end, period.start, officeId) as { id: number; code: string; name: string }[];
}

export interface StandingReport {
  id: number;
  uid: string;
  version: number;
  status: ReportStatus;
  receivedLocal: string;
  firstImportedLocal: string;
}

/** The office's report in force for the period (the latest version), if it has one. */
export function inForceReport(
  sqlite: Database.Database,
  officeId: number,
  period: ReportPeriod,
): StandingReport | undefined {
  return prepared(
    sqlite,
    'SELECT id, uid, version, status, received_local AS receivedLocal, first_imported_local AS firstImportedLocal ' +
      'FROM channel_reports ' +
      "WHERE office_id = ? AND kind = ? AND period_start = ? AND status <> 'superseded'",
  ).get(officeId, period.kind, period.start) as StandingReport | undefined;
}

export interface PastLine {
  periodStart: string;
  opening: number;
  purchases: number;
  closing: number;
}

/**
 * The lines of the office's last `count` reports in force before the period, by customer and goods
 * (`customerId@goodsId`), the latest first.
 */
export function recentLines(
  sqlite: Database.Database,
  officeId: number,
  period: ReportPeriod,
  count: number,
): Map<string, PastLine[]> {
  const rows = prepared(
    sqlite,
    'SELECT r.period_start AS periodStart, l.customer_id AS customerId, l.goods_id AS goodsId, l.opening, l.purchases, l.closing ' +
      'FROM channel_report_lines l JOIN channel_reports r ON r.id = l.report_id ' +
      'WHERE r.id IN (SELECT id FROM channel_reports WHERE office_id = ? AND kind = ? AND period_start < ? ' +
      "AND status <> 'superseded' ORDER BY period_start DESC LIMIT ?) ORDER BY r.period_start DESC",
  ).all(officeId, period.kind, period.start, count) as (PastLine & { customerId: number; goodsId: number })[];
  const byKey = new Map<string, PastLine[]>();
  for (const row of rows) {
    const key = `${row.customerId}@${row.goodsId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return byKey;
}

/**
 * How many lines of a report (`report`: the channel_reports row or its alias) the actor sees: all of them
 * without a customer scope, else those of the customers in it — a count that tells nothing of the rest.
 */
export function linesInReach(reach: CustomerReach, report: string): string {
  if (reach.scope === 'all') return `${report}.lines`;
  return (
    '(SELECT count(*) FROM channel_report_lines seen JOIN counterparties p ON p.id = seen.customer_id ' +
    `WHERE seen.report_id = ${report}.id AND ${counterpartyInReach(reach, 'p')})`
  );
}
