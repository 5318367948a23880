import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { administrator, beijingBranch, callOk, ManualClock, openLedger, tempFolder } from './support/ledger';
import {
  act,
  confirmAll,
  enterAndApprove,
  post,
  refused,
  stockLedger,
  stockWorld,
  type StockWorld,
} from './support/stock';

/**
 * The paths by which the books drifted (the review behind "books that cannot drift"): each case is one
 * that failed before the stock ledger had one revaluation path and a receipt "at the current cost" was a
 * dependent that re-costing revisits. Figures are in fen.
 */

function totalValue(engine: Engine): number {
  return (
    engine.db.$client.prepare('SELECT coalesce(sum(value), 0) AS v FROM stock_balances').get() as {
      v: number;
    }
  ).v;
}

function valuesOfKind(engine: Engine, kind: string): number[] {
  return (
    engine.db.$client
      .prepare('SELECT value FROM stock_movements WHERE kind = ? ORDER BY posting_date, id')
      .all(kind) as { value: number }[]
  ).map((row) => row.value);
}

/** Every balance equals the sum of its movements. */
function expectBalancesAreTheirMovements(engine: Engine): void {
  const drift = engine.db.$client
    .prepare(
      `SELECT b.goods_id, b.warehouse_id, b.lot, b.in_transit, b.quantity, b.value, m.quantity AS mq, m.value AS mv
       FROM stock_balances b LEFT JOIN (SELECT goods_id, warehouse_id, lot, in_transit, sum(quantity) AS quantity,
       sum(value) AS value FROM stock_movements GROUP BY 1, 2, 3, 4) m USING (goods_id, warehouse_id, lot, in_transit)
       WHERE b.quantity <> coalesce(m.quantity, 0) OR b.value <> coalesce(m.value, 0)`,
    )
    .all();
  expect(drift).toEqual([]);
}

const bag = (world: StockWorld, warehouseId: number, quantity: string, unitPrice?: string) => ({
  goodsId: world.milk,
  warehouseId,
  unitName: '袋',
  quantity,
  ...(unitPrice === undefined ? {} : { unitPrice }),
});

const receipt = (world: StockWorld, date: string, quantity: string, unitPrice: string) => ({
  type: 'purchase_receipt' as const,
  businessDate: date,
  counterpartyId: world.supplier,
  lines: [bag(world, world.warehouse1, quantity, unitPrice)],
});

describe('month close under monthly weighted average follows transfers', () => {
  it('the in-transit and arrival movements take the transfer-out’s revalued cost: value is conserved', async () => {
    const { engine, world } = await stockLedger({ defaultCostingMethod: 'monthly_average' });
    await post(engine, receipt(world, '2026-01-05', '100', '1'));
    await post(engine, receipt(world, '2026-01-06', '100', '2'));
    await post(engine, {
      type: 'transfer',
      businessDate: '2026-01-10',
      lines: [{ ...bag(world, world.warehouse1, '50'), toWarehouseId: world.warehouse2 }],
    });
    // Provisional, by the moving average: 50 × 300.00 / 200 = 75.00 already.
    expect(totalValue(engine)).toBe(30_000);

    await post(engine, receipt(world, '2026-01-03', '100', '0.5'));
    // Backdated: 50 × (50 + 100 + 200) / 300 = 58.33 out, in transit and in.
    expect(valuesOfKind(engine, 'transfer_out')).toEqual([-5833, -5833]);
    expect(totalValue(engine)).toBe(35_000);

    await act(engine, 'periods.close', { month: '2026-01' });
    // The month's average (50 + 100 + 200) / 300 = 1.1667: 50 袋 leave at 58.33, and arrive at it.
    expect(valuesOfKind(engine, 'transfer_out')).toEqual([-5833, -5833]);
    expect(valuesOfKind(engine, 'transfer_in')).toEqual([5833, 5833]);
    expect(totalValue(engine)).toBe(35_000);
    expectBalancesAreTheirMovements(engine);
  });

  it('the issue’s case: 100 @1.00 and 100 @2.00, 50 transferred and received, January closed', async () => {
    const { engine, world } = await stockLedger({ defaultCostingMethod: 'monthly_average' });
    await post(engine, receipt(world, '2026-01-05', '100', '1'));
    await post(engine, {
      type: 'transfer',
      businessDate: '2026-01-10',
      lines: [{ ...bag(world, world.warehouse1, '50'), toWarehouseId: world.warehouse2 }],
    });
    await post(engine, receipt(world, '2026-01-15', '100', '2'));
    // Provisionally 50 × 1.00 = 50.00 left; at close the month's average is 1.50: 75.00.
    await act(engine, 'periods.close', { month: '2026-01' });
    expect(valuesOfKind(engine, 'transfer_out')).toEqual([-7500, -7500]);
    expect(valuesOfKind(engine, 'transfer_in')).toEqual([7500, 7500]);
    expect(totalValue(engine)).toBe(30_000);
    expectBalancesAreTheirMovements(engine);
    // The destination's closing figures start from the arrival's value.
    const closing = engine.db.$client
      .prepare('SELECT warehouse_id, quantity, value FROM closing_balances ORDER BY warehouse_id')
      .all();
    expect(closing).toEqual([
      { warehouse_id: world.warehouse1, quantity: 15_000, value: 22_500 },
      { warehouse_id: world.warehouse2, quantity: 5_000, value: 7_500 },
    ]);
  });

  it('reopening a month puts its issues back at their provisional cost; closing again gives the same books', async () => {
    const { engine, world } = await stockLedger({ defaultCostingMethod: 'monthly_average' });
    await post(engine, receipt(world, '2026-01-05', '100', '1'));
    await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-01-10',
      counterpartyId: world.customer,
      lines: [bag(world, world.warehouse1, '50', '3')],
    });
    await post(engine, receipt(world, '2026-01-15', '100', '2'));
    expect(valuesOfKind(engine, 'sales')).toEqual([-5000]);
    await act(engine, 'periods.close', { month: '2026-01' });
    expect(valuesOfKind(engine, 'sales')).toEqual([-7500]);
    await act(engine, 'periods.reopen', { month: '2026-01' });
    expect(valuesOfKind(engine, 'sales')).toEqual([-5000]);
    await act(engine, 'periods.close', { month: '2026-01' });
    expect(valuesOfKind(engine, 'sales')).toEqual([-7500]);
    expect(totalValue(engine)).toBe(22_500);
  });
});

