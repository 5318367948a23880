import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import type { Engine } from '../../src/engine';
import type { ApiInput, ApiMethod, ApiOutput } from '../../src/shared/api';
import { administrator, beijingBranch, callOk, disposableLedger } from './support/ledger';
import { monthTotalsUnlikeAfresh } from './support/month-totals';
import { attempt, stockWorld, type StockWorld } from './support/stock';
import {
  balances,
  balancesNotSummingMovements,
  bookQuantityAt,
  completedWithoutPosting,
  movementsByLine,
  periodSummaryOf,
  periodSummaryProblems,
  totalStockValue,
  valueOutside,
  transferValueLost,
  valueWithoutQuantity,
  type CostingScopeName,
} from './support/stock-books';

/*
 * Books that cannot drift (DOMAIN.md §5–§6). Random sequences of every stock document — purchase
 * receipts (gift lines at zero price among them), other receipts with and without a price, deliveries
 * (gifts too), other issues, sales returns from their delivery, purchase returns from their receipt,
 * transfers shipped and later received, stocktake gains and losses, cost adjustments, red-letter
 * reversals — dated over 2026-01..03 and confirmed in the generated order, so many land before what is
 * already posted; with month closes and an occasional 反月结 of the latest month between them. Per
 * costing method and per costing scope, on real SQLite files through the API.
 *
 * After every step the ledger's file keeps the rules of support/stock-books.ts, and a refusal is the
 * engine's clear CONFLICT / VALIDATION in Chinese (a shortfall, a closed month, a return dated before its
 * origin), never INTERNAL. At the end the books equal those of a second ledger that confirmed the same
 * documents in date order (same-day ones in the first ledger's order) and closed the same months.
 *
 * CI: a short run with a fixed seed. `npm run test:props` (or LEDGER_PROPS_RUNS=n): the long run, from a
 * seed it prints; LEDGER_PROPS_SEED=s repeats one.
 */

const longRun = process.env.npm_lifecycle_event === 'test:props';
/** CI: 8 random sequences per costing method and scope after the issue's cases, about 35 s in all. */
const ciRuns = 8;
const runs = Number(process.env.LEDGER_PROPS_RUNS ?? (longRun ? 1000 : ciRuns));
const seed = Number(process.env.LEDGER_PROPS_SEED ?? (runs === ciRuns ? 20261201 : Date.now() % 2 ** 31));
const maxSteps = Number(process.env.LEDGER_PROPS_STEPS ?? 16);
/**
 * LEDGER_PROPS_SKIP=stocktake,otherReceipt leaves those kinds of step out, `examples` the issue's cases,
 * `returnsBeforeOrigin` returns dated before their origin: to chase one defect while another, found
 * already, is still open. Not for CI.
 */
const skipped = new Set((process.env.LEDGER_PROPS_SKIP ?? '').split(',').filter(Boolean));
/** LEDGER_PROPS_TRACE=1 prints every sequence as the first ledger ran it. */
const trace = process.env.LEDGER_PROPS_TRACE === '1';

/** 12:00 in Beijing (04:00 UTC, the same date) on 2026-04-10: every month of the books is over. */
const clockStart = '2026-04-10T04:00:00.000Z';
const months = ['2026-01', '2026-02', '2026-03'] as const;
const monthEnds: Record<string, string> = {
  '2026-01': '2026-01-31',
  '2026-02': '2026-02-28',
  '2026-03': '2026-03-31',
};
const lastDay = 89;
/** Day 0 is 2026-01-01, day 89 2026-03-31; days outside are held to that range. */
const dateOf = (day: number) =>
  new Date(Date.UTC(2026, 0, 1 + Math.min(Math.max(day, 0), lastDay))).toISOString().slice(0, 10);
const dayOf = (date: string) =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.UTC(2026, 0, 1)) / 86_400_000);
const yuan = (fen: number) => (fen / 100).toFixed(2);
const warehouseNames = ['一号仓', '二号仓'] as const;

const methods = ['moving_average', 'fifo', 'lifo', 'specific', 'monthly_average'] as const;
type Method = (typeof methods)[number];
const scopes = ['per_warehouse', 'per_branch'] as const satisfies readonly CostingScopeName[];

// ——— The steps a sequence is made of. A step that needs an earlier document (a return, an arrival, a
// reversal) picks one among those that qualify when it runs, so a shrunk sequence stays meaningful. ———

type Side = 0 | 1;
type Step =
  | {
      kind: 'receipt';
      day: number;
      warehouse: Side;
      lot: Side;
      quantity: number;
      price: number;
      boxes: boolean;
      gift: boolean;
    }
  | { kind: 'otherReceipt'; day: number; warehouse: Side; lot: Side; quantity: number; price: number | null }
  | {
      kind: 'delivery';
      day: number;
      warehouse: Side;
      lot: Side;
      quantity: number;
      boxes: boolean;
      gift: boolean;
    }
  | { kind: 'otherIssue'; day: number; warehouse: Side; lot: Side; quantity: number }
  | { kind: 'salesReturn'; pick: number; daysAfter: number; quantity: number; otherWarehouse: boolean }
  | { kind: 'purchaseReturn'; pick: number; daysAfter: number; quantity: number }
  | { kind: 'transfer'; day: number; from: Side; lot: Side; quantity: number }
  | { kind: 'arrival'; pick: number }
  | { kind: 'stocktake'; day: number; warehouse: Side; lot: Side; difference: number; price: number | null }
  | { kind: 'costAdjustment'; day: number; warehouse: Side; lot: Side; amount: number }
  | { kind: 'reversal'; pick: number; daysAfter: number }
  | { kind: 'close' }
  | { kind: 'reopen' };

