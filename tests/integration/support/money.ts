import type { Engine } from '../../../src/engine';
import type { ApiInput } from '../../../src/shared/api';
import { act, enterAndApprove, post, stockWorld, type StockWorld } from './stock';

type CounterpartyInput = ApiInput<'counterparties.save'>['counterparty'];

export async function saveCounterparty(engine: Engine, counterparty: CounterpartyInput): Promise<number> {
  return (await act(engine, 'counterparties.save', { id: null, counterparty })).id;
}

export async function saveEmployee(engine: Engine, code: string, name: string): Promise<number> {
  return (await act(engine, 'employees.save', { id: null, employee: { code, name } })).id;
}

export async function saveOffice(engine: Engine, code: string, name: string): Promise<number> {
  return (await act(engine, 'offices.save', { id: null, office: { code, name } })).id;
}

/** The first line of a document, for a return's sourceLineId. */
export async function firstLine(engine: Engine, documentId: number): Promise<number> {
  return (await act(engine, 'documents.get', { id: documentId })).lines[0]!.id;
}

export interface OctoberBook {
  world: StockWorld;
  /** KH101 物美超市: 经销商, salesperson 王五, office 东城办, opening receivable 1,000.00. */
  wumart: number;
  /** KH102 家乐福: no tier, salesperson or office. */
  carrefour: number;
  liSi: number;
  wangWu: number;
  eastOffice: number;
  partialDelivery: number;
  reversedDelivery: number;
}

/*
 * October of a general taxpayer (VAT 13%, moving average), 鲜牛奶 in 袋 with 箱 = 24 袋, all in 一号仓.
 * Costs in yuan, receivables with tax:
 *
 * 10-01 purchase   10 箱 @48  → 240 袋, 480.00
 * 10-02 purchase   10 箱 @60  → 480 袋, 1,080.00 (2.25 a 袋, 54.00 a 箱)
 * 10-05 XC1 物美   5 箱 @100 = 500.00 (565.00 with tax), cost 270.00; + 1 箱 gift, cost 54.00 → 336 袋, 756.00
 *                  (经手人 李四)
 * 10-08 XC2 物美   4 箱 @100 entered, 3 箱 confirmed: 300.00 (339.00), cost 72 × 756 / 336 = 162.00 → 264, 594.00
 * 10-10 XC3 家乐福 2 箱 @90 = 180.00 (203.40), cost 48 × 594 / 264 = 108.00 → 216, 486.00
 * 10-12 XT1 物美   returns 1 箱 of XC1 @100 = −100.00 (−113.00), at its issue cost 54.00 → 240, 540.00
 * 10-15 SK1 物美   receipt 500.00
 * 10-18 XC4 物美   1 箱 @100 = 100.00 (113.00), cost 54.00 → 216, 486.00
 * 10-20 red-letter reversal of XC4: −100.00 (−113.00), cost −54.00 → 240, 540.00
 * 10-25 CT1        returns 2 箱 of the 10-02 receipt @60: payable −120.00 (−135.60), stock out at the
 *                  average 48 × 540 / 240 = 108.00 → purchase variance 108.00 − 120.00 = −12.00
 *
 * Revenue 物美 700.00, 家乐福 180.00; COGS 432.00, 108.00; GP 880.00 − 540.00 + 12.00 = 352.00 (40.00%).
 */
export async function octoberBook(engine: Engine): Promise<OctoberBook> {
  const world = await stockWorld(engine);
  const { milk, warehouse1, supplier } = world;
  const eastOffice = await saveOffice(engine, 'BS01', '东城办');
  const liSi = await saveEmployee(engine, 'ZY01', '李四');
  const wangWu = await saveEmployee(engine, 'ZY02', '王五');
  const wumart = await saveCounterparty(engine, {
    code: 'KH101',
    name: '物美超市',
    kind: 'customer',
    channelTier: 'dealer',
    salespersonId: wangWu,
    officeId: eastOffice,
    paymentTermDays: 30,
    openingReceivable: '1000.00',
  });
  const carrefour = await saveCounterparty(engine, { code: 'KH102', name: '家乐福', kind: 'customer' });
  const milkLine = (quantity: string, unitPrice: string) => ({
    goodsId: milk,
    warehouseId: warehouse1,
    unitName: '箱',
    quantity,
    unitPrice,
  });

  await post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-10-01',
    counterpartyId: supplier,
    lines: [milkLine('10', '48')],
  });
  const secondReceipt = await post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-10-02',
    counterpartyId: supplier,
    lines: [milkLine('10', '60')],
  });
  const firstDelivery = await post(engine, {
    type: 'sales_delivery',
    businessDate: '2026-10-05',
    counterpartyId: wumart,
    handlerId: liSi,
    lines: [milkLine('5', '100'), { ...milkLine('1', '0'), isGift: true }],
  });
  const partialDelivery = await enterAndApprove(engine, {
    type: 'sales_delivery',
    businessDate: '2026-10-08',
    counterpartyId: wumart,
    lines: [milkLine('4', '100')],
  });
  await act(engine, 'warehouse.confirm', {
    documentId: partialDelivery,
    warehouseId: warehouse1,
    lines: [{ lineId: await firstLine(engine, partialDelivery), quantity: '3' }],
  });
  await post(engine, {
    type: 'sales_delivery',
    businessDate: '2026-10-10',
    counterpartyId: carrefour,
    lines: [milkLine('2', '90')],
  });
  await post(engine, {
    type: 'sales_return',
    businessDate: '2026-10-12',
    counterpartyId: wumart,
    sourceDocumentId: firstDelivery,
    lines: [{ ...milkLine('1', '100'), sourceLineId: await firstLine(engine, firstDelivery) }],
  });
  await enterAndApprove(engine, {
    type: 'customer_receipt',
    businessDate: '2026-10-15',
    counterpartyId: wumart,
    amount: '500.00',
    lines: [],
  });
  const reversedDelivery = await post(engine, {
    type: 'sales_delivery',
    businessDate: '2026-10-18',
    counterpartyId: wumart,
    lines: [milkLine('1', '100')],
  });
  await act(engine, 'documents.reverse', {
    id: reversedDelivery,
    businessDate: '2026-10-20',
    reason: '送错',
  });
  await post(engine, {
    type: 'purchase_return',
    businessDate: '2026-10-25',
    counterpartyId: supplier,
    sourceDocumentId: secondReceipt,
    lines: [{ ...milkLine('2', '60'), sourceLineId: await firstLine(engine, secondReceipt) }],
  });
  return { world, wumart, carrefour, liSi, wangWu, eastOffice, partialDelivery, reversedDelivery };
}
