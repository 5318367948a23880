import { describe, expect, it } from 'vitest';
import { movingAverage } from '../../../src/engine/domain/costing/moving-average';
import { adjust, expectTable, issue, receive, refusal, type Row } from './table';

// Values in fen, quantities in whole units (quantity decimals 0) unless a table says otherwise.
// Odoo's and ERPNext's prices are floats in currency units: ¥10 a unit is 1000 fen here.

describe('moving weighted average (DOMAIN.md §6.2)', () => {
  it('receipts average in, an issue takes round(q × V / Q)', () => {
    // Odoo stock_account tests/test_stockvaluationlayer.py, TestStockValuationAVCO.test_normal_1:
    // in 10 @ 10, in 10 @ 20 (average 15), out 15 → −225; 5 left worth 75. Same figures here.
    const rows: Row[] = [
      [receive(10, 10_000), 10_000, 10, 10_000],
      [receive(10, 20_000), 20_000, 20, 30_000],
      [issue(15), -22_500, 5, 7_500],
    ];
    expectTable(movingAverage, rows);
  });

  it('an issue that empties the stock takes exactly its value: no rounding adjustment needed', () => {
    // Odoo TestStockValuationAVCO.test_rounding_slv_1: in 1 @ 1.00, 1 @ 1.00, 1 @ 1.01, out 3. Odoo values
    // the issue at the rounded average (3 × 1.00) and adds a "Rounding Adjustment: -0.01" layer; here
    // emptying the stock takes the whole 301 fen in one value, so there is no residue to adjust.
    const rows: Row[] = [
      [receive(1, 100), 100, 1, 100],
      [receive(1, 100), 100, 2, 200],
      [receive(1, 101), 101, 3, 301],
      [issue(3), -301, 0, 0],
    ];
    expectTable(movingAverage, rows);
  });

  it('keeps the exact ratio, not a price rounded to 2 decimals', () => {
    // Odoo TestStockValuationAVCO.test_rounding_svl_3: in 1000 @ 0.17, in 800 @ 0.23; Odoo's average is
    // rounded to its price precision (0.20), so its first out of 1000 takes 200.00 and leaves 154.00 for
    // the last 800. We differ on purpose (DOMAIN.md §3: value is authoritative, unit cost derived): the
    // average is 35400 / 1800 fen exactly, the first issue takes round(19666.67) = 19667 fen.
    // Both end, as Odoo asserts, at zero value with zero quantity.
    const rows: Row[] = [
      [receive(1000, 17_000), 17_000, 1000, 17_000],
      [receive(800, 18_400), 18_400, 1800, 35_400],
      [issue(1000), -19_667, 800, 15_733],
      [issue(800), -15_733, 0, 0],
    ];
    expectTable(movingAverage, rows);
  });

  it('many small issues never drift from zero at zero quantity', () => {
    // Odoo TestStockValuationAVCO.test_rounding_svl_4: in 2 @ 4.63, in 5 @ 3.04 (average 3.4943), then
    // 70 outs of 0.1. Quantities here have 1 decimal (0.1 = 1).
    let state = movingAverage.apply(movingAverage.initial(), receive(20, 926), {
      negativeStock: 'forbid',
    }).state;
    state = movingAverage.apply(state, receive(50, 1_520), { negativeStock: 'forbid' }).state;
    const costs: number[] = [];
    for (let n = 0; n < 70; n++) {
      const costed = movingAverage.apply(state, issue(1), { negativeStock: 'forbid' });
      costs.push(-costed.value);
      state = costed.state;
    }
    expect(movingAverage.balance(state)).toEqual({ quantity: 0, value: 0 });
    expect(costs.reduce((a, b) => a + b, 0)).toBe(2_446);
    expect(new Set(costs)).toEqual(new Set([34, 35])); // 3.49 a unit, so 0.1 costs 0.34 or 0.35
  });

  it('rounds half away from zero at each issue, the last issue taking what is left', () => {
    const rows: Row[] = [
      [receive(3, 1_000), 1_000, 3, 1_000],
      [issue(1), -333, 2, 667], // 333.33
      [issue(1), -334, 1, 333], // 667 / 2 = 333.5 → 334 (四舍五入)
      [issue(1), -333, 0, 0],
    ];
    expectTable(movingAverage, rows);
  });

  it('a gift received at zero cost lowers the average', () => {
    // DOMAIN.md §5 零成本入库: received free, still counted in quantity.
    const rows: Row[] = [
      [receive(10, 5_000), 5_000, 10, 5_000],
      [receive(10, 0), 0, 20, 5_000],
      [issue(4), -1_000, 16, 4_000],
    ];
    expectTable(movingAverage, rows);
  });

  describe('cost adjustment (成本调整单)', () => {
    it('changes the value, so the next issue carries it', () => {
      const rows: Row[] = [
        [receive(3, 1_000), 1_000, 3, 1_000],
        [adjust(200), 200, 3, 1_200],
        [issue(1), -400, 2, 800],
        [adjust(-100), -100, 2, 700],
        [issue(2), -700, 0, 0],
      ];
      expectTable(movingAverage, rows);
    });

    it('is refused with no stock to carry it', () => {
      expect(
        refusal(() => movingAverage.apply(movingAverage.initial(), adjust(100), { negativeStock: 'forbid' })),
      ).toEqual({ code: 'CONFLICT', message: '库存为零时不能调整成本', details: undefined });
    });

    it('is refused when it would leave stock with a negative value', () => {
      const state = movingAverage.apply(movingAverage.initial(), receive(2, 100), {
        negativeStock: 'forbid',
      }).state;
      expect(refusal(() => movingAverage.apply(state, adjust(-101), { negativeStock: 'forbid' })).code).toBe(
        'CONFLICT',
      );
    });
  });

  it.each([
    [receive(0, 100), '入库数量必须是大于零的整数：0'],
    [receive(1.5, 100), '入库数量必须是大于零的整数：1.5'],
    [receive(1, -1), '入库金额必须是不小于零的整数（分）：-1'],
    [receive(1, 0.5), '入库金额必须是不小于零的整数（分）：0.5'],
    [issue(-2), '出库数量必须是大于零的整数：-2'],
    [adjust(0.1), '调整金额必须是整数（分）：0.1'],
  ])('refuses a malformed movement %j', (movement, message) => {
    expect(
      refusal(() => movingAverage.apply(movingAverage.initial(), movement, { negativeStock: 'allow' })),
    ).toEqual({
      code: 'VALIDATION',
      message,
      details: undefined,
    });
  });

  it('works in BigInt where q × V passes 2^53 and still rounds exactly', () => {
    // 9,000,000.0000 units (4 decimals) worth ¥90,000,000.00: q × V is about 8.1e19.
    const quantity = 90_000_000_000;
    const value = 9_000_000_001;
    const rows: Row[] = [
      [receive(quantity, value), value, quantity, value],
      [issue(30_000_000_000), -3_000_000_000, 60_000_000_000, 6_000_000_001], // 3,000,000,000.33
    ];
    expectTable(movingAverage, rows);
  });
});
