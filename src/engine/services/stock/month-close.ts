import { immediate } from '../../db/connection';
import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { closeMonth as closeMonthlyAverage } from '../../domain/costing/monthly-average';
import type { MovingAverageState } from '../../domain/costing/moving-average';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import { getBranchProfile } from '../branch/branch-profile';
import { recordChange } from '../change-log/record-change';
import type { ServiceContext } from '../context';
import { latestClosedMonth, monthEnd } from './open-period';
import { latestCheckpoint, recost, scopeStateAt, type LedgerProfile } from './stock-ledger';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** Documents dated in or before the month that the warehouse or approval still holds (§6.7 warns of them). */
/**
 * Documents dated in the month that have not posted yet. An approved order is not one of them: it posts
 * nothing itself, and an order open across a month end is ordinary business (its receipts post).
 */
function unfinishedDocuments(sqlite: Database.Database, end: string): { number: string; status: string }[] {
  return prepared(
    sqlite,
    "SELECT number, status FROM documents WHERE business_date <= ? AND status IN ('submitted', 'awaiting_warehouse', 'in_transit') " +
      "AND NOT (type IN ('purchase_order', 'sales_order') AND status = 'awaiting_warehouse') ORDER BY business_date, id LIMIT 20",
  ).all(end) as { number: string; status: string }[];
}

/**
 * 月结 (DOMAIN.md §6.7): revalues the month's issues of monthly-weighted-average scopes, stores each
 * scope's costing state at month end (the checkpoint re-costing starts from) and the closing balances
 * reports start from, and freezes postings on or before the month's end. Months close in order.
 */
export function closeMonth(ctx: ServiceContext, month: string, force: boolean) {
  if (!monthPattern.test(month)) throw new LedgerError('VALIDATION', `月份【${month}】应为 yyyy-MM。`);
  const sqlite = ctx.db.$client;
  const profile: LedgerProfile = getBranchProfile(ctx);
  const end = monthEnd(month);
  const today = ctx.clock.now().toISOString().slice(0, 10);
  if (end >= today) throw new LedgerError('CONFLICT', `${month} 尚未结束，不能月结。`);
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
    const scopes = prepared(
      sqlite,
      'SELECT DISTINCT m.scope, m.goods_id, s.method FROM stock_movements m JOIN costing_states s ON s.scope = m.scope WHERE m.posting_date <= ?',
    ).all(end) as { scope: string; goods_id: number; method: string }[];
    const revalued: { scope: string }[] = [];
    prepared(sqlite, 'INSERT INTO month_closes (month, closed_at, closed_by_name) VALUES (?, ?, ?)').run(
      month,
      ctx.clock.now().toISOString(),
      ctx.actor.displayName,
    );
    for (const { scope, method } of scopes) {
      let state: { method: string; state: unknown } | null;
      if (method === 'monthly_average') {
        const monthly = revalueMonth(sqlite, scope, month);
        if (monthly.changed) revalued.push({ scope });
        state = { method, state: monthly.closing };
      } else {
        state = scopeStateAt(sqlite, profile, scope, end);
      }
      if (state === null) continue;
      prepared(
        sqlite,
        'INSERT INTO costing_checkpoints (month, scope, method, state) VALUES (?, ?, ?, ?)',
      ).run(month, scope, state.method, JSON.stringify(state.state));
    }
    // Later, open-month movements of revalued scopes start from the new month-end figures.
    if (revalued.length > 0) recost(sqlite, profile, revalued);
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
  }, immediate);
}

/**
 * 全月一次加权平均 at close (§6.2): the month's issues of one scope take the month's average, the last
 * the residue. The movements' values change; their balances follow.
 */
function revalueMonth(
  sqlite: Database.Database,
  scope: string,
  month: string,
): { changed: boolean; closing: MovingAverageState } {
  const previous = latestCheckpoint(sqlite, scope);
  const opening = previous
    ? (previous.state as MovingAverageState)
    : { quantity: 0, value: 0, lastCost: null };
  const rows = prepared(
    sqlite,
    'SELECT id, goods_id, warehouse_id, lot, in_transit, quantity, value FROM stock_movements WHERE scope = ? AND posting_date BETWEEN ? AND ? ORDER BY posting_date, id',
  ).all(scope, `${month}-01`, monthEnd(month)) as {
    id: number;
    goods_id: number;
    warehouse_id: number;
    lot: string;
    in_transit: number;
    quantity: number;
    value: number;
  }[];
  const receipts = rows
    .filter((row) => row.quantity >= 0)
    .map((row) => ({ quantity: row.quantity, value: row.value }));
  const issues = rows.filter((row) => row.quantity < 0);
  const result = closeMonthlyAverage(
    { quantity: opening.quantity, value: opening.value },
    receipts,
    issues.map((row) => ({ quantity: -row.quantity })),
    opening.lastCost,
  );
  let changed = false;
  issues.forEach((row, index) => {
    const value = result.issueValues[index]!;
    if (value === row.value) return;
    changed = true;
    prepared(sqlite, 'UPDATE stock_movements SET value = ? WHERE id = ?').run(value, row.id);
    prepared(
      sqlite,
      'UPDATE stock_balances SET value = value + ? WHERE goods_id = ? AND warehouse_id = ? AND lot = ? AND in_transit = ?',
    ).run(value - row.value, row.goods_id, row.warehouse_id, row.lot, row.in_transit);
  });
  const closing: MovingAverageState = {
    ...result.closing,
    lastCost: result.closing.quantity > 0 ? null : result.average,
  };
  return { changed, closing };
}

/** 反月结: only the latest closed month, only by an administrator (the API checks), audited (§6.7). */
export function reopenMonth(ctx: ServiceContext, month: string) {
  const sqlite = ctx.db.$client;
  return ctx.db.transaction((tx) => {
    const latest = latestClosedMonth(sqlite);
    if (latest === null) throw new LedgerError('CONFLICT', '还没有月结过的月份。');
    if (latest !== month) throw new LedgerError('CONFLICT', `只能反月结最近一次月结的 ${latest}。`);
    prepared(sqlite, 'DELETE FROM month_closes WHERE month = ?').run(month);
    recordAudit(tx, ctx, { action: 'period.reopen', entity: 'month', entityKey: month });
    recordChange(tx, ctx, {
      entity: 'month_close',
      entityUid: month,
      operation: 'delete',
      payload: { month },
    });
    return { month };
  }, immediate);
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
