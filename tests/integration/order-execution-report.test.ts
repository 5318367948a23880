import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import type { ApiInput, ApiOutput } from '../../src/shared/api';
import { beijingLedger } from './support/ledger';
import { saveCounterparty } from './support/money';
import {
  act,
  confirmAll,
  enterAndApprove,
  post,
  refused,
  stockWorld,
  type StockWorld,
} from './support/stock';

type DocumentInput = ApiInput<'documents.save'>['document'];
type Line = DocumentInput['lines'][number];

interface OrderBook extends StockWorld {
  /** GY002 伊利乳业, a second supplier. */
  yili: number;
  orders: { first: number; done: number; closed: number; draft: number; voided: number; sales: number };
}

/**
 * April's orders, 13% VAT (the goods' default rate); milk in 箱 of 24 袋, yogurt in 箱 of 12 杯:
 *
 *   03-28 purchase order  伊利乳业  3 箱 yogurt at 30.00 = 101.70 with tax — nothing received yet
 *   04-01 purchase order  蒙牛乳业  10 箱 milk at 48.00 into 一号仓 = 542.40, and 2 箱 at 50.00 into
 *                                  二号仓 = 113.00. A receipt takes 6 箱 of the first line and the keeper
 *                                  confirms 5.5 箱 (132 袋): 108 袋 stay open. A draft receipt takes
 *                                  1 箱 of the second line: drafts count, 1 箱 is left to generate.
 *   04-02 sales order     华联超市   2 箱 milk at 70.00 = 158.20 — nothing delivered yet
 *   04-03 purchase order  蒙牛乳业  4 箱 milk at 48.00, received in full
 *   04-05 purchase order  蒙牛乳业  8 箱 milk at 45.00, 3 箱 received, then force-closed (强制结案)
 *   04-06 purchase order  蒙牛乳业  a draft, 5 箱 — promises nothing
 *   04-07 purchase order  蒙牛乳业  approved, then voided, 6 箱
 */
async function orderBook(engine: Engine): Promise<OrderBook> {
  const world = await stockWorld(engine);
  const yili = await saveCounterparty(engine, { code: 'GY002', name: '伊利乳业', kind: 'supplier' });
  const milk = (quantity: string, unitPrice: string, warehouseId = world.warehouse1): Line => ({
    goodsId: world.milk,
    warehouseId,
    unitName: '箱',
    quantity,
    unitPrice,
  });
  const purchaseOrder = (businessDate: string, lines: Line[], counterpartyId = world.supplier) => ({
    type: 'purchase_order' as const,
    businessDate,
    counterpartyId,
    lines,
  });
  /** A receipt from the order with the lines `pick` keeps, approved; the keeper confirms it later. */
  const receiptFrom = async (orderId: number, businessDate: string, pick: (lines: Line[]) => Line[]) => {
    const draft = await act(engine, 'documents.fromOrder', { id: orderId });
    return { ...draft, businessDate, lines: pick(draft.lines) };
  };

  await enterAndApprove(
    engine,
    purchaseOrder(
      '2026-03-28',
      [
        {
          goodsId: world.yogurt,
          warehouseId: world.warehouse1,
          unitName: '箱',
          quantity: '3',
          unitPrice: '30',
        },
      ],
      yili,
    ),
  );

  const first = await enterAndApprove(
    engine,
    purchaseOrder('2026-04-01', [milk('10', '48'), milk('2', '50', world.warehouse2)]),
  );
  const receipt = await enterAndApprove(
    engine,
    await receiptFrom(first, '2026-04-02', ([line]) => [{ ...line!, quantity: '6' }]),
  );
  const receiptLine = (await act(engine, 'documents.get', { id: receipt })).lines[0]!;
  await act(engine, 'warehouse.confirm', {
    documentId: receipt,
    warehouseId: world.warehouse1,
    lines: [{ lineId: receiptLine.id, quantity: '5.5' }],
  });
  await act(engine, 'documents.save', {
    id: null,
    document: await receiptFrom(first, '2026-04-04', ([, second]) => [{ ...second!, quantity: '1' }]),
  });

  const sales = await enterAndApprove(engine, {
    type: 'sales_order',
    businessDate: '2026-04-02',
    counterpartyId: world.customer,
    lines: [milk('2', '70')],
  });

  const done = await enterAndApprove(engine, purchaseOrder('2026-04-03', [milk('4', '48')]));
  await post(engine, await receiptFrom(done, '2026-04-03', (lines) => lines));

  const closed = await enterAndApprove(engine, purchaseOrder('2026-04-05', [milk('8', '45')]));
  const partReceipt = await enterAndApprove(
    engine,
    await receiptFrom(closed, '2026-04-05', ([line]) => [{ ...line!, quantity: '3' }]),
  );
  await confirmAll(engine, partReceipt);
  await act(engine, 'documents.close', { id: closed, reason: '供应商停产' });

  const { id: draft } = await act(engine, 'documents.save', {
    id: null,
    document: purchaseOrder('2026-04-06', [milk('5', '48')]),
  });
  const voided = await enterAndApprove(engine, purchaseOrder('2026-04-07', [milk('6', '48')]));
  await act(engine, 'documents.void', { id: voided, reason: '重复录入' });

  return { ...world, yili, orders: { first, done, closed, draft, voided, sales } };
}

