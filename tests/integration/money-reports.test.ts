import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { cliActor } from '../../src/engine/services/context';
import { settleByHand } from '../../src/engine/services/money/settlement';
import {
  administrator,
  beijingBranch,
  beijingLedger,
  callFailing,
  callOk,
  newLedger,
  signIn,
  type ManualClock,
} from './support/ledger';
import { octoberBook, saveCounterparty, saveEmployee, saveOffice } from './support/money';
import { act, enterAndApprove, post, refused, stockWorld } from './support/stock';
import { addUser } from './support/users';

const october = { from: '2026-10-01', to: '2026-10-31' };

/** The ids of a document's open items, first line first. */
function openItemIds(engine: Engine, documentId: number): number[] {
  return (
    engine.db.$client
      .prepare('SELECT id FROM open_items WHERE document_id = ? ORDER BY id')
      .all(documentId) as { id: number }[]
  ).map((row) => row.id);
}

interface AgingBook {
  supplier: number;
  /** KH201 超市发: 10-day term, salesperson 赵六, office 西城办. */
  chaoShiFa: number;
  /** KH202 京客隆: no term, salesperson or office. */
  jingKeLong: number;
}

/*
 * Receivables aged at 2026-12-31, all at ¥1.00 a 袋 without VAT. 超市发's term is 10 days, so an item
 * delivered on d is due d + 10 and is (12-31 − d − 10) days past due. Amounts are powers of two, so each
 * bucket's sum says which items fell into it:
 *
 *   08-20 256.00  settled in full by the 12-30 receipt of 300.00 (44.00 of it left: 预收)
 *   09-21   1.00  91 days → >90          09-22   2.00  90 → 61–90
 *   10-21   4.00  61 → 61–90             10-22   8.00  60 → 31–60
 *   11-20  16.00  31 → 31–60             11-21  32.00  30 → 0–30
 *   12-21  64.00   0 → 0–30              12-22 128.00  due 01-01 → 未到期
 *   2027-01-05 20.00 — after the day, not counted
 *
 * 京客隆 has no term: 12-01 10.00 is due that day, 30 days past due → 0–30.
 */
async function agingBook(engine: Engine, clock: ManualClock): Promise<AgingBook> {
  const { milk, warehouse1, supplier } = await stockWorld(engine);
  const westOffice = await saveOffice(engine, 'BS02', '西城办');
  const zhaoLiu = await saveEmployee(engine, 'ZY03', '赵六');
  const chaoShiFa = await saveCounterparty(engine, {
    code: 'KH201',
    name: '超市发',
    kind: 'customer',
    paymentTermDays: 10,
    salespersonId: zhaoLiu,
    officeId: westOffice,
  });
  const jingKeLong = await saveCounterparty(engine, { code: 'KH202', name: '京客隆', kind: 'customer' });
  const bags = (quantity: number, unitPrice: string) => ({
    goodsId: milk,
    warehouseId: warehouse1,
    unitName: '袋',
    quantity: String(quantity),
    unitPrice,
    taxRate: '0',
  });
  await post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-08-01',
    counterpartyId: supplier,
    lines: [bags(720, '1')],
  });
  const deliver = (counterpartyId: number, businessDate: string, quantity: number) =>
    post(engine, { type: 'sales_delivery', businessDate, counterpartyId, lines: [bags(quantity, '1')] });
  const old = await deliver(chaoShiFa, '2026-08-20', 256);
  const dated: [string, number][] = [
    ['2026-09-21', 1],
    ['2026-09-22', 2],
    ['2026-10-21', 4],
    ['2026-10-22', 8],
    ['2026-11-20', 16],
    ['2026-11-21', 32],
    ['2026-12-21', 64],
    ['2026-12-22', 128],
    ['2027-01-05', 20],
  ];
  for (const [date, quantity] of dated) await deliver(chaoShiFa, date, quantity);
  await deliver(jingKeLong, '2026-12-01', 10);
  const receipt = await enterAndApprove(engine, {
    type: 'customer_receipt',
    businessDate: '2026-12-30',
    counterpartyId: chaoShiFa,
    amount: '300.00',
    lines: [],
  });
  settleByHand(
    { db: engine.db, actor: cliActor, clock },
    {
      debits: [{ itemId: openItemIds(engine, old)[0]! }],
      credits: [{ itemId: openItemIds(engine, receipt)[0]! }],
    },
  );
  return { supplier, chaoShiFa, jingKeLong };
}

