import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { administrator, beijingBranch, callOk, disposableLedger } from './support/ledger';
import { post, stockWorld } from './support/stock';

/** Short in CI; `npm run test:props` (or LEDGER_PROPS_RUNS=n) runs it long, with the stock-books property test. */
const longRun = process.env.npm_lifecycle_event === 'test:props';
const runs = Number(process.env.LEDGER_PROPS_RUNS ?? (longRun ? 1000 : 15));

interface Operation {
  day: number;
  kind: 'receipt' | 'delivery';
  quantity: number;
  price: number;
  warehouse: 1 | 2;
}

const operation = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  kind: fc.constantFrom('receipt' as const, 'delivery' as const),
  quantity: fc.integer({ min: 1, max: 60 }),
  price: fc.integer({ min: 100, max: 999 }),
  warehouse: fc.constantFrom(1 as const, 2 as const),
});

/**
 * Posts the operations in the order given (so later ones may be backdated before earlier ones) and
 * returns every movement's value keyed by the operation that made it.
 */
async function postAll(method: 'moving_average' | 'fifo', operations: { op: Operation; index: number }[]) {
  // Disposed of at once: the long run opens two thousand ledgers in one test.
  const { engine, databasePath, dispose } = await disposableLedger();
  try {
    return await postAllInto(engine, databasePath, method, operations);
  } finally {
    dispose();
  }
}

async function postAllInto(
  engine: Engine,
  databasePath: string,
  method: 'moving_average' | 'fifo',
  operations: { op: Operation; index: number }[],
) {
  await callOk(engine, 'setup.createBranch', {
    profile: {
      ...beijingBranch,
      defaultCostingMethod: method,
      negativeStock: 'allow',
      approvalRequired: false,
    },
    administrator,
  });
  const world = await stockWorld(engine);
  for (const { op, index } of operations) {
    const warehouseId = op.warehouse === 1 ? world.warehouse1 : world.warehouse2;
    const line = {
      goodsId: world.milk,
      warehouseId,
      unitName: '袋',
      quantity: String(op.quantity),
      unitPrice: (op.price / 100).toFixed(2),
    };
    await post(engine, {
      type: op.kind === 'receipt' ? 'purchase_receipt' : 'sales_delivery',
      businessDate: `2026-02-${String(op.day).padStart(2, '0')}`,
      counterpartyId: op.kind === 'receipt' ? world.supplier : world.customer,
      remark: String(index),
      lines: [line],
    });
  }
  const db = new Database(databasePath, { readonly: true });
  try {
    const rows = db
      .prepare(
        'SELECT d.remark, m.value, m.correction FROM stock_movements m JOIN documents d ON d.id = m.document_id',
      )
      .all() as { remark: string; value: number; correction: number }[];
    return new Map(rows.map((row) => [row.remark, { value: row.value, correction: row.correction }]));
  } finally {
    db.close();
  }
}

describe('backdated documents re-cost later movements exactly as costing from scratch in date order', () => {
  for (const method of ['moving_average', 'fifo'] as const) {
    it(
      `${method}: any posting order gives the values of date order`,
      async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(operation, { minLength: 2, maxLength: 12 }), async (operations) => {
            const indexed = operations.map((op, index) => ({ op, index }));
            const inDateOrder = [...indexed].sort((a, b) => a.op.day - b.op.day || a.index - b.index);
            const posted = await postAll(method, indexed);
            const fromScratch = await postAll(method, inDateOrder);
            // Same-day operations sort by posting order in both ledgers only when they were posted in index
            // order; the date-ordered ledger posts them so, and so does the first within a day.
            expect(posted).toEqual(fromScratch);
          }),
          { numRuns: runs },
        );
      },
      runs * 8_000,
    );
  }
});
