import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import type { ApiInput } from '../../src/shared/api';
import { beijingLedger } from './support/ledger';
import { saveCounterparty } from './support/money';
import { act, enterAndApprove, post, refused, stockWorld, type StockWorld } from './support/stock';

type Line = ApiInput<'documents.save'>['document']['lines'][number];

interface PriceBook extends StockWorld {
  /** KH002 物美超市, the second customer. */
  wumart: number;
}

/**
 * March's milk, 13% VAT (the goods' default rate), in 箱 of 24 袋:
 *
 *   03-01 purchase receipt  蒙牛乳业  100 箱 at 48.00, and 2 箱 of yogurt
 *   03-02 sales order       华联超市   10 箱 at 70.00
 *   03-05 sales delivery    华联超市   10 箱 at 70.00, with a line of yogurt beside it
 *   03-10 sales delivery    物美超市    5 箱 at 79.10 with tax (70.00 without), as the clerk typed it
 *   03-12 sales order       华联超市    2 箱 at 72.00, 5% off
 *   03-15 sales delivery    华联超市    1 箱 given away (赠品) — no price was agreed
 *   03-20 sales order       华联超市    3 箱 at 90.00, a draft — not agreed yet
 */
async function priceBook(engine: Engine): Promise<PriceBook> {
  const world = await stockWorld(engine);
  const wumart = await saveCounterparty(engine, { code: 'KH002', name: '物美超市', kind: 'customer' });
  const milk = (quantity: string, unitPrice: string, extra: Partial<Line> = {}): Line => ({
    goodsId: world.milk,
    warehouseId: world.warehouse1,
    unitName: '箱',
    quantity,
    unitPrice,
    ...extra,
  });
  const yogurt = (quantity: string, unitPrice: string): Line => ({
    goodsId: world.yogurt,
    warehouseId: world.warehouse1,
    unitName: '箱',
    quantity,
    unitPrice,
    lot: 'L0301',
  });
  await post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-03-01',
    counterpartyId: world.supplier,
    lines: [milk('100', '48'), yogurt('2', '30')],
  });
  await enterAndApprove(engine, {
    type: 'sales_order',
    businessDate: '2026-03-02',
    counterpartyId: world.customer,
    lines: [milk('10', '70')],
  });
  await post(engine, {
    type: 'sales_delivery',
    businessDate: '2026-03-05',
    counterpartyId: world.customer,
    lines: [milk('10', '70'), yogurt('1', '40')],
  });
  await post(engine, {
    type: 'sales_delivery',
    businessDate: '2026-03-10',
    counterpartyId: wumart,
    lines: [milk('5', '79.1', { priceIncludesTax: true })],
  });
  await enterAndApprove(engine, {
    type: 'sales_order',
    businessDate: '2026-03-12',
    counterpartyId: world.customer,
    lines: [milk('2', '72', { discountRate: '5' })],
  });
  await post(engine, {
    type: 'sales_delivery',
    businessDate: '2026-03-15',
    counterpartyId: world.customer,
    lines: [milk('1', '0', { isGift: true })],
  });
  await act(engine, 'documents.save', {
    id: null,
    document: {
      type: 'sales_order',
      businessDate: '2026-03-20',
      counterpartyId: world.customer,
      lines: [milk('3', '90')],
    },
  });
  return { ...world, wumart };
}

/** What a clerk reads off a row: date, document, whom, unit, quantity, prices, 含税, tax and discount. */
function shown(row: {
  date: string;
  documentNumber: string;
  documentTypeLabel: string;
  counterpartyName: string | null;
  unitName: string;
  quantity: string;
  unitPrice: string | null;
  unitPriceWithTax: string | null;
  priceIncludesTaxLabel: string;
  taxRate: string;
  discountRate: string;
}) {
  return [
    row.date,
    row.documentNumber,
    row.documentTypeLabel,
    row.counterpartyName,
    row.unitName,
    row.quantity,
    row.unitPrice,
    row.unitPriceWithTax,
    row.priceIncludesTaxLabel,
    row.taxRate,
    row.discountRate,
  ];
}

