import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { monthEnd } from '../../domain/calendar/calendar';

/**
 * Stock on hand at the end of a past date (DOMAIN.md §6.1: balances are sums of movements). Not in
 * transit: goods between a transfer's two confirmations are nobody's on-hand stock (§6.3).
 */

/** One goods × warehouse: scaled base quantity and fen. */
export interface StockPosition {
  goodsId: number;
  warehouseId: number;
  quantity: number;
  value: number;
}

export function positionKey(goodsId: number, warehouseId: number): string {
  return `${goodsId}:${warehouseId}`;
}

/**
 * Where a figure as of `date` starts: the latest closed month ending on or before it, whose closing
 * balances were stored for reports to start from (§6.7), or — with none — the ledger's first day.
 */
export type StartingPoint = { month: string; end: string } | null;

export function startingPoint(sqlite: Database.Database, date: string): StartingPoint {
  // Months close in order, so the date's own month (if closed but not yet over by `date`) or the one
  // before it is the answer.
  const months = prepared(
    sqlite,
    'SELECT month FROM month_closes WHERE month <= ? ORDER BY month DESC LIMIT 2',
  ).all(date.slice(0, 7)) as { month: string }[];
  for (const { month } of months) {
    const end = monthEnd(month);
    if (end <= date) return { month, end };
  }
  return null;
}

/**
 * How to reach the balances at the end of `date`: forward from the starting point, adding the
 * movements after it, or backward from the current balances (stock_balances, always the sum of every
 * movement), taking away the movements after the date. A report that goes on scanning to
 * `scanUntil` (a period's end) needs the movements up to there in either case.
 */
export type Route = { direction: 'forward'; start: StartingPoint } | { direction: 'backward' };

/** The last day any posting can have: scanning "after a date" runs up to here. */
export const endOfTime = '9999-12-31';

export function routeTo(sqlite: Database.Database, date: string, scanUntil = date): Route {
  const start = startingPoint(sqlite, date);
  const forward = movementsBetween(sqlite, start?.end ?? '', scanUntil);
  const backward = movementsBetween(sqlite, date, endOfTime);
  return forward <= backward ? { direction: 'forward', start } : { direction: 'backward' };
}

/**
 * About how many movements are dated after `after` up to `through`, from where each date falls in
 * posting order: ids follow posting, which mostly follows the date, so the difference of two ids
 * found on the date index is a good estimate at the cost of two index lookups. Backdated postings
 * only blur the choice of route; either route gives the same figures.
 */
function movementsBetween(sqlite: Database.Database, after: string, through: string): number {
  return Math.max(0, firstIdAfter(sqlite, through) - firstIdAfter(sqlite, after));
}

function firstIdAfter(sqlite: Database.Database, date: string): number {
  const first = prepared(
    sqlite,
    'SELECT id FROM stock_movements WHERE posting_date > ? ORDER BY posting_date, id LIMIT 1',
  ).get(date) as { id: number } | undefined;
  if (first) return first.id;
  const last = prepared(sqlite, 'SELECT max(id) AS id FROM stock_movements').get() as { id: number | null };
  return (last.id ?? 0) + 1;
}

/** Narrows a statement to one goods: the condition, and the parameter it binds. */
function forGoods(goodsId: number | undefined): { condition: string; parameters: number[] } {
  return goodsId === undefined
    ? { condition: '', parameters: [] }
    : { condition: ' AND goods_id = ?', parameters: [goodsId] };
}

/** The on-hand balances a route starts from, per goods × warehouse. */
export function routeBalances(sqlite: Database.Database, route: Route, goodsId?: number): StockPosition[] {
  const goods = forGoods(goodsId);
  if (route.direction === 'backward') {
    return prepared(
      sqlite,
      'SELECT goods_id AS goodsId, warehouse_id AS warehouseId, sum(quantity) AS quantity, sum(value) AS value ' +
        `FROM stock_balances WHERE in_transit = 0${goods.condition} GROUP BY goods_id, warehouse_id`,
    ).all(...goods.parameters) as StockPosition[];
  }
  if (route.start === null) return [];
  return prepared(
    sqlite,
    'SELECT goods_id AS goodsId, warehouse_id AS warehouseId, sum(quantity) AS quantity, sum(value) AS value ' +
      `FROM closing_balances WHERE month = ?${goods.condition} GROUP BY goods_id, warehouse_id`,
  ).all(route.start.month, ...goods.parameters) as StockPosition[];
}

