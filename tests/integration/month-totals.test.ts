import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { monthTotalsUnlikeAfresh } from './support/month-totals';
import { act, confirmAll, enterAndApprove, post, stockLedger, type StockWorld } from './support/stock';

/*
 * The month sums the upload reads (migration 0019's triggers: 收发汇总, 购销, 往来 by month) follow every
 * write that moves them — not only postings, but the re-costing a backdated receipt causes (in another
 * month, too), returns, red reversals, a draft's lines replaced, and an opening balance entered, changed
 * and cleared. After each step they equal the same sums made afresh from the movements, lines and items.
 */

function expectKept(engine: Engine, step: string): void {
  expect(monthTotalsUnlikeAfresh(engine.db.$client), step).toEqual([]);
}

const boxes = (world: StockWorld, quantity: string, unitPrice: string) => ({
  goodsId: world.milk,
  warehouseId: world.warehouse1,
  unitName: '箱',
  quantity,
  unitPrice,
});

function salesCost(engine: Engine, month: string): number {
  return (
    engine.db.$client
      .prepare(
        "SELECT coalesce(sum(cost), 0) AS cost FROM trade_month_totals WHERE month = ? AND side = 'sales'",
      )
      .get(month) as { cost: number }
  ).cost;
}

describe('the month sums kept for the upload', () => {
  it('follow re-costing, returns, reversals, replaced draft lines and opening balances', async () => {
    const { engine, world } = await stockLedger();
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-03-05',
      counterpartyId: world.supplier,
      lines: [boxes(world, '20', '48')],
    });
    const march = await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-03-10',
      counterpartyId: world.customer,
      lines: [boxes(world, '5', '80')],
    });
    // A draft whose lines are replaced before it is submitted: the old lines leave no trace.
    const draft = {
      type: 'sales_delivery' as const,
      businessDate: '2026-04-02',
      counterpartyId: world.customer,
      lines: [boxes(world, '3', '80')],
    };
    const { id: april, version } = await act(engine, 'documents.save', { id: null, document: draft });
    await act(engine, 'documents.save', {
      id: april,
      version,
      document: { ...draft, lines: [boxes(world, '4', '82'), boxes(world, '1', '0')] },
    });
    expectKept(engine, 'draft saved twice');
    await act(engine, 'documents.submit', { id: april });
    await confirmAll(engine, april);
    expectKept(engine, 'posted');
    // Moving average: 5 × 48.00 in March, 5 × 48.00 in April.
    expect([salesCost(engine, '2026-03'), salesCost(engine, '2026-04')]).toEqual([24_000, 24_000]);

    // Backdated before both: 10 × 60 + 20 × 48 = 1,560.00 for 30 箱, 52.00 each — March and April re-cost.
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-03-01',
      counterpartyId: world.supplier,
      lines: [boxes(world, '10', '60')],
    });
    expectKept(engine, 'backdated receipt');
    expect([salesCost(engine, '2026-03'), salesCost(engine, '2026-04')]).toEqual([26_000, 26_000]);

    const sourceLineId = (await act(engine, 'documents.get', { id: march })).lines[0]!.id;
    const giveBack = await post(engine, {
      type: 'sales_return',
      businessDate: '2026-03-12',
      counterpartyId: world.customer,
      lines: [{ ...boxes(world, '1', '80'), sourceLineId }],
    });
    expectKept(engine, 'sales return');
    await act(engine, 'documents.reverse', { id: giveBack, businessDate: '2026-04-03', reason: '退错' });
    expectKept(engine, 'return reversed');
    await act(engine, 'documents.reverse', { id: march, businessDate: '2026-04-03', reason: '录错' });
    expectKept(engine, 'delivery reversed');

    await enterAndApprove(engine, {
      type: 'customer_receipt',
      businessDate: '2026-04-05',
      counterpartyId: world.customer,
      amount: '200.00',
      lines: [],
    });
    expectKept(engine, 'customer receipt');

    const customer = { code: 'KH001', name: '华联超市', kind: 'customer' as const };
    for (const openingReceivable of ['1200.00', '800.00', '0']) {
      const { version } = await act(engine, 'counterparties.get', { id: world.customer });
      await act(engine, 'counterparties.save', {
        id: world.customer,
        version,
        counterparty: { ...customer, openingReceivable },
      });
      expectKept(engine, `opening receivable ${openingReceivable}`);
    }
    const kept = engine.db.$client
      .prepare('SELECT count(*) AS n FROM money_month_totals WHERE debit <> 0 OR credit <> 0')
      .get() as { n: number };
    expect(kept.n).toBeGreaterThan(0);
  });
});

describe('the month sums follow any write to a completed document', () => {
  // The services do not rewrite a completed document's lines, date or movements today; a repair by SQL,
  // or a path added later, must still leave the sums equal to the rows.
  it('a line re-priced, a date moved to another month, a line and a movement added or removed', async () => {
    const { engine, world } = await stockLedger();
    const sqlite = engine.db.$client;
    const receipt = await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-03-05',
      counterpartyId: world.supplier,
      lines: [boxes(world, '20', '48'), boxes(world, '2', '50')],
    });
    const [first, second] = (await act(engine, 'documents.get', { id: receipt })).lines.map(
      (line) => line.id,
    );
    expectKept(engine, 'posted');

    sqlite
      .prepare(
        'UPDATE document_lines SET amount = amount + 100, amount_with_tax = amount_with_tax + 113 WHERE id = ?',
      )
      .run(first);
    expectKept(engine, 'line re-priced');
    sqlite.prepare("UPDATE documents SET business_date = '2026-05-02' WHERE id = ?").run(receipt);
    expectKept(engine, 'date moved to May');
    sqlite.prepare('UPDATE documents SET counterparty_id = ? WHERE id = ?').run(world.customer, receipt);
    expectKept(engine, 'counterparty changed');
    sqlite
      .prepare(
        'INSERT INTO stock_movements (goods_id, warehouse_id, lot, in_transit, posting_date, kind, quantity, value, line_id, document_id) ' +
          'SELECT goods_id, warehouse_id, lot, 0, posting_date, kind, 0, 500, line_id, document_id FROM stock_movements WHERE line_id = ?',
      )
      .run(first);
    expectKept(engine, 'movement added');
    const added = sqlite
      .prepare(
        'INSERT INTO document_lines (document_id, line_no, goods_id, warehouse_id, unit_name, unit_ratio, quantity, ' +
          'base_quantity, amount, amount_with_tax) SELECT document_id, 3, goods_id, warehouse_id, unit_name, unit_ratio, ' +
          'quantity, base_quantity, amount, amount_with_tax FROM document_lines WHERE id = ?',
      )
      .run(second).lastInsertRowid;
    expectKept(engine, 'line added');
    sqlite.prepare('DELETE FROM document_lines WHERE id = ?').run(added);
    expectKept(engine, 'line removed');
  });
});
