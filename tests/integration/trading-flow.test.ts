import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import type { ApiInput } from '../../src/shared/api';
import { administrator, beijingBranch, callOk, newLedger } from './support/ledger';
import {
  act,
  confirmAll,
  enterAndApprove,
  post,
  refused,
  stockWorld,
  type StockWorld,
} from './support/stock';

/**
 * Issue 5's trading flows on a real ledger file: orders executed in part and closed, reservations, returns
 * bounded by what moved, receivables and payables from completed documents, 核销 by document, by goods
 * line, oldest first and reversed, prepayments, the credit limit, and a non-independent branch.
 */

type DocumentInput = ApiInput<'documents.save'>['document'];
type Line = DocumentInput['lines'][number];

const milkLine = (world: StockWorld, quantity: string, price: string, extra: Partial<Line> = {}): Line => ({
  goodsId: world.milk,
  unitName: '箱',
  quantity,
  unitPrice: price,
  taxRate: '13',
  warehouseId: world.warehouse1,
  ...extra,
});

/** 北京分公司 (independent accounting unless asked otherwise) with the stock world of support/stock.ts. */
async function tradingWorld(accountingMode: 'independent' | 'non_independent' = 'independent') {
  const ledger = await newLedger();
  await callOk(ledger.engine, 'setup.createBranch', {
    profile: { ...beijingBranch, accountingMode },
    administrator,
  });
  const world = await stockWorld(ledger.engine);
  return { ...ledger, world };
}

/** Stock to sell: `boxes` 箱 of milk received into 一号仓 at 48.00. */
async function receiveMilk(engine: Engine, world: StockWorld, boxes: string, businessDate: string) {
  await post(engine, {
    type: 'purchase_receipt',
    businessDate,
    counterpartyId: world.supplier,
    lines: [milkLine(world, boxes, '48')],
  });
}

async function order(
  engine: Engine,
  world: StockWorld,
  type: 'purchase_order' | 'sales_order',
  lines: Line[],
) {
  return enterAndApprove(engine, {
    type,
    businessDate: '2026-03-01',
    counterpartyId: type === 'sales_order' ? world.customer : world.supplier,
    lines,
  });
}

/** Saves the draft an order generates after changing its lines, and has the keepers confirm it. */
async function executeOrder(
  engine: Engine,
  orderId: number,
  change: (lines: Line[]) => Line[] = (lines) => lines,
): Promise<number> {
  const draft = await act(engine, 'documents.fromOrder', { id: orderId });
  const id = await enterAndApprove(engine, {
    ...draft,
    businessDate: '2026-03-01',
    lines: change(draft.lines),
  });
  await confirmAll(engine, id);
  return id;
}

async function balanceOf(engine: Engine, side: 'receivable' | 'payable', code: string) {
  return (await act(engine, 'money.balances', { side })).find((row) => row.code === code);
}

