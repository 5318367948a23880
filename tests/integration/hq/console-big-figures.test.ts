import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/hq/clock';
import { salesSummary, stockSummary } from '../../../src/hq/console-api/summaries';
import { receivePackage } from '../../../src/hq/receive-package';
import { yuanOfDigits } from '../../../src/shared/hq-console/big-figures';
import { march, writeTestPackage } from '../support/test-packages';
import { openTestStore, storeKinds } from '../upload/support/test-stores';

/*
 * Sums past 2^53 fen (¥90 trillion: many branches × many months add up) stay exact to the fen, in
 * SQL on both databases and on to the page's text: 4,503,599,627,370,497 + 4,503,599,627,370,496 =
 * 9,007,199,254,740,993, which a float would round to …992.
 */
const halves = [4_503_599_627_370_497, 4_503_599_627_370_496];
const sum = '9007199254740993';

describe.each(storeKinds)('console sums past 2^53 (%s)', (kind) => {
  it('adds stock values and sales exactly', async () => {
    const store = await openTestStore(kind);
    await store.addBranch(
      { code: 'BJ01', name: '北京分公司', secret: 'secret-of-beijing-0123456789' },
      '2026-01-01T00:00:00Z',
    );
    const pkg = writeTestPackage({
      branchCode: 'BJ01',
      epoch: 1,
      seq: 1,
      prevSha256: null,
      periods: [march],
      parts: [
        {
          section: 'stock_balances',
          period: march.key,
          rows: halves.map((value, i) => ({ goodsUid: `G${i}`, warehouseUid: 'W1', quantity: 1_000, value })),
        },
        {
          section: 'trade',
          period: march.key,
          rows: halves.map((amount, i) => ({
            side: 'sales',
            counterpartyUid: 'K1',
            goodsUid: `G${i}`,
            quantity: 1_000,
            amount,
            cost: 1,
          })),
        },
      ],
    });
    const { epoch, seq, packageId } = pkg.manifest;
    await receivePackage(
      store,
      { branchCode: 'BJ01', epoch, seq, idempotencyKey: packageId, body: pkg.body },
      { clock: systemClock },
    );

    const stock = await stockSummary(store, { from: null, to: null, branch: null });
    expect(stock.rows.map((row) => row.value)).toEqual([sum]);
    const sales = await salesSummary(store, { from: null, to: null, branch: null });
    expect(sales.rows.map((row) => [row.amount, row.cost, row.margin])).toEqual([
      [sum, '2', '9007199254740991'],
    ]);
    expect(yuanOfDigits(sum)).toBe('¥90,071,992,547,409.93');
  });
});
