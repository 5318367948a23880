import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli';
import { beijingLedger } from './support/ledger';
import { octoberBook } from './support/money';
import { act, enterAndApprove, post, stockWorld } from './support/stock';

/**
 * A branch with February's milk, set up in-process and closed, so that only the CLI has the file:
 * 02-03 10 箱 (240 袋) into 一号仓 at ¥48.00 a 箱 = 480.00; 02-10 3 箱 (72 袋) sold at the average
 * 2.00 a 袋 = 144.00, leaving 168 袋 worth 336.00. 二号仓 gets 24 袋 for 60.00 on 02-20.
 */
async function februaryFile(): Promise<{ folder: string; databasePath: string }> {
  const { engine, databasePath, folder } = await beijingLedger();
  const world = await stockWorld(engine);
  await post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-02-03',
    counterpartyId: world.supplier,
    lines: [
      { goodsId: world.milk, warehouseId: world.warehouse1, unitName: '箱', quantity: '10', unitPrice: '48' },
    ],
  });
  await post(engine, {
    type: 'sales_delivery',
    businessDate: '2026-02-10',
    counterpartyId: world.customer,
    lines: [
      { goodsId: world.milk, warehouseId: world.warehouse1, unitName: '箱', quantity: '3', unitPrice: '70' },
    ],
  });
  await post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-02-20',
    counterpartyId: world.supplier,
    lines: [
      {
        goodsId: world.milk,
        warehouseId: world.warehouse2,
        unitName: '袋',
        quantity: '24',
        unitPrice: '2.5',
      },
    ],
  });
  engine.close();
  return { folder, databasePath };
}