describe('a receipt at the current cost is costed at its date, whatever the order of confirmation', () => {
  async function countEleven(engine: Engine, world: StockWorld): Promise<number> {
    await enterAndApprove(engine, {
      type: 'stocktake',
      businessDate: '2026-11-11',
      lines: [bag(world, world.warehouse1, '11')],
    });
    const gain = (await act(engine, 'documents.list', { types: ['stock_gain'] })).rows[0]!;
    return gain.id;
  }

  it('in date order: the gain of 1 袋 enters at 10.00; closing 410.00', async () => {
    const { engine, world } = await stockLedger();
    await post(engine, receipt(world, '2026-11-10', '10', '10'));
    await confirmAll(engine, await countEleven(engine, world));
    await post(engine, receipt(world, '2026-11-15', '10', '30'));
    expect(valuesOfKind(engine, 'gain')).toEqual([1000]);
    expect(totalValue(engine)).toBe(41_000);
  });

  it('the 11-15 receipt confirmed before the gain: still 10.00; closing 410.00', async () => {
    const { engine, world } = await stockLedger();
    await post(engine, receipt(world, '2026-11-10', '10', '10'));
    const gain = await countEleven(engine, world);
    await post(engine, receipt(world, '2026-11-15', '10', '30'));
    await confirmAll(engine, gain);
    expect(valuesOfKind(engine, 'gain')).toEqual([1000]);
    expect(totalValue(engine)).toBe(41_000);
    expectBalancesAreTheirMovements(engine);
  });

  it('a later backdated receipt re-costs the gain and a 其他入库单 without a price', async () => {
    const { engine, world } = await stockLedger();
    await post(engine, receipt(world, '2026-11-10', '10', '10'));
    await confirmAll(engine, await countEleven(engine, world));
    await post(engine, {
      type: 'other_receipt',
      businessDate: '2026-11-12',
      lines: [bag(world, world.warehouse1, '1')],
    });
    expect(valuesOfKind(engine, 'other_in')).toEqual([1000]);
    // 10 袋 @4.00 on 11-09: the average on 11-11 is (40 + 100) / 20 = 7.00.
    await post(engine, receipt(world, '2026-11-09', '10', '4'));
    expect(valuesOfKind(engine, 'gain')).toEqual([700]);
    expect(valuesOfKind(engine, 'other_in')).toEqual([700]);
    expect(totalValue(engine)).toBe(4_000 + 10_000 + 700 + 700);
    expectBalancesAreTheirMovements(engine);
  });

  it('FIFO: a gain enters at the cost of the layer an issue would take at its date', async () => {
    const { engine, world } = await stockLedger({ defaultCostingMethod: 'fifo' });
    await post(engine, receipt(world, '2026-11-10', '10', '10'));
    const gain = await countEleven(engine, world);
    await post(engine, receipt(world, '2026-11-15', '10', '30'));
    await confirmAll(engine, gain);
    expect(valuesOfKind(engine, 'gain')).toEqual([1000]);
    expect(totalValue(engine)).toBe(41_000);
  });
});