type OrderRow = ApiOutput<'reports.orderExecution'>['rows'][number];

/** What a clerk reads off a row: order, state, supplier, goods, warehouse, ordered / executed / outstanding. */
function shown(row: OrderRow) {
  return [
    row.date,
    row.documentNumber,
    row.executionLabel,
    row.counterpartyName,
    row.goodsName,
    row.warehouseName,
    row.mixedOrdered,
    row.mixedExecuted,
    row.mixedOutstanding,
    row.baseUnit,
    row.ordered,
    row.executed,
    row.outstanding,
    row.outstandingAmount,
  ];
}

const yogurtWaiting = [
  '2026-03-28',
  'CD20260328-0001',
  '未执行',
  '伊利乳业',
  '酸奶',
  '一号仓',
  '3箱',
  '0杯',
  '3箱',
  '杯',
  '36',
  '0',
  '36',
  '101.70',
];
// 240 袋 ordered, 132 confirmed: 108 袋 = 4箱12袋 open, worth 542.40 × 108 / 240 = 244.08.
const milkPartly = [
  '2026-04-01',
  'CD20260401-0001',
  '部分执行',
  '蒙牛乳业',
  '鲜牛奶',
  '一号仓',
  '10箱',
  '5箱12袋',
  '4箱12袋',
  '袋',
  '240',
  '132',
  '108',
  '244.08',
];
// The draft receipt's 1 箱 counts as executed: 1 箱 of 2 is left, worth half of 113.00.
const milkSecondWarehouse = [
  '2026-04-01',
  'CD20260401-0001',
  '部分执行',
  '蒙牛乳业',
  '鲜牛奶',
  '二号仓',
  '2箱',
  '1箱',
  '1箱',
  '袋',
  '48',
  '24',
  '24',
  '56.50',
];

