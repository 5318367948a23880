import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { readSample, type SampleFile } from '../support/samples';
import { beijingLedger, callFailing, callOk } from './support/ledger';

async function importSample(
  engine: Engine,
  session: string,
  entity: 'goods' | 'counterparties',
  name: SampleFile,
) {
  const content = readSample(name).toString('base64');
  await callOk(engine, 'import.commit', { entity, fileName: name, contentBase64: content }, session);
}

function readBack(contentBase64: string) {
  const bytes = Buffer.from(contentBase64, 'base64');
  const workbook = XLSX.read(bytes, { cellNF: true, cellStyles: true });
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  const sheetXml = Buffer.from(
    XLSX.CFB.find(XLSX.CFB.read(bytes, { type: 'buffer' }), '/xl/worksheets/sheet1.xml')!
      .content as Uint8Array,
  ).toString();
  return {
    workbook,
    sheet,
    sheetXml,
    rows: XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true }),
  };
}

describe('exporting a list as the clerk sees it', () => {
  it('writes the chosen columns in order, every row, values equal to the list, codes as text, header frozen', async () => {
    const { engine, adminSession } = await beijingLedger();
    await importSample(engine, adminSession, 'goods', '商品目录-总部下发.xlsx');
    const columns = [
      'code',
      'name',
      'units',
      'barcodes',
      'category',
      'taxRate',
      'shelfLifeDays',
      'lotTracked',
    ];
    const file = await callOk(
      engine,
      'export.list',
      { entity: 'goods', query: { sort: { field: 'name', order: 'asc' } }, columns },
      adminSession,
    );
    expect(file.fileName).toBe('商品-20260302.xlsx');
    expect(file.rows).toBe(25);
    const { workbook, sheet, sheetXml, rows } = readBack(file.contentBase64);
    expect(workbook.SheetNames).toEqual(['商品']);
    expect(rows[0]).toEqual([
      '商品编码',
      '商品名称',
      '单位换算',
      '全部条码',
      '商品类别',
      '税率',
      '保质期(天)',
      '批次管理',
    ]);

    const list = await callOk(
      engine,
      'goods.list',
      { sort: { field: 'name', order: 'asc' }, limit: 1000 },
      adminSession,
    );
    expect(rows.slice(1)).toEqual(
      list.rows.map((row) => [
        row.code,
        row.name,
        row.units,
        row.barcodes,
        row.categoryPath,
        Number(row.taxRate.replace('%', '')) / 100,
        row.shelfLifeDays,
        row.lotTracked ? '是' : '否',
      ]),
    );
    // Codes and barcodes are text cells in Excel's text format, not numbers that lose digits.
    expect(sheet['A2']).toMatchObject({ t: 's', z: '@' });
    expect(sheet['D2']).toMatchObject({ t: 's' });
    // The tax rate is a number shown as a percentage; the shelf life an integer.
    const milkRow = rows.findIndex((row) => row[0] === '10010001') + 1;
    expect(sheet[`F${milkRow}`]).toMatchObject({ t: 'n', v: 0.09, z: '0%', w: '9%' });
    expect(sheet[`G${milkRow}`]).toMatchObject({ t: 'n', v: 45, z: '0' });
    expect(sheetXml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet['!cols']!.map((column) => column.wch)).toEqual([12, 20, 22, 30, 16, 8, 10, 8]);
  });

  it('writes text that looks like a formula so that it stays inert', async () => {
    const { engine, adminSession } = await beijingLedger();
    const names = [
      '=1+1',
      '@SUM(A1)',
      '+8613900001111',
      '-赠品-',
      '=HYPERLINK("http://example.invalid","点我")',
    ];
    for (const [index, name] of names.entries()) {
      await callOk(
        engine,
        'goods.save',
        {
          goods: {
            code: `0012${index}`,
            name,
            units: [{ name: '个', ratio: '1', isBase: true }],
          },
        },
        adminSession,
      );
    }
    const file = await callOk(
      engine,
      'export.list',
      { entity: 'goods', query: {}, columns: ['code', 'name', 'baseUnit'] },
      adminSession,
    );
    const { sheet, rows } = readBack(file.contentBase64);
    expect(rows.slice(1)).toEqual(names.map((name, index) => [`0012${index}`, `'${name}`, '个']));
    for (let row = 2; row <= names.length + 1; row += 1) {
      expect(sheet[`B${row}`]).toMatchObject({ t: 's' });
      expect(sheet[`B${row}`]!.f).toBeUndefined();
    }
    expect(sheet['A2']).toMatchObject({ t: 's', v: '00120' });

    // Imported back, the names are as they were typed.
    const reimport = await callOk(
      engine,
      'import.preview',
      { entity: 'goods', fileName: file.fileName, contentBase64: file.contentBase64 },
      adminSession,
    );
    expect(reimport.rows.map((row) => row.values.name)).toEqual(names);
    expect(reimport.counts.skip).toBe(names.length);
  });

  it('exports what the search finds, and money as numbers Excel can sum', async () => {
    const { engine, adminSession } = await beijingLedger();
    await importSample(engine, adminSession, 'counterparties', '客户资料.xls');
    const file = await callOk(
      engine,
      'export.list',
      {
        entity: 'counterparties',
        query: { search: '丰台', channelTier: 'dealer' },
        columns: [
          'code',
          'name',
          'channelTier',
          'office',
          'creditLimit',
          'openingReceivable',
          'paymentTermDays',
        ],
      },
      adminSession,
    );
    expect(file.rows).toBe(1);
    const { sheet, rows } = readBack(file.contentBase64);
    expect(rows).toEqual([
      ['编码', '名称', '渠道类型', '办事处', '信用额度(元)', '期初应收(元)', '账期(天)'],
      ['KH0003', '丰台区永盛商贸有限公司', '经销商', '开发区办事处', 500_000, 12_345.6, 30],
    ]);
    expect(sheet['F2']).toMatchObject({ t: 'n', z: '#,##0.00', w: '12,345.60' });
  });

  it('exports every row of a long list, not one page', async () => {
    const { engine, adminSession } = await beijingLedger();
    const lines = ['商品编码,商品名称,基本单位'];
    for (let index = 0; index < 1205; index += 1) lines.push(`${30_000_000 + index},测试商品${index},个`);
    await callOk(
      engine,
      'import.commit',
      {
        entity: 'goods',
        fileName: '多.csv',
        contentBase64: Buffer.from(lines.join('\n')).toString('base64'),
      },
      adminSession,
    );
    const file = await callOk(
      engine,
      'export.list',
      { entity: 'goods', query: {}, columns: ['code'] },
      adminSession,
    );
    expect(file.rows).toBe(1205);
    const { rows } = readBack(file.contentBase64);
    expect(rows).toHaveLength(1206);
    expect(rows[1206 - 1]).toEqual(['30001204']);
  });

  it('offers each list’s columns, and refuses a column it does not have', async () => {
    const { engine, adminSession } = await beijingLedger();
    const columns = await callOk(engine, 'export.columns', { entity: 'warehouses' }, adminSession);
    expect(columns).toEqual([
      { key: 'code', label: '仓库编码' },
      { key: 'name', label: '仓库名称' },
      { key: 'address', label: '地址' },
      { key: 'keepers', label: '仓管员' },
      { key: 'active', label: '状态' },
      { key: 'remark', label: '备注' },
      { key: 'updatedAt', label: '修改时间' },
    ]);
    const error = await callFailing(
      engine,
      'export.list',
      { entity: 'warehouses', query: {}, columns: ['code', 'colour'] },
      adminSession,
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('导出的列【colour】不存在'),
    });
  });
});