describe('orders executed in part', () => {
  it('a purchase order is received in two parts, the keeper confirming less the first time', async () => {
    const { engine, world } = await tradingWorld();
    const orderId = await order(engine, world, 'purchase_order', [milkLine(world, '10', '48')]);
    expect((await act(engine, 'documents.get', { id: orderId })).executionLabel).toBe('未执行');

    // The clerk takes 6 of the 10 箱 first: 4 stay open on the order.
    await executeOrder(engine, orderId, ([line]) => [{ ...line!, quantity: '6' }]);
    const afterFirst = await act(engine, 'documents.get', { id: orderId });
    expect(afterFirst.executionLabel).toBe('部分执行');
    expect(afterFirst.lines[0]!.outstandingQuantity).toBe('4箱');

    const draft = await act(engine, 'documents.fromOrder', { id: orderId });
    expect(draft.lines).toMatchObject([
      { quantity: '4', unitName: '箱', unitPrice: '48', sourceLineId: afterFirst.lines[0]!.id },
    ]);
    // More than is outstanding is refused on the line.
    const tooMuch = await refused(engine, 'documents.save', {
      id: null,
      document: { ...draft, lines: [{ ...draft.lines[0]!, quantity: '5' }] },
    });
    expect(tooMuch.message).toMatch(/^第 1 行：数量超过原单 CD\S+ 未执行的数量。$/);

    await executeOrder(engine, orderId);
    const done = await act(engine, 'documents.get', { id: orderId });
    expect(done.executionLabel).toBe('已执行');
    expect(done.lines[0]!.outstandingQuantity).toBe('0袋');
    expect((await refused(engine, 'documents.fromOrder', { id: orderId })).message).toMatch(/已全部执行/);

    // 10 箱 at 48 + 13% VAT: the payable is 542.40, one item per receipt line.
    expect(await balanceOf(engine, 'payable', 'GY001')).toMatchObject({ balance: '542.40', open: '542.40' });
  });

  it('a keeper confirming less leaves the rest open; force-closing the order ends it', async () => {
    const { engine, world } = await tradingWorld();
    const orderId = await order(engine, world, 'purchase_order', [milkLine(world, '10', '48')]);
    const draft = await act(engine, 'documents.fromOrder', { id: orderId });
    const receipt = await enterAndApprove(engine, { ...draft, businessDate: '2026-03-01' });
    const line = (await act(engine, 'documents.get', { id: receipt })).lines[0]!;
    await act(engine, 'warehouse.confirm', {
      documentId: receipt,
      warehouseId: world.warehouse1,
      lines: [{ lineId: line.id, quantity: '7' }],
    });
    const view = await act(engine, 'documents.get', { id: orderId });
    expect(view.executionLabel).toBe('部分执行');
    expect(view.lines[0]!.outstandingQuantity).toBe('3箱');
    // Only what was confirmed is owed: 7 × 48 × 1.13 = 379.68.
    expect(await balanceOf(engine, 'payable', 'GY001')).toMatchObject({ balance: '379.68' });

    expect(view.actions).toContain('close');
    await act(engine, 'documents.close', { id: orderId, reason: '供应商缺货' });
    const closed = await act(engine, 'documents.get', { id: orderId });
    expect(closed).toMatchObject({ status: 'closed', executionLabel: '已结案', actions: [] });
    expect((await refused(engine, 'documents.fromOrder', { id: orderId })).message).toMatch(/已结案/);
    // A closed order cannot be unapproved or voided: what was received stays.
    expect((await refused(engine, 'documents.void', { id: orderId })).code).toBe('CONFLICT');
  });

  it('an order with a receipt made from it cannot be unapproved or voided', async () => {
    const { engine, world } = await tradingWorld();
    const orderId = await order(engine, world, 'purchase_order', [milkLine(world, '2', '48')]);
    const draft = await act(engine, 'documents.fromOrder', { id: orderId });
    const { id: draftId } = await act(engine, 'documents.save', { id: null, document: draft });
    expect((await act(engine, 'documents.get', { id: orderId })).actions).toEqual(['close']);
    expect((await refused(engine, 'documents.unapprove', { id: orderId })).message).toMatch(
      /^单据 CD\S+ 当前为【已审核】，已有入库\/出库单据由它生成，只能强制结案，不能反审核。$/,
    );
    expect((await refused(engine, 'documents.void', { id: orderId })).message).toMatch(
      /只能强制结案，不能作废/,
    );
    // With the draft receipt deleted, the order is free again.
    await act(engine, 'documents.delete', { id: draftId });
    expect((await act(engine, 'documents.get', { id: orderId })).actions).toEqual([
      'close',
      'unapprove',
      'void',
    ]);
  });

  it('a delivery made from another customer’s order is refused', async () => {
    const { engine, world } = await tradingWorld();
    await receiveMilk(engine, world, '10', '2026-03-01');
    const other = (
      await act(engine, 'counterparties.save', {
        id: null,
        counterparty: { code: 'KH002', name: '物美超市', kind: 'customer' },
      })
    ).id;
    const orderId = await order(engine, world, 'sales_order', [milkLine(world, '2', '80')]);
    const draft = await act(engine, 'documents.fromOrder', { id: orderId });
    const error = await refused(engine, 'documents.save', {
      id: null,
      document: { ...draft, counterpartyId: other },
    });
    expect(error.message).toMatch(/^第 1 行：原单 XD\S+ 属于另一个客户。$/);
  });
});

