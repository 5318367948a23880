import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { saveCounterparty, saveOffice } from './support/money';
import { act, stockLedger, type StockWorld } from './support/stock';

/*
 * A signing table as two offices send it: a title row merged across the sheet, the header, then one row per
 * customer × goods × month. 东城办's 华联商贸 (分销商) and 物美 (经销商) sign for the whole year; 西城办's 超市发
 * (签约二批商) signs by month. Row 7 names goods SP999, which do not exist: the whole file is refused.
 */
const header = [
  '办事处',
  '年度',
  '客户编码',
  '客户名称',
  '渠道类型',
  '签约日期',
  '商品编码',
  '商品类别',
  '单位',
  '月份',
  '签约量',
  '协议价',
];

function signingTable(goodsOfRow7 = 'SP999'): Buffer {
  const rows = [
    ['2026 年度签约表（东城办、西城办）'],
    header,
    ['东城办', 2026, 'KH301', '华联商贸', '分销商', '2025-12-20', 'SP001', '', '箱', '全年', 24, 113],
    ['东城办', 2026, 'KH302', '物美', '经销商', '2025-12-22', 'SP001', '', '箱', '全年', 30, 110],
    ['西城办', 2026, 'KH303', '超市发', '签约二批商', '2025-12-26', 'SP001', '', '箱', 1, 2, 113],
    ['西城办', 2026, 'KH303', '超市发', '签约二批商', '2025-12-26', 'SP001', '', '箱', 2, 3, 113],
    ['西城办', 2026, 'KH303', '超市发', '签约二批商', '2025-12-26', goodsOfRow7, '', '箱', 3, 3, 113],
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: header.length - 1 } }];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '签约表');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

async function officesAndCustomers(): Promise<{
  engine: Engine;
  world: StockWorld;
  east: number;
  west: number;
}> {
  const { engine, world } = await stockLedger();
  const east = await saveOffice(engine, 'BS01', '东城办');
  const west = await saveOffice(engine, 'BS02', '西城办');
  for (const [code, name, channelTier, officeId] of [
    ['KH301', '华联商贸', 'distributor', east],
    ['KH302', '物美', 'dealer', east],
    ['KH303', '超市发', 'signed_wholesaler', west],
  ] as const) {
    await saveCounterparty(engine, { code, name, kind: 'customer', channelTier, officeId });
  }
  return { engine, world, east, west };
}

const importTable = (engine: Engine, file: Buffer) =>
  act(engine, 'import.commit', {
    entity: 'signingTable',
    fileName: '2026签约表.xlsx',
    contentBase64: file.toString('base64'),
    options: { existing: 'update', validOnly: true, createMissing: false },
  });

