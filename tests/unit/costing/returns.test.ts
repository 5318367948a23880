import { describe, it } from 'vitest';
import { fifo } from '../../../src/engine/domain/costing/fifo';
import { lifo } from '../../../src/engine/domain/costing/lifo';
import { movingAverage } from '../../../src/engine/domain/costing/moving-average';
import { specificIdentification } from '../../../src/engine/domain/costing/specific-identification';
import { expectTable, issue, receive, type Row } from './table';

// DOMAIN.md §6.4. A sales return is a receipt whose value the caller passes: the origin delivery line's
// cost. A purchase return is an issue naming its origin receipt's layer.

describe('returns (DOMAIN.md §6.4)', () => {
  describe('moving average', () => {
    it('a sales return comes back at the cost it went out at', () => {
      // Odoo addons/stock_account/tests/test_stockvaluationlayer.py, TestStockValuationAVCO
      // .test_return_delivery_1: in 1 @ 10, in 1 @ 20, out 1 (at 15), its return → 2 worth 30.
      const rows: Row[] = [
        [receive(1, 1_000), 1_000, 1, 1_000],
        [receive(1, 2_000), 2_000, 2, 3_000],
        [issue(1), -1_500, 1, 1_500],
        [receive(1, 1_500), 1_500, 2, 3_000],
      ];
      expectTable(movingAverage, rows);
    });

    it('a sales return of a delivery that took the whole stock restores it to the fen', () => {
      // Odoo TestStockValuationAVCO.test_return_delivery_rounding: in 1 @ 13.13, in 1 @ 12.20, out 2,
      // return 2 → the return's value equals the delivery's, 2 worth 25.33.
      const rows: Row[] = [
        [receive(1, 1_313), 1_313, 1, 1_313],
        [receive(1, 1_220), 1_220, 2, 2_533],
        [issue(2), -2_533, 0, 0],
        [receive(2, 2_533), 2_533, 2, 2_533],
      ];
      expectTable(movingAverage, rows);
    });

    it('a purchase return leaves at the current average, not its receipt price', () => {
      // Odoo TestStockValuationAVCO.test_return_receipt_1: in 1 @ 10, in 1 @ 20, out 1, return of the
      // first receipt → it leaves at 15 and the stock is 0 worth 0. (Payable falls by 10: the 5 between
      // is the purchase variance the caller reports, never left in stock.)
      const rows: Row[] = [
        [receive(1, 1_000, 'in-1'), 1_000, 1, 1_000],
        [receive(1, 2_000, 'in-2'), 2_000, 2, 3_000],
        [issue(1), -1_500, 1, 1_500],
        [issue(1, 'in-1'), -1_500, 0, 0],
      ];
      expectTable(movingAverage, rows);
    });
  });

  describe('FIFO', () => {
    it('a purchase return leaves out of its origin receipt layer', () => {
      // Odoo TestStockValuationFIFO.test_return_receipt_1: in 10 @ 10, in 10 @ 20, return 2 of the first
      // → 18 worth 280.
      // prettier-ignore
      const rows: Row[] = [
        [receive(10, 10_000, 'in-1'), 10_000, 10, 10_000],
        [receive(10, 20_000, 'in-2'), 20_000, 20, 30_000],
        [issue(2, 'in-1'), -2_000, 18, 28_000, { layers: [[8, 8_000], [10, 20_000]] }],
      ];
      expectTable(fifo, rows);
    });

    it('takes a layer by its key, not by matching its rate', () => {
      // ERPNext erpnext/stock/tests/test_valuation.py, TestFIFOValuation.test_removing_specified_rate:
      // add 1 @ 10, 1 @ 20, remove 1 at outgoing rate 20 → [[1, 10]]. ERPNext finds the bin by its rate;
      // we by the receipt's key, which stays right when two receipts share a price.
      const rows: Row[] = [
        [receive(1, 1_000, 'a'), 1_000, 1, 1_000],
        [receive(1, 2_000, 'b'), 2_000, 2, 3_000],
        [issue(1, 'b'), -2_000, 1, 1_000, { layers: [[1, 1_000]] }],
      ];
      expectTable(fifo, rows);
    });

    it('once the origin layer is used up, by FIFO', () => {
      // ERPNext TestFIFOValuation.test_queue_with_unknown_rate: add 1 @ 1, 1 @ 2, 1 @ 3, 1 @ 4 (total 10);
      // remove 3 at rate 1 → [[1, 4]]: the matching bin, then the oldest.
      const rows: Row[] = [
        [receive(1, 100, 'r1'), 100, 1, 100],
        [receive(1, 200, 'r2'), 200, 2, 300],
        [receive(1, 300, 'r3'), 300, 3, 600],
        [receive(1, 400, 'r4'), 400, 4, 1_000],
        [issue(3, 'r1'), -600, 1, 400, { layers: [[1, 400]] }],
      ];
      expectTable(fifo, rows);
    });

    it('a return of a receipt already sold leaves by FIFO, and its own return comes back at that cost', () => {
      // Odoo TestStockValuationFIFO.test_rereturn_receipt_1: in 1 @ 10, in 1 @ 20, out 1 (takes the 10),
      // return the first receipt (its layer is empty: the 20 leaves), return that return → 1 worth 20.
      const rows: Row[] = [
        [receive(1, 1_000, 'in-1'), 1_000, 1, 1_000],
        [receive(1, 2_000, 'in-2'), 2_000, 2, 3_000],
        [issue(1), -1_000, 1, 2_000],
        [issue(1, 'in-1'), -2_000, 0, 0],
        [receive(1, 2_000, 're-return'), 2_000, 1, 2_000],
      ];
      expectTable(fifo, rows);
    });

    it('a sales return forms a new layer at the original cost', () => {
      // Odoo TestStockValuationFIFO.test_return_delivery_1: in 10 @ 10, out 10, in 10 @ 20, return the
      // delivery → 20 worth 300; and test_rereturn_delivery_1: in 1 @ 10, in 1 @ 20, out 1, its return,
      // the return's return → 1 worth 10 (the re-delivery takes the older 20 first).
      // prettier-ignore
      expectTable(fifo, [
        [receive(10, 10_000), 10_000, 10, 10_000],
        [issue(10), -10_000, 0, 0],
        [receive(10, 20_000), 20_000, 10, 20_000],
        [receive(10, 10_000, 'sales-return'), 10_000, 20, 30_000, { layers: [[10, 20_000], [10, 10_000]] }],
      ]);
      expectTable(fifo, [
        [receive(1, 1_000), 1_000, 1, 1_000],
        [receive(1, 2_000), 2_000, 2, 3_000],
        [issue(1), -1_000, 1, 2_000],
        [receive(1, 1_000, 'sales-return'), 1_000, 2, 3_000],
        [issue(1), -2_000, 1, 1_000],
      ]);
    });

    it('a purchase return bigger than what is left of its layer takes the rest by FIFO', () => {
      const rows: Row[] = [
        [receive(10, 10_000, 'p1'), 10_000, 10, 10_000],
        [receive(10, 20_000, 'p2'), 20_000, 20, 30_000],
        [issue(5), -5_000, 15, 25_000],
        [issue(8, 'p1'), -11_000, 7, 14_000, { layers: [[7, 14_000]] }], // 5 of p1, then 3 of p2
      ];
      expectTable(fifo, rows);
    });

    it('a sales return of a delivery from negative stock comes back at the delivery line’s cost', () => {
      // Odoo TestStockValuationFIFO.test_return_delivery_3: cost 1, out 10 from nothing, in 10 @ 2, return
      // the delivery → Odoo: 10 worth 20, because its vacuum rewrites the delivery's cost to 20. Here the
      // delivery keeps the cost it went out at (10) and the receipt that filled the hole carries the
      // correction (−10, into COGS); the caller passes the delivery line's cost, so the return is worth 10.
      // A caller wanting Odoo's figure would add the correction to the origin line's cost first.
      const policy = { negativeStock: 'allow', provisionalCost: { quantity: 1, value: 100 } } as const;
      const rows: Row[] = [
        [issue(10), -1_000, -10, -1_000],
        [receive(10, 2_000), 1_000, 0, 0, { correction: -1_000 }],
        [receive(10, 1_000, 'sales-return'), 1_000, 10, 1_000],
      ];
      expectTable(fifo, rows, policy);
    });
  });

  describe('LIFO', () => {
    it('a purchase return leaves out of its origin layer even when it is the oldest', () => {
      // prettier-ignore
      const rows: Row[] = [
        [receive(10, 10_000, 'p1'), 10_000, 10, 10_000],
        [receive(10, 20_000, 'p2'), 20_000, 20, 30_000],
        [issue(4, 'p1'), -4_000, 16, 26_000, { layers: [[6, 6_000], [10, 20_000]] }],
        [issue(12), -22_000, 4, 4_000, { layers: [[4, 4_000]] }],
      ];
      expectTable(lifo, rows);
    });

    it('then by LIFO once its layer is used up', () => {
      const rows: Row[] = [
        [receive(10, 10_000, 'p1'), 10_000, 10, 10_000],
        [receive(10, 20_000, 'p2'), 20_000, 20, 30_000],
        [issue(7), -14_000, 13, 16_000],
        [issue(5, 'p2'), -8_000, 8, 8_000, { layers: [[8, 8_000]] }], // 3 left of p2, then 2 of p1
      ];
      expectTable(lifo, rows);
    });
  });

  it('specific identification: a purchase return names its lot', () => {
    // prettier-ignore
    const rows: Row[] = [
      [receive(10, 10_000, 'lot-1'), 10_000, 10, 10_000],
      [receive(10, 20_000, 'lot-2'), 20_000, 20, 30_000],
      [issue(3, 'lot-2'), -6_000, 17, 24_000, { layers: [[10, 10_000], [7, 14_000]] }],
    ];
    expectTable(specificIdentification, rows);
  });
});
