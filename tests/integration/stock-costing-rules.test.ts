import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { act, post, refused, stockLedger, type StockWorld } from './support/stock';

function movements(engine: Engine) {
  return engine.db.$client
    .prepare(
      'SELECT kind, warehouse_id, lot, in_transit, quantity, value, correction FROM stock_movements ORDER BY posting_date, id',
    )
    .all() as {
    kind: string;
    warehouse_id: number;
    lot: string;
    in_transit: number;
    quantity: number;
    value: number;
    correction: number;
  }[];
}

function balance(engine: Engine, goodsId: number, warehouseId: number) {
  return engine.db.$client
    .prepare(
      'SELECT coalesce(sum(quantity), 0) AS quantity, coalesce(sum(value), 0) AS value FROM stock_balances WHERE goods_id = ? AND warehouse_id = ? AND in_transit = 0',
    )
    .get(goodsId, warehouseId);
}

const line = (world: StockWorld, warehouseId: number, quantity: string, unitPrice = '0', extra = {}) => ({
  goodsId: world.milk,
  warehouseId,
  unitName: '袋',
  quantity,
  unitPrice,
  ...extra,
});

describe('costing rules of DOMAIN.md §6 through documents', () => {
  it('a sales return comes back at the cost its delivery went out at, not the current average', async () => {
    const { engine, world } = await stockLedger();
    const w = world.warehouse1;
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-11-01',
      counterpartyId: world.supplier,
      lines: [line(world, w, '10', '1')],
    });
    const sale = await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-11-02',
      counterpartyId: world.customer,
      lines: [line(world, w, '4', '3')],
    });
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-11-03',
      counterpartyId: world.supplier,
      lines: [line(world, w, '10', '4')],
    });
    const delivered = await act(engine, 'documents.get', { id: sale });
    await post(engine, {
      type: 'sales_return',
      businessDate: '2026-11-04',
      counterpartyId: world.customer,
      lines: [line(world, w, '3', '3', { sourceLineId: delivered.lines[0]!.id })],
    });
    // Out at 1.00 a 袋; back at 1.00 a 袋 though the average is now (6 + 40) / 16 = 2.875.
    expect(movements(engine).find((row) => row.kind === 'sales_return')!.value).toBe(300);
    const over = await refused(engine, 'documents.save', {
      id: null,
      document: {
        type: 'sales_return',
        businessDate: '2026-11-05',
        counterpartyId: world.customer,
        lines: [line(world, w, '2', '3', { sourceLineId: delivered.lines[0]!.id })],
      },
    });
    expect(over.message).toContain('第 1 行：退货数量超过原单');
  });

  it('FIFO: a purchase return leaves from its own receipt’s layer; a gift receipt enters at zero cost', async () => {
    const { engine, world } = await stockLedger({ defaultCostingMethod: 'fifo' });
    const w = world.warehouse1;
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-11-01',
      counterpartyId: world.supplier,
      lines: [line(world, w, '10', '1')],
    });
    const second = await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-11-02',
      counterpartyId: world.supplier,
      lines: [line(world, w, '10', '2')],
    });
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-11-02',
      counterpartyId: world.supplier,
      lines: [line(world, w, '5', '2', { isGift: true })],
    });
    const origin = await act(engine, 'documents.get', { id: second });
    await post(engine, {
      type: 'purchase_return',
      businessDate: '2026-11-03',
      counterpartyId: world.supplier,
      lines: [line(world, w, '4', '2', { sourceLineId: origin.lines[0]!.id })],
    });
    const rows = movements(engine);
    expect(rows.map((row) => row.value)).toEqual([1000, 2000, 0, -800]);
    // FIFO delivery of 12: the 10 at 1.00 first, then 2 of the 6 left at 2.00.
    await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-11-04',
      counterpartyId: world.customer,
      lines: [line(world, w, '12', '3')],
    });
    expect(movements(engine).at(-1)!.value).toBe(-1400);
    expect(balance(engine, world.milk, w)).toEqual({ quantity: 900, value: 800 });
  });

  it('a small-scale taxpayer’s cost includes the VAT it cannot deduct', async () => {
    const { engine, world } = await stockLedger({ taxpayerType: 'small' });
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-11-01',
      counterpartyId: world.supplier,
      lines: [line(world, world.warehouse1, '10', '1', { taxRate: '3' })],
    });
    // ¥10.00 + 3% = ¥10.30.
    expect(balance(engine, world.milk, world.warehouse1)).toEqual({ quantity: 1000, value: 1030 });
  });

  it('统一核算: a transfer moves quantity between warehouses and no value', async () => {
    const { engine, world } = await stockLedger({ costingScope: 'per_branch' });
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-11-01',
      counterpartyId: world.supplier,
      lines: [line(world, world.warehouse1, '10', '1')],
    });
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-11-01',
      counterpartyId: world.supplier,
      lines: [line(world, world.warehouse2, '10', '2')],
    });
    await post(engine, {
      type: 'transfer',
      businessDate: '2026-11-02',
      lines: [
        {
          goodsId: world.milk,
          warehouseId: world.warehouse1,
          toWarehouseId: world.warehouse2,
          unitName: '袋',
          quantity: '5',
        },
      ],
    });
    expect(
      movements(engine)
        .filter((row) => row.kind.startsWith('transfer'))
        .map((row) => row.value),
    ).toEqual([0, 0, 0, 0]);
    // One average for the goods, (10 + 20) / 20 = 1.50: a delivery from either warehouse takes it.
    await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-11-03',
      counterpartyId: world.customer,
      lines: [line(world, world.warehouse2, '2', '3')],
    });
    expect(movements(engine).at(-1)!.value).toBe(-300);
  });

  it('negative stock allowed: an issue from empty stock goes out at the last cost and the next receipt corrects it', async () => {
    const { engine, world } = await stockLedger({ negativeStock: 'allow' });
    const w = world.warehouse1;
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-11-01',
      counterpartyId: world.supplier,
      lines: [line(world, w, '10', '1')],
    });
    await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-11-02',
      counterpartyId: world.customer,
      lines: [line(world, w, '12', '3')],
    });
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-11-03',
      counterpartyId: world.supplier,
      lines: [line(world, w, '10', '2')],
    });
    const rows = movements(engine);
    // 12 out at 1.00; the receipt fills the 2 short at 1.00 (its own cost 2.00: COGS was 2.00 low).
    expect(rows.map((row) => [row.value, row.correction])).toEqual([
      [1000, 0],
      [-1200, 0],
      [1800, -200],
    ]);
    expect(balance(engine, world.milk, w)).toEqual({ quantity: 800, value: 1600 });
  });

  it('negative stock allowed: stock that never had a cost goes out at the goods’ reference purchase price', async () => {
    const { engine, world } = await stockLedger({ negativeStock: 'allow' });
    const juice = (
      await act(engine, 'goods.save', {
        id: null,
        goods: {
          code: 'SP009',
          name: '橙汁',
          units: [
            { name: '瓶', ratio: '1', isBase: true },
            { name: '箱', ratio: '12', isBase: false, purchasePrice: '24' },
          ],
        },
      })
    ).id;
    const bottles = (quantity: string, unitPrice: string) => ({
      goodsId: juice,
      warehouseId: world.warehouse1,
      unitName: '瓶',
      quantity,
      unitPrice,
    });
    await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-11-02',
      counterpartyId: world.customer,
      lines: [bottles('3', '5')],
    });
    // 24.00 a 箱 of 12 is 2.00 a 瓶: 3 瓶 out at 6.00, not at zero.
    expect(movements(engine).at(-1)).toMatchObject({ value: -600, correction: 0 });
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-11-03',
      counterpartyId: world.supplier,
      lines: [bottles('3', '2.5')],
    });
    // The receipt fills the hole at the 6.00 it went out at; its own 7.50 leaves 1.50 to COGS.
    expect(movements(engine).at(-1)).toMatchObject({ value: 600, correction: -150 });
  });

  it('a cost adjustment changes value only; lot goods need a lot and carry their expiry', async () => {
    const { engine, world } = await stockLedger();
    await post(engine, {
      type: 'other_receipt',
      businessDate: '2026-11-01',
      lines: [
        {
          goodsId: world.yogurt,
          warehouseId: world.warehouse1,
          unitName: '箱',
          quantity: '2',
          unitPrice: '24',
          lot: 'A1',
          productionDate: '2026-10-30',
        },
      ],
    });
    await post(engine, {
      type: 'cost_adjustment',
      businessDate: '2026-11-02',
      lines: [
        {
          goodsId: world.yogurt,
          warehouseId: world.warehouse1,
          unitName: '杯',
          quantity: '0',
          adjustmentAmount: '-6',
          lot: 'A1',
        },
      ],
    });
    expect(balance(engine, world.yogurt, world.warehouse1)).toEqual({ quantity: 2400, value: 4200 });
    const expiry = engine.db.$client
      .prepare('SELECT expiry_date FROM stock_balances WHERE goods_id = ?')
      .get(world.yogurt);
    // Shelf life 21 days from 2026-10-30.
    expect(expiry).toEqual({ expiry_date: '2026-11-20' });
    const noLot = await refused(engine, 'documents.save', {
      id: null,
      document: {
        type: 'other_issue',
        businessDate: '2026-11-03',
        lines: [{ goodsId: world.yogurt, warehouseId: world.warehouse1, unitName: '杯', quantity: '1' }],
      },
    });
    expect(noLot.message).toBe('第 1 行：商品【酸奶】按批次管理，请填写批号。');
  });

  it('each lot of a lot-tracked goods carries its own cost: a lot sold out holds no value', async () => {
    const { engine, world } = await stockLedger();
    const lot = (lotName: string, quantity: string, unitPrice?: string) => ({
      goodsId: world.yogurt,
      warehouseId: world.warehouse1,
      unitName: '杯',
      quantity,
      lot: lotName,
      ...(unitPrice ? { unitPrice } : {}),
    });
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-11-01',
      counterpartyId: world.supplier,
      lines: [lot('A', '10', '1'), lot('B', '10', '2')],
    });
    await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-11-02',
      counterpartyId: world.customer,
      lines: [lot('A', '10', '3')],
    });
    // Lot A went out at its own 1.00, not the 1.50 average of both lots.
    expect(movements(engine).at(-1)!.value).toBe(-1000);
    const lots = engine.db.$client
      .prepare('SELECT lot, quantity, value FROM stock_balances WHERE goods_id = ? ORDER BY lot')
      .all(world.yogurt);
    expect(lots).toEqual([
      { lot: 'A', quantity: 0, value: 0 },
      { lot: 'B', quantity: 1000, value: 2000 },
    ]);
  });

  it('个别计价 needs lots to name: a goods without lot tracking is refused at entry', async () => {
    const { engine, world } = await stockLedger({ defaultCostingMethod: 'specific' });
    const error = await refused(engine, 'documents.save', {
      id: null,
      document: {
        type: 'purchase_receipt',
        businessDate: '2026-11-01',
        counterpartyId: world.supplier,
        lines: [line(world, world.warehouse1, '10', '1')],
      },
    });
    expect(error.message).toBe('第 1 行：商品【鲜牛奶】按个别计价核算成本，须先在商品资料中启用批次管理。');
  });
});
