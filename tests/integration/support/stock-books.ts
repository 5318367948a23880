import type Database from 'better-sqlite3';
import type { Engine } from '../../../src/engine';
import { documentTypeRules, type DocumentType } from '../../../src/shared/documents/document-types';
import type { ApiOutput } from '../../../src/shared/api';
import { act } from './stock';

/*
 * The stock books read straight from a ledger's SQLite file, as a second reader, and the rules they must
 * keep whatever was posted in whatever order (DOMAIN.md §6): balances are the sum of their movements,
 * nothing at zero quantity holds value, transfers move value without losing any, every completed document
 * posted its movements and its change-log entry, and 进销存汇总 reconciles with the ledger.
 * Each check answers with the broken rows, described for a person; an empty list is a kept rule.
 */

export type CostingScopeName = 'per_warehouse' | 'per_branch';

interface Position {
  goods_id: number;
  warehouse_id: number;
  lot: string;
  in_transit: number;
  quantity: number;
  value: number;
}

const positionKey = (row: Position) => `${row.goods_id}/${row.warehouse_id}/${row.lot}/${row.in_transit}`;
const positionName = (row: Position) =>
  `goods ${row.goods_id} warehouse ${row.warehouse_id}${row.lot ? ` lot ${row.lot}` : ''}${row.in_transit ? ' in transit' : ''}`;

export function balances(sqlite: Database.Database): Position[] {
  return sqlite
    .prepare(
      'SELECT goods_id, warehouse_id, lot, in_transit, quantity, value FROM stock_balances ORDER BY 1, 2, 3, 4',
    )
    .all() as Position[];
}

/** Every balance (goods × warehouse × lot × in transit) equals the sum of its movements, in quantity and value. */
export function balancesNotSummingMovements(sqlite: Database.Database): string[] {
  const sums = sqlite
    .prepare(
      'SELECT goods_id, warehouse_id, lot, in_transit, sum(quantity) AS quantity, sum(value) AS value ' +
        'FROM stock_movements GROUP BY 1, 2, 3, 4',
    )
    .all() as Position[];
  const kept = new Map(balances(sqlite).map((row) => [positionKey(row), row]));
  const summed = new Map(sums.map((row) => [positionKey(row), row]));
  const problems: string[] = [];
  for (const key of new Set([...kept.keys(), ...summed.keys()])) {
    const balance = kept.get(key);
    const sum = summed.get(key);
    const row = (balance ?? sum)!;
    if ((balance?.quantity ?? 0) !== (sum?.quantity ?? 0) || (balance?.value ?? 0) !== (sum?.value ?? 0)) {
      problems.push(
        `${positionName(row)}: balance ${balance?.quantity ?? 0} / ${balance?.value ?? 0} fen, ` +
          `movements sum to ${sum?.quantity ?? 0} / ${sum?.value ?? 0} fen`,
      );
    }
  }
  return problems;
}

/**
 * Zero quantity holds zero value (§6.2): per balance row on hand, and per costing scope (goods × lot with
 * everything in transit under 统一核算, where one warehouse's row may hold a share of another's value).
 */
export function valueWithoutQuantity(sqlite: Database.Database, scope: CostingScopeName): string[] {
  const problems: string[] = [];
  if (scope === 'per_warehouse') {
    for (const row of balances(sqlite)) {
      if (row.in_transit === 0 && row.quantity === 0 && row.value !== 0)
        problems.push(`${positionName(row)}: quantity 0 holds ${row.value} fen`);
    }
  }
  const scopes = sqlite
    .prepare(
      scope === 'per_warehouse'
        ? 'SELECT goods_id, warehouse_id, lot, sum(quantity) AS quantity, sum(value) AS value FROM stock_balances WHERE in_transit = 0 GROUP BY 1, 2, 3'
        : 'SELECT goods_id, lot, sum(quantity) AS quantity, sum(value) AS value FROM stock_balances GROUP BY 1, 2',
    )
    .all() as { goods_id: number; warehouse_id?: number; lot: string; quantity: number; value: number }[];
  for (const row of scopes) {
    if (row.quantity === 0 && row.value !== 0)
      problems.push(
        `costing scope goods ${row.goods_id}${row.warehouse_id ? ` warehouse ${row.warehouse_id}` : ''}${row.lot ? ` lot ${row.lot}` : ''}: quantity 0 holds ${row.value} fen`,
      );
  }
  return problems;
}