describe('reservations', () => {
  it('a sales order reserves stock until the keeper ships it; over the available stock it warns, or stops by setting', async () => {
    const { engine, world } = await tradingWorld();
    await receiveMilk(engine, world, '10', '2026-03-01');
    const first = await order(engine, world, 'sales_order', [milkLine(world, '6', '80')]);
    const available = async () =>
      (await act(engine, 'stock.available', { goodsIds: [world.milk] })).find(
        (row) => row.warehouseId === world.warehouse1,
      );
    // 240 袋 on hand, 144 reserved.
    expect(await available()).toMatchObject({
      onHand: '240',
      reserved: '144',
      available: '96',
      availableMixed: '4箱',
    });
    const balance = await act(engine, 'reports.stockBalance', { asOf: '2026-03-01' });
    expect(balance.rows[0]).toMatchObject({ quantity: '240', reserved: '144', available: '96' });

    // A second order for 5 箱 finds only 4 available: a warning to acknowledge (the default policy).
    const { id: second } = await act(engine, 'documents.save', {
      id: null,
      document: {
        type: 'sales_order',
        businessDate: '2026-03-01',
        counterpartyId: world.customer,
        lines: [milkLine(world, '5', '80')],
      },
    });
    const warning = await refused(engine, 'documents.submit', { id: second });
    expect(warning.code).toBe('NEEDS_CONFIRMATION');
    expect(warning.message).toContain(
      '商品【鲜牛奶】在【一号仓】可用库存 4箱（现存 10箱，其他订单已预留 6箱），本单需要 5箱，缺 1箱。',
    );
    expect((await act(engine, 'documents.get', { id: second })).status).toBe('draft');
    await act(engine, 'settings.update', { orderStockPolicy: 'stop' });
    expect((await refused(engine, 'documents.submit', { id: second, acknowledged: true })).code).toBe(
      'CONFLICT',
    );
    await act(engine, 'settings.update', { orderStockPolicy: 'warn' });
    await act(engine, 'documents.submit', { id: second, acknowledged: true });
    // The manager is warned again at approval, and approving reserves.
    expect((await refused(engine, 'documents.approve', { id: second })).code).toBe('NEEDS_CONFIRMATION');
    await act(engine, 'documents.approve', { id: second, acknowledged: true });
    expect(await available()).toMatchObject({ reserved: '264', available: '-24' });

    // Shipping 4 of the first order's 6 箱 releases 4 箱 of its reservation; closing it releases the rest.
    await executeOrder(engine, first, ([line]) => [{ ...line!, quantity: '4' }]);
    expect(await available()).toMatchObject({ onHand: '144', reserved: '168', available: '-24' });
    await act(engine, 'documents.close', { id: first });
    expect(await available()).toMatchObject({ onHand: '144', reserved: '120', available: '24' });
  });
});

describe('returns', () => {
  it('cannot return more than was delivered less earlier returns', async () => {
    const { engine, world } = await tradingWorld();
    await receiveMilk(engine, world, '10', '2026-03-01');
    const delivery = await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-03-01',
      counterpartyId: world.customer,
      lines: [milkLine(world, '5', '80')],
    });
    const origin = (await act(engine, 'documents.get', { id: delivery })).lines[0]!;
    const ret = (quantity: string): DocumentInput => ({
      type: 'sales_return',
      businessDate: '2026-03-01',
      counterpartyId: world.customer,
      lines: [milkLine(world, quantity, '80', { sourceLineId: origin.id })],
    });
    await post(engine, ret('3'));
    const error = await refused(engine, 'documents.save', { id: null, document: ret('3') });
    expect(error.message).toMatch(/^第 1 行：退货数量超过原单 XC\S+ 可退数量。$/);
    await post(engine, ret('2'));
    // 5 箱 at 80 = 452.00 with tax, all of it returned.
    expect(await balanceOf(engine, 'receivable', 'KH001')).toMatchObject({ balance: '0.00' });
  });
});

