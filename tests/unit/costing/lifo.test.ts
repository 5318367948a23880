import { describe, it } from 'vitest';
import { lifo } from '../../../src/engine/domain/costing/lifo';
import { allowNegative, expectTable, issue, receive, type Row } from './table';

// Rates are ERPNext's × 100 (rate 1 → 100 fen).

describe('LIFO (DOMAIN.md §6.2)', () => {
  it('an issue consumes the newest layer first', () => {
    // ERPNext erpnext/stock/tests/test_valuation.py, TestLIFOValuation.test_lifo_consumption:
    // add 10 @ 10, 10 @ 20; remove 15 consumes [[10, 20], [5, 10]]; 5 left.
    const rows: Row[] = [
      [receive(10, 10_000), 10_000, 10, 10_000],
      [receive(10, 20_000), 20_000, 20, 30_000],
      [issue(15), -25_000, 5, 5_000, { layers: [[5, 5_000]] }],
    ];
    expectTable(lifo, rows);
  });

  it('follows the stack through receipts and issues', () => {
    // ERPNext TestLIFOValuationSLE.test_lifo_values (the stock queue after each entry), which is also
    // TestLIFOValuation.test_lifo_consumption_multiple.
    // prettier-ignore
    const rows: Row[] = [
      [receive(1, 100), 100, 1, 100, { layers: [[1, 100]] }],
      [receive(2, 400), 400, 3, 500, { layers: [[1, 100], [2, 400]] }],
      [issue(1), -200, 2, 300, { layers: [[1, 100], [1, 200]] }],
      [receive(3, 900), 900, 5, 1_200, { layers: [[1, 100], [1, 200], [3, 900]] }],
      [issue(4), -1_100, 1, 100, { layers: [[1, 100]] }],
      [receive(4, 1_600), 1_600, 5, 1_700, { layers: [[1, 100], [4, 1_600]] }],
      [issue(5), -1_700, 0, 0, { layers: [] }],
      [receive(5, 2_500), 2_500, 5, 2_500, { layers: [[5, 2_500]] }],
      [issue(5), -2_500, 0, 0, { layers: [] }],
    ];
    expectTable(lifo, rows);
  });

  it('goes negative at the unit cost of the last layer consumed', () => {
    // ERPNext TestLIFOValuation.test_lifo_consumption_going_negative: remove 25 from [[10, 10], [10, 20]]
    // consumes [[10, 20], [10, 10], [5, 10]] and leaves [[-5, 10]].
    const rows: Row[] = [
      [receive(10, 10_000), 10_000, 10, 10_000],
      [receive(10, 20_000), 20_000, 20, 30_000],
      [issue(25), -35_000, -5, -5_000, { layers: [] }],
      [receive(5, 5_000), 5_000, 0, 0, { layers: [] }],
    ];
    expectTable(lifo, rows, allowNegative);
  });
});