describe('a return is dated on or after its origin', () => {
  it('a sales return dated before its delivery is refused at entry, naming both dates', async () => {
    const { engine, world } = await stockLedger();
    await post(engine, receipt(world, '2026-11-02', '10', '1'));
    const delivery = await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-11-10',
      counterpartyId: world.customer,
      lines: [bag(world, world.warehouse1, '5', '3')],
    });
    const sourceLineId = (await act(engine, 'documents.get', { id: delivery })).lines[0]!.id;
    const error = await refused(engine, 'documents.save', {
      id: null,
      document: {
        type: 'sales_return',
        businessDate: '2026-11-08',
        counterpartyId: world.customer,
        lines: [{ ...bag(world, world.warehouse1, '2', '3'), sourceLineId }],
      },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(
      '第 1 行：退货日期 2026-11-08 早于原单 XC20261110-0001 的日期 2026-11-10，请改日期。',
    );
    expect(error.details).toMatchObject({ line: 1, field: 'sourceLineId' });
  });

  it('a purchase return dated before its receipt is refused at entry', async () => {
    const { engine, world } = await stockLedger({ defaultCostingMethod: 'fifo' });
    const origin = await post(engine, receipt(world, '2026-11-05', '10', '2'));
    const sourceLineId = (await act(engine, 'documents.get', { id: origin })).lines[0]!.id;
    const error = await refused(engine, 'documents.save', {
      id: null,
      document: {
        type: 'purchase_return',
        businessDate: '2026-11-04',
        counterpartyId: world.supplier,
        lines: [{ ...bag(world, world.warehouse1, '2', '2'), sourceLineId }],
      },
    });
    expect(error.message).toBe(
      '第 1 行：退货日期 2026-11-04 早于原单 CR20261105-0001 的日期 2026-11-05，请改日期。',
    );
    // On the same day it is accepted.
    await post(engine, {
      type: 'purchase_return',
      businessDate: '2026-11-05',
      counterpartyId: world.supplier,
      lines: [{ ...bag(world, world.warehouse1, '2', '2'), sourceLineId }],
    });
    expect(valuesOfKind(engine, 'purchase_return')).toEqual([-400]);
  });
});

describe('one calendar: the branch’s day, from the clock', () => {
  it('at 01:00 on 1 March in Beijing, February can be closed and every “today” says 1 March', async () => {
    const folder = tempFolder();
    // 2026-02-28 17:00 UTC is 2026-03-01 01:00 in Beijing, whatever zone the machine runs in.
    const clock = new ManualClock('2026-02-28T17:00:00.000Z', 'Asia/Shanghai');
    const engine = await openLedger(path.join(folder, 'ledger.db'), { clock });
    await callOk(engine, 'setup.createBranch', {
      profile: { ...beijingBranch, approvalRequired: false },
      administrator,
    });
    const world = await stockWorld(engine);
    await post(engine, receipt(world, '2026-02-27', '10', '1'));

    expect(await act(engine, 'periods.close', { month: '2026-02' })).toMatchObject({ month: '2026-02' });
    expect((await act(engine, 'reports.aging', {})).asOf).toBe('2026-03-01');
    const draft = await act(engine, 'documents.fromOrder', {
      id: await enterAndApprove(engine, {
        type: 'purchase_order',
        businessDate: '2026-03-01',
        counterpartyId: world.supplier,
        lines: [bag(world, world.warehouse1, '5', '1')],
      }),
    });
    expect(draft.businessDate).toBe('2026-03-01');
    // March itself is not over.
    expect((await refused(engine, 'periods.close', { month: '2026-03' })).message).toBe(
      '2026-03 尚未结束，不能月结。',
    );
  });
});