describe('对账单', () => {
  it('lists a customer’s documents with the running balance between the opening and closing balance', async () => {
    const { engine } = await beijingLedger();
    const book = await octoberBook(engine);
    const result = await act(engine, 'reports.statement', { counterpartyId: book.wumart, ...october });
    expect(result).toMatchObject({
      counterparty: { code: 'KH101', name: '物美超市' },
      side: 'receivable',
      sideLabel: '应收',
      // The opening receivable, entered on the record before October.
      opening: '1000.00',
      closing: '1291.00',
      totals: { increase: '904.00', decrease: '613.00' },
    });
    expect(
      result.rows.map((row) => [
        row.date,
        row.documentTypeLabel,
        row.reversal,
        row.increase,
        row.decrease,
        row.balance,
      ]),
    ).toEqual([
      // 5 箱 @100 with 13% VAT; the gift line owes nothing.
      ['2026-10-05', '销售出库单', false, '565.00', null, '1565.00'],
      // 4 箱 entered, 3 confirmed: 452.00 × 3 / 4.
      ['2026-10-08', '销售出库单', false, '339.00', null, '1904.00'],
      ['2026-10-12', '销售退货单', false, null, '113.00', '1791.00'],
      ['2026-10-15', '收款单', false, null, '500.00', '1291.00'],
      ['2026-10-18', '销售出库单', false, '113.00', null, '1404.00'],
      // The red-letter reversal: its own row, negative in its original's column.
      ['2026-10-20', '销售出库单', true, '-113.00', null, '1291.00'],
    ]);
    expect(result.rows[0]!.summary).toBe('鲜牛奶');
    expect(result.rows[5]!.summary).toBe(`鲜牛奶；红字冲销 ${result.rows[4]!.documentNumber}：送错`);

    const fromTenth = await act(engine, 'reports.statement', {
      counterpartyId: book.wumart,
      from: '2026-10-10',
      to: '2026-10-31',
    });
    expect(fromTenth).toMatchObject({ opening: '1904.00', closing: '1291.00' });
    expect(fromTenth.rows.map((row) => row.balance)).toEqual(['1791.00', '1291.00', '1404.00', '1291.00']);
  });

  it('counts the opening receivable in every statement’s opening balance, and shows a supplier’s payables by default', async () => {
    const { engine } = await beijingLedger();
    const book = await octoberBook(engine);
    const year = await act(engine, 'reports.statement', {
      counterpartyId: book.wumart,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    // 期初应收 is where the books started, whatever day it was typed in: never a row of the period.
    expect(year.opening).toBe('1000.00');
    expect(year.rows.every((row) => row.documentNumber !== null)).toBe(true);
    expect(year.rows).toHaveLength(6);
    expect(year.closing).toBe('1291.00');

    const supplier = await act(engine, 'reports.statement', {
      counterpartyId: book.world.supplier,
      ...october,
    });
    expect(supplier.side).toBe('payable');
    expect(
      supplier.rows.map((row) => [row.documentTypeLabel, row.increase, row.decrease, row.balance]),
    ).toEqual([
      ['采购入库单', '542.40', null, '542.40'],
      ['采购入库单', '678.00', null, '1220.40'],
      ['采购退货单', null, '135.60', '1084.80'],
    ]);
    expect(supplier.closing).toBe('1084.80');
  });
});

describe('账龄分析', () => {
  it('ages each open item exactly at the 0 / 30 / 31 / 60 / 61 / 90 / 91-day boundaries, money received ahead apart', async () => {
    const { engine, clock } = await beijingLedger();
    await agingBook(engine, clock);
    const result = await act(engine, 'reports.aging', { asOf: '2026-12-31' });
    expect(result.rows).toEqual([
      {
        id: expect.any(Number),
        code: 'KH201',
        name: '超市发',
        balance: '211.00',
        notDue: '128.00',
        days0To30: '96.00',
        days31To60: '24.00',
        days61To90: '6.00',
        over90: '1.00',
        prepayment: '44.00',
      },
      {
        id: expect.any(Number),
        code: 'KH202',
        name: '京客隆',
        balance: '10.00',
        notDue: '0.00',
        days0To30: '10.00',
        days31To60: '0.00',
        days61To90: '0.00',
        over90: '0.00',
        prepayment: '0.00',
      },
    ]);
    expect(result.totals).toEqual({
      balance: '221.00',
      notDue: '128.00',
      days0To30: '106.00',
      days31To60: '24.00',
      days61To90: '6.00',
      over90: '1.00',
      prepayment: '44.00',
    });

    // The money received ahead reads the same on 往来余额 and on 账龄: 44.00, not −44.00 on one of them.
    const balances = await act(engine, 'money.balances', { side: 'receivable' });
    expect(balances.find((row) => row.code === 'KH201')).toMatchObject({ prepayment: '44.00' });

    const payables = await act(engine, 'reports.aging', { side: 'payable', asOf: '2026-12-31' });
    expect(payables.rows).toMatchObject([{ code: 'GY001', balance: '720.00', over90: '720.00' }]);
    // Counted at today when no day is given: nothing is dated yet.
    expect(await act(engine, 'reports.aging', {})).toMatchObject({ asOf: clock.today(), rows: [] });
  });

  it('groups by salesperson or office with the unassigned last, and counts settlements only as they stood that day', async () => {
    const { engine, clock } = await beijingLedger();
    await agingBook(engine, clock);
    const bySalesperson = await act(engine, 'reports.aging', { asOf: '2026-12-31', groupBy: 'salesperson' });
    expect(bySalesperson.rows.map((row) => [row.code, row.name, row.balance, row.days0To30])).toEqual([
      ['ZY03', '赵六', '211.00', '96.00'],
      ['', '(未指定)', '10.00', '10.00'],
    ]);
    const byOffice = await act(engine, 'reports.aging', { asOf: '2026-12-31', groupBy: 'office' });
    expect(byOffice.rows.map((row) => [row.name, row.balance, row.prepayment])).toEqual([
      ['西城办', '211.00', '44.00'],
      ['(未指定)', '10.00', '0.00'],
    ]);
    // Before the 12-30 receipt, its settlement had not happened: the 08-20 delivery was still open.
    const before = await act(engine, 'reports.aging', { asOf: '2026-12-29' });
    expect(before.rows[0]).toMatchObject({ code: 'KH201', balance: '511.00', prepayment: '0.00' });
  });
});

describe('毛利', () => {
  it('by goods and by customer: confirmed share, gift cost, returns, a reversal and the purchase variance', async () => {
    const { engine } = await beijingLedger();
    await octoberBook(engine);
    const byGoods = await act(engine, 'reports.grossProfit', { ...october, groupBy: 'goods' });
    const totals = {
      revenue: '880.00',
      cogs: '540.00',
      purchaseVariance: '-12.00',
      grossProfit: '352.00',
      margin: '40.00%',
    };
    expect(byGoods.rows).toEqual([
      {
        key: expect.any(String),
        id: expect.any(Number),
        code: 'SP001',
        name: '鲜牛奶',
        spec: '',
        // 5 + 1 gift + 3 + 2 − 1 returned + 1 − 1 reversed 箱.
        quantity: '240',
        baseUnit: '袋',
        ...totals,
      },
    ]);
    expect(byGoods.totals).toEqual(totals);

    const byCustomer = await act(engine, 'reports.grossProfit', { ...october, groupBy: 'customer' });
    expect(
      byCustomer.rows.map((row) => [
        row.code,
        row.name,
        row.revenue,
        row.cogs,
        row.purchaseVariance,
        row.grossProfit,
        row.margin,
      ]),
    ).toEqual([
      // 500 + 300 − 100 + 100 − 100; cost 270 + 54 gift + 162 − 54 + 54 − 54.
      ['KH101', '物美超市', '700.00', '432.00', '0.00', '268.00', '38.29%'],
      ['KH102', '家乐福', '180.00', '108.00', '0.00', '72.00', '40.00%'],
      ['', '采购差异', '0.00', '0.00', '-12.00', '12.00', null],
    ]);
    expect(byCustomer.totals).toEqual(totals);
    // Nothing in the period: nothing to divide by.
    expect(await act(engine, 'reports.grossProfit', { from: '2026-11-01', to: '2026-11-30' })).toMatchObject({
      rows: [],
      totals: { revenue: '0.00', grossProfit: '0.00', margin: null },
    });
  });

  it('by salesperson (经手人, else the customer’s), office, channel tier and month', async () => {
    const { engine } = await beijingLedger();
    await octoberBook(engine);
    const rowsBy = async (groupBy: 'salesperson' | 'office' | 'channelTier' | 'month') =>
      (await act(engine, 'reports.grossProfit', { ...october, groupBy })).rows.map((row) => [
        row.code,
        row.name,
        row.revenue,
        row.cogs,
        row.purchaseVariance,
        row.grossProfit,
      ]);
    expect(await rowsBy('salesperson')).toEqual([
      // 李四 handled the 10-05 delivery; 王五, 物美's salesperson, the rest of 物美's.
      ['ZY01', '李四', '500.00', '324.00', '0.00', '176.00'],
      ['ZY02', '王五', '200.00', '108.00', '0.00', '92.00'],
      ['', '(未指定)', '180.00', '108.00', '0.00', '72.00'],
      ['', '采购差异', '0.00', '0.00', '-12.00', '12.00'],
    ]);
    expect(await rowsBy('office')).toEqual([
      ['BS01', '东城办', '700.00', '432.00', '0.00', '268.00'],
      ['', '(未指定)', '180.00', '108.00', '0.00', '72.00'],
      ['', '采购差异', '0.00', '0.00', '-12.00', '12.00'],
    ]);
    expect(await rowsBy('channelTier')).toEqual([
      ['', '经销商', '700.00', '432.00', '0.00', '268.00'],
      ['', '(未指定)', '180.00', '108.00', '0.00', '72.00'],
      ['', '采购差异', '0.00', '0.00', '-12.00', '12.00'],
    ]);
    // The variance belongs to its month.
    expect(await rowsBy('month')).toEqual([
      ['2026-10', '2026年10月', '880.00', '540.00', '-12.00', '352.00'],
    ]);
  });

  it('a small-scale taxpayer’s purchase variance is against the price with VAT, which its cost carries', async () => {
    const { engine } = await newLedger();
    await callOk(engine, 'setup.createBranch', {
      profile: { ...beijingBranch, taxpayerType: 'small' },
      administrator,
    });
    const { milk, warehouse1, supplier } = await stockWorld(engine);
    const line = (unitPrice: string) => ({
      goodsId: milk,
      warehouseId: warehouse1,
      unitName: '箱',
      quantity: '10',
      unitPrice,
    });
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-10-01',
      counterpartyId: supplier,
      lines: [line('48')],
    });
    const receipt = await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-10-02',
      counterpartyId: supplier,
      lines: [line('60')],
    });
    const receiptLine = (await act(engine, 'documents.get', { id: receipt })).lines[0]!.id;
    await post(engine, {
      type: 'purchase_return',
      businessDate: '2026-10-25',
      counterpartyId: supplier,
      sourceDocumentId: receipt,
      lines: [{ ...line('60'), quantity: '2', sourceLineId: receiptLine }],
    });
    // Cost 542.40 + 678.00 = 1,220.40 for 480 袋; 48 袋 go back at 122.04 against a payable of 135.60.
    const result = await act(engine, 'reports.grossProfit', { ...october, groupBy: 'goods' });
    expect(result.rows).toMatchObject([
      {
        code: 'SP001',
        revenue: '0.00',
        cogs: '0.00',
        purchaseVariance: '-13.56',
        grossProfit: '13.56',
        margin: null,
      },
    ]);
  });

  it('what a receipt filling negative stock cost beyond the issues’ last cost is cost of sales', async () => {
    const { engine } = await newLedger();
    await callOk(engine, 'setup.createBranch', {
      profile: { ...beijingBranch, negativeStock: 'allow' },
      administrator,
    });
    const { milk, warehouse1, supplier, customer } = await stockWorld(engine);
    const line = (quantity: string, unitPrice: string) => ({
      goodsId: milk,
      warehouseId: warehouse1,
      unitName: '箱',
      quantity,
      unitPrice,
    });
    const receive = (date: string, price: string) =>
      post(engine, {
        type: 'purchase_receipt',
        businessDate: date,
        counterpartyId: supplier,
        lines: [line('1', price)],
      });
    // 1 箱 in at 48.00; 2 箱 out at 80.00: the second at the last cost, 48.00, leaving −1 箱 worth −48.00;
    // 1 箱 in at 60.00 fills the hole: the stock takes 48.00 of it, and 12.00 more is cost of the sale.
    await receive('2026-10-01', '48');
    await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-10-02',
      counterpartyId: customer,
      lines: [line('2', '80')],
    });
    await receive('2026-10-03', '60');
    const byGoods = await act(engine, 'reports.grossProfit', { ...october, groupBy: 'goods' });
    expect(byGoods.rows).toMatchObject([
      { code: 'SP001', revenue: '160.00', cogs: '108.00', grossProfit: '52.00', margin: '32.50%' },
    ]);
    const byCustomer = await act(engine, 'reports.grossProfit', { ...october, groupBy: 'customer' });
    expect(byCustomer.rows.map((row) => [row.name, row.revenue, row.cogs, row.grossProfit])).toEqual([
      ['华联超市', '160.00', '96.00', '64.00'],
      ['负库存成本调整', '0.00', '12.00', '-12.00'],
    ]);
    expect(byCustomer.totals).toMatchObject({ cogs: '108.00', grossProfit: '52.00' });
  });
});

