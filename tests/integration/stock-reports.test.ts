import * as XLSX from '@e965/xlsx';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { routeTo, startingPoint } from '../../src/engine/services/reports/stock-position';
import type { ApiInput } from '../../src/shared/api';
import { administrator, beijingBranch, beijingLedger, newLedger } from './support/ledger';
import {
  act,
  confirmAll,
  enterAndApprove,
  post,
  refused,
  stockWorld,
  type StockWorld,
} from './support/stock';

/*
 * One branch's January and February, figured by hand (分仓核算, moving average, 2 quantity decimals;
 * 鲜牛奶 in 袋 with 箱 = 24 袋, 酸奶 in 杯 with 箱 = 12 杯). Money in yuan, quantities in 袋.
 *
 * 01-05 purchase   一号仓 240 @2.00 = 480.00        二号仓 120 = 250.00
 * 01-10 sale       一号仓 −72 at 2.00 = −144.00     → 168, 336.00
 * 01-15 transfer   一号仓 → 二号仓 48 at 2.00 = 96   → 一号仓 120, 240.00; 二号仓 168, 346.00
 * 01-20 stocktake  一号仓 counts 118: loss 2 = 4.00 → 118, 236.00
 *                  二号仓 counts 170: gain 2 at 346/168 = round(4.119…) 4.12 → 170, 350.12
 * 02-01 purchase   酸奶 into 一号仓: lot C3 12 杯 (expires 02-25), A1 24 杯 (03-10), B2 12 杯 (05-01), @3.00 a 杯
 * 02-03 purchase   一号仓 120 @2.25 = 270.00        → 238, 506.00
 * 02-10 return     of the 01-10 sale, 24 at its issue cost 2.00 = 48.00 → 262, 554.00
 * 02-12 purchase return 二号仓 24 at 350.12/170: round(49.428…) = 49.43 → 146, 300.69
 * 02-15 other issue 二号仓 6 at 300.69/146: round(12.357…) = 12.36 → 140, 288.33
 * 02-18 other receipt 一号仓 12 at 2.50 entered = 30.00 → 274, 584.00
 * 02-20 cost adjustment 一号仓 +10.00              → 274, 594.00
 * 02-26 red-letter reversal of the 02-15 issue: 6 back at 12.36 → 二号仓 146, 300.69
 * 02-27 transfer 一号仓 → 二号仓 24, shipped only, at 594/274: round(52.029…) = 52.03 → 一号仓 250, 541.97
 */
interface FebruaryBook {
  world: StockWorld;
  sale: number;
  otherIssue: number;
  reversal: number;
  transitTransfer: number;
}

async function confirmGeneratedStocktakeDocuments(engine: Engine) {
  const generated = await act(engine, 'documents.list', { types: ['stock_gain', 'stock_loss'] });
  for (const row of generated.rows) await confirmAll(engine, row.id);
}