describe('signing tables from offices (签约表)', () => {
  it('refuses the whole table over one bad row, saying which, even when only valid rows were asked for', async () => {
    const { engine } = await officesAndCustomers();
    const outcome = await importTable(engine, signingTable());
    expect(outcome.status).toBe('refused');
    expect(outcome.errors).toEqual([expect.objectContaining({ row: 7, message: '商品编码 SP999 不存在' })]);
    expect(await act(engine, 'contracts.list', {})).toEqual([]);
  });

  it('makes one draft per customer with its tier’s standard terms; importing again replaces them', async () => {
    const { engine, world } = await officesAndCustomers();
    const dealerTerms = [{ kind: 'per_unit', unitName: '箱', amountPerUnit: 100 }];
    await act(engine, 'contracts.setRebatePolicy', { policy: { dealer: dealerTerms } });

    const outcome = await importTable(engine, signingTable('SP001'));
    expect(outcome).toMatchObject({ status: 'committed', created: 3, errors: [] });
    const contracts = await act(engine, 'contracts.list', { year: 2026 });
    expect(
      contracts.map((c) => [c.counterpartyCode, c.status, c.officeName, c.channelTierLabel, c.signedOn]),
    ).toEqual([
      ['KH301', 'draft', '东城办', '分销商', '2025-12-20'],
      ['KH302', 'draft', '东城办', '经销商', '2025-12-22'],
      ['KH303', 'draft', '西城办', '签约二批商', '2025-12-26'],
    ]);
    const wumart = await act(engine, 'contracts.get', { id: contracts[1]!.id });
    expect(wumart.rebateTerms).toMatchObject(dealerTerms);
    expect(wumart.lines).toMatchObject([
      { goodsId: world.milk, unitName: '箱', month: null, quantity: 3000, agreedPrice: 110_000_000 },
    ]);
    const chaoshifa = await act(engine, 'contracts.get', { id: contracts[2]!.id });
    expect(chaoshifa.lines.map((line) => [line.month, line.quantity])).toEqual([
      ['2026-01', 200],
      ['2026-02', 300],
      ['2026-03', 300],
    ]);

    const board = await act(engine, 'contracts.signingBoard', { year: 2026 });
    expect(board.map((row) => [row.officeName, row.contracts, row.stateLabel])).toEqual([
      ['东城办', 2, '已导入'],
      ['西城办', 1, '已导入'],
    ]);

    const again = await importTable(engine, signingTable('SP001'));
    expect(again).toMatchObject({ status: 'committed', created: 3 });
    const after = await act(engine, 'contracts.list', { year: 2026 });
    expect(after).toHaveLength(3);
    expect(after.map((c) => c.id)).not.toContain(contracts[0]!.id);
  });

  it('refuses to overwrite a contract that has gone past its draft', async () => {
    const { engine } = await officesAndCustomers();
    await importTable(engine, signingTable('SP001'));
    // 超市发's contract (签约二批商: signed volume, office and signing date are all it needs) is submitted.
    const [, , chaoshifa] = await act(engine, 'contracts.list', { year: 2026 });
    await act(engine, 'contracts.submit', { id: chaoshifa!.id });
    const outcome = await importTable(engine, signingTable('SP001'));
    expect(outcome.status).toBe('refused');
    expect(outcome.errors[0]).toMatchObject({
      row: 5,
      message: `该客户 2026 年的合同 ${chaoshifa!.number} 已提交，签约表不能覆盖；变更请签补充协议`,
    });
  });
});

describe('the signing-table template (签约表模板)', () => {
  it('lists the office’s customers of the tier, and filled in as the office would it imports as it is', async () => {
    const { engine, east } = await officesAndCustomers();
    // A second distributor in another office, and a dealer in this one: neither belongs on 东城办's 分销商 sheet.
    await saveCounterparty(engine, {
      code: 'KH304',
      name: '京客隆',
      kind: 'customer',
      channelTier: 'dealer',
    });
    const file = await act(engine, 'contracts.signingTemplate', {
      officeId: east,
      year: 2026,
      tier: 'distributor',
    });
    expect(file.fileName).toBe('东城办2026年分销商签约表.xlsx');

    const book = XLSX.read(Buffer.from(file.contentBase64, 'base64'));
    const [dataSheet, notesSheet] = book.SheetNames.map((name) => book.Sheets[name]!);
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(dataSheet!, {
      header: 1,
      defval: null,
    });
    expect(rows[0]).toEqual([
      '*办事处',
      '*年度',
      '*客户编码',
      '客户名称',
      '渠道类型',
      '签约日期',
      '商品编码',
      '商品类别',
      '*单位',
      '月份',
      '*签约量',
      '协议价(元，含税)',
    ]);
    expect(rows.slice(1)).toEqual([
      ['东城办', '2026', 'KH301', '华联商贸', '分销商', null, null, null, null, '全年', null, null],
    ]);
    const notes = XLSX.utils.sheet_to_csv(notesSheet!);
    expect(notes).toContain('分销商合同须有：');

    // The office fills in its signing date, goods, unit, volume and price, and sends the same file back.
    const filled = rows.map((row, index) =>
      index === 0 ? row : [...row.slice(0, 5), '2025-12-20', 'SP001', null, '箱', '全年', 24, 113],
    );
    const sent = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(sent, XLSX.utils.aoa_to_sheet(filled), '签约表');
    const outcome = await importTable(
      engine,
      XLSX.write(sent, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
    );
    expect(outcome).toMatchObject({ status: 'committed', created: 1, errors: [] });
    expect((await act(engine, 'contracts.list', { year: 2026 })).map((c) => c.counterpartyCode)).toEqual([
      'KH301',
    ]);
  });
});
