import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { isMonth, monthEnd, nextMonth } from '../../domain/calendar/calendar';
import { documentTypeRule, documentTypes } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import { getBranchProfile } from '../branch/branch-profile';
import { recordChange } from '../change-log/record-change';
import type { ServiceContext } from '../context';
import { ledgerSql } from './movement-rows';
import { latestClosedMonth } from './open-period';
import { recost, scopeStateAt, type LedgerProfile } from './recost';

/** Orders post nothing themselves: an approved one stays open across month ends. */
const orderTypes = documentTypes.filter((type) => documentTypeRule(type).direction === 'order');

/**
 * Documents dated in the month that have not posted yet. An approved order is not one of them: it posts
 * nothing itself, and an order open across a month end is ordinary business (its receipts post).
 */
function unfinishedDocuments(sqlite: Database.Database, end: string): { number: string; status: string }[] {
  return prepared(
    sqlite,
    "SELECT number, status FROM documents WHERE business_date <= ? AND status IN ('submitted', 'awaiting_warehouse', 'in_transit') " +
      "AND NOT (type IN (SELECT value FROM json_each(?)) AND status = 'awaiting_warehouse') ORDER BY business_date, id LIMIT 20",
  ).all(end, JSON.stringify(orderTypes)) as { number: string; status: string }[];
}

/** The monthly-weighted-average scopes with movements in a month: the ones its close revalues. */
function monthlyAverageScopes(sqlite: Database.Database, month: string): string[] {
  return (
    prepared(
      sqlite,
      'SELECT DISTINCT m.scope FROM stock_movements m JOIN costing_states s ON s.scope = m.scope ' +
        "WHERE s.method = 'monthly_average' AND m.posting_date BETWEEN ? AND ?",
    ).all(`${month}-01`, monthEnd(month)) as { scope: string }[]
  ).map((row) => row.scope);
}

/**
 * 月结 (DOMAIN.md §6.7): freezes postings on or before the month's end, revalues the month's issues of
 * monthly-weighted-average scopes — by re-costing them once the month counts as closed, which follows
 * every dependent (a transfer's arrival, a return) wherever it is — stores each scope's costing state at
 * month end (the checkpoint re-costing starts from) and the closing balances reports start from. Months
 * close in order, and only once they are over in the branch's calendar.
 */
export function closeMonth(ctx: ServiceContext, month: string, force: boolean) {
  if (!isMonth(month)) throw new LedgerError('VALIDATION', `月份【${month}】应为 yyyy-MM。`);
  const sqlite = ctx.db.$client;
  const profile: LedgerProfile = getBranchProfile(ctx);
  const end = monthEnd(month);
  if (end >= ctx.clock.today()) throw new LedgerError('CONFLICT', `${month} 尚未结束，不能月结。`);
  return ctx.db.transaction((tx) => {
    const latest = latestClosedMonth(sqlite);
    if (latest !== null && month !== nextMonth(latest)) {
      throw new LedgerError(
        'CONFLICT',
        `月结须按月依次进行：上次月结为 ${latest}，下一个应结 ${nextMonth(latest)}。`,
      );
    }
    const unfinished = unfinishedDocuments(sqlite, end);
    if (unfinished.length > 0 && !force) {
      throw new LedgerError(
        'CONFLICT',
        `${month} 及以前还有未完成的单据：${unfinished.map((doc) => doc.number).join('、')}。确认后仍可强制月结，它们之后只能以开放期间的日期过账。`,
        { unfinished },
      );
    }
    prepared(sqlite, 'INSERT INTO month_closes (month, closed_at, closed_by_name) VALUES (?, ?, ?)').run(
      month,
      ctx.clock.now().toISOString(),
      ctx.actor.displayName,
    );
    const revalued = monthlyAverageScopes(sqlite, month);
    recost(sqlite, profile, revalued);
    const scopes = prepared(
      sqlite,
      'SELECT DISTINCT scope FROM stock_movements WHERE scope IS NOT NULL AND posting_date <= ?',
    ).all(end) as { scope: string }[];
    for (const { scope } of scopes) {
      const state = scopeStateAt(sqlite, profile, scope, end);
      if (state === null) continue;
      prepared(sqlite, ledgerSql.writeCheckpoint).run(
        month,
        scope,
        state.method,
        JSON.stringify(state.state),
      );
    }
    prepared(
      sqlite,
      'INSERT INTO closing_balances (month, goods_id, warehouse_id, lot, quantity, value) ' +
        'SELECT ?, goods_id, warehouse_id, lot, sum(quantity), sum(value) FROM stock_movements ' +
        'WHERE posting_date <= ? AND in_transit = 0 GROUP BY goods_id, warehouse_id, lot HAVING sum(quantity) <> 0 OR sum(value) <> 0',
    ).run(month, end);
    const balances = prepared(sqlite, 'SELECT count(*) AS n FROM closing_balances WHERE month = ?').get(
      month,
    ) as {
      n: number;
    };
    recordAudit(tx, ctx, {
      action: 'period.close',
      entity: 'month',
      entityKey: month,
      detail: unfinished.length ? `强制月结，未完成单据 ${unfinished.length} 张` : null,
    });
    recordChange(tx, ctx, {
      entity: 'month_close',
      entityUid: month,
      operation: 'insert',
      payload: { month, balances: balances.n },
    });
    return { month, scopes: scopes.length, revaluedScopes: revalued.length, balances: balances.n };
  });
}

/**
 * 反月结: only the latest closed month, only by an administrator (the API checks), audited (§6.7). Its
 * checkpoints and closing balances go with it; monthly-weighted-average issues of the month go back to
 * their provisional cost, so the books depend only on the documents and the months closed.
 */
export function reopenMonth(ctx: ServiceContext, month: string) {
  const sqlite = ctx.db.$client;
  const profile: LedgerProfile = getBranchProfile(ctx);
  return ctx.db.transaction((tx) => {
    const latest = latestClosedMonth(sqlite);
    if (latest === null) throw new LedgerError('CONFLICT', '还没有月结过的月份。');
    if (latest !== month) throw new LedgerError('CONFLICT', `只能反月结最近一次月结的 ${latest}。`);
    prepared(sqlite, 'DELETE FROM month_closes WHERE month = ?').run(month);
    recost(sqlite, profile, monthlyAverageScopes(sqlite, month));
    recordAudit(tx, ctx, { action: 'period.reopen', entity: 'month', entityKey: month });
    recordChange(tx, ctx, {
      entity: 'month_close',
      entityUid: month,
      operation: 'delete',
      payload: { month },
    });
    return { month };
  });
}

export function listMonthCloses(sqlite: Database.Database) {
  return prepared(
    sqlite,
    'SELECT month, closed_at AS closedAt, closed_by_name AS closedByName FROM month_closes ORDER BY month DESC',
  ).all() as {
    month: string;
    closedAt: string;
    closedByName: string;
  }[];
}