async function februaryBook(engine: Engine): Promise<FebruaryBook> {
  const world = await stockWorld(engine);
  const { milk, yogurt, warehouse1, warehouse2, supplier, customer } = world;
  await post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-01-05',
    counterpartyId: supplier,
    lines: [
      { goodsId: milk, warehouseId: warehouse1, unitName: '箱', quantity: '10', unitPrice: '48' },
      { goodsId: milk, warehouseId: warehouse2, unitName: '箱', quantity: '5', unitPrice: '50' },
    ],
  });
  const sale = await post(engine, {
    type: 'sales_delivery',
    businessDate: '2026-01-10',
    counterpartyId: customer,
    lines: [{ goodsId: milk, warehouseId: warehouse1, unitName: '箱', quantity: '3', unitPrice: '70' }],
  });
  await post(engine, {
    type: 'transfer',
    businessDate: '2026-01-15',
    warehouseId: warehouse1,
    toWarehouseId: warehouse2,
    lines: [{ goodsId: milk, unitName: '箱', quantity: '2' }],
  });
  await enterAndApprove(engine, {
    type: 'stocktake',
    businessDate: '2026-01-20',
    lines: [
      { goodsId: milk, warehouseId: warehouse1, unitName: '袋', quantity: '118' },
      { goodsId: milk, warehouseId: warehouse2, unitName: '袋', quantity: '170' },
    ],
  });
  await confirmGeneratedStocktakeDocuments(engine);
  await post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-02-01',
    counterpartyId: supplier,
    lines: [
      { lot: 'C3', expiryDate: '2026-02-25', quantity: '12', unitName: '杯' },
      { lot: 'A1', expiryDate: '2026-03-10', quantity: '2', unitName: '箱' },
      { lot: 'B2', expiryDate: '2026-05-01', quantity: '1', unitName: '箱' },
    ].map((line) => ({
      goodsId: yogurt,
      warehouseId: warehouse1,
      unitPrice: line.unitName === '箱' ? '36' : '3',
      ...line,
    })),
  });
  await post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-02-03',
    counterpartyId: supplier,
    lines: [{ goodsId: milk, warehouseId: warehouse1, unitName: '箱', quantity: '5', unitPrice: '54' }],
  });
  const saleLine = (await act(engine, 'documents.get', { id: sale })).lines[0]!.id;
  await post(engine, {
    type: 'sales_return',
    businessDate: '2026-02-10',
    counterpartyId: customer,
    sourceDocumentId: sale,
    lines: [
      {
        goodsId: milk,
        warehouseId: warehouse1,
        unitName: '箱',
        quantity: '1',
        unitPrice: '70',
        sourceLineId: saleLine,
      },
    ],
  });
  await post(engine, {
    type: 'purchase_return',
    businessDate: '2026-02-12',
    counterpartyId: supplier,
    lines: [{ goodsId: milk, warehouseId: warehouse2, unitName: '箱', quantity: '1', unitPrice: '50' }],
  });
  const otherIssue = await post(engine, {
    type: 'other_issue',
    businessDate: '2026-02-15',
    lines: [{ goodsId: milk, warehouseId: warehouse2, unitName: '袋', quantity: '6' }],
  });
  await post(engine, {
    type: 'other_receipt',
    businessDate: '2026-02-18',
    lines: [{ goodsId: milk, warehouseId: warehouse1, unitName: '袋', quantity: '12', unitPrice: '2.5' }],
  });
  await post(engine, {
    type: 'cost_adjustment',
    businessDate: '2026-02-20',
    lines: [
      { goodsId: milk, warehouseId: warehouse1, unitName: '袋', quantity: '0', adjustmentAmount: '10' },
    ],
  });
  const reversal = (
    await act(engine, 'documents.reverse', { id: otherIssue, businessDate: '2026-02-26', reason: '退回' })
  ).id;
  const transitTransfer = await enterAndApprove(engine, {
    type: 'transfer',
    businessDate: '2026-02-27',
    warehouseId: warehouse1,
    toWarehouseId: warehouse2,
    lines: [{ goodsId: milk, unitName: '箱', quantity: '1' }],
  });
  await act(engine, 'warehouse.confirm', { documentId: transitTransfer, warehouseId: warehouse1 });
  return { world, sale, otherIssue, reversal, transitTransfer };
}

type SummaryRow = Awaited<ReturnType<typeof periodSummaryOf>>['rows'][number];
const periodSummaryOf = (engine: Engine, input: ApiInput<'reports.periodSummary'>) =>
  act(engine, 'reports.periodSummary', input);

/** Fen from the engine's decimal text, exactly ("-52.03" → -5203). */
/** Yuan text to fen; a figure hidden from a role without cost.view (null) would be a failure here. */
function fen(shown: string | null): number {
  const yuan = shown!;
  const [whole = '0', fraction = ''] = yuan.replace('-', '').split('.');
  const magnitude = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return yuan.startsWith('-') ? -magnitude : magnitude;
}
/** Hundredths of a base unit from the engine's decimal text. */
const hundredths = fen;

const inflowKeys = ['purchase', 'salesReturn', 'transferIn', 'gain', 'otherIn'] as const;
const outflowKeys = ['sales', 'purchaseReturn', 'transferOut', 'loss', 'otherOut'] as const;

/** opening + in − out (+ adjustment, + allocation) = closing, from the row's own figures. */
function assertReconciles(row: SummaryRow) {
  const sum = (keys: readonly string[], suffix: 'Quantity' | 'Value') =>
    keys.reduce((total, key) => total + fen(row[`${key}${suffix}` as keyof SummaryRow] as string), 0);
  expect(sum(inflowKeys, 'Quantity')).toBe(hundredths(row.inQuantity));
  expect(sum(outflowKeys, 'Quantity')).toBe(hundredths(row.outQuantity));
  expect(sum(inflowKeys, 'Value')).toBe(fen(row.inValue));
  expect(sum(outflowKeys, 'Value')).toBe(fen(row.outValue));
  expect(hundredths(row.openingQuantity) + hundredths(row.inQuantity) - hundredths(row.outQuantity)).toBe(
    hundredths(row.closingQuantity),
  );
  expect(
    fen(row.openingValue) +
      fen(row.inValue) -
      fen(row.outValue) +
      fen(row.adjustmentValue) +
      fen(row.allocationValue),
  ).toBe(fen(row.closingValue));
}

function pick<Row extends object, Key extends keyof Row>(rows: Row[], keys: Key[]): Pick<Row, Key>[] {
  return rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key]])) as Pick<Row, Key>);
}