describe('receivables and settlement', () => {
  async function delivered(engine: Engine, world: StockWorld, date: string, lines: Line[]) {
    return post(engine, {
      type: 'sales_delivery',
      businessDate: date,
      counterpartyId: world.customer,
      lines,
    });
  }
  async function received(engine: Engine, world: StockWorld, date: string, amount: string) {
    return enterAndApprove(engine, {
      type: 'customer_receipt',
      businessDate: date,
      counterpartyId: world.customer,
      amount,
      lines: [],
    });
  }
  async function stocked(engine: Engine, world: StockWorld) {
    await post(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-02-01',
      counterpartyId: world.supplier,
      lines: [
        milkLine(world, '20', '48'),
        {
          goodsId: world.yogurt,
          unitName: '箱',
          quantity: '10',
          unitPrice: '30',
          taxRate: '13',
          warehouseId: world.warehouse1,
          lot: 'A1',
        },
      ],
    });
  }

  async function itemsOf(engine: Engine, documentId: number) {
    const items = await act(engine, 'money.openItems', {
      counterpartyId: await customerId(engine),
      side: 'receivable',
    });
    return items.filter((item) => item.documentId === documentId);
  }
  async function customerId(engine: Engine) {
    return (await act(engine, 'money.balances', { side: 'receivable' })).find((row) => row.code === 'KH001')!
      .counterpartyId;
  }
  const yogurtLine = (world: StockWorld, quantity: string): Line => ({
    goodsId: world.yogurt,
    unitName: '箱',
    quantity,
    unitPrice: '50',
    taxRate: '13',
    warehouseId: world.warehouse1,
    lot: 'A1',
  });

  it('settles money against a whole delivery and one goods line of another; the rest is a prepayment, settled oldest first, and reversible', async () => {
    const { engine, world } = await tradingWorld();
    await stocked(engine, world);
    // 2 箱 milk at 100 + 1 箱 yogurt at 50, with 13% VAT: 226.00 + 56.50 = 282.50.
    const first = await delivered(engine, world, '2026-02-10', [
      milkLine(world, '2', '100'),
      yogurtLine(world, '1'),
    ]);
    // 1 箱 milk at 100 + 2 箱 yogurt at 50: 113.00 + 113.00 = 226.00.
    const second = await delivered(engine, world, '2026-02-12', [
      milkLine(world, '1', '100'),
      yogurtLine(world, '2'),
    ]);
    const money = await received(engine, world, '2026-02-20', '500.00');
    // 282.50 + 226.00 − 500.00 = 8.50; nothing settled yet.
    expect(await balanceOf(engine, 'receivable', 'KH001')).toMatchObject({
      balance: '8.50',
      open: '508.50',
      prepayment: '500.00',
    });

    const [moneyItem] = await itemsOf(engine, money);
    const firstItems = await itemsOf(engine, first);
    const [, secondYogurt] = await itemsOf(engine, second);
    expect(firstItems.map((item) => item.open)).toEqual(['226.00', '56.50']);
    expect(secondYogurt).toMatchObject({ goodsName: '酸奶', open: '113.00' });
    const byHand = await act(engine, 'money.settle', {
      debits: [...firstItems, secondYogurt!].map((item) => ({ itemId: item.id })),
      credits: [{ itemId: moneyItem!.id }],
    });
    expect(byHand.settled).toBe(28_250 + 11_300);
    const [history] = await act(engine, 'money.settlements', {
      counterpartyId: await customerId(engine),
      side: 'receivable',
    });
    // The history names the goods lines settled, in the order they were matched.
    expect(history).toMatchObject({ amount: '395.50', reversedAt: null });
    expect(history!.debitDocuments.map((label) => label.replace(/^XC\S+ /, ''))).toEqual([
      '第1行 鲜牛奶',
      '第2行 酸奶',
      '第2行 酸奶',
    ]);
    expect(history!.creditDocuments).toEqual([expect.stringMatching(/^SK\S+$/)]);
    // Left: the second delivery's milk line (113.00) and 500 − 395.50 = 104.50 of the money.
    expect(await balanceOf(engine, 'receivable', 'KH001')).toMatchObject({
      balance: '8.50',
      open: '113.00',
      prepayment: '104.50',
    });
    expect(await itemsOf(engine, first)).toEqual([]);

    const automatic = await act(engine, 'money.autoSettle', { side: 'receivable' });
    expect(automatic.settled).toBe(10_450);
    expect(await balanceOf(engine, 'receivable', 'KH001')).toMatchObject({
      balance: '8.50',
      open: '8.50',
      prepayment: '0.00',
    });

    // 反核销 of the hand settlement opens its items again, and a settled document cannot be reversed until then.
    expect(
      (await refused(engine, 'documents.reverse', { id: first, businessDate: '2026-02-21' })).message,
    ).toMatch(/请先反核销/);
    await act(engine, 'money.reverseSettlement', { batchUid: byHand.batchUid });
    expect(await balanceOf(engine, 'receivable', 'KH001')).toMatchObject({
      balance: '8.50',
      open: '404.00',
      prepayment: '395.50',
    });
    expect((await refused(engine, 'money.reverseSettlement', { batchUid: byHand.batchUid })).message).toMatch(
      /已被反核销/,
    );

    // A partial settlement of one line: 100.00 of the first delivery's milk line.
    const partial = await act(engine, 'money.settle', {
      debits: [{ itemId: firstItems[0]!.id }],
      credits: [{ itemId: moneyItem!.id, amount: '100.00' }],
    });
    expect(partial.settled).toBe(10_000);
    expect((await itemsOf(engine, first))[0]).toMatchObject({ settled: '100.00', open: '126.00' });
  });

  it('money received before any delivery is a prepayment until a delivery settles it', async () => {
    const { engine, world } = await tradingWorld();
    await stocked(engine, world);
    await received(engine, world, '2026-02-01', '100.00');
    expect(await balanceOf(engine, 'receivable', 'KH001')).toMatchObject({
      balance: '-100.00',
      open: '0.00',
      prepayment: '100.00',
    });
    await delivered(engine, world, '2026-02-03', [milkLine(world, '1', '100')]);
    await act(engine, 'money.autoSettle', { side: 'receivable', counterpartyId: await customerId(engine) });
    expect(await balanceOf(engine, 'receivable', 'KH001')).toMatchObject({
      balance: '13.00',
      open: '13.00',
      prepayment: '0.00',
    });
    // Nothing left to match: no settling action is recorded.
    expect(await act(engine, 'money.autoSettle', { side: 'receivable' })).toEqual({
      batchUid: null,
      settled: 0,
    });
  });

  it('a red-letter reversal of a receipt of money settles against it and leaves nothing open', async () => {
    const { engine, world } = await tradingWorld();
    const money = await received(engine, world, '2026-02-01', '100.00');
    await act(engine, 'documents.reverse', { id: money, businessDate: '2026-02-02' });
    expect(await balanceOf(engine, 'receivable', 'KH001')).toBeUndefined();
  });

  it('the opening receivable from the customer record is an open item like any other', async () => {
    const { engine } = await tradingWorld();
    await act(engine, 'counterparties.save', {
      id: null,
      counterparty: { code: 'KH009', name: '老客户', kind: 'customer', openingReceivable: '1200.00' },
    });
    expect(await balanceOf(engine, 'receivable', 'KH009')).toMatchObject({
      balance: '1200.00',
      open: '1200.00',
    });
  });
});