const boxesOf = (quantity: number) => 1 + (quantity % 3);

function stepText(step: Step, base = '袋'): string {
  const at = 'day' in step ? `${dateOf(step.day)} ` : '';
  const where = 'warehouse' in step ? warehouseNames[step.warehouse] : '';
  // Lots are named only under 个别计价 (lot-tracked 酸奶, lots A and B); elsewhere every lot is 0.
  const lotText = 'lot' in step && step.lot === 1 ? ' 批B' : '';
  const amount = (boxes: boolean, quantity: number) =>
    boxes ? `${boxesOf(quantity)}箱` : `${quantity}${base}`;
  const after = (days: number) => `${days >= 0 ? '+' : ''}${days}d`;
  switch (step.kind) {
    case 'receipt':
      return `${at}采购入库 ${where}${lotText} ${amount(step.boxes, step.quantity)}${step.gift ? ' 赠品 @0' : ` @${yuan(step.price)}/${base}`}`;
    case 'otherReceipt':
      return `${at}其他入库 ${where}${lotText} ${step.quantity}${base} ${step.price === null ? '无单价' : `@${yuan(step.price)}`}`;
    case 'delivery':
      return `${at}销售出库 ${where}${lotText} ${amount(step.boxes, step.quantity)}${step.gift ? ' 赠品' : ''}`;
    case 'otherIssue':
      return `${at}其他出库 ${where}${lotText} ${step.quantity}${base}`;
    case 'salesReturn':
      return `销售退货 of delivery pick ${step.pick} ${after(step.daysAfter)} ${step.quantity}${base}${step.otherWarehouse ? ' into the other warehouse' : ''}`;
    case 'purchaseReturn':
      return `采购退货 of receipt pick ${step.pick} ${after(step.daysAfter)} ${step.quantity}${base}`;
    case 'transfer':
      return `${at}调拨 ${warehouseNames[step.from]} → ${warehouseNames[1 - step.from]}${lotText} ${step.quantity}${base} shipped`;
    case 'arrival':
      return `调拨到货 of in-transit pick ${step.pick}`;
    case 'stocktake':
      return `${at}盘点 ${where}${lotText} ${step.difference > 0 ? '盘盈' : '盘亏'} ${Math.abs(step.difference)}${base}${step.price === null ? '' : ` @${yuan(step.price)}`}`;
    case 'costAdjustment':
      return `${at}成本调整 ${where}${lotText} ${yuan(step.amount)}`;
    case 'reversal':
      return `红字冲销 of completed pick ${step.pick} ${after(step.daysAfter)}`;
    case 'close':
      return '月结 the next month';
    case 'reopen':
      return '反月结 the latest closed month';
  }
}

/** Steps print as the clerk would say them when fast-check shows a counterexample. */
function readableStep(step: Step, base: string): Step {
  return Object.defineProperty({ ...step }, fc.toStringMethod, {
    value: () => stepText(step, base),
    enumerable: false,
  });
}

function readableIn<T extends Step>(arbitrary: fc.Arbitrary<T>, base: string): fc.Arbitrary<Step> {
  return arbitrary.map((step) => readableStep(step, base));
}

const day = fc.integer({ min: 0, max: lastDay });
const side = fc.constantFrom<Side>(0, 1);
const received = fc.integer({ min: 1, max: 40 });
const issued = fc.integer({ min: 1, max: 15 });
const price = fc.integer({ min: 50, max: 999 });
const pick = fc.nat({ max: 99 });
const rarely = fc.constantFrom(false, false, false, true);

const baseUnitOf = (method: Method) => (method === 'specific' ? '杯' : '袋');

/**
 * The cases of the issue "Books that cannot drift", run first on every costing method and scope
 * whatever the seed (dates moved into the books' quarter; prices in fen per base unit):
 * - month close under 全月一次加权平均 revalues a transfer's leaving but not its arrival: 100 @1.00 on
 *   01-05 and 100 @2.00 on 01-15 into 一号仓, 50 to 二号仓 on 01-10 (out at the provisional 1.00) shipped
 *   and received, January closed;
 * - a backdated 盘盈 and a 其他入库 without price keep the cost of the moment they were posted: 10 @10.00
 *   on 01-10, 10 @30.00 on 01-15 confirmed first, then a count of 11 (or a receipt of 1) on 01-11;
 * - a sales return dated before its delivery, a purchase return dated before its receipt.
 */
