import fs from 'node:fs';
import { afterAll, bench, describe } from 'vitest';
import type { Engine } from '../../src/engine';
import { act, enterAndApprove } from '../integration/support/stock';
import { benchBranch } from './support/bench-branch';

/**
 * DOMAIN.md §6.6: a receipt dated back before 100,000 movements of one goods in one warehouse re-costs
 * all of them in its confirmation. Goals: under 1 s, and at most 10× the time it takes merely to read
 * those rows (SELECT … ORDER BY posting_date, id) on the same connection in the same run.
 * Once for moving average and once for FIFO, each the branch's default method at setup.
 *
 * The history is entered through the documents API, fast: 50 rounds of a receipt of 50 lines and a
 * delivery of 1,950 lines (the most a document takes is 2,000), one round a day from 2026-01-10, all
 * after the backdated date 2026-01-05. Each measured receipt lands before all of them again.
 */
const rounds = 50;
const receiptLines = 50;
const deliveryLines = 1950;
const backdatedDate = '2026-01-05';
const methods = ['moving_average', 'fifo'] as const;
type Method = (typeof methods)[number];

function dayAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

interface Scope {
  engine: Engine;
  folder: string;
  warehouse: number;
  supplier: number;
  milk: number;
  movementCount: number;
}

async function buildScope(method: Method): Promise<Scope> {
  const { engine, folder, world } = await benchBranch(method);
  const { warehouse1: warehouse, supplier, customer, milk } = world;
  for (let round = 0; round < rounds; round += 1) {
    const businessDate = dayAfter('2026-01-10', round);
    // 50 × 10 箱 = 12,000 袋 in, at prices that move from line to line; 1,950 × 5 袋 = 9,750 out.
    const receipt = await enterAndApprove(engine, {
      type: 'purchase_receipt',
      businessDate,
      counterpartyId: supplier,
      lines: Array.from({ length: receiptLines }, (_, line) => ({
        goodsId: milk,
        warehouseId: warehouse,
        unitName: '箱',
        quantity: '10',
        unitPrice: (46 + ((round * 7 + line) % 13) / 4).toFixed(2),
      })),
    });
    await act(engine, 'warehouse.confirm', { documentId: receipt, warehouseId: warehouse });
    const delivery = await enterAndApprove(engine, {
      type: 'sales_delivery',
      businessDate,
      counterpartyId: customer,
      lines: Array.from({ length: deliveryLines }, () => ({
        goodsId: milk,
        warehouseId: warehouse,
        unitName: '袋',
        quantity: '5',
        unitPrice: '2.6',
      })),
    });
    await act(engine, 'warehouse.confirm', { documentId: delivery, warehouseId: warehouse });
  }
  const sqlite = engine.db.$client;
  const { n } = sqlite.prepare('SELECT count(*) AS n FROM stock_movements').get() as { n: number };
  return { engine, folder, warehouse, supplier, milk, movementCount: n };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const scopes = new Map<Method, Scope>();
for (const method of methods) scopes.set(method, await buildScope(method));

const readTimes = new Map<Method, number[]>(methods.map((method) => [method, []]));
const confirmTimes = new Map<Method, number[]>(methods.map((method) => [method, []]));
const options = { iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 };

/**
 * 10 箱 receipts dated before every movement of the scope, entered and approved beforehand (a document
 * waiting for the keeper moves nothing), so that an iteration is the confirmation alone.
 */
const waiting = new Map<Method, number[]>();
for (const method of methods) {
  const scope = scopes.get(method)!;
  const ids: number[] = [];
  for (let run = 0; run < options.iterations + options.warmupIterations; run += 1) {
    ids.push(
      await enterAndApprove(scope.engine, {
        type: 'purchase_receipt',
        businessDate: backdatedDate,
        counterpartyId: scope.supplier,
        lines: [
          {
            goodsId: scope.milk,
            warehouseId: scope.warehouse,
            unitName: '箱',
            quantity: '10',
            unitPrice: String(30 + run),
          },
        ],
      }),
    );
  }
  waiting.set(method, ids);
}

/** Confirms the next backdated receipt: its posting re-costs every later movement of the scope. */
async function confirmBackdated(method: Method): Promise<void> {
  const scope = scopes.get(method)!;
  const sqlite = scope.engine.db.$client;
  const issuedValue = () =>
    (
      sqlite.prepare("SELECT sum(value) AS value FROM stock_movements WHERE kind = 'sales'").get() as {
        value: number;
      }
    ).value;
  const before = issuedValue();
  const started = performance.now();
  await act(scope.engine, 'warehouse.confirm', {
    documentId: waiting.get(method)!.shift()!,
    warehouseId: scope.warehouse,
  });
  confirmTimes.get(method)!.push(performance.now() - started);
  // The point of the measurement: the deliveries after it now carry other costs.
  if (issuedValue() === before) throw new Error('the backdated receipt did not re-cost the later deliveries');
}

function readScope(method: Method): void {
  const scope = scopes.get(method)!;
  const started = performance.now();
  const rows = scope.engine.db.$client
    .prepare(
      'SELECT * FROM stock_movements WHERE goods_id = ? AND warehouse_id = ? ORDER BY posting_date, id',
    )
    .all(scope.milk, scope.warehouse);
  readTimes.get(method)!.push(performance.now() - started);
  if (rows.length < 100_000) throw new Error(`only ${rows.length} movements in the scope`);
}

for (const method of methods) {
  describe(`backdated receipt before 100,000 movements (${method})`, () => {
    bench('read the scope: SELECT … ORDER BY posting_date, id (baseline)', () => readScope(method), options);
    bench(
      'warehouse.confirm of the backdated receipt (re-costs the scope)',
      // An async function: tinybench calls any other once more to find out whether it returns a promise.
      async () => {
        await confirmBackdated(method);
      },
      options,
    );
  });
}

afterAll(() => {
  const lines = [
    '',
    `倒记入库：同一商品、同一仓库已有 ${scopes.get('fifo')!.movementCount.toLocaleString('en')} 条流水`,
  ];
  for (const method of methods) {
    const last = (times: number[]) => times.slice(-options.iterations);
    const confirm = median(last(confirmTimes.get(method)!));
    const read = median(last(readTimes.get(method)!));
    lines.push(
      `  ${method.padEnd(14)} confirm ${confirm.toFixed(0).padStart(6)} ms   read ${read.toFixed(0).padStart(5)} ms   ` +
        `ratio ${(confirm / read).toFixed(1)}×   (goals < 1000 ms, ≤ 10×; medians of ${options.iterations})`,
    );
  }
  lines.push('');
  console.log(lines.join('\n'));
  for (const scope of scopes.values()) {
    scope.engine.close();
    fs.rmSync(scope.folder, { recursive: true, force: true });
  }
});