describe('credit limit', () => {
  it('stops a sales order that pushes receivable + open orders over the limit, with the figures; warns by setting', async () => {
    const { engine, world } = await tradingWorld();
    await receiveMilk(engine, world, '20', '2026-02-01');
    const limited = (
      await act(engine, 'counterparties.save', {
        id: null,
        counterparty: { code: 'KH003', name: '京客隆', kind: 'customer', creditLimit: '300.00' },
      })
    ).id;
    const sale = (
      quantity: string,
      type: 'sales_order' | 'sales_delivery' = 'sales_order',
    ): DocumentInput => ({
      type,
      businessDate: '2026-03-01',
      counterpartyId: limited,
      lines: [milkLine(world, quantity, '100')],
    });
    const firstOrder = await enterAndApprove(engine, sale('2'));
    const { id: second } = await act(engine, 'documents.save', { id: null, document: sale('1') });
    const stop = await refused(engine, 'documents.submit', { id: second });
    expect(stop.code).toBe('CONFLICT');
    expect(stop.message).toBe(
      '客户【京客隆】超出信用额度：应收余额 ¥0.00 + 未出库订单 ¥226.00 + 本单 ¥113.00 = ¥339.00，信用额度 ¥300.00，超出 ¥39.00。',
    );
    expect(await act(engine, 'money.credit', { counterpartyId: limited })).toEqual({
      limit: '300.00',
      receivable: '0.00',
      openOrders: '226.00',
      available: '74.00',
    });

    // Delivering the first order adds nothing new: its value moves from open orders to the receivable.
    await executeOrder(engine, firstOrder);
    expect(await act(engine, 'money.credit', { counterpartyId: limited })).toMatchObject({
      receivable: '226.00',
      openOrders: '0.00',
    });

    await act(engine, 'settings.update', { creditLimitPolicy: 'warn' });
    const warning = await refused(engine, 'documents.submit', { id: second });
    expect(warning.code).toBe('NEEDS_CONFIRMATION');
    expect(warning.message).toContain('应收余额 ¥226.00 + 未出库订单 ¥0.00 + 本单 ¥113.00 = ¥339.00');
    await act(engine, 'documents.submit', { id: second, acknowledged: true });
    await act(engine, 'documents.approve', { id: second, acknowledged: true });
    expect((await act(engine, 'documents.get', { id: second })).status).toBe('awaiting_warehouse');
  });
});