/** CSV as Excel reads it: the byte-order mark, then CRLF lines of comma-separated fields (none quoted here). */
function csvLines(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(1, -2)
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('ledger report', () => {
  it('prints the period summary as CSV with Chinese headers, a totals line, UTF-8 with BOM', async () => {
    const { databasePath } = await februaryFile();
    const run = await runCli(databasePath, [
      'report',
      'period-summary',
      '--from',
      '2026-02-01',
      '--to',
      '2026-02-28',
    ]);
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    const [header, ...lines] = csvLines(run.stdout);
    expect(header!.slice(0, 11)).toEqual([
      '商品编码',
      '商品名称',
      '规格型号',
      '仓库',
      '基本单位',
      '期初数量',
      '期初金额',
      '采购入库数量',
      '采购入库金额',
      '销售退货数量',
      '销售退货金额',
    ]);
    expect(header!.slice(-4)).toEqual(['成本调整金额', '统一核算分摊差额', '期末数量', '期末金额']);
    const field = (line: string[], label: string) => line[header!.indexOf(label)];
    expect(lines).toHaveLength(3);
    const [first, second, totals] = lines as [string[], string[], string[]];
    expect([
      field(first, '商品编码'),
      field(first, '仓库'),
      field(first, '采购入库数量'),
      field(first, '采购入库金额'),
    ]).toEqual(['SP001', '一号仓', '240', '480.00']);
    expect([
      field(first, '销售出库数量'),
      field(first, '销售出库金额'),
      field(first, '期末数量'),
      field(first, '期末金额'),
    ]).toEqual(['72', '144.00', '168', '336.00']);
    expect([field(second, '仓库'), field(second, '期末数量'), field(second, '期末金额')]).toEqual([
      '二号仓',
      '24',
      '60.00',
    ]);
    expect([field(totals, '商品编码'), field(totals, '期末金额'), field(totals, '期末数量')]).toEqual([
      '合计',
      '396.00',
      '',
    ]);
  });

  it('writes the stock card as the API result in JSON with --out, finding goods and warehouse by code', async () => {
    const { folder, databasePath } = await februaryFile();
    const target = path.join(folder, 'out', '明细账.json');
    const run = await runCli(databasePath, [
      'report',
      'stock-card',
      ...['--goods', 'SP001', '--warehouse', 'CK01', '--from', '2026-02-05', '--to', '2026-02-28'],
      ...['--format', 'json', '--out', target],
    ]);
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({ path: target, rows: 1 });
    const card = JSON.parse(fs.readFileSync(target, 'utf8')) as {
      goods: { code: string };
      warehouse: { code: string };
      opening: unknown;
      rows: { kindLabel: string; outQuantity: string; value: string; runningValue: string }[];
      closing: unknown;
    };
    expect(card.goods.code).toBe('SP001');
    expect(card.warehouse.code).toBe('CK01');
    expect(card.opening).toEqual({
      quantity: '240',
      mixedQuantity: '10箱',
      value: '480.00',
      unitCost: '2.0000',
    });
    expect(card.rows).toMatchObject([
      { kindLabel: '销售出库', outQuantity: '72', value: '-144.00', runningValue: '336.00' },
    ]);
    expect(card.closing).toEqual({
      quantity: '168',
      mixedQuantity: '7箱',
      value: '336.00',
      unitCost: '2.0000',
    });
  });

  it('prints the stock balance of one warehouse as of a past date, and JSON on standard output', async () => {
    const { databasePath } = await februaryFile();
    const csv = await runCli(databasePath, [
      'report',
      'stock-balance',
      '--as-of',
      '2026-02-05',
      '--warehouse',
      'CK01',
    ]);
    expect(csv.exitCode).toBe(0);
    expect(csvLines(csv.stdout)).toEqual([
      [
        '商品编码',
        '商品名称',
        '规格型号',
        '仓库',
        '库存数量',
        '基本单位',
        '库存数量（多单位）',
        '单位成本',
        '库存金额',
        '预留数量',
        '可用数量',
      ],
      ['SP001', '鲜牛奶', '', '一号仓', '240', '袋', '10箱', '2.0000', '480.00', '0', '240'],
      ['合计', '', '', '', '', '', '', '', '480.00', '', ''],
    ]);
    const json = await runCli(databasePath, ['report', 'in-transit', '--format', 'json']);
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      costingScope: 'per_warehouse',
      valueAllocated: false,
      rows: [],
      totals: { value: '0.00' },
    });
  });

  it('prints the price history of goods found by code, purchase prices from one supplier, newest first', async () => {
    const { databasePath } = await februaryFile();
    const bought = await runCli(databasePath, [
      'report',
      'price-history',
      ...['--goods', 'SP001', '--side', 'purchase', '--counterparty', 'GY001', '--format', 'csv'],
    ]);
    expect(bought).toMatchObject({ exitCode: 0, stderr: '' });
    expect(csvLines(bought.stdout)).toEqual([
      [
        '日期',
        '单据编号',
        '单据类型',
        '往来单位编码',
        '往来单位',
        '单位',
        '数量',
        '单价',
        '含税单价',
        '含税',
        '税率',
        '折扣率',
      ],
      [
        '2026-02-20',
        'CR20260220-0001',
        '采购入库单',
        'GY001',
        '蒙牛乳业',
        '袋',
        '24',
        '2.5',
        '2.825',
        '否',
        '13%',
        '0%',
      ],
      [
        '2026-02-03',
        'CR20260203-0001',
        '采购入库单',
        'GY001',
        '蒙牛乳业',
        '箱',
        '10',
        '48',
        '54.24',
        '否',
        '13%',
        '0%',
      ],
    ]);
    const sold = await runCli(databasePath, ['report', 'price-history', '--goods', 'SP001']);
    expect(
      csvLines(sold.stdout)
        .slice(1)
        .map((line) => [line[0], line[4], line[7]]),
    ).toEqual([['2026-02-10', '华联超市', '70']]);
    const moneySide = await runCli(databasePath, [
      'report',
      'price-history',
      '--goods',
      'SP001',
      '--side',
      'payable',
    ]);
    expect(moneySide.exitCode).toBe(1);
    expect(JSON.parse(moneySide.stdout).error.message).toBe('--side【payable】应为 sale | purchase。');
  });

  it('prints what purchase orders still have outstanding per line, and with --all the executed ones too', async () => {
    // 02-01 10 箱 of milk ordered from 蒙牛乳业 at 48.00 (542.40 with tax), 4 箱 received: 6 箱 open,
    // worth 325.44; 02-02 2 箱 ordered and received in full.
    const { engine, databasePath } = await beijingLedger();
    const world = await stockWorld(engine);
    const order = (businessDate: string, quantity: string) =>
      enterAndApprove(engine, {
        type: 'purchase_order',
        businessDate,
        counterpartyId: world.supplier,
        lines: [
          { goodsId: world.milk, warehouseId: world.warehouse1, unitName: '箱', quantity, unitPrice: '48' },
        ],
      });
    const receive = async (orderId: number, businessDate: string, quantity: string) => {
      const draft = await act(engine, 'documents.fromOrder', { id: orderId });
      await post(engine, { ...draft, businessDate, lines: [{ ...draft.lines[0]!, quantity }] });
    };
    await receive(await order('2026-02-01', '10'), '2026-02-03', '4');
    await receive(await order('2026-02-02', '2'), '2026-02-03', '2');
    engine.close();

    const open = await runCli(databasePath, [
      'report',
      'order-execution',
      ...['--side', 'purchase', '--counterparty', 'GY001', '--format', 'csv'],
    ]);
    expect(open).toMatchObject({ exitCode: 0, stderr: '' });
    expect(csvLines(open.stdout).map((line) => line.join(','))).toEqual([
      '日期,订单编号,执行状态,往来单位,商品名称,仓库,订货,已执行,未执行,' +
        '未执行金额（含税）,往来单位编码,商品编码,规格型号,基本单位,订货数量,已执行数量,未执行数量',
      '2026-02-01,CD20260201-0001,部分执行,蒙牛乳业,鲜牛奶,一号仓,10箱,4箱,6箱,325.44,GY001,SP001,,袋,240,96,144',
      '合计,,,,,,,,,325.44,,,,,,,',
    ]);
    const all = await runCli(databasePath, [
      'report',
      'order-execution',
      ...['--side', 'purchase', '--all', '--format', 'json'],
    ]);
    expect(all.exitCode).toBe(0);
    expect(
      (
        JSON.parse(all.stdout) as {
          rows: { documentNumber: string; executionLabel: string; outstanding: string }[];
        }
      ).rows.map((row) => [row.documentNumber, row.executionLabel, row.outstanding]),
    ).toEqual([
      ['CD20260201-0001', '部分执行', '144'],
      ['CD20260202-0001', '已执行', '0'],
    ]);
    // Sales orders by default: there are none.
    const sold = await runCli(databasePath, ['report', 'order-execution', '--format', 'json']);
    expect(JSON.parse(sold.stdout)).toMatchObject({ side: 'sale', openOnly: true, rows: [] });
  });

  it('exits 1 with the reason when a report cannot be made', async () => {
    const { databasePath } = await februaryFile();
    const noGoods = await runCli(databasePath, ['report', 'stock-card', '--from', '2026-02-01']);
    expect(noGoods.exitCode).toBe(1);
    expect(JSON.parse(noGoods.stdout)).toEqual({
      error: { code: 'VALIDATION', message: '商品明细账需要 --goods 商品编码。' },
    });
    const unknownWarehouse = await runCli(databasePath, ['report', 'stock-alerts', '--warehouse', 'CK09']);
    expect(unknownWarehouse.exitCode).toBe(1);
    expect(JSON.parse(unknownWarehouse.stdout).error.message).toBe('仓库编码【CK09】不存在。');
    const unknownReport = await runCli(databasePath, ['report', 'profit']);
    expect(unknownReport.exitCode).toBe(1);
    expect(JSON.parse(unknownReport.stdout).error.message).toContain('报表: stock-balance | stock-card');
  });
  it('prints October’s gross profit by goods and by customer as CSV, the purchase variance its own row', async () => {
    const { engine, databasePath } = await beijingLedger();
    await octoberBook(engine);
    engine.close();
    const october = ['--from', '2026-10-01', '--to', '2026-10-31'];
    const byGoods = await runCli(databasePath, ['report', 'gross-profit', ...october, '--format', 'csv']);
    expect(byGoods).toMatchObject({ exitCode: 0, stderr: '' });
    expect(csvLines(byGoods.stdout)).toEqual([
      [
        '编码',
        '名称',
        '规格型号',
        '销售数量',
        '基本单位',
        '销售收入',
        '销售成本',
        '采购差异',
        '毛利',
        '毛利率',
      ],
      ['SP001', '鲜牛奶', '', '240', '袋', '880.00', '540.00', '-12.00', '352.00', '40.00%'],
      ['合计', '', '', '', '', '880.00', '540.00', '-12.00', '352.00', '40.00%'],
    ]);
    const byCustomer = await runCli(databasePath, [
      'report',
      'gross-profit',
      ...october,
      '--group-by',
      'customer',
    ]);
    expect(byCustomer.exitCode).toBe(0);
    expect(csvLines(byCustomer.stdout).map((line) => [line[0], line[1], line[8], line[9]])).toEqual([
      ['编码', '名称', '毛利', '毛利率'],
      ['KH101', '物美超市', '268.00', '38.29%'],
      ['KH102', '家乐福', '72.00', '40.00%'],
      ['', '采购差异', '12.00', ''],
      ['合计', '', '352.00', '40.00%'],
    ]);
  });

  it('prints the aging (today by default) and a customer’s statement found by its code', async () => {
    const { engine, databasePath } = await beijingLedger();
    await octoberBook(engine);
    engine.close();
    const header = [
      '编码',
      '名称',
      '余额',
      '未到期',
      '逾期0–30天',
      '逾期31–60天',
      '逾期61–90天',
      '逾期90天以上',
      '预收/预付',
    ];
    // Today is after October, so the balances are October's whatever day the test runs.
    const today = await runCli(databasePath, ['report', 'aging', '--format', 'csv']);
    expect(today).toMatchObject({ exitCode: 0, stderr: '' });
    expect(csvLines(today.stdout).map((line) => line.slice(0, 3))).toEqual([
      header.slice(0, 3),
      ['KH101', '物美超市', '1291.00'],
      ['KH102', '家乐福', '203.40'],
      ['合计', '', '1494.40'],
    ]);
    const yearEnd = await runCli(databasePath, [
      'report',
      'aging',
      '--as-of',
      '2026-12-31',
      '--side',
      'payable',
    ]);
    expect(csvLines(yearEnd.stdout)).toEqual([
      header,
      ['GY001', '蒙牛乳业', '1084.80', '0.00', '0.00', '0.00', '678.00', '542.40', '135.60'],
      ['合计', '', '1084.80', '0.00', '0.00', '0.00', '678.00', '542.40', '135.60'],
    ]);

    const statement = await runCli(databasePath, [
      'report',
      'statement',
      ...['--counterparty', 'KH101', '--from', '2026-10-01', '--to', '2026-10-31'],
    ]);
    expect(statement).toMatchObject({ exitCode: 0, stderr: '' });
    expect(csvLines(statement.stdout)).toEqual([
      ['日期', '单据编号', '单据类型', '摘要', '增加', '减少', '余额'],
      ['2026-10-01', '', '期初余额', '', '', '', '1000.00'],
      ['2026-10-05', 'XC20261005-0001', '销售出库单', '鲜牛奶', '565.00', '', '1565.00'],
      ['2026-10-08', 'XC20261008-0001', '销售出库单', '鲜牛奶', '339.00', '', '1904.00'],
      ['2026-10-12', 'XT20261012-0001', '销售退货单', '鲜牛奶', '', '113.00', '1791.00'],
      ['2026-10-15', 'SK20261015-0001', '收款单', '', '', '500.00', '1291.00'],
      ['2026-10-18', 'XC20261018-0001', '销售出库单', '鲜牛奶', '113.00', '', '1404.00'],
      [
        '2026-10-20',
        'XC20261020-0001',
        '销售出库单',
        '鲜牛奶；红字冲销 XC20261018-0001：送错',
        '-113.00',
        '',
        '1291.00',
      ],
      ['2026-10-31', '', '本期合计及期末余额', '', '904.00', '613.00', '1291.00'],
    ]);
  });

  it('exits 1 when a money report lacks its counterparty or is given an unknown grouping', async () => {
    const { engine, databasePath } = await beijingLedger();
    await octoberBook(engine);
    engine.close();
    const noCounterparty = await runCli(databasePath, ['report', 'statement']);
    expect(noCounterparty.exitCode).toBe(1);
    expect(JSON.parse(noCounterparty.stdout).error.message).toBe('对账单需要 --counterparty 往来单位编码。');
    const unknownCounterparty = await runCli(databasePath, [
      'report',
      'statement',
      '--counterparty',
      'KH999',
    ]);
    expect(JSON.parse(unknownCounterparty.stdout).error.message).toBe('往来单位编码【KH999】不存在。');
    const badGrouping = await runCli(databasePath, ['report', 'aging', '--group-by', 'goods']);
    expect(badGrouping.exitCode).toBe(1);
    expect(JSON.parse(badGrouping.stdout).error.message).toBe(
      '--group-by【goods】应为 counterparty | salesperson | office。',
    );
  });
});
