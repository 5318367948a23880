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
interface MovementSum {
  month: string;
  goodsId: number;
  warehouseId: number;
  kind: string;
  value: number;
}

export class MonthTotalsChange {
  private readonly movements = new Map<string, MovementSum>();
  /** By document × goods, which every line of them shares its 购销 key with; one line stands for them. */
  private readonly trade = new Map<
    string,
    { documentId: number; goodsId: number; lineId: number; value: number }
  >();
  // Re-costed movements come in date order, mostly of one goods: the last sums hit again without a lookup.
  private lastMovement: MovementSum | null = null;
  private lastTrade: { documentId: number; goodsId: number; lineId: number; value: number } | null = null;

  /** A movement whose value moves by `difference`. */
  add(row: MovementRow, difference: number): void {
    if (row.in_transit === 0) {
      let sum = this.lastMovement;
      if (
        sum === null ||
        sum.goodsId !== row.goods_id ||
        sum.warehouseId !== row.warehouse_id ||
        sum.kind !== row.kind ||
        !row.posting_date.startsWith(sum.month)
      ) {
        const month = row.posting_date.slice(0, 7);
        const key = `${month}:${row.goods_id}:${row.warehouse_id}:${row.kind}`;
        sum = this.movements.get(key) ?? {
          month,
          goodsId: row.goods_id,
          warehouseId: row.warehouse_id,
          kind: row.kind,
          value: 0,
        };
        this.movements.set(key, sum);
        this.lastMovement = sum;
      }
      sum.value += difference;
    }
    let cost = this.lastTrade;
    if (cost === null || cost.documentId !== row.document_id || cost.goodsId !== row.goods_id) {
      const key = `${row.document_id}:${row.goods_id}`;
      cost = this.trade.get(key) ?? {
        documentId: row.document_id,
        goodsId: row.goods_id,
        lineId: row.line_id,
        value: 0,
      };
      this.trade.set(key, cost);
      this.lastTrade = cost;
    }
    cost.value += difference;
  }

  apply(sqlite: Database.Database): void {
    const moveMovements = prepared(
      sqlite,
      'UPDATE movement_month_totals SET value = value + ? WHERE month = ? AND goods_id = ? AND warehouse_id = ? AND kind = ?',
    );
    for (const { month, goodsId, warehouseId, kind, value } of this.movements.values()) {
      if (value !== 0) moveMovements.run(value, month, goodsId, warehouseId, kind);
    }
    const trade = [...this.trade.values()].filter(({ value }) => value !== 0);
    if (trade.length === 0) return;
    // A line's cost counts only while its document is completed, with the sign its side gives it (sales
    // take stock out: their movements are negative, their cost positive), as trade_line_figures reads it.
    prepared(
      sqlite,
      "UPDATE trade_month_totals SET cost = trade_month_totals.cost + x.cost FROM (SELECT f.month, f.side, f.counterparty_id, f.goods_id, sum(iif(f.side = 'sales', -1, 1) * c.value ->> '$[1]') AS cost " +
        "FROM json_each(?) c JOIN trade_line_figures f ON f.line_id = c.value ->> '$[0]' WHERE f.status = 'completed' GROUP BY 1, 2, 3, 4) x " +
        'WHERE trade_month_totals.month = x.month AND trade_month_totals.side = x.side ' +
        'AND trade_month_totals.counterparty_id = x.counterparty_id AND trade_month_totals.goods_id = x.goods_id',
    ).run(JSON.stringify(trade.map(({ lineId, value }) => [lineId, value])));
  }
}