describe('价格跟踪 (price history report)', () => {
  it('lists every agreed sales price of a goods, newest first, with its document; drafts, gifts and other goods do not show', async () => {
    const { engine } = await beijingLedger();
    const book = await priceBook(engine);
    const report = await act(engine, 'reports.priceHistory', { goodsId: book.milk });
    expect(report).toMatchObject({
      goods: { code: 'SP001', name: '鲜牛奶' },
      side: 'sale',
      sideLabel: '销售',
      counterparty: null,
      from: null,
      to: null,
    });
    expect(report.rows.map(shown)).toEqual([
      ['2026-03-12', 'XD20260312-0001', '销售订单', '华联超市', '箱', '2', '72', '81.36', '否', '13%', '5%'],
      ['2026-03-10', 'XC20260310-0001', '销售出库单', '物美超市', '箱', '5', '70', '79.1', '是', '13%', '0%'],
      [
        '2026-03-05',
        'XC20260305-0001',
        '销售出库单',
        '华联超市',
        '箱',
        '10',
        '70',
        '79.1',
        '否',
        '13%',
        '0%',
      ],
      ['2026-03-02', 'XD20260302-0001', '销售订单', '华联超市', '箱', '10', '70', '79.1', '否', '13%', '0%'],
    ]);
    // Each number opens its document.
    const [newest] = report.rows;
    const document = await act(engine, 'documents.get', { id: newest!.documentId });
    expect([document.number, document.type, newest!.documentType]).toEqual([
      'XD20260312-0001',
      'sales_order',
      'sales_order',
    ]);
  });

  it('narrows to one customer and a period, and turns to purchase prices', async () => {
    const { engine } = await beijingLedger();
    const book = await priceBook(engine);
    const hualian = await act(engine, 'reports.priceHistory', {
      goodsId: book.milk,
      side: 'sale',
      counterpartyId: book.customer,
      from: '2026-03-03',
      to: '2026-03-31',
    });
    expect(hualian.counterparty).toEqual({ id: book.customer, code: 'KH001', name: '华联超市' });
    expect(hualian.rows.map((row) => [row.date, row.counterpartyCode, row.unitPrice])).toEqual([
      ['2026-03-12', 'KH001', '72'],
      ['2026-03-05', 'KH001', '70'],
    ]);
    const bought = await act(engine, 'reports.priceHistory', { goodsId: book.milk, side: 'purchase' });
    expect(
      bought.rows.map((row) => [row.date, row.documentTypeLabel, row.counterpartyName, row.unitPrice]),
    ).toEqual([['2026-03-01', '采购入库单', '蒙牛乳业', '48']]);
  });

  it('exports as CSV with Chinese headers, the file named after the goods and side', async () => {
    const { engine } = await beijingLedger();
    const book = await priceBook(engine);
    const file = await act(engine, 'reports.export', {
      report: 'priceHistory',
      input: { goodsId: book.milk, side: 'sale', counterpartyId: book.wumart },
      format: 'csv',
    });
    expect(file.fileName).toMatch(/^价格跟踪-SP001销售-KH002-\d{8}\.csv$/);
    expect(file.rows).toBe(1);
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toBe(
      '\uFEFF' +
        '日期,单据编号,单据类型,往来单位编码,往来单位,单位,数量,单价,含税单价,含税,税率,折扣率\r\n' +
        '2026-03-10,XC20260310-0001,销售出库单,KH002,物美超市,箱,5,70,79.1,是,13%,0%\r\n',
    );
    // In .xlsx the prices are numbers with their decimals (up to six), not rounded to four.
    const xlsx = await act(engine, 'reports.export', {
      report: 'priceHistory',
      input: { goodsId: book.milk, side: 'sale', counterpartyId: book.wumart },
      format: 'xlsx',
    });
    const sheet = XLSX.read(Buffer.from(xlsx.base64, 'base64'), { cellNF: true }).Sheets['价格跟踪']!;
    expect([sheet.H2, sheet.I2].map((cell) => [cell?.v, cell?.z])).toEqual([
      [70, '#,##0.00####'],
      [79.1, '#,##0.00####'],
    ]);
  });

  it('refuses a period that ends before it starts, and a goods that does not exist', async () => {
    const { engine } = await beijingLedger();
    const book = await priceBook(engine);
    expect(
      await refused(engine, 'reports.priceHistory', {
        goodsId: book.milk,
        from: '2026-03-31',
        to: '2026-03-01',
      }),
    ).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('开始日期不能晚于结束日期') });
    expect(await refused(engine, 'reports.priceHistory', { goodsId: 9999 })).toMatchObject({
      code: 'NOT_FOUND',
      message: '商品 9999 不存在。',
    });
  });
});
