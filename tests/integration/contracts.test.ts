import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { cliActor } from '../../src/engine/services/context';
import { buildPackages } from '../../src/engine/services/upload/build-package';
import { packageBody } from '../../src/engine/services/upload/outbox-list';
import { saveCounterparty, saveEmployee, saveOffice } from './support/money';
import { readPackage, sectionRows } from './support/read-package';
import { pdfPageText } from '../e2e/support/pdf';
import type { ManualClock } from './support/ledger';
import { act, post, refused, stockLedger, type StockWorld } from './support/stock';

/*
 * 年度协议 worked by hand. 鲜牛奶 (1 箱 = 24 袋) sells at 100.00 a 箱 + 13% VAT = 113.00 a 箱 with tax; the
 * rebate is on the amount with tax of net shipments (rebate-terms.ts).
 *
 * HT1, 分销商 华联商贸 (东城办, 王五), 2026-01-01 … 2026-12-31, signed 24 箱 over the year:
 *   term 1 全量阶梯 in 箱: from 10 箱 2% of all, from 20 箱 3% of all
 *   term 2 按量定额: 1.00 a 箱
 *   03-10 XC 6 箱 678.00 · 05-10 XC 6 箱 678.00            → 12 箱, 1,356.00
 *     to 06-30: term 1 2% × 1,356.00 = 27.12; term 2 12.00; earned 39.12
 *     completion 12 / 24 = 50.00%; target to 06-30 = 24 × 181 / 365 = 11.90 箱 → 12 / 11.90 = 100.84%;
 *     forecast 12 × 365 / 181 = 24.20 箱; next tier at 20 箱, 8 箱 away
 *   interim to 06-30 pays 39.12 (客户返利单, receivable −39.12); a second interim to 06-30 pays nothing
 *   08-10 XC 10 箱 1,130.00 · 09-01 XT 1 箱 of it −113.00     → 21 箱, 2,373.00
 *     to 12-31: term 1 3% × 2,373.00 = 71.19; term 2 21.00; earned 92.19; completion 21 / 24 = 87.50%
 *   final pays 92.19 − 39.12 = 53.07
 *
 * HT2, 经销商 物美 (东城办, 王五), same year, 超额累进 in 箱: 2% up to 10 箱, 3% above:
 *   04-01 XC 15 箱 1,695.00 → 10 箱 of it (1,130.00) at 2% = 22.60, 5 箱 (565.00) at 3% = 16.95; 39.55
 */

interface ContractWorld {
  world: StockWorld;
  engine: Engine;
  clock: ManualClock;
  hualian: number;
  wumart: number;
  office: number;
  salesperson: number;
}

async function contractWorld(): Promise<ContractWorld> {
  const { engine, world, clock } = await stockLedger();
  const office = await saveOffice(engine, 'BS01', '东城办');
  const salesperson = await saveEmployee(engine, 'ZY01', '王五');
  const customer = (code: string, name: string, channelTier: 'dealer' | 'distributor') =>
    saveCounterparty(engine, {
      code,
      name,
      kind: 'customer',
      channelTier,
      officeId: office,
      salespersonId: salesperson,
    });
  const hualian = await customer('KH301', '华联商贸', 'distributor');
  const wumart = await customer('KH302', '物美', 'dealer');
  await post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-01-05',
    counterpartyId: world.supplier,
    lines: [
      { goodsId: world.milk, warehouseId: world.warehouse1, unitName: '箱', quantity: '60', unitPrice: '60' },
    ],
  });
  return { world, engine, clock, hualian, wumart, office, salesperson };
}

async function ship(t: ContractWorld, customer: number, date: string, boxes: string): Promise<number> {
  return post(t.engine, {
    type: 'sales_delivery',
    businessDate: date,
    counterpartyId: customer,
    lines: [
      {
        goodsId: t.world.milk,
        warehouseId: t.world.warehouse1,
        unitName: '箱',
        quantity: boxes,
        unitPrice: '100',
      },
    ],
  });
}

async function shipBack(t: ContractWorld, delivery: number, date: string, boxes: string): Promise<number> {
  const origin = await act(t.engine, 'documents.get', { id: delivery });
  const line = origin.lines[0]!;
  return post(t.engine, {
    type: 'sales_return',
    businessDate: date,
    counterpartyId: origin.counterpartyId,
    sourceDocumentId: delivery,
    lines: [
      {
        goodsId: t.world.milk,
        warehouseId: t.world.warehouse1,
        unitName: '箱',
        quantity: boxes,
        unitPrice: '100',
        sourceLineId: line.id,
      },
    ],
  });
}