describe('stock reports', () => {
  it('stock balance as of today and as of a past date after later movements', async () => {
    const { engine } = await beijingLedger();
    await februaryBook(engine);

    const today = await act(engine, 'reports.stockBalance', {});
    expect(today.asOf).toBe('2026-03-02');
    expect(
      pick(today.rows, [
        'goodsCode',
        'warehouseName',
        'quantity',
        'baseUnit',
        'mixedQuantity',
        'unitCost',
        'value',
      ]),
    ).toEqual([
      // 541.97 / 250 = 2.16788
      {
        goodsCode: 'SP001',
        warehouseName: '一号仓',
        quantity: '250',
        baseUnit: '袋',
        mixedQuantity: '10箱10袋',
        unitCost: '2.1679',
        value: '541.97',
      },
      // 300.69 / 146 = 2.05952…
      {
        goodsCode: 'SP001',
        warehouseName: '二号仓',
        quantity: '146',
        baseUnit: '袋',
        mixedQuantity: '6箱2袋',
        unitCost: '2.0595',
        value: '300.69',
      },
      {
        goodsCode: 'SP002',
        warehouseName: '一号仓',
        quantity: '48',
        baseUnit: '杯',
        mixedQuantity: '4箱',
        unitCost: '3.0000',
        value: '144.00',
      },
    ]);
    expect(today.rows[0]).toMatchObject({ reserved: '0', available: '250', goodsName: '鲜牛奶' });
    expect(today.totals).toEqual({ value: '986.66' });
    expect(today.valueAllocated).toBe(false);

    // The end of January, with all of February's movements posted after it.
    const january = await act(engine, 'reports.stockBalance', { asOf: '2026-01-31' });
    expect(
      pick(january.rows, ['goodsCode', 'warehouseName', 'quantity', 'mixedQuantity', 'unitCost', 'value']),
    ).toEqual([
      {
        goodsCode: 'SP001',
        warehouseName: '一号仓',
        quantity: '118',
        mixedQuantity: '4箱22袋',
        unitCost: '2.0000',
        value: '236.00',
      },
      {
        goodsCode: 'SP001',
        warehouseName: '二号仓',
        quantity: '170',
        mixedQuantity: '7箱2袋',
        unitCost: '2.0595',
        value: '350.12',
      },
    ]);
    expect(january.totals.value).toBe('586.12');

    // Mid-February, one warehouse, searched by pinyin initials of 鲜牛奶.
    const midFebruary = await act(engine, 'reports.stockBalance', {
      asOf: '2026-02-12',
      search: 'xnn',
    });
    expect(pick(midFebruary.rows, ['warehouseName', 'quantity', 'value'])).toEqual([
      { warehouseName: '一号仓', quantity: '262', value: '554.00' },
      { warehouseName: '二号仓', quantity: '146', value: '300.69' },
    ]);
    // Before anything was posted there is no stock; with includeZero every place the ledger knows, empty.
    expect((await act(engine, 'reports.stockBalance', { asOf: '2025-12-31' })).rows).toEqual([]);
    const empty = await act(engine, 'reports.stockBalance', { asOf: '2025-12-31', includeZero: true });
    expect(pick(empty.rows, ['goodsCode', 'warehouseName', 'mixedQuantity', 'unitCost', 'value'])).toEqual([
      { goodsCode: 'SP001', warehouseName: '一号仓', mixedQuantity: '0袋', unitCost: null, value: '0.00' },
      { goodsCode: 'SP001', warehouseName: '二号仓', mixedQuantity: '0袋', unitCost: null, value: '0.00' },
      { goodsCode: 'SP002', warehouseName: '一号仓', mixedQuantity: '0杯', unitCost: null, value: '0.00' },
    ]);
    expect(empty.totals.value).toBe('0.00');
  });

  it('a stock balance that starts from a closed month equals the one summed from the first movement', async () => {
    const { engine, databasePath } = await beijingLedger();
    const { world } = await februaryBook(engine);
    const before = await act(engine, 'reports.stockBalance', { asOf: '2026-02-05' });
    const summaryBefore = await periodSummaryOf(engine, { from: '2026-02-01', to: '2026-02-28' });
    await act(engine, 'periods.close', { month: '2026-01' });

    const sqlite = new Database(databasePath, { readonly: true });
    try {
      expect(startingPoint(sqlite, '2026-02-05')).toEqual({ month: '2026-01', end: '2026-01-31' });
      expect(startingPoint(sqlite, '2026-01-30')).toBeNull();
      // One movement between the close and 02-05, many after it: the route starts at the close.
      expect(routeTo(sqlite, '2026-02-05')).toEqual({
        direction: 'forward',
        start: { month: '2026-01', end: '2026-01-31' },
      });
    } finally {
      sqlite.close();
    }
    const after = await act(engine, 'reports.stockBalance', { asOf: '2026-02-05' });
    expect(after).toEqual(before);
    // 02-05: 一号仓 118 + 120 = 238 袋, 236.00 + 270.00; 二号仓 unchanged since January.
    expect(pick(after.rows, ['goodsCode', 'warehouseName', 'quantity', 'value'])).toEqual([
      { goodsCode: 'SP001', warehouseName: '一号仓', quantity: '238', value: '506.00' },
      { goodsCode: 'SP001', warehouseName: '二号仓', quantity: '170', value: '350.12' },
      { goodsCode: 'SP002', warehouseName: '一号仓', quantity: '48', value: '144.00' },
    ]);
    expect(await periodSummaryOf(engine, { from: '2026-02-01', to: '2026-02-28' })).toEqual(summaryBefore);
    const card = await act(engine, 'reports.stockCard', {
      goodsId: world.milk,
      warehouseId: world.warehouse2,
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(card.opening).toEqual({
      quantity: '170',
      mixedQuantity: '7箱2袋',
      value: '350.12',
      unitCost: '2.0595',
    });
  });

  it('period summary: figures by kind, and every row reconciles in quantity and value', async () => {
    const { engine } = await beijingLedger();
    await februaryBook(engine);
    const february = await periodSummaryOf(engine, { from: '2026-02-01', to: '2026-02-28' });
    expect(february.rows.map((row) => `${row.goodsCode} ${row.warehouseName}`)).toEqual([
      'SP001 一号仓',
      'SP001 二号仓',
      'SP002 一号仓',
    ]);
    const [milk1, milk2, yogurt1] = february.rows as [SummaryRow, SummaryRow, SummaryRow];
    expect(milk1).toMatchObject({
      openingQuantity: '118',
      openingValue: '236.00',
      purchaseQuantity: '120',
      purchaseValue: '270.00',
      salesReturnQuantity: '24',
      salesReturnValue: '48.00',
      otherInQuantity: '12',
      otherInValue: '30.00',
      inQuantity: '156',
      inValue: '348.00',
      transferOutQuantity: '24',
      transferOutValue: '52.03',
      outQuantity: '24',
      outValue: '52.03',
      adjustmentValue: '10.00',
      allocationValue: '0.00',
      closingQuantity: '250',
      closingValue: '541.97',
    });
    expect(milk2).toMatchObject({
      openingQuantity: '170',
      openingValue: '350.12',
      inQuantity: '0',
      purchaseReturnQuantity: '24',
      purchaseReturnValue: '49.43',
      // The issue and its red-letter reversal: 6 out and −6 out.
      otherOutQuantity: '0',
      otherOutValue: '0.00',
      closingQuantity: '146',
      closingValue: '300.69',
    });
    expect(yogurt1).toMatchObject({
      openingQuantity: '0',
      purchaseQuantity: '48',
      purchaseValue: '144.00',
      closingQuantity: '48',
      closingValue: '144.00',
    });
    expect(february.totals).toMatchObject({
      openingValue: '586.12',
      inValue: '492.00',
      outValue: '101.46',
      adjustmentValue: '10.00',
      closingValue: '986.66',
    });

    // January to February: the stocktake, both transfers and the sale land in their columns.
    const both = await periodSummaryOf(engine, { from: '2026-01-01', to: '2026-02-28' });
    const [bothMilk1, bothMilk2] = both.rows as [SummaryRow, SummaryRow];
    expect(bothMilk1).toMatchObject({
      openingQuantity: '0',
      purchaseQuantity: '360',
      purchaseValue: '750.00',
      salesQuantity: '72',
      salesValue: '144.00',
      transferOutQuantity: '72',
      transferOutValue: '148.03',
      lossQuantity: '2',
      lossValue: '4.00',
      closingValue: '541.97',
    });
    expect(bothMilk2).toMatchObject({
      purchaseQuantity: '120',
      transferInQuantity: '48',
      transferInValue: '96.00',
      gainQuantity: '2',
      gainValue: '4.12',
      closingQuantity: '146',
    });
    // One warehouse only, and a search that finds no goods.
    expect(
      (
        await periodSummaryOf(engine, {
          from: '2026-02-01',
          to: '2026-02-28',
          warehouseId: februaryWarehouse2(both),
        })
      ).rows,
    ).toHaveLength(1);
    expect(
      (await periodSummaryOf(engine, { from: '2026-02-01', to: '2026-02-28', search: '可乐' })).rows,
    ).toEqual([]);

    for (const report of [february, both]) {
      for (const row of report.rows) assertReconciles(row);
    }
    // Every period's closing is the next period's opening, whichever route computed each.
    const days = ['2026-01-09', '2026-01-10', '2026-01-31', '2026-02-14', '2026-02-26'];
    for (const day of days) {
      const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const upTo = await periodSummaryOf(engine, { from: '2026-01-01', to: day });
      const onwards = await periodSummaryOf(engine, { from: next, to: '2026-02-28' });
      for (const row of [...upTo.rows, ...onwards.rows]) assertReconciles(row);
      for (const row of onwards.rows) {
        const earlier = upTo.rows.find((r) => r.goodsId === row.goodsId && r.warehouseId === row.warehouseId);
        expect([row.openingQuantity, row.openingValue]).toEqual([
          earlier?.closingQuantity ?? '0',
          earlier?.closingValue ?? '0.00',
        ]);
      }
    }
    const backwards = await refused(engine, 'reports.periodSummary', {
      from: '2026-02-28',
      to: '2026-02-01',
    });
    expect([backwards.code, backwards.message]).toEqual([
      'VALIDATION',
      expect.stringContaining('开始日期不能晚于结束日期'),
    ]);
  });

  it('stock card: opening, each movement with its document and running balance, closing', async () => {
    const { engine } = await beijingLedger();
    const { world, reversal } = await februaryBook(engine);
    const card = await act(engine, 'reports.stockCard', {
      goodsId: world.milk,
      warehouseId: world.warehouse1,
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(card.goods).toMatchObject({ code: 'SP001', name: '鲜牛奶', baseUnit: '袋' });
    expect(card.warehouse).toMatchObject({ code: 'CK01', name: '一号仓' });
    expect(card.opening).toEqual({
      quantity: '118',
      mixedQuantity: '4箱22袋',
      value: '236.00',
      unitCost: '2.0000',
    });
    expect(
      pick(card.rows, [
        'date',
        'documentTypeLabel',
        'kindLabel',
        'inQuantity',
        'outQuantity',
        'value',
        'runningQuantity',
        'runningValue',
        'runningUnitCost',
      ]),
    ).toEqual([
      {
        date: '2026-02-03',
        documentTypeLabel: '采购入库单',
        kindLabel: '采购入库',
        inQuantity: '120',
        outQuantity: null,
        value: '270.00',
        runningQuantity: '238',
        runningValue: '506.00',
        runningUnitCost: '2.1261',
      },
      {
        date: '2026-02-10',
        documentTypeLabel: '销售退货单',
        kindLabel: '销售退货',
        inQuantity: '24',
        outQuantity: null,
        value: '48.00',
        runningQuantity: '262',
        runningValue: '554.00',
        runningUnitCost: '2.1145',
      },
      {
        date: '2026-02-18',
        documentTypeLabel: '其他入库单',
        kindLabel: '其他入库',
        inQuantity: '12',
        outQuantity: null,
        value: '30.00',
        runningQuantity: '274',
        runningValue: '584.00',
        runningUnitCost: '2.1314',
      },
      {
        date: '2026-02-20',
        documentTypeLabel: '成本调整单',
        kindLabel: '成本调整',
        inQuantity: null,
        outQuantity: null,
        value: '10.00',
        runningQuantity: '274',
        runningValue: '594.00',
        runningUnitCost: '2.1679',
      },
      {
        date: '2026-02-27',
        documentTypeLabel: '调拨单',
        kindLabel: '调拨出库',
        inQuantity: null,
        outQuantity: '24',
        value: '-52.03',
        runningQuantity: '250',
        runningValue: '541.97',
        runningUnitCost: '2.1679',
      },
    ]);
    expect(card.rows[0]!.documentNumber).toBe('CR20260203-0001');
    expect(card.closing).toEqual({
      quantity: '250',
      mixedQuantity: '10箱10袋',
      value: '541.97',
      unitCost: '2.1679',
    });
    expect(card.totals).toEqual({ inQuantity: '156', outQuantity: '24' });

    // 二号仓: the red-letter reversal stands in the outflow column, negative.
    const second = await act(engine, 'reports.stockCard', {
      goodsId: world.milk,
      warehouseId: world.warehouse2,
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(
      pick(second.rows, [
        'documentId',
        'kindLabel',
        'reversal',
        'outQuantity',
        'value',
        'runningQuantity',
        'runningValue',
      ]),
    ).toEqual([
      {
        documentId: expect.any(Number),
        kindLabel: '采购退货',
        reversal: false,
        outQuantity: '24',
        value: '-49.43',
        runningQuantity: '146',
        runningValue: '300.69',
      },
      {
        documentId: expect.any(Number),
        kindLabel: '其他出库',
        reversal: false,
        outQuantity: '6',
        value: '-12.36',
        runningQuantity: '140',
        runningValue: '288.33',
      },
      {
        documentId: reversal,
        kindLabel: '其他出库',
        reversal: true,
        outQuantity: '-6',
        value: '12.36',
        runningQuantity: '146',
        runningValue: '300.69',
      },
    ]);

    // Every warehouse together over both months: the first transfer leaves and arrives on one day.
    const all = await act(engine, 'reports.stockCard', {
      goodsId: world.milk,
      from: '2026-01-01',
      to: '2026-02-28',
    });
    expect(all.warehouse).toBeNull();
    expect(all.opening.quantity).toBe('0');
    expect(
      all.rows.filter((row) => row.date === '2026-01-15').map((row) => [row.kindLabel, row.warehouseName]),
    ).toEqual([
      ['调拨出库', '一号仓'],
      ['调拨入库', '二号仓'],
    ]);
    // On hand excludes the 24 袋 in transit since 02-27 and their 52.03.
    expect(all.closing).toMatchObject({ quantity: '396', value: '842.66' });
  });

  it('in transit, stock alerts and lot expiry', async () => {
    const { engine } = await beijingLedger();
    const { world, transitTransfer } = await februaryBook(engine);
    const transit = await act(engine, 'reports.inTransit', {});
    expect(transit.rows).toEqual([
      {
        documentId: transitTransfer,
        documentNumber: 'DB20260227-0001',
        date: '2026-02-27',
        lineId: expect.any(Number),
        goodsId: world.milk,
        goodsCode: 'SP001',
        goodsName: '鲜牛奶',
        goodsSpec: '',
        fromWarehouseId: world.warehouse1,
        fromWarehouseName: '一号仓',
        toWarehouseId: world.warehouse2,
        toWarehouseName: '二号仓',
        lot: '',
        quantity: '24',
        baseUnit: '袋',
        mixedQuantity: '1箱',
        value: '52.03',
      },
    ]);
    expect(transit.totals).toEqual({ value: '52.03' });
    await act(engine, 'warehouse.confirm', { documentId: transitTransfer, warehouseId: world.warehouse2 });
    expect((await act(engine, 'reports.inTransit', {})).rows).toEqual([]);

    // Lines: 鲜牛奶 一号仓 300–500 袋, 二号仓 at most 100 袋; 酸奶 一号仓 at least 12 杯.
    const milk = await act(engine, 'goods.get', { id: world.milk });
    await act(engine, 'goods.save', {
      id: world.milk,
      version: milk.version,
      goods: {
        code: milk.code,
        name: milk.name,
        units: [
          { name: '袋', ratio: '1', isBase: true },
          { name: '箱', ratio: '24', isBase: false },
        ],
        stockLines: [
          { warehouseId: world.warehouse1, lower: 30000, upper: 50000 },
          { warehouseId: world.warehouse2, lower: null, upper: 10000 },
        ],
      },
    });
    const yogurt = await act(engine, 'goods.get', { id: world.yogurt });
    await act(engine, 'goods.save', {
      id: world.yogurt,
      version: yogurt.version,
      goods: {
        code: yogurt.code,
        name: yogurt.name,
        lotTracked: true,
        shelfLifeDays: 21,
        units: [
          { name: '杯', ratio: '1', isBase: true },
          { name: '箱', ratio: '12', isBase: false },
        ],
        stockLines: [{ warehouseId: world.warehouse1, lower: 1200, upper: null }],
      },
    });
    const alerts = await act(engine, 'reports.stockAlerts', {});
    // 一号仓 250 (the transfer has arrived at 二号仓: 146 + 24 = 170).
    expect(
      pick(alerts.rows, [
        'goodsCode',
        'warehouseName',
        'onHand',
        'lower',
        'upper',
        'statusLabel',
        'suggestedQuantity',
        'mixedSuggested',
      ]),
    ).toEqual([
      {
        goodsCode: 'SP001',
        warehouseName: '一号仓',
        onHand: '250',
        lower: '300',
        upper: '500',
        statusLabel: '低于下限',
        suggestedQuantity: '250',
        mixedSuggested: '10箱10袋',
      },
      {
        goodsCode: 'SP001',
        warehouseName: '二号仓',
        onHand: '170',
        lower: null,
        upper: '100',
        statusLabel: '高于上限',
        suggestedQuantity: '70',
        mixedSuggested: '2箱22袋',
      },
    ]);
    expect((await act(engine, 'reports.stockAlerts', { warehouseId: world.warehouse2 })).rows).toHaveLength(
      1,
    );
    // An approved purchase order of 5 箱 for 一号仓 is on order: 250 − 120 = 130 袋 are still to order;
    // once it is received in part (2 箱 of 5), 3 箱 remain on order.
    const order = await enterAndApprove(engine, {
      type: 'purchase_order',
      businessDate: '2026-03-01',
      counterpartyId: world.supplier,
      lines: [
        {
          goodsId: world.milk,
          unitName: '箱',
          quantity: '5',
          unitPrice: '48',
          warehouseId: world.warehouse1,
        },
      ],
    });
    const onOrder = async () =>
      pick((await act(engine, 'reports.stockAlerts', { warehouseId: world.warehouse1 })).rows, [
        'onOrder',
        'suggestedQuantity',
      ]);
    expect(await onOrder()).toEqual([{ onOrder: '120', suggestedQuantity: '130' }]);
    const draft = await act(engine, 'documents.fromOrder', { id: order });
    await post(engine, { ...draft, lines: [{ ...draft.lines[0]!, quantity: '2' }] });
    expect(await onOrder()).toEqual([{ onOrder: '72', suggestedQuantity: '130' }]);

    // Today is 2026-03-02: C3 expired 5 days ago, A1 has 8 days; B2 (05-01) is beyond 30 days.
    const expiring = await act(engine, 'reports.lotExpiry', {});
    expect(
      pick(expiring.rows, ['lot', 'expiryDate', 'daysLeft', 'quantity', 'mixedQuantity', 'value']),
    ).toEqual([
      {
        lot: 'C3',
        expiryDate: '2026-02-25',
        daysLeft: -5,
        quantity: '12',
        mixedQuantity: '1箱',
        value: '36.00',
      },
      {
        lot: 'A1',
        expiryDate: '2026-03-10',
        daysLeft: 8,
        quantity: '24',
        mixedQuantity: '2箱',
        value: '72.00',
      },
    ]);
    // From 03-01, B2 is 31 + 30 = 61 days away.
    const wider = await act(engine, 'reports.lotExpiry', { withinDays: 61, asOf: '2026-03-01' });
    expect(wider.rows.map((row) => [row.lot, row.daysLeft])).toEqual([
      ['C3', -4],
      ['A1', 9],
      ['B2', 61],
    ]);
    expect(
      (await act(engine, 'reports.lotExpiry', { withinDays: 60, asOf: '2026-03-01' })).rows,
    ).toHaveLength(2);
  });

  it('统一核算: each warehouse shows its quantity share of the goods value, in transit included', async () => {
    const ledger = await newLedger();
    await act(ledger.engine, 'setup.createBranch', {
      profile: { ...beijingBranch, costingScope: 'per_branch' },
      administrator,
    });
    const engine = ledger.engine;
    const world = await stockWorld(engine);
    const { milk, warehouse1, warehouse2 } = world;
    // 240 袋 for 480.00 and 120 袋 for 305.00: one cost, 785.00 / 360 袋.
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-01-05',
      counterpartyId: world.supplier,
      lines: [
        { goodsId: milk, warehouseId: warehouse1, unitName: '箱', quantity: '10', unitPrice: '48' },
        { goodsId: milk, warehouseId: warehouse2, unitName: '箱', quantity: '5', unitPrice: '61' },
      ],
    });
    await post(engine, {
      type: 'transfer',
      businessDate: '2026-01-10',
      warehouseId: warehouse1,
      toWarehouseId: warehouse2,
      lines: [{ goodsId: milk, unitName: '箱', quantity: '4' }],
    });
    // 24 袋 out of 二号仓 at round(24 × 785.00 / 360) = 52.33: 336 袋, 732.67 left.
    await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-01-12',
      counterpartyId: world.customer,
      lines: [{ goodsId: milk, warehouseId: warehouse2, unitName: '箱', quantity: '1', unitPrice: '70' }],
    });
    const shipped = await enterAndApprove(engine, {
      type: 'transfer',
      businessDate: '2026-01-15',
      warehouseId: warehouse1,
      toWarehouseId: warehouse2,
      lines: [{ goodsId: milk, unitName: '箱', quantity: '1' }],
    });
    await act(engine, 'warehouse.confirm', { documentId: shipped, warehouseId: warehouse1 });

    // 一号仓 120, 二号仓 192, in transit 24 of 336 袋: 732.67 × 120/336 = 261.667…, × 192/336 = 418.668…,
    // × 24/336 = 52.333…; floors 261.66 + 418.66 + 52.33 leave 0.02, to the largest remainders.
    const balance = await act(engine, 'reports.stockBalance', { asOf: '2026-01-31' });
    expect(balance.valueAllocated).toBe(true);
    expect(pick(balance.rows, ['warehouseName', 'quantity', 'unitCost', 'value'])).toEqual([
      { warehouseName: '一号仓', quantity: '120', unitCost: '2.1806', value: '261.67' },
      { warehouseName: '二号仓', quantity: '192', unitCost: '2.1806', value: '418.67' },
    ]);
    expect(balance.totals.value).toBe('680.34');
    const transit = await act(engine, 'reports.inTransit', {});
    expect(pick(transit.rows, ['quantity', 'value'])).toEqual([{ quantity: '24', value: '52.33' }]);

    // The movements alone would leave 一号仓 480.00 and 二号仓 252.67; the allocation column explains it.
    const summary = await periodSummaryOf(engine, { from: '2026-01-01', to: '2026-01-31' });
    expect(
      pick(summary.rows, [
        'warehouseName',
        'purchaseValue',
        'transferInQuantity',
        'transferInValue',
        'transferOutQuantity',
        'salesValue',
        'allocationValue',
        'closingValue',
      ]),
    ).toEqual([
      {
        warehouseName: '一号仓',
        purchaseValue: '480.00',
        transferInQuantity: '0',
        transferInValue: '0.00',
        transferOutQuantity: '120',
        salesValue: '0.00',
        allocationValue: '-218.33',
        closingValue: '261.67',
      },
      {
        warehouseName: '二号仓',
        purchaseValue: '305.00',
        transferInQuantity: '96',
        transferInValue: '0.00',
        transferOutQuantity: '0',
        salesValue: '52.33',
        allocationValue: '166.00',
        closingValue: '418.67',
      },
    ]);
    for (const row of summary.rows) assertReconciles(row);

    const card = await act(engine, 'reports.stockCard', {
      goodsId: milk,
      warehouseId: warehouse2,
      from: '2026-01-01',
      to: '2026-01-31',
    });
    // After the purchase: 二号仓 holds 120 of 360 袋 → 785.00 / 3.
    expect(card.rows.map((row) => [row.kindLabel, row.runningQuantity, row.runningValue])).toEqual([
      ['采购入库', '120', '261.67'],
      ['调拨入库', '216', '471.00'],
      ['销售出库', '192', '418.67'],
    ]);
    expect(card.closing.value).toBe(balance.rows[1]!.value);
  });

  it('exports a report to .xlsx with the chosen columns, number formats, totals and a frozen header', async () => {
    const { engine } = await beijingLedger();
    const { world } = await februaryBook(engine);
    const warehouse2 = await act(engine, 'warehouses.get', { id: world.warehouse2 });
    await act(engine, 'warehouses.save', {
      id: world.warehouse2,
      version: warehouse2.version,
      warehouse: { code: 'CK02', name: '=HYPERLINK("x")仓' },
    });
    const file = await act(engine, 'reports.export', {
      report: 'stockBalance',
      input: { asOf: '2026-01-31' },
      columns: ['goodsCode', 'warehouseName', 'mixedQuantity', 'quantity', 'unitCost', 'value'],
    });
    expect(file.fileName).toBe('库存余额表-2026-01-31-20260302.xlsx');
    expect(file.rows).toBe(2);
    const bytes = Buffer.from(file.base64, 'base64');
    const workbook = XLSX.read(bytes, { cellNF: true, cellStyles: true });
    expect(workbook.SheetNames).toEqual(['库存余额表']);
    const sheet = workbook.Sheets['库存余额表']!;
    expect(XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true })).toEqual([
      ['商品编码', '仓库', '库存数量（多单位）', '库存数量', '单位成本', '库存金额'],
      ['SP001', '一号仓', '4箱22袋', 118, 2, 236],
      ['SP001', `'=HYPERLINK("x")仓`, '7箱2袋', 170, 2.0595, 350.12],
      ['合计', undefined, undefined, undefined, undefined, 586.12],
    ]);
    expect(sheet['D2']).toMatchObject({ t: 'n', z: '#,##0.00' });
    expect(sheet['E3']).toMatchObject({ t: 'n', v: 2.0595, z: '#,##0.0000' });
    expect(sheet['F4']).toMatchObject({ t: 'n', v: 586.12, z: '#,##0.00' });
    expect(sheet['B3']).toMatchObject({ t: 's' });
    expect(sheet['B3']!.f).toBeUndefined();
    expect(sheet['!cols']!.map((column) => column.wch)).toEqual([14, 12, 18, 12, 12, 14]);
    const sheetXml = Buffer.from(
      XLSX.CFB.find(XLSX.CFB.read(bytes, { type: 'buffer' }), '/xl/worksheets/sheet1.xml')!
        .content as Uint8Array,
    ).toString();
    expect(sheetXml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');

    // The stock card with its opening and closing lines; every column when none are chosen.
    const card = await act(engine, 'reports.export', {
      report: 'stockCard',
      input: { goodsId: world.milk, warehouseId: world.warehouse1, from: '2026-02-01', to: '2026-02-28' },
    });
    expect(card.fileName).toBe('商品明细账-SP001-20260302.xlsx');
    const cardRows = XLSX.utils.sheet_to_json<Record<string, unknown>>(
      XLSX.read(Buffer.from(card.base64, 'base64')).Sheets['商品明细账']!,
    );
    expect(cardRows).toHaveLength(7);
    expect(cardRows[0]).toEqual({
      日期: '2026-02-01',
      单据编号: '期初余额',
      结存数量: 118,
      结存单价: 2,
      结存金额: 236,
    });
    expect(cardRows[6]).toMatchObject({
      单据编号: '本期合计及期末余额',
      收入数量: 156,
      发出数量: 24,
      结存金额: 541.97,
    });

    const unknown = await refused(engine, 'reports.export', {
      report: 'inTransit',
      input: {},
      columns: ['nope'],
    });
    expect([unknown.code, unknown.message]).toEqual([
      'VALIDATION',
      expect.stringMatching(/^导出的列【nope】不存在/),
    ]);
  });
});

function februaryWarehouse2(report: { rows: SummaryRow[] }): number {
  return report.rows.find((row) => row.warehouseCode === 'CK02')!.warehouseId;
}