/**
 * Transfers lose no value (§6.3): under 分仓核算 each transfer line's movements (out, into transit, out of
 * transit, in) sum to zero value, and what is in transit holds what left; under 统一核算 they carry none.
 */
export function transferValueLost(sqlite: Database.Database, scope: CostingScopeName): string[] {
  const lines = sqlite
    .prepare(
      'SELECT d.number, l.line_no, sum(m.value) AS total, sum(m.value) FILTER (WHERE m.in_transit = 0 AND m.quantity < 0) AS shipped, ' +
        'sum(m.value) FILTER (WHERE m.in_transit = 1 AND m.quantity > 0) AS intoTransit, ' +
        'sum(m.value) FILTER (WHERE m.in_transit = 1 AND m.quantity < 0) AS outOfTransit, ' +
        'sum(m.value) FILTER (WHERE m.in_transit = 0 AND m.quantity > 0) AS arrived, ' +
        'sum(abs(m.value)) AS moved ' +
        'FROM stock_movements m JOIN documents d ON d.id = m.document_id JOIN document_lines l ON l.id = m.line_id ' +
        "WHERE d.type = 'transfer' GROUP BY m.line_id ORDER BY d.id, l.line_no",
    )
    .all() as {
    number: string;
    line_no: number;
    total: number;
    shipped: number | null;
    intoTransit: number | null;
    outOfTransit: number | null;
    arrived: number | null;
    moved: number;
  }[];
  const problems: string[] = [];
  for (const line of lines) {
    const where = `transfer ${line.number} line ${line.line_no}`;
    const figures = `out ${line.shipped ?? 0}, into transit ${line.intoTransit ?? 0}, out of transit ${line.outOfTransit ?? 0}, in ${line.arrived ?? 0} fen`;
    if (scope === 'per_branch' && line.moved !== 0)
      problems.push(`${where} moves value under 统一核算: ${figures}`);
    // A reversal's line moves straight between the warehouses, with no legs in transit.
    else if (line.total !== 0 || (line.intoTransit !== null && (line.shipped ?? 0) + line.intoTransit !== 0))
      problems.push(`${where} does not conserve value: ${figures}`);
  }
  return problems;
}

/** The value of every movement but those of one document (of all, before that document exists). */
export function valueOutside(sqlite: Database.Database, documentId: number | undefined): number {
  return (
    sqlite
      .prepare('SELECT coalesce(sum(value), 0) AS value FROM stock_movements WHERE document_id IS NOT ?')
      .get(documentId ?? null) as { value: number }
  ).value;
}

export function totalStockValue(sqlite: Database.Database): number {
  return (
    sqlite.prepare('SELECT coalesce(sum(value), 0) AS value FROM stock_balances').get() as { value: number }
  ).value;
}

const stockTypes = (Object.keys(documentTypeRules) as DocumentType[]).filter((type) =>
  ['in', 'out', 'transfer', 'value'].includes(documentTypeRules[type].direction),
);

