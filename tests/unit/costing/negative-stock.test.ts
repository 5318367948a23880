import { describe, expect, it } from 'vitest';
import type { CostingMethod } from '../../../src/engine/domain/costing/costing-method';
import { fifo } from '../../../src/engine/domain/costing/fifo';
import { lifo } from '../../../src/engine/domain/costing/lifo';
import { movingAverage } from '../../../src/engine/domain/costing/moving-average';
import {
  adjust,
  allowNegative,
  expectTable,
  forbidNegative,
  issue,
  receive,
  refusal,
  type Row,
} from './table';

// DOMAIN.md §6.6. Forbidden (the default): an issue beyond the balance is refused and the caller names
// goods, warehouse and date from `details.shortfall`. Allowed: it goes out at the last known cost and the
// next receipt fills the hole at that cost, its `correction` carrying the difference into COGS.

describe('negative stock (DOMAIN.md §6.6)', () => {
  const methods: [string, CostingMethod<unknown>][] = [
    ['moving average', movingAverage],
    ['FIFO', fifo],
    ['LIFO', lifo],
  ];
  describe.each(methods)('forbidden, %s', (_, method) => {
    it('refuses an issue beyond the balance, giving the shortfall, and changes nothing', () => {
      const state = method.apply(method.initial(), receive(5, 500), forbidNegative).state;
      const before = JSON.stringify(state);
      expect(refusal(() => method.apply(state, issue(8), forbidNegative))).toEqual({
        code: 'CONFLICT',
        message: '库存不足，缺 3',
        details: { shortfall: 3 },
      });
      expect(JSON.stringify(state)).toBe(before);
    });

    it('refuses an issue from empty stock for its whole quantity', () => {
      expect(refusal(() => method.apply(method.initial(), issue(2), forbidNegative)).details).toEqual({
        shortfall: 2,
      });
    });

    it('also when the issue names a layer (a purchase return beyond the stock)', () => {
      const state = method.apply(method.initial(), receive(5, 500, 'in-1'), forbidNegative).state;
      expect(refusal(() => method.apply(state, issue(6, 'in-1'), forbidNegative)).details).toEqual({
        shortfall: 1,
      });
    });
  });

  describe('allowed, moving average', () => {
    it('the part not in stock goes out at the last average; the next receipt fills it at that cost', () => {
      const rows: Row[] = [
        [receive(4, 1_000), 1_000, 4, 1_000],
        [issue(6), -1_500, -2, -500], // the 4 in stock take their 1000, the 2 short 250 each
        [issue(1), -250, -3, -750], // still at the last average, 250
        // 5 @ 300: 3 fill the hole at the 250 they went out at, 2 remain at 300. Those 3 really cost
        // 900, not 750: the correction −150 raises COGS by 150.
        [receive(5, 1_500), 1_350, 2, 600, { correction: -150 }],
        [issue(2), -600, 0, 0],
      ];
      expectTable(movingAverage, rows, allowNegative);
    });

    it('a receipt smaller than the hole fills part of it and becomes the last known cost', () => {
      const policy = { negativeStock: 'allow', provisionalCost: { quantity: 1, value: 100 } } as const;
      const rows: Row[] = [
        [issue(5), -500, -5, -500],
        [receive(2, 400), 200, -3, -300, { correction: -200 }],
        [issue(1), -200, -4, -500], // at the receipt's 200 now
        [receive(4, 800), 500, 0, 0, { correction: -300 }],
      ];
      expectTable(movingAverage, rows, policy);
    });

    it('returns to zero value at zero quantity, as Odoo’s vacuum does', () => {
      // Odoo addons/stock_account/tests/test_stockvaluationlayer.py, TestStockValuationAVCO.test_negative_1:
      // in 10 @ 10, in 10 @ 20, out 30, in 10 @ 30, in 10 @ 40 → 10 worth 400; Odoo adds the difference
      // (−150) to the delivery, we put it on the receipt as its correction; COGS ends the same.
      const rows: Row[] = [
        [receive(10, 10_000), 10_000, 10, 10_000],
        [receive(10, 20_000), 20_000, 20, 30_000],
        [issue(30), -45_000, -10, -15_000],
        [receive(10, 30_000), 15_000, 0, 0, { correction: -15_000 }],
        [receive(10, 40_000), 40_000, 10, 40_000],
      ];
      expectTable(movingAverage, rows, allowNegative);
    });

    it('with no cost ever known, issues at the provisional cost', () => {
      // Odoo TestStockValuationAVCO.test_negative_2: standard price 10, out 1 from nothing, in 1 @ 15 → 0 / 0.
      const policy = { negativeStock: 'allow', provisionalCost: { quantity: 1, value: 1_000 } } as const;
      const rows: Row[] = [
        [issue(1), -1_000, -1, -1_000],
        [receive(1, 1_500), 1_000, 0, 0, { correction: -500 }],
      ];
      expectTable(movingAverage, rows, policy);
    });

    it('with no cost at all, issues at zero and the receipt carries the whole cost into COGS', () => {
      // Odoo TestStockValuationAVCO.test_negative_3: out 2 from nothing (value 0), in 20 @ 3.33 → Odoo
      // revalues the delivery to −6.66 and leaves 18 worth 59.94. Ours: the receipt's correction is
      // −666 (COGS +6.66) and the same 18 worth 59.94 remain.
      const rows: Row[] = [
        [issue(2), 0, -2, 0],
        [receive(20, 6_660), 5_994, 18, 5_994, { correction: -666 }],
      ];
      expectTable(movingAverage, rows, allowNegative);
    });

    it('refuses a cost adjustment while stock is negative', () => {
      const state = movingAverage.apply(movingAverage.initial(), issue(1), allowNegative).state;
      expect(refusal(() => movingAverage.apply(state, adjust(100), allowNegative)).message).toBe(
        '库存为负时不能调整成本',
      );
    });
  });

  describe('allowed, FIFO and LIFO', () => {
    it('the shortfall goes out at the last layer consumed; the receipt fills the hole then forms a layer', () => {
      const rows: Row[] = [
        [receive(2, 600, 'a'), 600, 2, 600],
        [receive(2, 1_000, 'b'), 1_000, 4, 1_600],
        [issue(5), -2_100, -1, -500, { layers: [] }], // a 600, b 1000, 1 short at b's 500
        // 3 @ 300: 1 fills the hole at 500; 2 form a layer at 300. The one short cost 300, not 500:
        // the correction +200 lowers COGS by 200.
        [receive(3, 900), 1_100, 2, 600, { correction: 200, layers: [[2, 600]] }],
      ];
      expectTable(fifo, rows, allowNegative);
    });

    it('an issue from empty stock takes the last received layer’s cost when nothing was consumed since', () => {
      const rows: Row[] = [
        [receive(2, 600), 600, 2, 600],
        [issue(2), -600, 0, 0],
        [receive(1, 500), 500, 1, 500],
        [issue(3), -1_500, -2, -1_000], // 500 for the one in stock, then 500 each
        [receive(2, 1_000), 1_000, 0, 0],
      ];
      expectTable(lifo, rows, allowNegative);
    });

    it('refuses a cost adjustment with no layers', () => {
      const state = fifo.apply(fifo.initial(), issue(1), allowNegative).state;
      expect(refusal(() => fifo.apply(state, adjust(100), allowNegative)).message).toBe(
        '库存为负时不能调整成本',
      );
      expect(refusal(() => fifo.apply(fifo.initial(), adjust(100), allowNegative)).message).toBe(
        '库存为零时不能调整成本',
      );
    });
  });
});