describe('who may see money and profit', () => {
  it('a non-independent branch keeps no money: every money report is refused', async () => {
    const { engine } = await newLedger();
    await callOk(engine, 'setup.createBranch', {
      profile: { ...beijingBranch, accountingMode: 'non_independent' },
      administrator,
    });
    const { customer } = await stockWorld(engine);
    const refusal = {
      code: 'CONFLICT',
      message: '本机构为非独立核算，往来款项由总部核算，不在本机构记账。',
    };
    expect(await refused(engine, 'reports.statement', { counterpartyId: customer, ...october })).toEqual(
      refusal,
    );
    expect(await refused(engine, 'reports.aging', {})).toEqual(refusal);
    expect(await refused(engine, 'reports.grossProfit', october)).toEqual(refusal);
    expect(await refused(engine, 'reports.export', { report: 'aging', input: {}, format: 'csv' })).toEqual(
      refusal,
    );
  });

  it('statement and aging need money.view, gross profit profit.view, as files too', async () => {
    const { engine } = await beijingLedger();
    await octoberBook(engine);
    await addUser(engine, { username: 'liwei', displayName: '李伟', role: 'clerk', password: 'Clerk-2026!' });
    await addUser(engine, {
      username: 'zhaogang',
      displayName: '赵刚',
      role: 'keeper',
      password: 'Keeper-2026!',
    });
    const clerk = await signIn(engine, 'liwei', 'Clerk-2026!');
    const keeper = await signIn(engine, 'zhaogang', 'Keeper-2026!');

    expect((await callOk(engine, 'reports.aging', { asOf: '2026-12-31' }, clerk)).totals.balance).toBe(
      '1494.40',
    );
    const agingFile = await callOk(
      engine,
      'reports.export',
      { report: 'aging', input: { asOf: '2026-12-31' }, format: 'csv' },
      clerk,
    );
    expect(agingFile).toMatchObject({
      fileName: '账龄分析表-应收-按往来单位-2026-12-31-20260302.csv',
      rows: 2,
    });
    expect(await callFailing(engine, 'reports.grossProfit', october, clerk)).toEqual({
      code: 'FORBIDDEN',
      message: '当前用户没有权限执行此操作（reports.grossProfit：毛利·查看）。',
      details: { permission: 'profit.view' },
    });
    expect(
      await callFailing(
        engine,
        'reports.export',
        { report: 'grossProfit', input: october, format: 'csv' },
        clerk,
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      message: '当前用户没有权限导出此报表（reports.grossProfit）。',
      details: { permission: 'profit.view' },
    });
    expect(
      await callFailing(engine, 'reports.export', { report: 'aging', input: {}, format: 'csv' }, keeper),
    ).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'money.view' } });
    // Stock reports stay everyone's.
    expect(
      (
        await callOk(
          engine,
          'reports.export',
          { report: 'stockBalance', input: { asOf: '2026-10-31' }, format: 'csv' },
          keeper,
        )
      ).rows,
    ).toBe(1);
  });
});