const boxes = (n: number) => n * 100;

async function signedContract(
  t: ContractWorld,
  counterpartyId: number,
  rebateTerms: unknown[],
  signedOn: string | null = '2025-12-20',
): Promise<number> {
  const { id } = await act(t.engine, 'contracts.save', {
    id: null,
    kind: 'sales',
    counterpartyId,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    signedOn,
    lines: [{ goodsId: t.world.milk, unitName: '箱', quantity: boxes(24), agreedPrice: 113_000_000 }],
    rebateTerms,
  });
  return id;
}

const hualianTerms = [
  {
    kind: 'volume_tiers',
    unitName: '箱',
    tiers: [
      { from: boxes(10), rateBp: 200 },
      { from: boxes(20), rateBp: 300 },
    ],
  },
  { kind: 'per_unit', unitName: '箱', amountPerUnit: 100 },
];

async function receivable(engine: Engine, counterpartyId: number): Promise<number> {
  const row = engine.db.$client
    .prepare(
      "SELECT coalesce(sum(amount), 0) AS balance FROM open_items WHERE counterparty_id = ? AND side = 'receivable'",
    )
    .get(counterpartyId) as { balance: number };
  return row.balance;
}

describe('annual agreements (年度协议)', () => {
  it('refuses a submission missing what the tier requires, naming it', async () => {
    const t = await contractWorld();
    const id = await signedContract(t, t.hualian, hualianTerms, null);
    const error = await refused(t.engine, 'contracts.submit', { id });
    expect(error.message).toBe('分销商合同缺少【签约日期】，请补齐后再提交。');
    const contract = await act(t.engine, 'contracts.get', { id });
    expect(contract.status).toBe('draft');
    expect(contract.number).toMatch(/^HT\d{8}-\d{4}$/);
  });

  it('refuses signed volumes in a unit the goods does not have, and bad rebate terms, saying where', async () => {
    const t = await contractWorld();
    const base = {
      id: null,
      kind: 'sales' as const,
      counterpartyId: t.hualian,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    };
    const unit = await refused(t.engine, 'contracts.save', {
      ...base,
      lines: [{ goodsId: t.world.milk, unitName: '件', quantity: 100 }],
    });
    expect(unit.message).toBe('签约量第 1 行：商品【SP001 鲜牛奶】没有单位“件”。');
    const tiers = await refused(t.engine, 'contracts.save', {
      ...base,
      lines: [{ goodsId: t.world.milk, unitName: '箱', quantity: 100 }],
      rebateTerms: [
        {
          kind: 'volume_tiers',
          unitName: '箱',
          tiers: [
            { from: 2000, rateBp: 300 },
            { from: 1000, rateBp: 200 },
          ],
        },
      ],
    });
    expect(tiers.message).toBe('返利条款第 1 条：阶梯起点应从小到大排列');
    const month = await refused(t.engine, 'contracts.save', {
      ...base,
      lines: [{ goodsId: t.world.milk, unitName: '箱', quantity: 100, month: '2027-01' }],
    });
    expect(month.message).toBe('签约量第 1 行的月份“2027-01”不在合同期 2026-01-01 至 2026-12-31 内。');
  });

  it('tracks execution, settles an interim and a final rebate, and never pays a period twice', async () => {
    const t = await contractWorld();
    const id = await signedContract(t, t.hualian, hualianTerms);
    await act(t.engine, 'contracts.submit', { id });
    await act(t.engine, 'contracts.approve', { id });
    await ship(t, t.hualian, '2026-03-10', '6');
    await ship(t, t.hualian, '2026-05-10', '6');

    const midYear = await act(t.engine, 'contracts.execution', { id, asOf: '2026-06-30' });
    const [line] = midYear.lines;
    expect(line).toMatchObject({
      signed: boxes(24),
      actual: boxes(12),
      proRated: 1190,
      forecast: 2420,
      completion: '50.00%',
      completionToDate: '100.84%',
    });
    expect(line!.months.find((m) => m.month === '2026-03')!.actual).toBe(boxes(6));
    expect(midYear.terms.map((term) => term.earned)).toEqual([2712, 1200]);
    expect(midYear.terms[0]!.next).toEqual({ threshold: boxes(20), gap: boxes(8), rateBp: 300 });
    expect(midYear.earned).toBe(3912);

    const before = await receivable(t.engine, t.hualian);
    const interim = await act(t.engine, 'contracts.settle', {
      id,
      kind: 'interim',
      throughDate: '2026-06-30',
      businessDate: '2026-07-02',
    });
    expect(interim).toMatchObject({ amount: 3912, earned: 3912, paidBefore: 0 });
    expect(await receivable(t.engine, t.hualian)).toBe(before - 3912);
    const credit = await act(t.engine, 'documents.get', { id: interim.documentId! });
    expect(credit).toMatchObject({ type: 'customer_rebate', status: 'completed', totalWithTax: '39.12' });
    expect(credit.number).toMatch(/^FL/);

    const twice = await refused(t.engine, 'contracts.settle', {
      id,
      kind: 'interim',
      throughDate: '2026-06-30',
      businessDate: '2026-07-03',
    });
    expect(twice.message).toBe(
      '截至 2026-06-30，销售合同 ' +
        (await act(t.engine, 'contracts.get', { id })).number +
        '应得返利 39.12 元，已结算 39.12 元，本次没有可结算的金额。',
    );
    expect(await receivable(t.engine, t.hualian)).toBe(before - 3912);

    // The credit is the settlement's: reversing it by hand would leave the contract counting it paid.
    const byHand = await refused(t.engine, 'documents.reverse', {
      id: interim.documentId!,
      businessDate: '2026-07-04',
      reason: '试试',
    });
    expect(byHand.message).toContain('请在合同中反结算');

    const august = await ship(t, t.hualian, '2026-08-10', '10');
    await shipBack(t, august, '2026-09-01', '1');
    const yearEnd = await act(t.engine, 'contracts.execution', { id, asOf: '2026-12-31' });
    expect(yearEnd.lines[0]).toMatchObject({ actual: boxes(21), completion: '87.50%' });
    expect(yearEnd.terms.map((term) => term.earned)).toEqual([7119, 2100]);
    expect(yearEnd).toMatchObject({ earned: 9219, paid: 3912, unpaid: 5307 });

    const final = await act(t.engine, 'contracts.settle', {
      id,
      kind: 'final',
      throughDate: '2026-12-31',
      businessDate: '2026-12-31',
    });
    expect(final).toMatchObject({ amount: 5307, paidBefore: 3912 });
    const ended = await act(t.engine, 'contracts.get', { id });
    expect(ended.status).toBe('ended');
    expect(ended.events.map((event) => event.action)).toEqual([
      'create',
      'submit',
      'approve',
      'settle',
      'settle',
    ]);

    // The settlements are traced to the shipments they paid for: the first to the two spring deliveries.
    const traced = t.engine.db.$client
      .prepare(
        'SELECT settlement_id, count(*) AS n, sum(rebate) AS rebate FROM contract_settlement_lines GROUP BY settlement_id ORDER BY settlement_id',
      )
      .all() as { n: number; rebate: number }[];
    expect(traced.map((row) => row.n)).toEqual([2, 2]);
    expect(traced[0]!.rebate).toBe(3912);

    // 反结算 the final: its credit is reversed and the contract runs again; settling again pays the same.
    await act(t.engine, 'contracts.unsettle', {
      settlementId: final.id,
      reason: '金额待总部确认',
      businessDate: '2026-12-31',
    });
    expect((await act(t.engine, 'contracts.get', { id })).status).toBe('executing');
    // 1,130.00 shipped in August less the 113.00 returned, less the interim credit only.
    expect(await receivable(t.engine, t.hualian)).toBe(before + 113_000 - 11_300 - 3912);
    const again = await act(t.engine, 'contracts.settle', {
      id,
      kind: 'final',
      throughDate: '2026-12-31',
      businessDate: '2026-12-31',
    });
    expect(again.amount).toBe(5307);

    // Head office receives the contract in its section, with what was paid under it.
    t.clock.advance(Date.parse('2027-01-05T02:00:00Z') - t.clock.now().getTime());
    const ctx = { db: t.engine.db, actor: cliActor, clock: t.clock };
    const built = buildPackages(ctx, { appVersion: '0.1.0-test' });
    const rows = built.flatMap((pkg) =>
      sectionRows(readPackage(packageBody(t.engine.db.$client, pkg.packageId)).rows, 'contracts'),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      number: ended.number,
      status: 'ended',
      channelTier: 'distributor',
      officeCode: 'BS01',
      lines: [{ unitName: '箱', quantity: boxes(24), agreedPrice: 113_000_000 }],
    });
    const paid = (rows[0]!.settlements as { amount: number; reversed: boolean }[]).map((s) => [
      s.amount,
      s.reversed,
    ]);
    expect(paid).toEqual([
      [3912, false],
      [5307, true],
      [5307, false],
    ]);
    // And its execution per period: December's row has the year's 21 箱 (none shipped in December), 92.19 earned
    // and paid; June's has 39.12 earned and, by the interim to 06-30, paid.
    const execution = built.flatMap((pkg) =>
      readPackage(packageBody(t.engine.db.$client, pkg.packageId)).rows.filter(
        (row) => row.s === 'contract_execution',
      ),
    );
    const ofMonth = (key: string) => execution.find((row) => row.p === key)?.r as Record<string, unknown>;
    expect(ofMonth('2026-12')).toMatchObject({ earned: 9219, paid: 9219, netAmount: 237_300 });
    expect(ofMonth('2026-12').lines).toEqual([
      expect.objectContaining({
        unitName: '箱',
        signed: boxes(24),
        shippedToDate: boxes(21),
        shippedInPeriod: 0,
      }),
    ]);
    expect(ofMonth('2026-06')).toMatchObject({ earned: 3912, paid: 3912, throughDate: '2026-06-30' });
  });

  it('pays a rebate as goods: whole 箱 at the agreed price, the rest left for the next settlement', async () => {
    const t = await contractWorld();
    // 10.00 a 箱 on 24 箱 shipped: 240.00 earned, which buys 2 箱 at the agreed 113.00 (226.00); 14.00 stays unpaid.
    const id = await signedContract(t, t.hualian, [
      { kind: 'per_unit', unitName: '箱', amountPerUnit: 1000 },
    ]);
    await act(t.engine, 'contracts.submit', { id });
    await act(t.engine, 'contracts.approve', { id });
    await ship(t, t.hualian, '2026-04-01', '24');
    const goods = { goodsId: t.world.milk, unitName: '箱', warehouseId: t.world.warehouse1 };
    const settled = await act(t.engine, 'contracts.settle', {
      id,
      kind: 'interim',
      throughDate: '2026-06-30',
      businessDate: '2026-07-02',
      payout: 'goods',
      goods,
    });
    expect(settled).toMatchObject({ earned: 24_000, amount: 22_600 });
    const delivery = await act(t.engine, 'documents.get', { id: settled.documentId! });
    expect(delivery).toMatchObject({
      type: 'sales_delivery',
      status: 'awaiting_warehouse',
      totalWithTax: '0.00',
    });
    expect(delivery.lines).toMatchObject([{ quantity: '2', isGift: true }]);
    expect((await act(t.engine, 'contracts.execution', { id, asOf: '2026-06-30' })).unpaid).toBe(1_400);

    // The gift delivery is the settlement's: voiding it by hand is refused; 反结算 voids it.
    const byHand = await refused(t.engine, 'documents.void', { id: settled.documentId!, reason: '不要了' });
    expect(byHand.message).toContain('请在合同中反结算');
    await act(t.engine, 'contracts.unsettle', {
      settlementId: settled.id,
      reason: '客户改要折让',
      businessDate: '2026-07-03',
    });
    expect((await act(t.engine, 'documents.get', { id: settled.documentId! })).status).toBe('voided');

    const tooLittle = await refused(t.engine, 'contracts.settle', {
      id,
      kind: 'interim',
      throughDate: '2026-06-30',
      businessDate: '2026-07-03',
      payout: 'goods',
      goods: { ...goods, unitName: '袋' },
    });
    expect(tooLittle.message).toBe('货补的商品要有合同约定的协议价（按“袋”），才能把返利折成数量。');
  });

  it('settles a supplier’s rebate on purchases as a credit on what we owe', async () => {
    const t = await contractWorld();
    // The 01-05 receipt: 60 箱 at 60.00 + 13% = 4,068.00 with tax; 0.50 a 箱 earns 30.00.
    const { id } = await act(t.engine, 'contracts.save', {
      id: null,
      kind: 'purchase',
      counterpartyId: t.world.supplier,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      lines: [{ goodsId: t.world.milk, unitName: '箱', quantity: boxes(500) }],
      rebateTerms: [{ kind: 'per_unit', unitName: '箱', amountPerUnit: 50 }],
    });
    expect((await act(t.engine, 'contracts.get', { id })).number).toMatch(/^CH/);
    await act(t.engine, 'contracts.submit', { id });
    await act(t.engine, 'contracts.approve', { id });
    const execution = await act(t.engine, 'contracts.execution', { id, asOf: '2026-06-30' });
    expect(execution.lines[0]).toMatchObject({ actual: boxes(60), completion: '12.00%' });
    const payable = () =>
      (
        t.engine.db.$client
          .prepare(
            "SELECT sum(amount) AS balance FROM open_items WHERE counterparty_id = ? AND side = 'payable'",
          )
          .get(t.world.supplier) as { balance: number }
      ).balance;
    const before = payable();
    const settled = await act(t.engine, 'contracts.settle', {
      id,
      kind: 'interim',
      throughDate: '2026-06-30',
      businessDate: '2026-07-01',
    });
    expect(settled.amount).toBe(3000);
    expect((await act(t.engine, 'documents.get', { id: settled.documentId! })).type).toBe('supplier_rebate');
    expect(payable()).toBe(before - 3000);
  });

  it('pays a progressive rebate band by band', async () => {
    const t = await contractWorld();
    const id = await signedContract(t, t.wumart, [
      {
        kind: 'progressive',
        unitName: '箱',
        tiers: [
          { from: 0, rateBp: 200 },
          { from: boxes(10), rateBp: 300 },
        ],
      },
    ]);
    await act(t.engine, 'contracts.submit', { id });
    await act(t.engine, 'contracts.approve', { id });
    await ship(t, t.wumart, '2026-04-01', '15');
    const execution = await act(t.engine, 'contracts.execution', { id, asOf: '2026-12-31' });
    expect(execution.earned).toBe(3955);
  });

  it('reports rewards by tier, contracted customers per office and tier, and who has no contract', async () => {
    const t = await contractWorld();
    const hualian = await signedContract(t, t.hualian, hualianTerms);
    await act(t.engine, 'contracts.submit', { id: hualian });
    await act(t.engine, 'contracts.approve', { id: hualian });
    await ship(t, t.hualian, '2026-03-10', '6');
    await ship(t, t.hualian, '2026-05-10', '6');
    await act(t.engine, 'contracts.settle', {
      id: hualian,
      kind: 'interim',
      throughDate: '2026-06-30',
      businessDate: '2026-07-02',
    });
    // 物美 (经销商) has only a draft: not in force, so it is among those without a contract.
    await signedContract(t, t.wumart, []);
    t.clock.advance(Date.parse('2026-07-01T04:00:00Z') - t.clock.now().getTime());

    const byTier = await act(t.engine, 'reports.contractRewards', { year: 2026, groupBy: 'tier' });
    // HT1 to 07-01: 12 箱, 1,356.00, earned 39.12 (2.88% of it), paid 39.12.
    expect(byTier.rows).toEqual([
      {
        key: 'distributor',
        name: '分销商',
        contracts: 1,
        amount: '1356.00',
        earned: '39.12',
        paid: '39.12',
        unpaid: '0.00',
        rate: '2.88%',
      },
    ]);
    const counted = await act(t.engine, 'reports.contractedCustomers', { year: 2026 });
    expect(counted.rows).toEqual([
      {
        officeName: '东城办',
        dealer: 0,
        distributor: 1,
        special_distributor: 0,
        signed_wholesaler: 0,
        total: 1,
      },
    ]);
    const missing = await act(t.engine, 'reports.uncontractedCustomers', { year: 2026 });
    expect(missing.rows.map((row) => [row.code, row.tierLabel, row.pending.endsWith('（草稿）')])).toEqual([
      ['KH302', '经销商', true],
    ]);
    const file = await act(t.engine, 'reports.export', {
      report: 'contractRewards',
      input: { year: 2026, groupBy: 'office' },
      columns: [],
    });
    expect(file.fileName).toContain('签约奖励表');
    // Read back by a second reader: the figures are numbers in the sheet, not text.
    const book = XLSX.read(Buffer.from(file.base64, 'base64'));
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const cells = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
    expect(cells.some((row) => row[0] === '东城办' && row.includes(39.12) && row.includes(1356))).toBe(true);
    const printed = await act(t.engine, 'reports.print', {
      report: 'contractedCustomers',
      input: { year: 2026 },
      columns: [],
    });
    expect(printed.pages).toBe(1);
    expect(Buffer.from(printed.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('changes an approved contract only by a numbered amendment, keeping what it replaced', async () => {
    const t = await contractWorld();
    const id = await signedContract(t, t.hualian, hualianTerms);
    await act(t.engine, 'contracts.submit', { id });
    await act(t.engine, 'contracts.approve', { id });
    const contract = await act(t.engine, 'contracts.get', { id });
    const edit = await refused(t.engine, 'contracts.save', {
      id,
      version: contract.version,
      kind: 'sales',
      counterpartyId: t.hualian,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      lines: [{ goodsId: t.world.milk, unitName: '箱', quantity: boxes(30) }],
    });
    expect(edit.message).toContain('只有草稿可以修改；已审核的合同请签补充协议');
    const { id: amendment, amendmentNo } = await act(t.engine, 'contracts.amend', {
      id,
      reason: '客户追加签约量',
      periodEnd: '2026-12-31',
      lines: [{ goodsId: t.world.milk, unitName: '箱', quantity: boxes(30), agreedPrice: 113_000_000 }],
      rebateTerms: hualianTerms,
    });
    expect(amendmentNo).toBe(1);
    await act(t.engine, 'contracts.decideAmendment', { amendmentId: amendment, decision: 'approve' });
    const amended = await act(t.engine, 'contracts.get', { id });
    expect(amended.amendmentNo).toBe(1);
    expect(amended.lines[0]!.quantity).toBe(boxes(30));
    expect((amended.amendments[0]!.body as { lines: { quantity: number }[] }).lines[0]!.quantity).toBe(
      boxes(30),
    );
    const replaced = t.engine.db.$client
      .prepare('SELECT replaced FROM contract_amendments WHERE id = ?')
      .get(amendment) as {
      replaced: string;
    };
    expect(JSON.parse(replaced.replaced).lines[0].quantity).toBe(boxes(24));
  });

  it('prints on 合同（A4）: signed volumes, rebate terms in words, who made and approved it', async () => {
    const t = await contractWorld();
    const id = await signedContract(t, t.hualian, hualianTerms);
    await act(t.engine, 'contracts.submit', { id });
    await act(t.engine, 'contracts.approve', { id });
    const contract = await act(t.engine, 'contracts.get', { id });
    const file = await act(t.engine, 'contracts.print', { id });
    expect(file).toMatchObject({ fileName: `销售合同-${contract.number}.pdf`, pages: 1 });
    expect(file.paperMm).toEqual({ width: 210, height: 297 });
    const pdf = path.join(mkdtempSync(path.join(tmpdir(), 'contract-print-')), file.fileName);
    writeFileSync(pdf, Buffer.from(file.contentBase64, 'base64'));
    const text = pdfPageText(pdf, 1);
    for (const expected of [
      '销售合同',
      `合同编号：${contract.number}`,
      '签约单位：KH301 华联商贸',
      '渠道类型：分销商',
      '办事处：东城办',
      '业务员：王五',
      '状态：已审核',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/1\s+SP001 鲜牛奶\s+全期\s+箱\s+24\s+113\.00/);
    expect(text).toContain('返利条款 1：全量阶梯（箱）：满 10 全部返 2%；满 20 全部返 3%。');
    expect(text).toContain('返利条款 2：按量定额（箱）：每箱返 1.00 元。');
    const approver = contract.events.findLast((event) => event.action === 'approve')!.actorName;
    expect(text).toMatch(new RegExp(`审核：${approver}`));
    expect(text).toContain('签约单位（盖章）');
  });

  it('keeps a scanned contract with its SHA-256', async () => {
    const t = await contractWorld();
    const id = await signedContract(t, t.hualian, hualianTerms);
    const pdf = Buffer.from('%PDF-1.4\n% 年度协议扫描件\n');
    const { sha256 } = await act(t.engine, 'contracts.attach', {
      id,
      fileName: '华联商贸2026年度协议.pdf',
      mediaType: 'application/pdf',
      contentBase64: pdf.toString('base64'),
    });
    expect(sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const contract = await act(t.engine, 'contracts.get', { id });
    const stored = await act(t.engine, 'contracts.attachment', {
      id,
      attachmentId: contract.attachments[0]!.id,
    });
    expect(Buffer.from(stored.contentBase64, 'base64').equals(pdf)).toBe(true);
    expect(stored.sha256).toBe(sha256);
  });
});
