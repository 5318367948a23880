import type Database from 'better-sqlite3';
import { prepared } from '../../../db/prepared';
import { monthOf } from '../../../domain/calendar/calendar';
import { inTransitAsOf, onHandAsOf, onHandQuery } from '../../reports/stock-position';
import { positionValues } from '../../reports/value-allocation';
import type { PeriodSection, RowSink } from '../upload-section';

/**
 * The period figures head office consolidates (UPLOAD.md "Contents"). Each is read the way the branch's
 * own report reads it, so head office's figures for the branch equal the branch's reports: the stock
 * balance as 库存余额表 values it, movements as 进销存汇总 sums them, trade and money from the
 * completed documents and open items the branch's sales and 往来 reports read.
 *
 * The sums are made in SQL, and so is each part's text: each row's JSON (json_object, uids joined in)
 * in its line, the lines joined, counted and their totalled fields summed, all in one statement. A
 * month of the large demo is some fifty thousand rows; building an object for each only to serialize it
 * took longer than the queries, and stepping the rows one by one from JavaScript, or handing SQLite's
 * numbers over beside each row, cost more than letting SQLite's own loop do it. A part is one period of
 * one section (a month's 购销 of the large demo is 4.6 MB of text), never the package.
 */

/** A period section's rows, read in SQL. */
interface JsonRows {
  /** The row's JSON: a json_object over the columns of `from`. */
  json: string;
  /** The section's totalled fields (package-format.ts `sectionSpecs`), in its order, as expressions. */
  totals: readonly string[];
  /** `FROM … WHERE …`: which rows. */
  from: string;
  /** `ORDER BY …`: the lines' order. */
  order: string;
  parameters: readonly unknown[];
}

function writeJsonRows(out: RowSink, sqlite: Database.Database, rows: JsonRows): void {
  const sums = rows.totals.map((_, index) => `, coalesce(sum(t${index}), 0)`).join('');
  const totalled = rows.totals.map((total, index) => `, ${total} AS t${index}`).join('');
  // The aggregate reads the ordered subquery as it comes (SQLite does not flatten an ordered subquery
  // into an aggregate): the lines are joined in the order given. package-writer.test.ts says so.
  // As a blob: the bytes come over as they are, into a Buffer the writer copies from, not a string.
  const [bytes, count, ...totals] = prepared(
    sqlite,
    `SELECT CAST(coalesce(group_concat(line, ''), '') AS BLOB), count(*)${sums} FROM (` +
      `SELECT ? || ${rows.json} || '}' || char(10) AS line${totalled} ${rows.from} ${rows.order})`,
  )
    .raw(true)
    .safeIntegers(true)
    .get(out.linePrefix, ...rows.parameters) as [Buffer, bigint, ...bigint[]];
  out.lines(bytes, Number(count), totals);
}

/**
 * 库存余额: on hand per goods × warehouse at the period's end, valued as the balance report values it.
 * Under 分仓核算 a place's value is its own, and SQL writes the rows; under 统一核算 each place takes its
 * share of the goods' value (value-allocation.ts), worked out here as the report works it out.
 */
export const stockBalancesSection: PeriodSection = {
  shape: 'period',
  name: 'stock_balances',
  write({ sqlite, profile, uids }, period, out) {
    if (profile.costingScope !== 'per_branch') {
      const onHand = onHandQuery(sqlite, period.to);
      writeJsonRows(out, sqlite, {
        json: "json_object('goodsUid', g.uid, 'warehouseUid', w.uid, 'quantity', p.quantity, 'value', p.value)",
        totals: ['p.quantity', 'p.value'],
        from:
          `FROM (${onHand.sql}) p JOIN goods g ON g.id = p.goods_id JOIN warehouses w ON w.id = p.warehouse_id ` +
          'WHERE p.quantity <> 0 OR p.value <> 0',
        order: 'ORDER BY p.goods_id, p.warehouse_id',
        parameters: onHand.parameters,
      });
      return;
    }
    const positions = [...onHandAsOf(sqlite, period.to).values()];
    const values = positionValues(true, positions, () => inTransitAsOf(sqlite, period.to));
    for (const position of positions) {
      const value = values.get(position)!;
      if (position.quantity === 0 && value === 0) continue;
      out.row({
        goodsUid: uids.goods(position.goodsId),
        warehouseUid: uids.warehouse(position.warehouseId),
        quantity: position.quantity,
        value,
      });
    }
  },
};

/**
 * 收发汇总: what moved per goods × warehouse × kind within the period (in transit excluded, as on hand).
 * A month reads the sums kept with the movements (movement_month_totals); a day or a week, shorter,
 * adds up its own movements.
 */