/** The day after which a route's scan of movements starts. */
export function scanStart(route: Route, date: string): string {
  return route.direction === 'backward' ? date : (route.start?.end ?? '');
}

/**
 * On hand per goods × warehouse at the end of `date`, as one statement (goods_id, warehouse_id,
 * quantity, value, grouped by goods × warehouse): the route's starting balances, and the movements
 * between there and the date added (forward) or taken away (backward). A place the start holds or a
 * movement touches is there, even at zero.
 */
export function onHandQuery(
  sqlite: Database.Database,
  date: string,
  goodsId?: number,
): { sql: string; parameters: unknown[] } {
  const route = routeTo(sqlite, date);
  const goods = forGoods(goodsId);
  const backward = route.direction === 'backward';
  const start = backward
    ? {
        sql: `SELECT goods_id, warehouse_id, quantity, value FROM stock_balances WHERE in_transit = 0${goods.condition}`,
        parameters: goods.parameters,
      }
    : route.start === null
      ? null
      : {
          sql: `SELECT goods_id, warehouse_id, quantity, value FROM closing_balances WHERE month = ?${goods.condition}`,
          parameters: [route.start.month, ...goods.parameters],
        };
  const movements =
    `SELECT goods_id, warehouse_id, ${backward ? '-quantity, -value' : 'quantity, value'} FROM stock_movements ` +
    `WHERE posting_date > ? AND posting_date <= ? AND in_transit = 0${goods.condition}`;
  const movementParameters = [scanStart(route, date), backward ? endOfTime : date, ...goods.parameters];
  return {
    sql:
      'SELECT goods_id, warehouse_id, sum(quantity) AS quantity, sum(value) AS value FROM (' +
      `${start ? `${start.sql} UNION ALL ` : ''}${movements}) GROUP BY goods_id, warehouse_id`,
    parameters: [...(start?.parameters ?? []), ...movementParameters],
  };
}

/** On hand per goods × warehouse at the end of `date` (keyed by positionKey), in goods × warehouse order. */
export function onHandAsOf(
  sqlite: Database.Database,
  date: string,
  goodsId?: number,
): Map<string, StockPosition> {
  const { sql, parameters } = onHandQuery(sqlite, date, goodsId);
  const rows = prepared(sqlite, sql)
    .raw(true)
    .all(...parameters) as [goods: number, warehouse: number, quantity: number, value: number][];
  const positions = new Map<string, StockPosition>();
  for (const [goods, warehouse, quantity, value] of rows)
    positions.set(positionKey(goods, warehouse), { goodsId: goods, warehouseId: warehouse, quantity, value });
  return positions;
}

/**
 * Stock in transit per goods at the end of `date`: today's in-transit balances less the in-transit
 * movements dated after it. Only the goods × destinations that ever held stock in transit are read
 * (stock_balances keeps their rows), each through the goods index.
 */
export function inTransitAsOf(
  sqlite: Database.Database,
  date: string,
  goodsId?: number,
): Map<number, { quantity: number; value: number }> {
  const goods = forGoods(goodsId);
  const rows = prepared(
    sqlite,
    'SELECT goods_id AS goodsId, sum(quantity) AS quantity, sum(value) AS value FROM (' +
      `SELECT goods_id, quantity, value FROM stock_balances WHERE in_transit = 1${goods.condition} ` +
      'UNION ALL SELECT m.goods_id, -m.quantity, -m.value FROM (SELECT DISTINCT goods_id, warehouse_id ' +
      `FROM stock_balances WHERE in_transit = 1${goods.condition}) p JOIN stock_movements m ` +
      'ON m.goods_id = p.goods_id AND m.warehouse_id = p.warehouse_id AND m.in_transit = 1 AND m.posting_date > ?' +
      ') GROUP BY goods_id',
  ).all(...goods.parameters, ...goods.parameters, date) as {
    goodsId: number;
    quantity: number;
    value: number;
  }[];
  return new Map(rows.map((row) => [row.goodsId, { quantity: row.quantity, value: row.value }]));
}