function issueExamples(method: Method): [Step[], Step[]][] {
  const base = baseUnitOf(method);
  const shown = (steps: Step[]) => steps.map((step) => readableStep(step, base));
  const receipt = (day: number, quantity: number, price: number): Step => ({
    kind: 'receipt',
    day,
    warehouse: 0,
    lot: 0,
    quantity,
    price,
    boxes: false,
    gift: false,
  });
  return [
    [
      shown([receipt(4, 100, 100)]),
      shown([
        receipt(14, 100, 200),
        { kind: 'transfer', day: 9, from: 0, lot: 0, quantity: 50 },
        { kind: 'arrival', pick: 0 },
        { kind: 'close' },
      ]),
    ],
    [
      shown([receipt(9, 10, 1000)]),
      shown([
        receipt(14, 10, 3000),
        { kind: 'stocktake', day: 10, warehouse: 0, lot: 0, difference: 1, price: null },
      ]),
    ],
    [
      shown([receipt(9, 10, 1000)]),
      shown([
        receipt(14, 10, 3000),
        { kind: 'otherReceipt', day: 10, warehouse: 0, lot: 0, quantity: 1, price: null },
      ]),
    ],
    [
      shown([receipt(0, 20, 100)]),
      shown([
        { kind: 'delivery', day: 9, warehouse: 0, lot: 0, quantity: 5, boxes: false, gift: false },
        { kind: 'salesReturn', pick: 0, daysAfter: -3, quantity: 2, otherWarehouse: false },
      ]),
    ],
    [
      shown([receipt(0, 20, 100), receipt(9, 20, 150)]),
      shown([{ kind: 'purchaseReturn', pick: 1, daysAfter: -3, quantity: 2 }]),
    ],
  ];
}

/** The first stock of a sequence: one to three receipts early in January, so that later steps have stock to move. */
function firstReceipts(method: Method): fc.Arbitrary<Step[]> {
  const receipt = fc.record({
    kind: fc.constant('receipt' as const),
    day: fc.integer({ min: 0, max: 20 }),
    warehouse: side,
    lot: method === 'specific' ? side : fc.constant<Side>(0),
    quantity: fc.integer({ min: 10, max: 40 }),
    price,
    boxes: fc.constant(false),
    gift: fc.constant(false),
  });
  return fc.array(readableIn(receipt, baseUnitOf(method)), { minLength: 1, maxLength: 3 });
}

