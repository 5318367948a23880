import fs from 'node:fs';
import { afterAll, bench, describe } from 'vitest';
import type { ApiInput } from '../../src/shared/api';
import { act, enterAndApprove } from '../integration/support/stock';
import { benchBranch } from './support/bench-branch';

/**
 * The keeper's confirmation is where stock moves (DOMAIN.md §5, §6.1): lines per second through
 * `warehouse.confirm`, for receipts and deliveries of 1,000 lines into goods that already hold stock
 * and history, in date order (no re-costing). The baseline, measured in the same run on the same
 * file: raw prepared INSERTs of as many rows, in one transaction, into a table identical to
 * stock_movements (same columns, indexes and foreign keys). Goal: at least 1/10 of the raw rate.
 */
const goodsCount = 1000;
const historyRounds = 10;

const { engine, folder, world } = await benchBranch('moving_average');
const { warehouse1: warehouse, supplier, customer } = world;
const goodsIds: number[] = [];
for (let index = 0; index < goodsCount; index += 1) {
  const { id } = await act(engine, 'goods.save', {
    id: null,
    goods: {
      code: `SP${String(index + 1).padStart(5, '0')}`,
      name: `蒙原纯牛奶 ${index + 1} 号`,
      units: [
        { name: '袋', ratio: '1', isBase: true },
        { name: '箱', ratio: '24', isBase: false },
      ],
    },
  });
  goodsIds.push(id);
}

let day = 0;
/** Each document a day later than the last: postings in date order, as a branch enters them. */
const nextDate = () => new Date(Date.UTC(2026, 0, 5 + day++)).toISOString().slice(0, 10);

type DocumentInput = ApiInput<'documents.save'>['document'];

const receipt = (): DocumentInput => ({
  type: 'purchase_receipt',
  businessDate: nextDate(),
  counterpartyId: supplier,
  lines: goodsIds.map((goodsId, index) => ({
    goodsId,
    warehouseId: warehouse,
    unitName: '箱',
    quantity: '10',
    unitPrice: (46 + ((day * 7 + index) % 13) / 4).toFixed(2),
  })),
});

const delivery = (): DocumentInput => ({
  type: 'sales_delivery',
  businessDate: nextDate(),
  counterpartyId: customer,
  lines: goodsIds.map((goodsId) => ({
    goodsId,
    warehouseId: warehouse,
    unitName: '袋',
    quantity: '60',
    unitPrice: '2.6',
  })),
});

async function confirm(id: number): Promise<number> {
  const started = performance.now();
  await act(engine, 'warehouse.confirm', { documentId: id, warehouseId: warehouse });
  return performance.now() - started;
}

// History: every goods has received and shipped before, so each confirmation costs into a scope with state.
for (let round = 0; round < historyRounds; round += 1) {
  await confirm(await enterAndApprove(engine, receipt()));
  await confirm(await enterAndApprove(engine, delivery()));
}

const sqlite = engine.db.$client;
/** stock_movements' own DDL, renamed: the same columns, types, defaults, foreign keys and indexes. */
for (const { sql } of sqlite
  .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = 'stock_movements' AND type IN ('table', 'index')")
  .all() as { sql: string }[]) {
  sqlite.exec(sql.replace(/stock_movements/g, 'raw_stock_movements'));
}
const rawInsert = sqlite.prepare(
  'INSERT INTO raw_stock_movements (posting_date, goods_id, warehouse_id, lot, in_transit, kind, quantity, value, ' +
    'correction, scope, layer, origin_movement_id, own_value, document_id, line_id) ' +
    'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
);
/** The rows of the last confirmed receipt, as values: what the raw baseline writes again. */
const sampleRows = sqlite
  .prepare(
    'SELECT posting_date, goods_id, warehouse_id, lot, in_transit, kind, quantity, value, correction, scope, layer, ' +
      "origin_movement_id, own_value, document_id, line_id FROM stock_movements WHERE kind = 'purchase' " +
      'ORDER BY id DESC LIMIT ?',
  )
  .raw()
  .all(goodsCount) as unknown[][];
const writeRaw = sqlite.transaction((rows: unknown[][]) => {
  for (const row of rows) rawInsert.run(...row);
});

const times = { raw: [] as number[], receipt: [] as number[], delivery: [] as number[] };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const options = { iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 };
const runs = options.iterations + options.warmupIterations;

// The measured documents are entered and approved beforehand, receipts dated before deliveries, so that
// each bench iteration is the keeper's confirmation alone, still in date order.
const receipts: number[] = [];
for (let run = 0; run < runs; run += 1) receipts.push(await enterAndApprove(engine, receipt()));
const deliveries: number[] = [];
for (let run = 0; run < runs; run += 1) deliveries.push(await enterAndApprove(engine, delivery()));

describe(`warehouse.confirm of ${goodsCount.toLocaleString('en')}-line documents into existing stock`, () => {
  bench(
    `raw INSERT of ${goodsCount} rows into a stock_movements-shaped table (baseline)`,
    () => {
      const started = performance.now();
      writeRaw(sampleRows);
      times.raw.push(performance.now() - started);
    },
    options,
  );

  bench(
    'warehouse.confirm of a purchase receipt',
    async () => {
      times.receipt.push(await confirm(receipts.shift()!));
    },
    options,
  );

  bench(
    'warehouse.confirm of a sales delivery',
    async () => {
      times.delivery.push(await confirm(deliveries.shift()!));
    },
    options,
  );
});

afterAll(() => {
  const last = (values: number[]) => values.slice(-options.iterations);
  const perSecond = (milliseconds: number) => (goodsCount / milliseconds) * 1000;
  const raw = perSecond(median(last(times.raw)));
  const movements = (sqlite.prepare('SELECT count(*) AS n FROM stock_movements').get() as { n: number }).n;
  const line = (label: string, values: number[]) => {
    const rate = perSecond(median(last(values)));
    return `  ${label}  ${rate.toFixed(0).padStart(8)} lines/s   = 1/${(raw / rate).toFixed(1)} of raw   (goal ≥ 1/10)`;
  };
  console.log(
    [
      '',
      `仓库确认，每张 ${goodsCount} 行，库存流水表已有 ${movements.toLocaleString('en')} 条（中位数，各 ${options.iterations} 次）`,
      `  raw INSERT                  ${raw.toFixed(0).padStart(8)} rows/s`,
      line('purchase_receipt confirm', times.receipt),
      line('sales_delivery confirm  ', times.delivery),
      '',
    ].join('\n'),
  );
  engine.close();
  fs.rmSync(folder, { recursive: true, force: true });
});
