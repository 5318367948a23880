import type Database from 'better-sqlite3';

/*
 * The month sums kept by triggers for the upload (migration 0019: 收发汇总, 购销, 往来 by month) against the
 * same sums made afresh from the movements, document lines and open items, as a second reader writes
 * them — not through the view the triggers read. Answers with the keys that differ, for a person; an
 * empty list is a kept rule. Rows whose every figure is zero count as absent.
 */

interface Totals {
  kept: string;
  afresh: string;
  key: readonly string[];
}

const totals: Record<string, Totals> = {
  movement_month_totals: {
    key: ['month', 'goods_id', 'warehouse_id', 'kind'],
    kept: 'SELECT month, goods_id, warehouse_id, kind, quantity, value, movements FROM movement_month_totals',
    afresh:
      'SELECT substr(posting_date, 1, 7) AS month, goods_id, warehouse_id, kind, sum(quantity) AS quantity, ' +
      'sum(value) AS value, count(*) AS movements FROM stock_movements WHERE in_transit = 0 GROUP BY 1, 2, 3, 4',
  },
  trade_month_totals: {
    key: ['month', 'side', 'counterparty_id', 'goods_id'],
    kept: 'SELECT month, side, counterparty_id, goods_id, quantity, amount, amount_with_tax, cost, lines FROM trade_month_totals',
    afresh:
      "SELECT substr(d.business_date, 1, 7) AS month, CASE WHEN d.type LIKE 'sales%' THEN 'sales' ELSE 'purchases' END AS side, " +
      'coalesce(d.counterparty_id, 0) AS counterparty_id, l.goods_id, ' +
      "sum(iif(d.type LIKE '%return', -1, 1) * coalesce(l.confirmed_base_quantity, l.base_quantity)) AS quantity, " +
      "sum(iif(d.type LIKE '%return', -1, 1) * l.amount) AS amount, " +
      "sum(iif(d.type LIKE '%return', -1, 1) * l.amount_with_tax) AS amount_with_tax, " +
      "sum(iif(d.type LIKE 'sales%', -1, 1) * (SELECT coalesce(sum(m.value), 0) FROM stock_movements m WHERE m.line_id = l.id)) AS cost, " +
      'count(*) AS lines FROM documents d JOIN document_lines l ON l.document_id = d.id ' +
      "WHERE d.status = 'completed' AND d.type IN ('sales_delivery', 'sales_return', 'purchase_receipt', 'purchase_return') " +
      'GROUP BY 1, 2, 3, 4',
  },
  money_month_totals: {
    key: ['side', 'counterparty_id', 'month'],
    kept: 'SELECT side, counterparty_id, month, debit, credit FROM money_month_totals',
    afresh:
      'SELECT side, counterparty_id, substr(business_date, 1, 7) AS month, ' +
      'sum(iif(amount > 0, amount, 0)) AS debit, sum(iif(amount < 0, -amount, 0)) AS credit FROM open_items GROUP BY 1, 2, 3',
  },
};

function keyed(sqlite: Database.Database, sql: string, key: readonly string[]): Map<string, string> {
  const rows = sqlite.prepare(sql).all() as Record<string, string | number>[];
  const map = new Map<string, string>();
  for (const row of rows) {
    const figures = Object.entries(row).filter(([column]) => !key.includes(column));
    if (figures.every(([, value]) => value === 0)) continue;
    map.set(key.map((column) => row[column]).join('/'), JSON.stringify(Object.fromEntries(figures)));
  }
  return map;
}

export function monthTotalsUnlikeAfresh(sqlite: Database.Database): string[] {
  const problems: string[] = [];
  for (const [table, { kept, afresh, key }] of Object.entries(totals)) {
    const held = keyed(sqlite, kept, key);
    const summed = keyed(sqlite, afresh, key);
    for (const at of new Set([...held.keys(), ...summed.keys()])) {
      if (held.get(at) !== summed.get(at))
        problems.push(`${table} ${at}: kept ${held.get(at) ?? 'none'}, afresh ${summed.get(at) ?? 'none'}`);
    }
  }
  return problems;
}
