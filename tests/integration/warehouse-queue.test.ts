import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { beijingLedger } from './support/ledger';
import { act, enterAndApprove, post, stockWorld, type StockWorld } from './support/stock';

/**
 * 待入库 / 待出库 (DOMAIN.md §5): the keeper's queue lists exactly the approved documents that wait for a
 * warehouse, in the direction their type moves stock: orders wait for no keeper, an 内部调入单 comes in,
 * an 内部调出单 goes out, a transfer goes out at the source and, once shipped, comes in at the destination.
 */

const milk = (world: StockWorld, quantity: string, price = '50') => ({
  goodsId: world.milk,
  unitName: '箱',
  quantity,
  unitPrice: price,
  taxRate: '13',
  warehouseId: world.warehouse1,
});

async function queueOf(engine: Engine) {
  return (await act(engine, 'warehouse.queue', {})).map((entry) => [
    entry.typeLabel,
    entry.warehouseName,
    entry.direction,
  ]);
}

describe('the keeper’s queue', () => {
  it('lists what waits for a warehouse, in the direction its type moves stock', async () => {
    const { engine } = await beijingLedger();
    const world = await stockWorld(engine);
    const tianjin = (
      await act(engine, 'counterparties.save', {
        id: null,
        counterparty: {
          code: 'NB01',
          name: '天津分公司',
          kind: 'both',
          isInternal: true,
          internalBranchCode: 'TJ01',
        },
      })
    ).id;
    // 10 箱 on hand in 一号仓 to sell and send from.
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-03-01',
      counterpartyId: world.supplier,
      lines: [milk(world, '10', '48')],
    });
    expect(await queueOf(engine)).toEqual([]);

    const purchaseOrder = await enterAndApprove(engine, {
      type: 'purchase_order',
      businessDate: '2026-03-02',
      counterpartyId: world.supplier,
      lines: [milk(world, '5', '48')],
    });
    const salesOrder = await enterAndApprove(engine, {
      type: 'sales_order',
      businessDate: '2026-03-02',
      counterpartyId: world.customer,
      lines: [milk(world, '2', '60')],
    });
    // Approved orders are open, not waiting for a keeper: nothing to confirm.
    for (const id of [purchaseOrder, salesOrder]) {
      expect((await act(engine, 'documents.get', { id })).status).toBe('awaiting_warehouse');
    }
    expect(await queueOf(engine)).toEqual([]);

    await enterAndApprove(engine, {
      type: 'internal_transfer_in',
      businessDate: '2026-03-03',
      counterpartyId: tianjin,
      lines: [milk(world, '1')],
    });
    await enterAndApprove(engine, {
      type: 'internal_transfer_out',
      businessDate: '2026-03-04',
      counterpartyId: tianjin,
      lines: [milk(world, '3')],
    });
    const transfer = await enterAndApprove(engine, {
      type: 'transfer',
      businessDate: '2026-03-05',
      warehouseId: world.warehouse1,
      toWarehouseId: world.warehouse2,
      lines: [{ goodsId: world.milk, unitName: '箱', quantity: '4' }],
    });
    expect(await queueOf(engine)).toEqual([
      ['内部调入单', '一号仓', 'in'],
      ['内部调出单', '一号仓', 'out'],
      ['调拨单', '一号仓', 'out'],
    ]);
    expect(
      (await act(engine, 'warehouse.queue', { direction: 'in' })).map((entry) => entry.typeLabel),
    ).toEqual(['内部调入单']);

    // Shipped at the source, the transfer waits to be received at the destination.
    await act(engine, 'warehouse.confirm', { documentId: transfer, warehouseId: world.warehouse1 });
    const arrival = (await act(engine, 'warehouse.queue', {})).find((entry) => entry.documentId === transfer);
    expect(arrival).toMatchObject({ warehouseName: '二号仓', direction: 'in', arrival: true });
    expect(await queueOf(engine)).toEqual([
      ['内部调入单', '一号仓', 'in'],
      ['内部调出单', '一号仓', 'out'],
      ['调拨单', '二号仓', 'in'],
    ]);
  });
});