/** The steps of a sequence; lots are named only under 个别计价, where the goods is the lot-tracked one. */
function stepArbitrary(method: Method): fc.Arbitrary<Step> {
  const lot = method === 'specific' ? side : fc.constant<Side>(0);
  const readable = <T extends Step>(arbitrary: fc.Arbitrary<T>) => readableIn(arbitrary, baseUnitOf(method));
  return fc.oneof(
    {
      weight: 10,
      arbitrary: readable(
        fc.record({
          kind: fc.constant('receipt' as const),
          day,
          warehouse: side,
          lot,
          quantity: received,
          price,
          boxes: rarely,
          gift: rarely,
        }),
      ),
    },
    {
      weight: 3,
      arbitrary: readable(
        fc.record({
          kind: fc.constant('otherReceipt' as const),
          day,
          warehouse: side,
          lot,
          quantity: received,
          price: fc.option(price),
        }),
      ),
    },
    {
      weight: 7,
      arbitrary: readable(
        fc.record({
          kind: fc.constant('delivery' as const),
          day,
          warehouse: side,
          lot,
          quantity: issued,
          boxes: rarely,
          gift: rarely,
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: readable(
        fc.record({ kind: fc.constant('otherIssue' as const), day, warehouse: side, lot, quantity: issued }),
      ),
    },
    {
      weight: 3,
      arbitrary: readable(
        fc.record({
          kind: fc.constant('salesReturn' as const),
          pick,
          daysAfter: fc.integer({ min: -3, max: 20 }),
          quantity: issued,
          otherWarehouse: rarely,
        }),
      ),
    },
    {
      weight: 3,
      arbitrary: readable(
        fc.record({
          kind: fc.constant('purchaseReturn' as const),
          pick,
          daysAfter: fc.integer({ min: -3, max: 20 }),
          quantity: issued,
        }),
      ),
    },
    {
      weight: 4,
      arbitrary: readable(
        fc.record({ kind: fc.constant('transfer' as const), day, from: side, lot, quantity: issued }),
      ),
    },
    { weight: 3, arbitrary: readable(fc.record({ kind: fc.constant('arrival' as const), pick })) },
    {
      weight: 3,
      arbitrary: readable(
        fc.record({
          kind: fc.constant('stocktake' as const),
          day,
          warehouse: side,
          lot,
          difference: fc.integer({ min: -6, max: 6 }).filter((difference) => difference !== 0),
          price: fc.option(price, { freq: 3 }),
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: readable(
        fc.record({
          kind: fc.constant('costAdjustment' as const),
          day,
          warehouse: side,
          lot,
          amount: fc.integer({ min: -500, max: 800 }).filter((amount) => amount !== 0),
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: readable(
        fc.record({
          kind: fc.constant('reversal' as const),
          pick,
          daysAfter: fc.integer({ min: 0, max: 15 }),
        }),
      ),
    },
    { weight: 3, arbitrary: readable(fc.constant({ kind: 'close' as const })) },
    { weight: 1, arbitrary: readable(fc.constant({ kind: 'reopen' as const })) },
  );
}

// ——— One ledger of the pair: its engine, its file, its goods and warehouses, and the test's name for
// each document (its step, `#3`; `#3:盘盈` for what a stocktake made; `#3:红字` for a reversal). ———

interface Books {
  engine: Engine;
  sqlite: Database.Database;
  scope: CostingScopeName;
  world: StockWorld;
  /** 鲜牛奶 (袋, 箱 = 24) — or, under 个别计价, which names lots, the lot-tracked 酸奶 (杯, 箱 = 12). */
  goods: { id: number; base: string; boxRatio: number; lots: readonly [string, string] };
  warehouses: readonly [number, number];
  idOf: Map<string, number>;
  keyOf: Map<number, string>;
}

async function openBooks(method: Method, scope: CostingScopeName, opened: (() => void)[]): Promise<Books> {
  const { engine, dispose } = await disposableLedger(clockStart);
  opened.push(dispose);
  await callOk(engine, 'setup.createBranch', {
    profile: { ...beijingBranch, costingScope: scope, defaultCostingMethod: method, approvalRequired: false },
    administrator,
  });
  const world = await stockWorld(engine);
  const lotGoods = method === 'specific';
  return {
    engine,
    sqlite: engine.db.$client,
    scope,
    world,
    goods: lotGoods
      ? { id: world.yogurt, base: '杯', boxRatio: 12, lots: ['A', 'B'] }
      : { id: world.milk, base: '袋', boxRatio: 24, lots: ['', ''] },
    warehouses: [world.warehouse1, world.warehouse2],
    idOf: new Map(),
    keyOf: new Map(),
  };
}

function name(books: Books, key: string, id: number): void {
  books.idOf.set(key, id);
  books.keyOf.set(id, key);
}

type Outcome = { done: true } | { done: false; refusal: string };
const done: Outcome = { done: true };

/**
 * Calls the API as the CLI: a clear refusal (CONFLICT or VALIDATION, in Chinese) is an answer the test
 * accepts and reports; anything else — INTERNAL above all — fails the property at once.
 */
async function call<M extends ApiMethod>(
  books: Books,
  method: M,
  input: ApiInput<M>,
): Promise<{ ok: true; result: ApiOutput<M> } | { ok: false; refusal: string }> {
  const answer = await attempt(books.engine, method, input);
  if (answer.ok) return answer;
  const { code, message } = answer.error;
  if ((code === 'CONFLICT' || code === 'VALIDATION') && /[\u4e00-\u9fff]/.test(message))
    return { ok: false, refusal: `${code} ${message}` };
  throw new Error(`${method} answered ${code}: ${message}`);
}

async function must<M extends ApiMethod>(books: Books, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const answer = await call(books, method, input);
  if (!answer.ok) throw new Error(`${method} refused what must go through: ${answer.refusal}`);
  return answer.result;
}

function statusOf(books: Books, id: number): string {
  return (books.sqlite.prepare('SELECT status FROM documents WHERE id = ?').get(id) as { status: string })
    .status;
}

/** An approved document the warehouse refused is voided, as a clerk would, so nothing dangles. */
async function voidRefused(books: Books, id: number, refusal: string): Promise<Outcome> {
  await must(books, 'documents.void', { id, reason: '仓库拒绝确认' });
  return { done: false, refusal };
}

type DocumentInput = ApiInput<'documents.save'>['document'];

/** Saves, submits (= approves: this branch approves on submit) and confirms at each warehouse given. */
async function postDocument(
  books: Books,
  key: string,
  document: DocumentInput,
  confirmAt: readonly number[],
  expected: 'completed' | 'in_transit' = 'completed',
): Promise<Outcome> {
  const saved = await call(books, 'documents.save', { id: null, document: { ...document, remark: key } });
  if (!saved.ok) return { done: false, refusal: saved.refusal };
  const id = saved.result.id;
  name(books, key, id);
  const submitted = await call(books, 'documents.submit', { id, acknowledged: true });
  if (!submitted.ok) {
    await must(books, 'documents.delete', { id });
    return { done: false, refusal: submitted.refusal };
  }
  for (const warehouseId of confirmAt) {
    const confirmed = await call(books, 'warehouse.confirm', { documentId: id, warehouseId });
    if (!confirmed.ok) return voidRefused(books, id, confirmed.refusal);
  }
  const status = statusOf(books, id);
  if (status !== expected) throw new Error(`${key} is ${status} after its confirmation, not ${expected}`);
  return done;
}

function firstLine(books: Books, key: string) {
  return books.sqlite
    .prepare(
      'SELECT id, warehouse_id, lot, base_quantity FROM document_lines WHERE document_id = ? AND line_no = 1',
    )
    .get(books.idOf.get(key)) as { id: number; warehouse_id: number; lot: string; base_quantity: number };
}

/** What a step does to a ledger, the same in both ledgers of the pair. */
interface Action {
  date: string;
  /** A return's origin document and its date: a return may not be dated before it (§6.4). */
  origin?: { key: string; date: string };
  /** The transfer a shipment or an arrival moves. */
  transfer?: string;
  text: string;
  perform: (books: Books) => Promise<Outcome>;
}

function line(books: Books, step: { warehouse: Side; lot: Side }, quantity: string, extra: object = {}) {
  return {
    goodsId: books.goods.id,
    warehouseId: books.warehouses[step.warehouse],
    unitName: books.goods.base,
    quantity,
    lot: books.goods.lots[step.lot],
    ...extra,
  };
}

// ——— The first ledger runs the sequence; what went through is replayed in date order on the second. ———

interface Origin {
  key: string;
  day: number;
  warehouse: Side;
  lot: Side;
  quantity: number;
}

interface Run {
  /** The base unit of the goods the sequence moves, and how many of them make a 箱. */
  base: string;
  boxRatio: number;
  log: string[];
  events: { order: number; action: Action }[];
  closed: number;
  everClosed: number;
  deliveries: Origin[];
  receipts: Origin[];
  inTransit: { key: string; date: string; to: Side }[];
  reversible: { key: string; day: number }[];
}

const pickFrom = <T>(list: readonly T[], index: number): T | undefined =>
  list.length === 0 ? undefined : list[index % list.length];

/** The action of a step given what the first ledger has done so far; null when there is nothing to do. */
function actionOf(step: Step, index: number, run: Run): Action | null {
  const key = `#${index}`;
  const text = `${key} ${stepText(step, run.base)}`;
  switch (step.kind) {
    case 'receipt': {
      const date = dateOf(step.day);
      return {
        date,
        text,
        perform: (books) => {
          const boxes = step.boxes ? boxesOf(step.quantity) : null;
          const unitPrice = step.gift ? '0' : yuan(step.price * (boxes === null ? 1 : books.goods.boxRatio));
          return postDocument(
            books,
            key,
            {
              type: 'purchase_receipt',
              businessDate: date,
              counterpartyId: books.world.supplier,
              lines: [
                line(books, step, String(boxes ?? step.quantity), {
                  unitName: boxes === null ? books.goods.base : '箱',
                  unitPrice,
                  isGift: step.gift,
                }),
              ],
            },
            [books.warehouses[step.warehouse]],
          );
        },
      };
    }
    case 'otherReceipt': {
      const date = dateOf(step.day);
      return {
        date,
        text,
        perform: (books) =>
          postDocument(
            books,
            key,
            {
              type: 'other_receipt',
              businessDate: date,
              lines: [
                line(
                  books,
                  step,
                  String(step.quantity),
                  step.price === null ? {} : { unitPrice: yuan(step.price) },
                ),
              ],
            },
            [books.warehouses[step.warehouse]],
          ),
      };
    }
    case 'delivery': {
      const date = dateOf(step.day);
      return {
        date,
        text,
        perform: (books) => {
          const boxes = step.boxes ? boxesOf(step.quantity) : null;
          return postDocument(
            books,
            key,
            {
              type: 'sales_delivery',
              businessDate: date,
              counterpartyId: books.world.customer,
              lines: [
                line(books, step, String(boxes ?? step.quantity), {
                  unitName: boxes === null ? books.goods.base : '箱',
                  unitPrice: step.gift ? '0' : '5',
                  isGift: step.gift,
                }),
              ],
            },
            [books.warehouses[step.warehouse]],
          );
        },
      };
    }
    case 'otherIssue': {
      const date = dateOf(step.day);
      return {
        date,
        text,
        perform: (books) =>
          postDocument(
            books,
            key,
            { type: 'other_issue', businessDate: date, lines: [line(books, step, String(step.quantity))] },
            [books.warehouses[step.warehouse]],
          ),
      };
    }
    case 'salesReturn':
    case 'purchaseReturn': {
      const sales = step.kind === 'salesReturn';
      const origin = pickFrom(sales ? run.deliveries : run.receipts, step.pick);
      if (!origin) return null;
      const daysAfter = skipped.has('returnsBeforeOrigin') ? Math.abs(step.daysAfter) : step.daysAfter;
      const date = dateOf(origin.day + daysAfter);
      const into = sales && step.otherWarehouse ? ((1 - origin.warehouse) as Side) : origin.warehouse;
      const returned = Math.min(step.quantity, origin.quantity);
      return {
        date,
        text: `${text} → ${date} ${returned} of ${origin.key} (${dateOf(origin.day)})`,
        origin: { key: origin.key, date: dateOf(origin.day) },
        perform: (books) => {
          const source = firstLine(books, origin.key);
          return postDocument(
            books,
            key,
            {
              type: sales ? 'sales_return' : 'purchase_return',
              businessDate: date,
              counterpartyId: sales ? books.world.customer : books.world.supplier,
              sourceDocumentId: books.idOf.get(origin.key)!,
              lines: [
                line(books, { warehouse: into, lot: origin.lot }, String(returned), {
                  unitPrice: sales ? '5' : '1',
                  sourceLineId: source.id,
                }),
              ],
            },
            [books.warehouses[into]],
          );
        },
      };
    }
    case 'transfer': {
      const date = dateOf(step.day);
      return {
        date,
        text,
        transfer: key,
        perform: (books) =>
          postDocument(
            books,
            key,
            {
              type: 'transfer',
              businessDate: date,
              warehouseId: books.warehouses[step.from],
              toWarehouseId: books.warehouses[1 - step.from],
              lines: [
                {
                  goodsId: books.goods.id,
                  unitName: books.goods.base,
                  quantity: String(step.quantity),
                  lot: books.goods.lots[step.lot],
                },
              ],
            },
            [books.warehouses[step.from]],
            'in_transit',
          ),
      };
    }
    case 'arrival': {
      const transfer = pickFrom(run.inTransit, step.pick);
      if (!transfer) return null;
      return {
        date: transfer.date,
        text: `${text} → ${transfer.key} (${transfer.date})`,
        transfer: transfer.key,
        perform: async (books) => {
          const id = books.idOf.get(transfer.key)!;
          const received = await call(books, 'warehouse.confirm', {
            documentId: id,
            warehouseId: books.warehouses[transfer.to],
          });
          if (!received.ok) return { done: false, refusal: received.refusal };
          const status = statusOf(books, id);
          if (status !== 'completed') throw new Error(`${transfer.key} is ${status} after it arrived`);
          return done;
        },
      };
    }
    case 'stocktake': {
      const date = dateOf(step.day);
      return {
        date,
        text,
        perform: async (books) => {
          // The count is the book quantity at the count date and the step's difference, so that both
          // ledgers count the same gain or loss whatever each had posted by then.
          const place = {
            goodsId: books.goods.id,
            warehouseId: books.warehouses[step.warehouse],
            lot: books.goods.lots[step.lot],
          };
          const count = bookQuantityAt(books.sqlite, place, date) / 100 + step.difference;
          if (count < 0)
            return {
              done: false,
              refusal: `(not entered: the book holds less than a loss of ${-step.difference})`,
            };
          const saved = await call(books, 'documents.save', {
            id: null,
            document: {
              type: 'stocktake',
              businessDate: date,
              remark: key,
              lines: [
                line(books, step, String(count), step.price === null ? {} : { unitPrice: yuan(step.price) }),
              ],
            },
          });
          if (!saved.ok) return { done: false, refusal: saved.refusal };
          name(books, key, saved.result.id);
          const approved = await call(books, 'documents.submit', { id: saved.result.id, acknowledged: true });
          if (!approved.ok) {
            await must(books, 'documents.delete', { id: saved.result.id });
            return { done: false, refusal: approved.refusal };
          }
          const made = books.sqlite
            .prepare(
              "SELECT id, type FROM documents WHERE source_document_id = ? AND type IN ('stock_gain', 'stock_loss')",
            )
            .all(saved.result.id) as { id: number; type: string }[];
          if (made.length !== 1)
            throw new Error(
              `${key} made ${made.length} gain / loss documents for a difference of ${step.difference}`,
            );
          const generated = made[0]!;
          name(books, `${key}:${generated.type === 'stock_gain' ? '盘盈' : '盘亏'}`, generated.id);
          const confirmed = await call(books, 'warehouse.confirm', {
            documentId: generated.id,
            warehouseId: place.warehouseId,
          });
          if (!confirmed.ok) return voidRefused(books, generated.id, confirmed.refusal);
          return done;
        },
      };
    }
    case 'costAdjustment': {
      const date = dateOf(step.day);
      return {
        date,
        text,
        perform: (books) =>
          postDocument(
            books,
            key,
            {
              type: 'cost_adjustment',
              businessDate: date,
              lines: [line(books, step, '0', { adjustmentAmount: yuan(step.amount) })],
            },
            [],
          ),
      };
    }
    case 'reversal': {
      const target = pickFrom(run.reversible, step.pick);
      if (!target) return null;
      const date = dateOf(target.day + step.daysAfter);
      return {
        date,
        text: `${text} → ${date} of ${target.key} (${dateOf(target.day)})`,
        perform: async (books) => {
          const reversed = await call(books, 'documents.reverse', {
            id: books.idOf.get(target.key)!,
            businessDate: date,
            reason: '冲销',
          });
          if (!reversed.ok) return { done: false, refusal: reversed.refusal };
          name(books, `${target.key}:红字`, reversed.result.id);
          return done;
        },
      };
    }
    case 'close':
    case 'reopen':
      return null;
  }
}

const reportRanges: { from: string; to: string; month?: string }[] = [
  ...months.map((month) => ({ from: `${month}-01`, to: monthEnds[month]!, month })),
  { from: '2026-01-01', to: '2026-03-31' },
];

/**
 * The rules of support/stock-books.ts on one ledger's file, and 进销存汇总 of the quarter and of each
 * month — or, after a document, of the month it is dated in (the others it changes only through later months).
 */
async function brokenRules(books: Books, dated?: string): Promise<string[]> {
  const problems = [
    ...balancesNotSummingMovements(books.sqlite),
    ...valueWithoutQuantity(books.sqlite, books.scope),
    ...transferValueLost(books.sqlite, books.scope),
    ...completedWithoutPosting(books.sqlite),
    ...monthTotalsUnlikeAfresh(books.sqlite),
  ];
  const ranges =
    dated === undefined
      ? reportRanges
      : reportRanges.filter((range) => range.month === undefined || range.month === dated.slice(0, 7));
  for (const range of ranges)
    problems.push(
      ...periodSummaryProblems(
        books.sqlite,
        await periodSummaryOf(books.engine, range.from, range.to),
        books.scope,
      ),
    );
  return problems;
}

/** The books two ledgers must agree on: movements per document line, balances, 进销存汇总. */
async function booksOf(books: Books): Promise<Map<string, string>> {
  const figures = new Map<string, string>();
  for (const [key, value] of Object.entries(movementsByLine(books.sqlite, books.keyOf)))
    figures.set(`movement ${key}`, JSON.stringify(value));
  for (const row of balances(books.sqlite))
    figures.set(
      `balance goods ${row.goods_id} warehouse ${row.warehouse_id}${row.lot ? ` lot ${row.lot}` : ''}${row.in_transit ? ' in transit' : ''}`,
      JSON.stringify({ quantity: row.quantity, value: row.value }),
    );
  for (const range of reportRanges) {
    const report = await periodSummaryOf(books.engine, range.from, range.to);
    for (const row of report.rows) {
      const { goodsName: _name, goodsSpec: _spec, warehouseCode: _code, ...figuresOfRow } = row;
      figures.set(
        `进销存汇总 ${range.from}..${range.to} ${row.goodsCode} ${row.warehouseName}`,
        JSON.stringify(figuresOfRow),
      );
    }
    figures.set(`进销存汇总 ${range.from}..${range.to} totals`, JSON.stringify(report.totals));
  }
  return figures;
}

function differences(first: Map<string, string>, second: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const key of [...new Set([...first.keys(), ...second.keys()])].sort()) {
    const a = first.get(key) ?? 'none';
    const b = second.get(key) ?? 'none';
    if (a !== b) lines.push(`${key}:\n      as posted     ${a}\n      in date order ${b}`);
  }
  return lines;
}

const totals = { sequences: 0, steps: 0, started: Date.now() };

class BrokenBooks extends Error {}

/** One case: both ledgers are closed and removed when it ends, whatever its outcome. */
async function checkSequence(method: Method, scope: CostingScopeName, steps: readonly Step[]): Promise<void> {
  const opened: (() => void)[] = [];
  try {
    await checkBooks(method, scope, steps, opened);
  } finally {
    for (const dispose of opened) dispose();
  }
}

async function checkBooks(
  method: Method,
  scope: CostingScopeName,
  steps: readonly Step[],
  opened: (() => void)[],
): Promise<void> {
  totals.sequences += 1;
  const first = await openBooks(method, scope, opened);
  const run: Run = {
    base: first.goods.base,
    boxRatio: first.goods.boxRatio,
    log: [],
    events: [],
    closed: 0,
    everClosed: 0,
    deliveries: [],
    receipts: [],
    inTransit: [],
    reversible: [],
  };
  const fail = (problems: string[], after: string): never => {
    throw new BrokenBooks(
      `${problems.slice(0, 12).join('\n')}${problems.length > 12 ? `\n… and ${problems.length - 12} more` : ''}\n` +
        `after: ${after}\n\nThe sequence as the first ledger ran it (${method}, ${scope}):\n  ${run.log.join('\n  ')}`,
    );
  };

  const closeOrReopen = async (kind: 'close' | 'reopen', text: string) => {
    if (kind === 'close' && run.closed === months.length)
      return void run.log.push(`${text} all months closed`);
    if (kind === 'reopen' && run.closed === 0) return void run.log.push(`${text} nothing closed`);
    const month = months[kind === 'close' ? run.closed : run.closed - 1]!;
    const answer =
      kind === 'close'
        ? await call(first, 'periods.close', { month, force: true })
        : await call(first, 'periods.reopen', { month });
    run.log.push(`${text} ${month} → ${answer.ok ? 'done' : `refused: ${answer.refusal}`}`);
    // The month is over by the clock (in Beijing and in UTC alike) and the next to close, or the latest
    // closed: an administrator closing with force, or reopening, is not refused.
    if (!answer.ok)
      fail([`${kind === 'close' ? '月结' : '反月结'} of ${month} was refused`], `${text} ${month}`);
    run.closed += kind === 'close' ? 1 : -1;
    run.everClosed = Math.max(run.everClosed, run.closed);
    const problems = await brokenRules(first);
    if (problems.length > 0) fail(problems, `${text} ${month}`);
  };

  for (const [index, step] of steps.entries()) {
    totals.steps += 1;
    if (step.kind === 'close' || step.kind === 'reopen') {
      await closeOrReopen(step.kind, `#${index} ${stepText(step, run.base)}`);
      continue;
    }
    const action = actionOf(step, index, run);
    if (action === null) {
      run.log.push(`#${index} ${stepText(step, run.base)}: nothing to pick`);
      continue;
    }
    // A transfer moves value and makes none (§6.3): the total stock value changes by exactly what it
    // re-costs of other documents (a backdated arrival re-costs later issues at the destination).
    const transferKey = action.transfer ?? null;
    const totalBefore = totalStockValue(first.sqlite);
    const othersBefore = transferKey === null ? 0 : valueOutside(first.sqlite, first.idOf.get(transferKey));
    const outcome = await action.perform(first);
    run.log.push(`${action.text} → ${outcome.done ? 'done' : `refused: ${outcome.refusal}`}`);
    const problems: string[] = [];
    if (outcome.done) {
      run.events.push({ order: index, action });
      remember(step, index, action, run);
      if (step.kind === 'salesReturn' || step.kind === 'purchaseReturn') {
        const origin = action.origin!;
        if (action.date < origin.date)
          problems.push(
            `a ${step.kind === 'salesReturn' ? '销售退货' : '采购退货'} dated ${action.date} went through though its origin ${origin.key} is dated ${origin.date}`,
          );
      }
      if (transferKey !== null) {
        const totalAfter = totalStockValue(first.sqlite);
        const othersAfter = valueOutside(first.sqlite, first.idOf.get(transferKey));
        if (totalAfter - totalBefore !== othersAfter - othersBefore)
          problems.push(
            `the transfer changed the total stock value from ${totalBefore} to ${totalAfter} fen, ` +
              `of which re-costing other documents ${othersAfter - othersBefore} fen`,
          );
      }
    }
    problems.push(...(await brokenRules(first, action.date)));
    if (problems.length > 0) fail(problems, action.text);
  }
  // Months reopened on the way are closed again, so both ledgers end with the same months closed.
  while (run.closed < run.everClosed) await closeOrReopen('close', 'end: 月结 again');

  if (trace) console.log(`${method}, ${scope}:\n  ${run.log.join('\n  ')}`);
  const second = await openBooks(method, scope, opened);
  const replay = [
    ...run.events,
    ...months.slice(0, run.closed).map((month) => ({
      order: Number.POSITIVE_INFINITY,
      action: {
        date: monthEnds[month]!,
        text: `月结 ${month}`,
        perform: async (books: Books): Promise<Outcome> => {
          await must(books, 'periods.close', { month, force: true });
          return done;
        },
      },
    })),
  ].sort((a, b) => a.action.date.localeCompare(b.action.date) || a.order - b.order);
  for (const { action } of replay) {
    const outcome = await action.perform(second);
    // What a return may take, and whether its origin still stands, are checked at entry against what
    // was entered before (a return's reversal frees what it took): the same documents in date order can
    // then meet a refusal the first ledger's order never met. Such a case compares nothing; skip it.
    if (!outcome.done && outcome.refusal.startsWith('VALIDATION')) fc.pre(false);
    if (!outcome.done)
      fail(
        [`the ledger posting in date order refused ${action.text}: ${outcome.refusal}`],
        'the replay in date order',
      );
  }
  const replayProblems = await brokenRules(second);
  if (replayProblems.length > 0)
    fail(
      replayProblems.map((problem) => `in date order: ${problem}`),
      'the replay in date order',
    );
  const apart = differences(await booksOf(first), await booksOf(second));
  if (apart.length > 0)
    fail(
      ['the books differ from those of the same documents confirmed in date order:', ...apart],
      `the replay in date order:\n  ${replay.map((event) => event.action.text).join('\n  ')}`,
    );
}

/** What later steps may pick: returns take deliveries and receipts, arrivals transfers, reversals anything completed. */
function remember(step: Step, index: number, action: Action, run: Run): void {
  const key = `#${index}`;
  const dayOfAction = dayOf(action.date);
  switch (step.kind) {
    case 'receipt':
    case 'delivery': {
      const quantity = step.boxes ? boxesOf(step.quantity) * run.boxRatio : step.quantity;
      (step.kind === 'receipt' ? run.receipts : run.deliveries).push({
        key,
        day: step.day,
        warehouse: step.warehouse,
        lot: step.lot,
        quantity,
      });
      run.reversible.push({ key, day: dayOfAction });
      return;
    }
    case 'transfer':
      run.inTransit.push({ key, date: action.date, to: (1 - step.from) as Side });
      return;
    case 'arrival': {
      const transfer = run.inTransit.splice(step.pick % run.inTransit.length, 1)[0]!;
      run.reversible.push({ key: transfer.key, day: dayOfAction });
      return;
    }
    case 'stocktake':
      run.reversible.push({ key: `${key}:${step.difference > 0 ? '盘盈' : '盘亏'}`, day: dayOfAction });
      return;
    case 'reversal': {
      const target = run.reversible.splice(step.pick % run.reversible.length, 1)[0]!;
      for (const list of [run.receipts, run.deliveries]) {
        const at = list.findIndex((origin) => origin.key === target.key);
        if (at >= 0) list.splice(at, 1);
      }
      return;
    }
    default:
      run.reversible.push({ key, day: dayOfAction });
  }
}

afterAll(() => {
  const minutes = ((Date.now() - totals.started) / 60_000).toFixed(1);
  console.log(
    `stock books property: ${totals.sequences} sequences, ${totals.steps} steps, ${minutes} minutes (${runs} runs per costing method and scope, seed ${seed})`,
  );
});

describe('books that cannot drift: any order of confirmation keeps the rules and gives the books of date order', () => {
  for (const method of methods) {
    for (const scope of scopes) {
      it(
        `${method}, ${scope === 'per_warehouse' ? '分仓核算' : '统一核算'}`,
        async () => {
          const examples = skipped.has('examples') ? [] : issueExamples(method);
          await fc.assert(
            fc.asyncProperty(
              firstReceipts(method),
              fc.array(stepArbitrary(method), { minLength: 1, maxLength: maxSteps, size: 'max' }),
              (receipts, steps) =>
                checkSequence(method, scope, [
                  ...receipts,
                  ...steps.filter((step) => !skipped.has(step.kind)),
                ]),
            ),
            // fast-check counts the examples among the runs: `runs` random sequences follow them.
            { seed, numRuns: examples.length + runs, examples },
          );
        },
        (runs + 5) * 60_000,
      );
    }
  }
});