describe('a non-independent branch', () => {
  it('keeps stock only: no receivables, and the money pages are refused', async () => {
    const { engine, world } = await tradingWorld('non_independent');
    await receiveMilk(engine, world, '2', '2026-02-01');
    await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-02-02',
      counterpartyId: world.customer,
      lines: [milkLine(world, '1', '100')],
    });
    const error = await refused(engine, 'money.balances', { side: 'receivable' });
    expect(error.message).toBe('本机构为非独立核算，往来款项由总部核算，不在本机构记账。');
    expect(await act(engine, 'money.credit', { counterpartyId: world.customer })).toMatchObject({
      receivable: '0.00',
    });
  });
});

describe('prices', () => {
  it('a price entered with tax keeps the 价税合计 exact; a discount comes off the amount', async () => {
    const { engine, world } = await tradingWorld();
    const { id } = await act(engine, 'documents.save', {
      id: null,
      document: {
        type: 'sales_order',
        businessDate: '2026-03-01',
        counterpartyId: world.customer,
        lines: [
          // 3 箱 at 113.00 with tax, 13%: 339.00 with tax, tax = round(339 × 13 / 113) = 39.00.
          milkLine(world, '3', '113', { priceIncludesTax: true }),
          // 7 箱 at 99.99 with tax, 5% off: 699.93 − 35.00 (34.9965 → 35.00) = 664.93;
          // tax = round(664.93 × 13 / 113) = round(76.4969…) = 76.50; without tax 588.43.
          milkLine(world, '7', '99.99', { priceIncludesTax: true, discountRate: '5' }),
          // 2 箱 at 80 without tax, 10% off: 160.00 − 16.00 = 144.00; tax 18.72.
          milkLine(world, '2', '80', { discountRate: '10' }),
        ],
      },
    });
    const view = await act(engine, 'documents.get', { id });
    expect(
      view.lines.map((line) => [line.amount, line.taxAmount, line.amountWithTax, line.discountAmount]),
    ).toEqual([
      ['300.00', '39.00', '339.00', '0.00'],
      ['588.43', '76.50', '664.93', '35.00'],
      ['144.00', '18.72', '162.72', '16.00'],
    ]);
    expect(view.lines[0]).toMatchObject({
      priceIncludesTax: true,
      unitPrice: '100',
      unitPriceWithTax: '113',
    });
    expect(view.lines[2]).toMatchObject({
      priceIncludesTax: false,
      unitPrice: '80',
      unitPriceWithTax: '90.4',
    });
    expect(view.totalWithTax).toBe('1166.65');
    const over = await refused(engine, 'documents.save', {
      id: null,
      document: {
        type: 'sales_order',
        businessDate: '2026-03-01',
        counterpartyId: world.customer,
        lines: [milkLine(world, '1', '80', { discountRate: '120' })],
      },
    });
    expect(over.message).toContain('折扣率不能大于 100');
  });

  it('a receipt made from an order keeps the order’s terms: the price with tax and the discount', async () => {
    const { engine, world } = await tradingWorld();
    const orderId = await order(engine, world, 'purchase_order', [
      milkLine(world, '7', '99.99', { priceIncludesTax: true, discountRate: '5' }),
    ]);
    const draft = await act(engine, 'documents.fromOrder', { id: orderId });
    expect(draft.lines[0]).toMatchObject({ unitPrice: '99.99', priceIncludesTax: true, discountRate: '5' });
    const { id } = await act(engine, 'documents.save', { id: null, document: draft });
    expect((await act(engine, 'documents.get', { id })).lines[0]).toMatchObject({
      amountWithTax: '664.93',
      discountAmount: '35.00',
    });
  });

  it('remembers the last price per customer and goods, newest first, with its date; drafts and gifts do not count', async () => {
    const { engine, world } = await tradingWorld();
    const other = (
      await act(engine, 'counterparties.save', {
        id: null,
        counterparty: { code: 'KH002', name: '物美超市', kind: 'customer' },
      })
    ).id;
    await receiveMilk(engine, world, '10', '2026-01-31');
    const sale = (date: string, customer: number, price: string, extra: Partial<Line> = {}) => ({
      type: 'sales_order' as const,
      businessDate: date,
      counterpartyId: customer,
      lines: [milkLine(world, '1', price, extra)],
    });
    await enterAndApprove(engine, sale('2026-02-01', world.customer, '80'));
    await enterAndApprove(engine, sale('2026-02-10', world.customer, '82'));
    await enterAndApprove(engine, sale('2026-02-20', other, '79'));
    await enterAndApprove(engine, sale('2026-02-25', world.customer, '0', { isGift: true }));
    await act(engine, 'documents.save', { id: null, document: sale('2026-02-28', world.customer, '90') });
    const last = await act(engine, 'prices.last', {
      counterpartyId: world.customer,
      side: 'sale',
      goodsIds: [world.milk],
    });
    expect(last).toEqual([
      expect.objectContaining({ unitName: '箱', unitPrice: '82', businessDate: '2026-02-10' }),
    ]);
    const history = await act(engine, 'prices.history', { goodsId: world.milk, side: 'sale' });
    expect(history.map((row) => [row.businessDate, row.counterpartyName, row.unitPrice])).toEqual([
      ['2026-02-20', '物美超市', '79'],
      ['2026-02-10', '华联超市', '82'],
      ['2026-02-01', '华联超市', '80'],
    ]);
    expect(
      await act(engine, 'prices.last', {
        counterpartyId: world.customer,
        side: 'purchase',
        goodsIds: [world.milk],
      }),
    ).toEqual([]);
  });
});