/** Every completed stock document has a movement for each line that moves something, and its change-log entry. */
export function completedWithoutPosting(sqlite: Database.Database): string[] {
  const types = JSON.stringify(stockTypes);
  const unposted = sqlite
    .prepare(
      "SELECT d.number, l.line_no FROM documents d JOIN document_lines l ON l.document_id = d.id WHERE d.status = 'completed' " +
        'AND d.type IN (SELECT value FROM json_each(?)) AND (l.base_quantity <> 0 OR l.amount <> 0) ' +
        'AND NOT EXISTS (SELECT 1 FROM stock_movements m WHERE m.line_id = l.id) ORDER BY d.id, l.line_no',
    )
    .all(types) as { number: string; line_no: number }[];
  const unlogged = sqlite
    .prepare(
      "SELECT d.number FROM documents d WHERE d.status = 'completed' AND d.type IN (SELECT value FROM json_each(?)) " +
        "AND NOT EXISTS (SELECT 1 FROM change_log c WHERE c.entity = 'document' AND c.entity_uid = d.uid) ORDER BY d.id",
    )
    .all(types) as { number: string }[];
  return [
    ...unposted.map((row) => `completed ${row.number} line ${row.line_no} has no stock movement`),
    ...unlogged.map((row) => `completed ${row.number} has no change-log entry`),
  ];
}

/** The book quantity of goods × warehouse × lot at the end of a date, as a stocktake counts against it (§6.5). */
export function bookQuantityAt(
  sqlite: Database.Database,
  place: { goodsId: number; warehouseId: number; lot: string },
  date: string,
): number {
  return (
    sqlite
      .prepare(
        'SELECT coalesce(sum(quantity), 0) AS quantity FROM stock_movements WHERE goods_id = ? AND warehouse_id = ? ' +
          'AND lot = ? AND in_transit = 0 AND posting_date <= ?',
      )
      .get(place.goodsId, place.warehouseId, place.lot, date) as { quantity: number }
  ).quantity;
}

/**
 * Every movement's quantity and value, summed per document line and kind, keyed by a name the test gives
 * each document (`documentKeys`, by id), so two ledgers holding the same documents can be compared.
 */
export function movementsByLine(sqlite: Database.Database, documentKeys: ReadonlyMap<number, string>) {
  const rows = sqlite
    .prepare(
      'SELECT m.document_id, l.line_no, m.kind, m.warehouse_id, m.lot, m.in_transit, sum(m.quantity) AS quantity, ' +
        'sum(m.value) AS value, sum(m.correction) AS correction FROM stock_movements m JOIN document_lines l ON l.id = m.line_id ' +
        'GROUP BY 1, 2, 3, 4, 5, 6',
    )
    .all() as {
    document_id: number;
    line_no: number;
    kind: string;
    warehouse_id: number;
    lot: string;
    in_transit: number;
    quantity: number;
    value: number;
    correction: number;
  }[];
  const book: Record<string, { quantity: number; value: number; correction: number }> = {};
  for (const row of rows) {
    const document = documentKeys.get(row.document_id) ?? `unnamed document ${row.document_id}`;
    const key = `${document} line ${row.line_no} ${row.kind} warehouse ${row.warehouse_id}${row.lot ? ` lot ${row.lot}` : ''}${row.in_transit ? ' in transit' : ''}`;
    book[key] = { quantity: row.quantity, value: row.value, correction: row.correction };
  }
  return book;
}

type PeriodSummary = ApiOutput<'reports.periodSummary'>;
type SummaryRow = PeriodSummary['rows'][number];

/** Scaled integers from the engine's decimal text, exactly ("-52.03" → -5203 at 2 decimals). */
export function scaled(shown: string | null, decimals = 2): number {
  // The books are read as the administrator: a cost figure is always there.
  const text = shown!;
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const magnitude = Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || '0');
  return negative ? -magnitude : magnitude;
}

const inflows = ['purchase', 'salesReturn', 'transferIn', 'gain', 'otherIn'] as const;
const outflows = ['sales', 'purchaseReturn', 'transferOut', 'loss', 'otherOut'] as const;

export function periodSummaryOf(engine: Engine, from: string, to: string): Promise<PeriodSummary> {
  return act(engine, 'reports.periodSummary', { from, to });
}

