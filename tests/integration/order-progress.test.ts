import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { executedQuantities } from '../../src/engine/services/documents/source-lines';
import { administrator, beijingBranch, callOk, newLedger } from './support/ledger';
import { act, confirmAll, enterAndApprove, post, stockWorld, type StockWorld } from './support/stock';

/**
 * `order_progress` (migration 0018): the orders with a line not yet wholly confirmed, kept by triggers so
 * that the open orders — reserved stock, on-order stock, a customer's credit — are read without reading
 * every order the branch ever took. Before it, each 保存 / 提交 / 审核 of a sales document read every
 * order and every delivery, and the large demo's two years took hours to post. Every step an order and
 * its deliveries can take is checked against the count made afresh from the view the triggers keep.
 */

function keptProgress(sqlite: Database.Database) {
  return sqlite.prepare('SELECT document_id, open_lines FROM order_progress ORDER BY document_id').all();
}

function progressAfresh(sqlite: Database.Database) {
  return sqlite
    .prepare(
      'SELECT document_id, count(*) AS open_lines FROM order_line_execution WHERE confirmed < base_quantity ' +
        'GROUP BY document_id ORDER BY document_id',
    )
    .all();
}

async function world(): Promise<{ engine: Engine; world: StockWorld; sqlite: Database.Database }> {
  const { engine } = await newLedger();
  await callOk(engine, 'setup.createBranch', { profile: beijingBranch, administrator });
  const world = await stockWorld(engine);
  return { engine, world, sqlite: engine.db.$client };
}

const milk = (world: StockWorld, quantity: string) => ({
  goodsId: world.milk,
  unitName: '箱',
  quantity,
  unitPrice: '80',
  taxRate: '13',
  warehouseId: world.warehouse1,
});

describe('the open orders kept as documents move', () => {
  it('an order is open until every line is confirmed, and open again when its delivery is reversed', async () => {
    const { engine, world: w, sqlite } = await world();
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-03-01',
      counterpartyId: w.supplier,
      lines: [{ ...milk(w, '20'), unitPrice: '48' }],
    });
    const reserved = async () =>
      (await act(engine, 'stock.available', { goodsIds: [w.milk] })).find(
        (row) => row.warehouseId === w.warehouse1,
      )!.reserved;
    const steps: { step: string; kept: unknown; afresh: unknown }[] = [];
    const check = (step: string) =>
      steps.push({ step, kept: keptProgress(sqlite), afresh: progressAfresh(sqlite) });

    // A draft order of two lines is counted from its first line on.
    const { id: orderId } = await act(engine, 'documents.save', {
      id: null,
      document: {
        type: 'sales_order',
        businessDate: '2026-03-02',
        counterpartyId: w.customer,
        lines: [milk(w, '6'), milk(w, '2')],
      },
    });
    check('draft order');
    expect(keptProgress(sqlite)).toEqual([{ document_id: orderId, open_lines: 2 }]);
    await act(engine, 'documents.submit', { id: orderId, acknowledged: true });
    await act(engine, 'documents.approve', { id: orderId, acknowledged: true });
    check('approved');
    expect(await reserved()).toBe('192');

    // A delivery drafted from it takes nothing until the keeper confirms; deleting the draft changes nothing.
    const draft = await act(engine, 'documents.fromOrder', { id: orderId });
    const { id: draftId } = await act(engine, 'documents.save', {
      id: null,
      document: { ...draft, businessDate: '2026-03-03' },
    });
    check('delivery drafted');
    await act(engine, 'documents.delete', { id: draftId });
    check('draft deleted');
    expect(keptProgress(sqlite)).toEqual([{ document_id: orderId, open_lines: 2 }]);

    // The first line delivered in full: one line open.
    const first = await act(engine, 'documents.fromOrder', { id: orderId });
    const partId = await enterAndApprove(engine, {
      ...first,
      businessDate: '2026-03-03',
      lines: [first.lines[0]!],
    });
    check('first line approved');
    await confirmAll(engine, partId);
    check('first line confirmed');
    expect(keptProgress(sqlite)).toEqual([{ document_id: orderId, open_lines: 1 }]);
    expect(await reserved()).toBe('48');

    // The rest delivered: the order leaves the open ones, and reserves nothing.
    const rest = await act(engine, 'documents.fromOrder', { id: orderId });
    const restId = await enterAndApprove(engine, { ...rest, businessDate: '2026-03-04' });
    await confirmAll(engine, restId);
    check('all confirmed');
    expect(keptProgress(sqlite)).toEqual([]);
    expect(await reserved()).toBe('0');

    // 红字冲销 of the second delivery gives its line back to the order.
    await act(engine, 'documents.reverse', { id: restId, businessDate: '2026-03-05' });
    check('second delivery reversed');
    expect(keptProgress(sqlite)).toEqual([{ document_id: orderId, open_lines: 1 }]);
    expect(await reserved()).toBe('48');

    // 强制结案 ends what it reserves, whatever is left open on its lines.
    await act(engine, 'documents.close', { id: orderId });
    check('closed');
    expect(await reserved()).toBe('0');

    for (const { step, kept, afresh } of steps) expect({ step, kept }).toEqual({ step, kept: afresh });
  });

  it('a document that reverses nothing is not looked for through the reversal index', async () => {
    const { sqlite } = await world();
    // With every document in the index of reversal_of_id, `reversal_of_id IS NULL` (what counts as
    // executing an order, or as a return's source) led the planner to walk all documents through it
    // instead of the few lines asked for. The index holds only the reversals now.
    const plan = sqlite
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM documents WHERE type = 'sales_delivery' AND reversal_of_id IS NULL",
      )
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).not.toMatch(/documents_reversal_of/);
    expect(executedQuantities(sqlite, 'sales_delivery', [])).toEqual(new Map());
  });
});
