import { describe, expect, it } from 'vitest';
import { allocatePerGoods } from '../../src/engine/services/reports/value-allocation';

describe('统一核算: a goods’ value shared among its warehouses by quantity', () => {
  it('shares add up to the goods’ value exactly; a tie for the last fen goes by warehouse, not by posting order', () => {
    // 63.30 over 14 and 10 袋: 36.925 and 26.375, a tie of half a fen each; 一号仓 (id 1) takes it.
    const first = { goodsId: 1, warehouseId: 1, quantity: 1400, value: 4_000 };
    const second = { goodsId: 1, warehouseId: 2, quantity: 1000, value: 2_330 };
    for (const places of [
      [first, second],
      [second, first],
    ]) {
      const shares = allocatePerGoods(places);
      expect([shares.get(first), shares.get(second)]).toEqual([3_693, 2_637]);
    }
  });

  it('stock in transit takes its share, after the warehouses', () => {
    const warehouse = { goodsId: 1, warehouseId: 3, quantity: 100, value: 50 };
    const transit = { goodsId: 1, quantity: 100, value: 51 };
    const shares = allocatePerGoods([transit, warehouse]);
    expect([shares.get(warehouse), shares.get(transit)]).toEqual([51, 50]);
  });
});