/** The goods with a quantity in transit at the end of a date. */
function goodsInTransit(sqlite: Database.Database, date: string): Set<number> {
  const rows = sqlite
    .prepare(
      'SELECT goods_id FROM stock_movements WHERE posting_date <= ? AND in_transit = 1 GROUP BY goods_id HAVING sum(quantity) <> 0',
    )
    .all(date) as { goods_id: number }[];
  return new Set(rows.map((row) => row.goods_id));
}

/**
 * 进销存汇总 reconciles (§6.1): per row and in total, opening + in − out (+ adjustment, + allocation) =
 * closing in quantity and value, the columns add up to in and out, allocation is zero under 分仓核算 and
 * nets to zero per goods under 统一核算 (where nothing is in transit), and closing quantities and values are the ledger's on that date.
 */
export function periodSummaryProblems(
  sqlite: Database.Database,
  report: PeriodSummary,
  scope: CostingScopeName,
): string[] {
  const problems: string[] = [];
  const at = `进销存汇总 ${report.from}..${report.to}`;
  const q = (row: SummaryRow, key: string) => scaled(row[`${key}Quantity` as keyof SummaryRow] as string);
  const v = (row: SummaryRow, key: string) => scaled(row[`${key}Value` as keyof SummaryRow] as string);
  const allocationPerGoods = new Map<number, number>();
  for (const row of report.rows) {
    const where = `${at} ${row.goodsCode} ${row.warehouseName}`;
    const sum = (keys: readonly string[], figure: typeof q) =>
      keys.reduce((total, key) => total + figure(row, key), 0);
    if (sum(inflows, q) !== q(row, 'in') || sum(inflows, v) !== v(row, 'in'))
      problems.push(`${where}: inflow columns do not add up to 入库 (${row.inQuantity}, ${row.inValue})`);
    if (sum(outflows, q) !== q(row, 'out') || sum(outflows, v) !== v(row, 'out'))
      problems.push(`${where}: outflow columns do not add up to 出库 (${row.outQuantity}, ${row.outValue})`);
    if (q(row, 'opening') + q(row, 'in') - q(row, 'out') !== q(row, 'closing'))
      problems.push(
        `${where}: quantity ${row.openingQuantity} + ${row.inQuantity} − ${row.outQuantity} ≠ ${row.closingQuantity}`,
      );
    const allocation = scaled(row.allocationValue);
    if (
      v(row, 'opening') + v(row, 'in') - v(row, 'out') + scaled(row.adjustmentValue) + allocation !==
      v(row, 'closing')
    )
      problems.push(
        `${where}: value ${row.openingValue} + ${row.inValue} − ${row.outValue} + ${row.adjustmentValue} + ${row.allocationValue} ≠ ${row.closingValue}`,
      );
    if (scope === 'per_warehouse' && allocation !== 0)
      problems.push(`${where}: allocation ${row.allocationValue} under 分仓核算`);
    allocationPerGoods.set(row.goodsId, (allocationPerGoods.get(row.goodsId) ?? 0) + allocation);
  }
  // Under 统一核算 stock in transit takes its share of the goods' value (value-allocation.ts) and has no
  // row, so the rows' shares net to zero only where nothing of the goods is in transit on either date.
  const dayBefore = new Date(Date.parse(`${report.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const travelling = new Set([...goodsInTransit(sqlite, dayBefore), ...goodsInTransit(sqlite, report.to)]);
  for (const [goodsId, allocation] of allocationPerGoods)
    if (allocation !== 0 && !travelling.has(goodsId))
      problems.push(`${at} goods ${goodsId}: allocations net to ${allocation} fen, not 0`);

  // Opening and closing figures are the ledger's own the day before and on the last day (on hand).
  const reported = new Map(report.rows.map((row) => [`${row.goodsId}/${row.warehouseId}`, row]));
  const onHandAt = (date: string) =>
    sqlite
      .prepare(
        'SELECT goods_id, warehouse_id, sum(quantity) AS quantity, sum(value) AS value FROM stock_movements ' +
          'WHERE posting_date <= ? AND in_transit = 0 GROUP BY 1, 2',
      )
      .all(date) as { goods_id: number; warehouse_id: number; quantity: number; value: number }[];
  for (const place of onHandAt(dayBefore)) {
    const row = reported.get(`${place.goods_id}/${place.warehouse_id}`);
    if ((row ? q(row, 'opening') : 0) !== place.quantity)
      problems.push(
        `${at} goods ${place.goods_id} warehouse ${place.warehouse_id}: opening quantity ${row?.openingQuantity ?? '0'}, ledger ${place.quantity}`,
      );
    if (scope === 'per_warehouse' && (row ? v(row, 'opening') : 0) !== place.value)
      problems.push(
        `${at} goods ${place.goods_id} warehouse ${place.warehouse_id}: opening value ${row?.openingValue ?? '0.00'}, ledger ${place.value} fen`,
      );
  }
  const onHand = onHandAt(report.to);
  const goodsValue = new Map<number, { ledger: number; report: number }>();
  for (const place of onHand) {
    const row = reported.get(`${place.goods_id}/${place.warehouse_id}`);
    const quantity = row ? q(row, 'closing') : 0;
    if (quantity !== place.quantity)
      problems.push(
        `${at} goods ${place.goods_id} warehouse ${place.warehouse_id}: closing quantity ${quantity}, ledger ${place.quantity}`,
      );
    if (scope === 'per_warehouse' && (row ? v(row, 'closing') : 0) !== place.value)
      problems.push(
        `${at} goods ${place.goods_id} warehouse ${place.warehouse_id}: closing value ${row?.closingValue ?? '0.00'}, ledger ${place.value} fen`,
      );
    const goods = goodsValue.get(place.goods_id) ?? { ledger: 0, report: 0 };
    goods.ledger += place.value;
    goodsValue.set(place.goods_id, goods);
  }
  for (const row of report.rows) {
    const goods = goodsValue.get(row.goodsId) ?? { ledger: 0, report: 0 };
    goods.report += v(row, 'closing');
    goodsValue.set(row.goodsId, goods);
  }
  // Under 统一核算 the warehouses' rows are shares of the goods' value; what is in transit holds none.
  if (scope === 'per_branch') {
    const inTransit = sqlite
      .prepare(
        'SELECT goods_id, sum(value) AS value FROM stock_movements WHERE posting_date <= ? AND in_transit = 1 GROUP BY 1',
      )
      .all(report.to) as { goods_id: number; value: number }[];
    for (const row of inTransit) {
      const goods = goodsValue.get(row.goods_id) ?? { ledger: 0, report: 0 };
      goods.ledger += row.value;
      goodsValue.set(row.goods_id, goods);
    }
    const travellingAtEnd = goodsInTransit(sqlite, report.to);
    for (const [goodsId, figures] of goodsValue)
      if (figures.ledger !== figures.report && !travellingAtEnd.has(goodsId))
        problems.push(
          `${at} goods ${goodsId}: closing value ${figures.report} fen, ledger ${figures.ledger} fen`,
        );
  }
  const totals = report.totals;
  const t = (key: keyof typeof totals) => scaled(totals[key]);
  if (
    t('openingValue') + t('inValue') - t('outValue') + t('adjustmentValue') + t('allocationValue') !==
    t('closingValue')
  )
    problems.push(`${at} totals: ${JSON.stringify(totals)} do not reconcile`);
  for (const key of Object.keys(totals) as (keyof typeof totals)[]) {
    const column = report.rows.reduce((sum, row) => sum + scaled(row[key as keyof SummaryRow] as string), 0);
    if (column !== t(key)) problems.push(`${at} totals: ${key} ${totals[key]} is not the sum of its rows`);
  }
  return problems;
}
