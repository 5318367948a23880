import { describe, expect, it } from 'vitest';
import { branchOverview } from '../../../src/hq/console-api/branch-overview';
import { salesGoods, salesSummary, stockGoods, stockSummary } from '../../../src/hq/console-api/summaries';
import type { HqStore } from '../../../src/hq/store/hq-store';
import { storeKinds } from '../upload/support/test-stores';
import { januaryAndFebruary, uploadWorld } from '../upload/support/upload-world';

/*
 * A real branch ledger uploads through its own client (立即上传's code path), and the console shows it:
 * 一号仓 receives 10 箱 鲜牛奶 at ¥48 in January (240 袋, ¥480.00) and sells 3 箱 at ¥70 in February,
 * leaving 7 箱 = 168 袋 at ¥2.00 a 袋 (¥336.00). The goods has no category: 未分类. The console's figures
 * are held against the rows head office stored of the package, read back by the generic reader.
 */

/** A section's field summed over head office's stored rows of a period, every part. */
async function storedSum(store: HqStore, section: string, period: string, field: string, side?: string) {
  let sum = 0n;
  for (const held of await store.heldPeriodParts('BJ01')) {
    if (held.section !== section || held.period !== period) continue;
    for (const row of await store.periodPartRows('BJ01', section, period, held.part)) {
      if (side === undefined || row.side === side) sum += BigInt(String(row[field]));
    }
  }
  return String(sum);
}

describe.each(storeKinds)('the console over a real branch upload (%s)', (kind) => {
  it('shows the branch uploaded, and its stock and sales as the branch has them', async () => {
    const world = await uploadWorld(kind);
    await januaryAndFebruary(world);
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 1 });
    const { store } = world;

    const [branch] = (await branchOverview(store, world.clock.now())).branches;
    expect(branch).toMatchObject({ code: 'BJ01', lastSeq: 1, packages: 1, lagHours: 0, flags: ['ok'] });

    const stock = await stockSummary(store, { from: null, to: null, branch: null });
    expect(stock.rows.filter((row) => row.month <= '2026-02')).toEqual([
      { branchCode: 'BJ01', branchName: '北京分公司', month: '2026-01', category: '未分类', value: '48000' },
      { branchCode: 'BJ01', branchName: '北京分公司', month: '2026-02', category: '未分类', value: '33600' },
    ]);
    expect(stock.rows.find((row) => row.month === '2026-02')!.value).toBe(
      await storedSum(store, 'stock_balances', '2026-02', 'value'),
    );
    const february = { branch: 'BJ01', month: '2026-02', category: '未分类' };
    expect((await stockGoods(store, february)).rows).toEqual([
      expect.objectContaining({
        code: 'SP001',
        name: '鲜牛奶',
        baseUnit: '袋',
        quantity: '168',
        value: '33600',
      }),
    ]);

    const sales = await salesSummary(store, { from: '2026-02', to: '2026-02', branch: 'BJ01' });
    const [sold] = sales.rows;
    expect(sold).toMatchObject({ month: '2026-02', category: '未分类', cost: '14400' });
    expect(sold!.amount).toBe(await storedSum(store, 'trade', '2026-02', 'amount', 'sales'));
    expect((await salesGoods(store, february)).rows).toEqual([
      expect.objectContaining({ code: 'SP001', quantity: '72', amount: sold!.amount, cost: '14400' }),
    ]);
  });
});