export const movementSummarySection: PeriodSection = {
  shape: 'period',
  name: 'movement_summary',
  write({ sqlite }, period, out) {
    const [sums, parameters] =
      period.kind === 'month'
        ? [
            'SELECT goods_id, warehouse_id, kind, quantity, value, movements FROM movement_month_totals ' +
              'WHERE month = ? AND movements > 0',
            [period.key],
          ]
        : [
            'SELECT goods_id, warehouse_id, kind, sum(quantity) AS quantity, sum(value) AS value, count(*) AS movements ' +
              'FROM stock_movements WHERE posting_date BETWEEN ? AND ? AND in_transit = 0 GROUP BY 1, 2, 3',
            [period.from, period.to],
          ];
    writeJsonRows(out, sqlite, {
      json:
        "json_object('goodsUid', g.uid, 'warehouseUid', w.uid, 'kind', s.kind, 'quantity', s.quantity, " +
        "'value', s.value, 'movements', s.movements)",
      totals: ['s.quantity', 's.value'],
      from: `FROM (${sums}) s JOIN goods g ON g.id = s.goods_id JOIN warehouses w ON w.id = s.warehouse_id`,
      order: 'ORDER BY s.goods_id, s.warehouse_id, s.kind',
      parameters,
    });
  },
};

/**
 * 购销: sales and purchases per counterparty × goods within the period — net quantity (returns and red
 * reversals subtract), amount without and with tax, and cost: the stock value the issues took (sales)
 * or the receipts booked (purchases), as it stands now, so re-costing shows here as in 毛利. A month
 * reads the sums kept with the documents (trade_month_totals); a day or a week adds up its lines, through
 * the same view (`trade_line_figures`) those sums are kept from.
 */
export const tradeSection: PeriodSection = {
  shape: 'period',
  name: 'trade',
  write({ sqlite }, period, out) {
    const [sums, parameters] =
      period.kind === 'month'
        ? [
            'SELECT side, counterparty_id, goods_id, quantity, amount, amount_with_tax, cost, lines ' +
              'FROM trade_month_totals WHERE month = ? AND lines <> 0',
            [period.key],
          ]
        : [
            'SELECT side, counterparty_id, goods_id, sum(quantity) AS quantity, sum(amount) AS amount, ' +
              'sum(amount_with_tax) AS amount_with_tax, sum(cost) AS cost, count(*) AS lines ' +
              "FROM trade_line_figures WHERE status = 'completed' AND business_date BETWEEN ? AND ? GROUP BY 1, 2, 3",
            [period.from, period.to],
          ];
    writeJsonRows(out, sqlite, {
      json:
        "json_object('side', t.side, 'counterpartyUid', c.uid, 'goodsUid', g.uid, 'quantity', t.quantity, " +
        "'amount', t.amount, 'amountWithTax', t.amount_with_tax, 'cost', t.cost, 'lines', t.lines)",
      totals: ['t.quantity', 't.amount', 't.cost'],
      from:
        `FROM (${sums}) t ` +
        'LEFT JOIN counterparties c ON c.id = t.counterparty_id JOIN goods g ON g.id = t.goods_id',
      order: 'ORDER BY t.side, t.counterparty_id, t.goods_id',
      parameters,
    });
  },
};

/**
 * 往来: receivables and payables per counterparty — the balance at the period's end (the sum of open
 * items up to it, DOMAIN.md §7), and what raised and lowered it within the period. A month reads the
 * sums kept with the open items (money_month_totals) up to and including it; a day or a week reads them
 * for the months before its own, and from that month's first day to the period's end the items
 * themselves.
 */
export const moneyBalancesSection: PeriodSection = {
  shape: 'period',
  name: 'money_balances',
  write({ sqlite }, period, out) {
    const month = monthOf(period.from);
    const [sums, parameters] =
      period.kind === 'month'
        ? [
            'SELECT side, counterparty_id, sum(debit - credit) AS balance, ' +
              'sum(CASE WHEN month = ? THEN debit ELSE 0 END) AS debit, ' +
              'sum(CASE WHEN month = ? THEN credit ELSE 0 END) AS credit ' +
              'FROM money_month_totals WHERE month <= ? GROUP BY side, counterparty_id',
            [period.key, period.key, period.key],
          ]
        : [
            'SELECT side, counterparty_id, sum(balance) AS balance, sum(debit) AS debit, sum(credit) AS credit FROM (' +
              '    SELECT side, counterparty_id, debit - credit AS balance, 0 AS debit, 0 AS credit ' +
              '    FROM money_month_totals WHERE month < ? ' +
              '  UNION ALL ' +
              '    SELECT side, counterparty_id, amount, ' +
              '      CASE WHEN business_date >= ? AND amount > 0 THEN amount ELSE 0 END, ' +
              '      CASE WHEN business_date >= ? AND amount < 0 THEN -amount ELSE 0 END ' +
              '    FROM open_items WHERE business_date BETWEEN ? AND ?' +
              '  ) GROUP BY side, counterparty_id',
            [month, period.from, period.from, `${month}-01`, period.to],
          ];
    writeJsonRows(out, sqlite, {
      json: "json_object('side', b.side, 'counterpartyUid', c.uid, 'balance', b.balance, 'debit', b.debit, 'credit', b.credit)",
      totals: ['b.balance', 'b.debit', 'b.credit'],
      from:
        `FROM (${sums}) b JOIN counterparties c ON c.id = b.counterparty_id ` +
        'WHERE b.balance <> 0 OR b.debit <> 0 OR b.credit <> 0',
      order: 'ORDER BY b.side, b.counterparty_id',
      parameters,
    });
  },
};