describe('inter-branch transfers', () => {
  async function withInternalUnit(engine: Engine) {
    return (
      await act(engine, 'counterparties.save', {
        id: null,
        counterparty: {
          code: 'NB01',
          name: '天津分公司',
          kind: 'both',
          isInternal: true,
          internalBranchCode: 'TJ01',
        },
      })
    ).id;
  }

  it('under independent accounting, a transfer out is a receivable from that branch and a transfer in a payable; 内部往来 nets them', async () => {
    const { engine, world } = await tradingWorld();
    const tianjin = await withInternalUnit(engine);
    await receiveMilk(engine, world, '10', '2026-02-01');
    // Not an internal unit: refused.
    const error = await refused(engine, 'documents.save', {
      id: null,
      document: {
        type: 'internal_transfer_out',
        businessDate: '2026-02-02',
        counterpartyId: world.customer,
        lines: [milkLine(world, '1', '50')],
      },
    });
    expect(error.message).toBe('【华联超市】不是内部单位。');
    // 4 箱 out at a transfer price of 50 (226.00 with tax), 1 箱 back in at 50 (56.50).
    await post(engine, {
      type: 'internal_transfer_out',
      businessDate: '2026-02-02',
      counterpartyId: tianjin,
      lines: [milkLine(world, '4', '50')],
    });
    await post(engine, {
      type: 'internal_transfer_in',
      businessDate: '2026-02-03',
      counterpartyId: tianjin,
      lines: [milkLine(world, '1', '50')],
    });
    expect(await act(engine, 'money.internalAccounts', {})).toEqual([
      expect.objectContaining({
        code: 'NB01',
        branchCode: 'TJ01',
        receivable: '226.00',
        payable: '56.50',
        net: '169.50',
      }),
    ]);
    // Stock: 240 − 96 + 24 = 168 袋; the card names the kinds.
    const balance = await act(engine, 'reports.stockBalance', { asOf: '2026-02-03' });
    expect(balance.rows[0]).toMatchObject({ quantity: '168' });
    const summary = await act(engine, 'reports.periodSummary', { from: '2026-02-01', to: '2026-02-28' });
    expect(summary.rows[0]).toMatchObject({ transferOutQuantity: '96', transferInQuantity: '24' });
  });

  it('under non-independent accounting, the same documents move stock and keep no money', async () => {
    const { engine, world } = await tradingWorld('non_independent');
    const tianjin = await withInternalUnit(engine);
    await receiveMilk(engine, world, '10', '2026-02-01');
    await post(engine, {
      type: 'internal_transfer_out',
      businessDate: '2026-02-02',
      counterpartyId: tianjin,
      lines: [milkLine(world, '4', '50')],
    });
    const balance = await act(engine, 'reports.stockBalance', { asOf: '2026-02-03' });
    expect(balance.rows[0]).toMatchObject({ quantity: '144', value: '288.00' });
    expect((await refused(engine, 'money.internalAccounts', {})).code).toBe('CONFLICT');
    const stored = engine.db.$client.prepare('SELECT count(*) AS n FROM open_items').get() as { n: number };
    expect(stored.n).toBe(0);
  });
});
