import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { MovementRow } from './movement-rows';

/**
 * The month sums the upload reads (migration 0019: movement_month_totals for 收发汇总, trade_month_totals
 * for 购销's cost) moved by re-costing. Triggers keep them as movements, lines, documents and open items
 * are written; a re-costed value is applied here instead, from `applyRevaluations`, the one path by which
 * a posted movement's value changes. A backdated receipt can re-cost a hundred thousand movements of a
 * few dozen keys: a trigger a row made that confirmation twice as slow, one UPDATE a key does not.
 */
export class MonthTotalsChange {
  private readonly movements = new Map<
    string,
    { month: string; goodsId: number; warehouseId: number; kind: string; value: number }
  >();
  private readonly lines = new Map<number, number>();

  /** A movement whose value moves by `difference`. */
  add(row: MovementRow, difference: number): void {
    if (row.in_transit === 0) {
      const month = row.posting_date.slice(0, 7);
      const key = `${month}:${row.goods_id}:${row.warehouse_id}:${row.kind}`;
      const entry = this.movements.get(key) ?? {
        month,
        goodsId: row.goods_id,
        warehouseId: row.warehouse_id,
        kind: row.kind,
        value: 0,
      };
      entry.value += difference;
      this.movements.set(key, entry);
    }
    this.lines.set(row.line_id, (this.lines.get(row.line_id) ?? 0) + difference);
  }

  apply(sqlite: Database.Database): void {
    const moveMovements = prepared(
      sqlite,
      'UPDATE movement_month_totals SET value = value + ? WHERE month = ? AND goods_id = ? AND warehouse_id = ? AND kind = ?',
    );
    for (const { month, goodsId, warehouseId, kind, value } of this.movements.values()) {
      if (value !== 0) moveMovements.run(value, month, goodsId, warehouseId, kind);
    }
    if (this.lines.size === 0) return;
    // A line's cost counts only while its document is completed, with the sign its side gives it (sales
    // take stock out: their movements are negative, their cost positive), as trade_line_figures reads it.
    prepared(
      sqlite,
      "UPDATE trade_month_totals SET cost = trade_month_totals.cost + x.cost FROM (SELECT f.month, f.side, f.counterparty_id, f.goods_id, sum(iif(f.side = 'sales', -1, 1) * c.value ->> '$[1]') AS cost " +
        "FROM json_each(?) c JOIN trade_line_figures f ON f.line_id = c.value ->> '$[0]' WHERE f.status = 'completed' GROUP BY 1, 2, 3, 4) x " +
        'WHERE trade_month_totals.month = x.month AND trade_month_totals.side = x.side ' +
        'AND trade_month_totals.counterparty_id = x.counterparty_id AND trade_month_totals.goods_id = x.goods_id',
    ).run(JSON.stringify([...this.lines].filter(([, difference]) => difference !== 0)));
  }
}
