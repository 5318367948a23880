import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import {
  cliActor,
  openEngine,
  sourceAppVersion,
  sourceMigrationsFolder,
  type Engine,
} from '../../src/engine';
import type { ApiInput, ApiMethod, ApiOutput } from '../../src/shared/api';

/**
 * The keeper's confirmation is where stock moves (DOMAIN.md §5, §6.1): lines per second through
 * `warehouse.confirm`, for receipts and deliveries of 1,000 lines into goods that already hold stock
 * and history, in date order (no re-costing). The baseline, measured in the same run on the same
 * file: raw prepared INSERTs of as many rows, in one transaction, into a table identical to
 * stock_movements (same columns, indexes and foreign keys). Goal: at least 1/10 of the raw rate.
 */
const goodsCount = 1000;
const historyRounds = 10;

async function call<M extends ApiMethod>(
  engine: Engine,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutput<M>> {
  const response = await engine.callAs(cliActor, method, input);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as ApiOutput<M>;
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
const engine = await openEngine({
  databasePath: path.join(folder, 'ledger.db'),
  migrationsFolder: sourceMigrationsFolder,
  appVersion: sourceAppVersion(),
});
await call(engine, 'setup.createBranch', {
  profile: {
    code: 'BJ01',
    name: '北京分公司',
    accountingMode: 'independent',
    costingScope: 'per_warehouse',
    defaultCostingMethod: 'moving_average',
    taxpayerType: 'general',
  },
  administrator: {
    username: 'admin',
    displayName: '管理员',
    password: 'bench-password',
    passwordConfirm: 'bench-password',
  },
});
const warehouse = (
  await call(engine, 'warehouses.save', { id: null, warehouse: { code: 'CK01', name: '总仓' } })
).id;
const supplier = (
  await call(engine, 'counterparties.save', {
    id: null,
    counterparty: { code: 'GY001', name: '蒙原乳业', kind: 'supplier' },
  })
).id;
const customer = (
  await call(engine, 'counterparties.save', {
    id: null,
    counterparty: { code: 'KH001', name: '华联超市', kind: 'customer' },
  })
).id;
const goodsIds: number[] = [];
for (let index = 0; index < goodsCount; index += 1) {
  const { id } = await call(engine, 'goods.save', {
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

async function enterAndApprove(document: DocumentInput): Promise<number> {
  const { id } = await call(engine, 'documents.save', { id: null, document });
  await call(engine, 'documents.submit', { id });
  await call(engine, 'documents.approve', { id });
  return id;
}

async function confirm(id: number): Promise<number> {
  const started = performance.now();
  await call(engine, 'warehouse.confirm', { documentId: id, warehouseId: warehouse });
  return performance.now() - started;
}

// History: every goods has received and shipped before, so each confirmation costs into a scope with state.
for (let round = 0; round < historyRounds; round += 1) {
  await confirm(await enterAndApprove(receipt()));
  await confirm(await enterAndApprove(delivery()));
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
for (let run = 0; run < runs; run += 1) receipts.push(await enterAndApprove(receipt()));
const deliveries: number[] = [];
for (let run = 0; run < runs; run += 1) deliveries.push(await enterAndApprove(delivery()));

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
