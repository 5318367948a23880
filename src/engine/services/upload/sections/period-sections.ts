import { onHandAsOf } from '../../reports/stock-position';
import { positionValues } from '../../reports/value-allocation';
import { inTransitAsOf } from '../../reports/stock-position';
import type { PeriodSection } from '../upload-section';

/**
 * The period figures head office consolidates (UPLOAD.md "Contents"). Each is read the way the branch's
 * own report reads it, so head office's figures for the branch equal the branch's reports: the stock
 * balance as 库存余额表 values it, movements as 进销存汇总 sums them, trade and money from the
 * completed documents and open items the branch's sales and 往来 reports read.
 */

/** 库存余额: on hand per goods × warehouse at the period's end, valued as the balance report values it. */
export const stockBalancesSection: PeriodSection = {
  shape: 'period',
  name: 'stock_balances',
  *rows({ sqlite, profile, uids }, period) {
    const positions = [...onHandAsOf(sqlite, period.to).values()];
    const values = positionValues(profile.costingScope === 'per_branch', positions, () =>
      inTransitAsOf(sqlite, period.to),
    );
    for (const position of positions) {
      const value = values.get(position)!;
      if (position.quantity === 0 && value === 0) continue;
      yield {
        goodsUid: uids.goods(position.goodsId),
        warehouseUid: uids.warehouse(position.warehouseId),
        quantity: position.quantity,
        value,
      };
    }
  },
};

/** 收发汇总: what moved per goods × warehouse × kind within the period (in transit excluded, as on hand). */
export const movementSummarySection: PeriodSection = {
  shape: 'period',
  name: 'movement_summary',
  *rows({ sqlite, uids }, period) {
    const rows = sqlite
      .prepare(
        'SELECT goods_id, warehouse_id, kind, sum(quantity), sum(value), count(*) FROM stock_movements ' +
          'WHERE posting_date BETWEEN ? AND ? AND in_transit = 0 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3',
      )
      .raw(true)
      .iterate(period.from, period.to) as IterableIterator<[number, number, string, number, number, number]>;
    for (const [goodsId, warehouseId, kind, quantity, value, movements] of rows) {
      yield {
        goodsUid: uids.goods(goodsId),
        warehouseUid: uids.warehouse(warehouseId),
        kind,
        quantity,
        value,
        movements,
      };
    }
  },
};

/**
 * 购销: sales and purchases per counterparty × goods within the period — net quantity (returns and red
 * reversals subtract), amount without and with tax, and cost: the stock value the issues took (sales)
 * or the receipts booked (purchases), as it stands now, so re-costing shows here as in 毛利.
 */
export const tradeSection: PeriodSection = {
  shape: 'period',
  name: 'trade',
  *rows({ sqlite, uids }, period) {
    const rows = sqlite
      .prepare(
        "SELECT CASE WHEN d.type IN ('sales_delivery', 'sales_return') THEN 'sales' ELSE 'purchases' END AS side, " +
          'd.counterparty_id, l.goods_id, ' +
          "sum(CASE WHEN d.type IN ('sales_return', 'purchase_return') THEN -1 ELSE 1 END * coalesce(l.confirmed_base_quantity, l.base_quantity)), " +
          "sum(CASE WHEN d.type IN ('sales_return', 'purchase_return') THEN -1 ELSE 1 END * l.amount), " +
          "sum(CASE WHEN d.type IN ('sales_return', 'purchase_return') THEN -1 ELSE 1 END * l.amount_with_tax), " +
          "sum(CASE WHEN d.type IN ('sales_delivery', 'sales_return') THEN -1 ELSE 1 END * " +
          '  coalesce((SELECT sum(m.value) FROM stock_movements m WHERE m.line_id = l.id), 0)), ' +
          'count(*) ' +
          'FROM documents d JOIN document_lines l ON l.document_id = d.id ' +
          "WHERE d.status = 'completed' AND d.type IN ('sales_delivery', 'sales_return', 'purchase_receipt', 'purchase_return') " +
          'AND d.business_date BETWEEN ? AND ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3',
      )
      .raw(true)
      .iterate(period.from, period.to) as IterableIterator<
      [string, number | null, number, number, number, number, number, number]
    >;
    for (const [side, counterpartyId, goodsId, quantity, amount, amountWithTax, cost, lines] of rows) {
      yield {
        side,
        counterpartyUid: uids.counterparty(counterpartyId),
        goodsUid: uids.goods(goodsId),
        quantity,
        amount,
        amountWithTax,
        cost,
        lines,
      };
    }
  },
};

/**
 * 往来: receivables and payables per counterparty — the balance at the period's end (the sum of open
 * items up to it, DOMAIN.md §7), and what raised and lowered it within the period.
 */
export const moneyBalancesSection: PeriodSection = {
  shape: 'period',
  name: 'money_balances',
  *rows({ sqlite, uids }, period) {
    const rows = sqlite
      .prepare(
        'SELECT side, counterparty_id, sum(amount), ' +
          'sum(CASE WHEN business_date >= ? AND amount > 0 THEN amount ELSE 0 END), ' +
          'sum(CASE WHEN business_date >= ? AND amount < 0 THEN -amount ELSE 0 END) ' +
          'FROM open_items WHERE business_date <= ? GROUP BY 1, 2 ORDER BY 1, 2',
      )
      .raw(true)
      .iterate(period.from, period.from, period.to) as IterableIterator<
      [string, number, number, number, number]
    >;
    for (const [side, counterpartyId, balance, debit, credit] of rows) {
      if (balance === 0 && debit === 0 && credit === 0) continue;
      yield { side, counterpartyUid: uids.counterparty(counterpartyId), balance, debit, credit };
    }
  },
};
