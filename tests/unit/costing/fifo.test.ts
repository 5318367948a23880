import { describe, it } from 'vitest';
import { fifo } from '../../../src/engine/domain/costing/fifo';
import { adjust, allowNegative, expectTable, issue, receive, type Row } from './table';

// ERPNext keeps FIFO as [qty, rate] bins with float rates; here a layer keeps its remaining value in fen,
// so consuming a whole layer takes exactly its value. Rates below are ERPNext's × 100 (rate 10 → 1000 fen).

describe('FIFO (DOMAIN.md §6.2)', () => {
  it('an issue consumes the oldest layers first', () => {
    // ERPNext erpnext/stock/tests/test_valuation.py, TestFIFOValuation.test_remove_multiple_bins:
    // add 1 @ 10, 2 @ 20, 1 @ 20, 5 @ 20; remove 4 → [[5, 20]]. ERPNext merges consecutive bins of one rate
    // ([[1, 10], [8, 20]]); we keep one layer per receipt, because a purchase return names its origin
    // receipt's layer (§6.4), and the values agree.
    const rows: Row[] = [
      [receive(1, 1_000), 1_000, 1, 1_000],
      [receive(2, 4_000), 4_000, 3, 5_000],
      [receive(1, 2_000), 2_000, 4, 7_000],
      [receive(5, 10_000), 10_000, 9, 17_000],
      [issue(4), -7_000, 5, 10_000, { layers: [[5, 10_000]] }],
    ];
    expectTable(fifo, rows);
  });

  it('keeps running totals through issues and later receipts', () => {
    // ERPNext TestFIFOValuation.test_totals: add 1 @ 10, 2 @ 13, 1 @ 17; remove 1 three times;
    // add 5 @ 17, 8 @ 11 (its tearDown checks the totals).
    // prettier-ignore
    const rows: Row[] = [
      [receive(1, 1_000), 1_000, 1, 1_000],
      [receive(2, 2_600), 2_600, 3, 3_600],
      [receive(1, 1_700), 1_700, 4, 5_300],
      [issue(1), -1_000, 3, 4_300],
      [issue(1), -1_300, 2, 3_000],
      [issue(1), -1_300, 1, 1_700],
      [receive(5, 8_500), 8_500, 6, 10_200],
      [receive(8, 8_800), 8_800, 14, 19_000, { layers: [[1, 1_700], [5, 8_500], [8, 8_800]] }],
    ];
    expectTable(fifo, rows);
  });

  it('takes the partly consumed layer at its own unit cost, the rest of it exactly', () => {
    // Odoo addons/stock_account/tests/test_stockvaluationlayer.py, TestStockValuationFIFO.test_normal_1:
    // in 10 @ 10, in 10 @ 20, out 15 → 5 left worth 100.
    const rows: Row[] = [
      [receive(10, 10_000), 10_000, 10, 10_000],
      [receive(10, 20_000), 20_000, 20, 30_000],
      [issue(15), -20_000, 5, 10_000, { layers: [[5, 10_000]] }],
      [issue(5), -10_000, 0, 0, { layers: [] }],
    ];
    expectTable(fifo, rows);
  });

  it('rounds a partly consumed layer half away from zero, and a wholly consumed one takes the rest', () => {
    // prettier-ignore
    const rows: Row[] = [
      [receive(3, 1_000, 'a'), 1_000, 3, 1_000],
      [receive(2, 999, 'b'), 999, 5, 1_999],
      [issue(2), -667, 3, 1_332, { layers: [[1, 333], [2, 999]] }], // 666.67
      [issue(2), -833, 1, 499, { layers: [[1, 499]] }], // 333 + 499.5 → 500
      [issue(1), -499, 0, 0, { layers: [] }],
    ];
    expectTable(fifo, rows);
  });

  it('spreads a cost adjustment over the layers by quantity, the newest taking the residue', () => {
    // prettier-ignore
    const rows: Row[] = [
      [receive(1, 100, 'a'), 100, 1, 100],
      [receive(2, 200, 'b'), 200, 3, 300],
      [adjust(100), 100, 3, 400, { layers: [[1, 133], [2, 267]] }], // 33.33 to a, the rest to b
      [adjust(50, 'a'), 50, 3, 450, { layers: [[1, 183], [2, 267]] }], // a named layer only
      [issue(1), -183, 2, 267],
    ];
    expectTable(fifo, rows);
  });

  describe('negative stock allowed (DOMAIN.md §6.6)', () => {
    it('goes out at the last consumed layer and the next receipts correct it', () => {
      // ERPNext erpnext/stock/doctype/stock_entry/test_stock_entry.py, TestStockEntry.test_fifo
      // (allow_negative_stock): in 1 @ 10 → [[1, 10]]; out 2 → [[-1, 10]]; out 1 → [[-2, 10]];
      // in 3 @ 20 → [[1, 20]]; in 1 @ 30 → [[1, 20], [1, 30]]. The queues agree; the receipt that fills the
      // hole carries 2 × 10 for it (its correction, −20, raises COGS: those 2 really cost 20 each).
      // prettier-ignore
      const rows: Row[] = [
        [receive(1, 1_000), 1_000, 1, 1_000],
        [issue(2), -2_000, -1, -1_000, { layers: [] }],
        [issue(1), -1_000, -2, -2_000, { layers: [] }],
        [receive(3, 6_000), 4_000, 1, 2_000, { correction: -2_000, layers: [[1, 2_000]] }],
        [receive(1, 3_000), 3_000, 2, 5_000, { layers: [[1, 2_000], [1, 3_000]] }],
      ];
      expectTable(fifo, rows, allowNegative);
    });

    it('back at zero quantity is back at zero value', () => {
      // Odoo TestStockValuationFIFO.test_negative_1: in 10 @ 10, in 10 @ 20, out 30, in 10 @ 30, in 10 @ 40
      // → 10 left worth 400. The 10 units short went out at 20 (the last layer consumed); the receipt at
      // 30 fills them, stock returns to 0 / 0, and its correction (−100) puts the difference into COGS,
      // where Odoo's vacuum adds it to the delivery.
      const rows: Row[] = [
        [receive(10, 10_000), 10_000, 10, 10_000],
        [receive(10, 20_000), 20_000, 20, 30_000],
        [issue(30), -50_000, -10, -20_000],
        [receive(10, 30_000), 20_000, 0, 0, { correction: -10_000, layers: [] }],
        [receive(10, 40_000), 40_000, 10, 40_000],
      ];
      expectTable(fifo, rows, allowNegative);
    });

    it('a receipt smaller than the hole keeps the provisional cost; a larger one starts a layer', () => {
      // ERPNext TestFIFOValuation.test_adding_negative_stock_keeps_rate ([[-5, 100]] + 1 @ 10 → [[-4, 100]])
      // and test_adding_negative_stock_updates_rate ([[-5, 100]] + 6 @ 10 → [[1, 10]]). The hole of 5 at
      // 100 comes from an issue from empty stock at a provisional cost of 100 (the policy's).
      const policy = { negativeStock: 'allow', provisionalCost: { quantity: 1, value: 10_000 } } as const;
      expectTable(
        fifo,
        [
          [issue(5), -50_000, -5, -50_000],
          [receive(1, 1_000), 10_000, -4, -40_000, { correction: 9_000, layers: [] }],
        ],
        policy,
      );
      expectTable(
        fifo,
        [
          [issue(5), -50_000, -5, -50_000],
          [receive(6, 6_000), 51_000, 1, 1_000, { correction: 45_000, layers: [[1, 1_000]] }],
        ],
        policy,
      );
    });

    it('issues from stock that never had a cost at the provisional cost, later corrected', () => {
      // ERPNext TestFIFOValuation.test_negative_stock: remove 1 @ 5 from nothing → [[-1, 5]]; remove 1 →
      // [[-2, 5]]; add 2 @ 10 → zero quantity, zero value.
      const policy = { negativeStock: 'allow', provisionalCost: { quantity: 1, value: 500 } } as const;
      const rows: Row[] = [
        [issue(1), -500, -1, -500],
        [issue(1), -500, -2, -1_000],
        [receive(2, 2_000), 1_000, 0, 0, { correction: -1_000, layers: [] }],
      ];
      expectTable(fifo, rows, policy);
    });
  });
});
