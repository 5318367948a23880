import { describe, expect, it } from 'vitest';
import { act, post } from '../support/stock';
import { uploadWorld } from '../upload/support/upload-world';

/*
 * A contract reaches head office over HTTPS through the branch's own upload: 华联超市 signs 24 箱 of 鲜牛奶
 * for 2026 at 1.00 a 箱; 10 箱 delivered in February earn 10.00, settled in March. Head office keeps the
 * contract by its uid (contracts) and its figures per month (contract_execution).
 */
describe('contracts in the upload to head office', () => {
  it('carries the contract with its settlement, and its execution per month', async () => {
    const upload = await uploadWorld('sqlite');
    const { engine, world, store } = upload;
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-01-05',
      counterpartyId: world.supplier,
      lines: [
        {
          goodsId: world.milk,
          warehouseId: world.warehouse1,
          unitName: '箱',
          quantity: '20',
          unitPrice: '48',
        },
      ],
    });
    const { id, number } = await act(engine, 'contracts.save', {
      id: null,
      kind: 'sales',
      counterpartyId: world.customer,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      lines: [{ goodsId: world.milk, unitName: '箱', quantity: 2400 }],
      rebateTerms: [{ kind: 'per_unit', unitName: '箱', amountPerUnit: 100 }],
    });
    await act(engine, 'contracts.submit', { id });
    await act(engine, 'contracts.approve', { id });
    await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-02-10',
      counterpartyId: world.customer,
      lines: [
        {
          goodsId: world.milk,
          warehouseId: world.warehouse1,
          unitName: '箱',
          quantity: '10',
          unitPrice: '70',
        },
      ],
    });
    await act(engine, 'contracts.settle', {
      id,
      kind: 'interim',
      throughDate: '2026-02-28',
      businessDate: '2026-03-01',
    });

    expect(await upload.run()).toMatchObject({ outcome: 'uploaded' });
    const counts = await store.rowCounts('BJ01');
    expect(counts.contracts).toBe(1);
    const february = (await store.heldPeriodParts('BJ01')).find(
      (part) => part.section === 'contract_execution' && part.period === '2026-02',
    )!;
    const [row] = await store.periodPartRows('BJ01', 'contract_execution', '2026-02', february.part);
    expect(row).toMatchObject({ number, earned: 1000, paid: 1000 });
  });
});