describe('订单执行情况 (order execution report)', () => {
  it('lists what the approved purchase orders still have outstanding, line by line, oldest first', async () => {
    const { engine } = await beijingLedger();
    const book = await orderBook(engine);
    const report = await act(engine, 'reports.orderExecution', { side: 'purchase' });
    expect(report).toMatchObject({
      side: 'purchase',
      sideLabel: '采购',
      openOnly: true,
      counterparty: null,
      from: null,
      to: null,
    });
    // Done, closed, draft and voided orders, and the sales order, do not show.
    expect(report.rows.map(shown)).toEqual([yogurtWaiting, milkPartly, milkSecondWarehouse]);
    expect(report.totals).toEqual({ outstandingAmount: '402.28' });
    // Each number opens its order.
    expect(report.rows[1]).toMatchObject({ documentId: book.orders.first, documentType: 'purchase_order' });
    // The order itself says the same.
    const order = await act(engine, 'documents.get', { id: book.orders.first });
    expect(order.lines.map((line) => line.outstandingQuantity)).toEqual(['4箱12袋', '1箱']);
  });

  it('with openOnly false also lists done and force-closed orders; a closed order has nothing outstanding', async () => {
    const { engine } = await beijingLedger();
    await orderBook(engine);
    const report = await act(engine, 'reports.orderExecution', { side: 'purchase', openOnly: false });
    expect(report.rows.map(shown)).toEqual([
      yogurtWaiting,
      milkPartly,
      milkSecondWarehouse,
      [
        '2026-04-03',
        'CD20260403-0001',
        '已执行',
        '蒙牛乳业',
        '鲜牛奶',
        '一号仓',
        '4箱',
        '4箱',
        '0袋',
        '袋',
        '96',
        '96',
        '0',
        '0.00',
      ],
      [
        '2026-04-05',
        'CD20260405-0001',
        '已结案',
        '蒙牛乳业',
        '鲜牛奶',
        '一号仓',
        '8箱',
        '3箱',
        null,
        '袋',
        '192',
        '72',
        null,
        null,
      ],
    ]);
    expect(report.totals.outstandingAmount).toBe('402.28');
  });

  it('turns to sales orders, and narrows by supplier, goods and order date', async () => {
    const { engine } = await beijingLedger();
    const book = await orderBook(engine);
    const sold = await act(engine, 'reports.orderExecution', { side: 'sale' });
    expect(sold.rows.map((row) => [row.documentNumber, row.counterpartyCode, row.mixedOutstanding])).toEqual([
      ['XD20260402-0001', 'KH001', '2箱'],
    ]);
    expect(sold.totals.outstandingAmount).toBe('158.20');

    const yili = await act(engine, 'reports.orderExecution', { side: 'purchase', counterpartyId: book.yili });
    expect(yili.counterparty).toEqual({ id: book.yili, code: 'GY002', name: '伊利乳业' });
    expect(yili.rows.map(shown)).toEqual([yogurtWaiting]);

    // The order's state is of all its lines, whichever the search leaves in view.
    const yogurt = await act(engine, 'reports.orderExecution', { side: 'purchase', search: '酸奶' });
    expect(yogurt.rows.map((row) => row.goodsCode)).toEqual(['SP002']);
    const byPinyin = await act(engine, 'reports.orderExecution', { side: 'purchase', search: 'xnn' });
    expect(byPinyin.rows.map((row) => [row.goodsCode, row.warehouseName])).toEqual([
      ['SP001', '一号仓'],
      ['SP001', '二号仓'],
    ]);

    const early = await act(engine, 'reports.orderExecution', {
      side: 'purchase',
      openOnly: false,
      from: '2026-04-01',
      to: '2026-04-03',
    });
    expect(early.rows.map((row) => [row.documentNumber, row.executionLabel])).toEqual([
      ['CD20260401-0001', '部分执行'],
      ['CD20260401-0001', '部分执行'],
      ['CD20260403-0001', '已执行'],
    ]);
  });

  it('exports as CSV with Chinese headers and the total, the file named after side and supplier', async () => {
    const { engine } = await beijingLedger();
    const book = await orderBook(engine);
    const file = await act(engine, 'reports.export', {
      report: 'orderExecution',
      input: { side: 'purchase', counterpartyId: book.supplier },
      format: 'csv',
    });
    expect(file.fileName).toMatch(/^订单执行情况-采购订单-GY001-\d{8}\.csv$/);
    expect(file.rows).toBe(2);
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toBe(
      '\uFEFF' +
        '日期,订单编号,执行状态,往来单位,商品名称,仓库,订货,已执行,未执行,' +
        '未执行金额（含税）,往来单位编码,商品编码,规格型号,基本单位,订货数量,已执行数量,未执行数量\r\n' +
        '2026-04-01,CD20260401-0001,部分执行,蒙牛乳业,鲜牛奶,一号仓,10箱,5箱12袋,4箱12袋,244.08,GY001,SP001,,袋,240,132,108\r\n' +
        '2026-04-01,CD20260401-0001,部分执行,蒙牛乳业,鲜牛奶,二号仓,2箱,1箱,1箱,56.50,GY001,SP001,,袋,48,24,24\r\n' +
        '合计,,,,,,,,,300.58,,,,,,,\r\n',
    );
    const all = await act(engine, 'reports.export', {
      report: 'orderExecution',
      input: { side: 'purchase', openOnly: false, from: '2026-04-01', to: '2026-04-30' },
      format: 'csv',
    });
    expect(all.fileName).toMatch(
      /^订单执行情况-采购订单-含已执行及已结案-2026-04-01至2026-04-30-\d{8}\.csv$/,
    );
    expect(all.rows).toBe(4);
  });

  it('refuses a period that ends before it starts, and a counterparty that does not exist', async () => {
    const { engine } = await beijingLedger();
    await orderBook(engine);
    expect(
      await refused(engine, 'reports.orderExecution', {
        side: 'purchase',
        from: '2026-04-30',
        to: '2026-04-01',
      }),
    ).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('开始日期不能晚于结束日期') });
    expect(await refused(engine, 'reports.orderExecution', { counterpartyId: 9999 })).toMatchObject({
      code: 'NOT_FOUND',
      message: '往来单位 9999 不存在。',
    });
  });
});