describe('messages name things, never internal keys', () => {
  it('a lot overdrawn under 个别计价 is named as the clerk wrote it, with the shortfall in units', async () => {
    const { engine, world } = await stockLedger({ defaultCostingMethod: 'specific', negativeStock: 'allow' });
    const cups = (quantity: string, unitPrice?: string) => ({
      goodsId: world.yogurt,
      warehouseId: world.warehouse1,
      unitName: '杯',
      quantity,
      lot: 'L1',
      ...(unitPrice === undefined ? {} : { unitPrice }),
    });
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-11-01',
      counterpartyId: world.supplier,
      lines: [cups('10', '1')],
    });
    const id = await enterAndApprove(engine, {
      type: 'sales_delivery',
      businessDate: '2026-11-05',
      counterpartyId: world.customer,
      lines: [cups('12', '3')],
    });
    const error = await refused(engine, 'warehouse.confirm', {
      documentId: id,
      warehouseId: world.warehouse1,
    });
    expect(error.message).toBe('商品【酸奶】在【一号仓】批次【L1】2026-11-05 库存不足，缺 2杯');
    expect(error.message).not.toMatch(/lot:|g:\d/);
  });
});

describe('a document others were made from is reversed after them', () => {
  it('a receipt with a return is reversed only once the return is, so nothing is returned twice', async () => {
    const { engine, world } = await stockLedger();
    const origin = await post(engine, receipt(world, '2026-11-05', '10', '2'));
    const sourceLineId = (await act(engine, 'documents.get', { id: origin })).lines[0]!.id;
    const giveBack = await post(engine, {
      type: 'purchase_return',
      businessDate: '2026-11-06',
      counterpartyId: world.supplier,
      lines: [{ ...bag(world, world.warehouse1, '1', '2'), sourceLineId }],
    });
    const error = await refused(engine, 'documents.reverse', {
      id: origin,
      businessDate: '2026-11-07',
      reason: '录错',
    });
    expect(error.message).toBe(
      'CR20261105-0001 已有由它生成的单据 CT20261106-0001，请先将其红字冲销或删除，再冲销 CR20261105-0001。',
    );
    await act(engine, 'documents.reverse', { id: giveBack, businessDate: '2026-11-07', reason: '退错' });
    await act(engine, 'documents.reverse', { id: origin, businessDate: '2026-11-07', reason: '录错' });
    expect(totalValue(engine)).toBe(0);
    expectBalancesAreTheirMovements(engine);
  });
});

describe('transfers: what the long property run found', () => {
  it('统一核算: an issue dated before a transfer’s arrival is refused where the goods were not yet there', async () => {
    const { engine, world } = await stockLedger({ costingScope: 'per_branch' });
    await post(engine, receipt(world, '2026-11-01', '10', '1'));
    await post(engine, {
      type: 'transfer',
      businessDate: '2026-11-02',
      lines: [{ ...bag(world, world.warehouse1, '1'), toWarehouseId: world.warehouse2 }],
    });
    const early = await enterAndApprove(engine, {
      type: 'other_issue',
      businessDate: '2026-11-01',
      lines: [bag(world, world.warehouse2, '1')],
    });
    const error = await refused(engine, 'warehouse.confirm', {
      documentId: early,
      warehouseId: world.warehouse2,
    });
    expect(error.message).toBe('商品【鲜牛奶】在【二号仓】2026-11-01 库存不足，缺 1袋');
  });

  it('分仓核算: a transfer reversed goes back with the value it leaves the destination at', async () => {
    const { engine, world } = await stockLedger();
    await post(engine, receipt(world, '2026-11-01', '10', '0.5'));
    const transfer = await post(engine, {
      type: 'transfer',
      businessDate: '2026-11-01',
      lines: [{ ...bag(world, world.warehouse1, '1'), toWarehouseId: world.warehouse2 }],
    });
    // A count of 2 at 二号仓 with 0.51 entered: 2 袋 worth 1.01 there.
    await enterAndApprove(engine, {
      type: 'stocktake',
      businessDate: '2026-11-01',
      lines: [bag(world, world.warehouse2, '2', '0.51')],
    });
    await confirmAll(engine, (await act(engine, 'documents.list', { types: ['stock_gain'] })).rows[0]!.id);
    expect(totalValue(engine)).toBe(551);
    const reversal = await act(engine, 'documents.reverse', {
      id: transfer,
      businessDate: '2026-11-02',
      reason: '调错',
    });
    await confirmAll(engine, reversal.id);
    // 1 袋 leaves 二号仓 at 1.01 / 2 = 0.51 and arrives at 一号仓 with it: nothing lost.
    expect(totalValue(engine)).toBe(551);
    expectBalancesAreTheirMovements(engine);
  });
});
