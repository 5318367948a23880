import * as XLSX from '@e965/xlsx';
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../src/shared/api';
import { readSample } from '../support/samples';
import { beijingLedger, callFailing, callOk } from './support/ledger';

type Entity = ApiInput<'import.commit'>['entity'];

function file(entity: Entity, fileName: string, content: Uint8Array): ApiInput<'import.commit'> {
  return { entity, fileName, contentBase64: Buffer.from(content).toString('base64') };
}

const goodsCsv = [
  '商品编码,商品名称,规格型号,商品类别,基本单位,大单位,换算率,箱条码,税率,批次管理',
  '10010001,纯牛奶,250ml×24袋,乳制品/纯牛奶,袋,箱,24,6921090000005,9%,是',
  '10010078,苹果汁（大盒）,1L×12盒,饮料/果汁,盒,箱,１２,6921090014415,13%,否',
].join('\r\n');

describe('files as offices send them', () => {
  it.each([
    ['GBK, as Chinese Excel saves CSV', iconv.encode(goodsCsv, 'gbk')],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(goodsCsv)])],
  ])('a CSV in %s imports the same Chinese', async (_encoding, bytes) => {
    const { engine, adminSession } = await beijingLedger();
    const outcome = await callOk(engine, 'import.commit', file('goods', '商品.csv', bytes), adminSession);
    expect(outcome).toMatchObject({ created: 2, errors: [] });
    const { rows } = await callOk(engine, 'goods.list', {}, adminSession);
    expect(
      rows.map((row) => [row.code, row.name, row.spec, row.categoryPath, row.units, row.taxRate]),
    ).toEqual([
      ['10010001', '纯牛奶', '250ml×24袋', '乳制品/纯牛奶', '1 箱 = 24 袋', '9%'],
      ['10010078', '苹果汁（大盒）', '1L×12盒', '饮料/果汁', '1 箱 = 12 盒', '13%'],
    ]);
  });

  it('finds the header under a title row and reads the sheet the clerk picks', async () => {
    const { engine, adminSession } = await beijingLedger();
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['说明：第二页是本周新品']]), '说明');
    XLSX.utils.book_append_sheet(
      workbook,
      XLSX.utils.aoa_to_sheet([
        ['本周新品（总部 2026-11-20 下发）'],
        ['商品编码', '商品名称', '基本单位'],
        ['10020001', '燕麦奶', '盒'],
      ]),
      '新品',
    );
    const bytes = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const preview = await callOk(
      engine,
      'import.preview',
      { ...file('goods', '新品.xlsx', bytes), sheet: '新品' },
      adminSession,
    );
    expect(preview).toMatchObject({
      sheetNames: ['说明', '新品'],
      sheet: '新品',
      headerRowNumber: 2,
      counts: { total: 1, create: 1 },
    });
    expect(preview.rows[0]).toMatchObject({
      row: 3,
      values: { code: '10020001', name: '燕麦奶', baseUnit: '盒' },
    });
  });
});

describe('templates', () => {
  it.each(['goods', 'counterparties', 'warehouses', 'offices', 'employees'] as const)(
    'the %s template reads back through the importer: every column mapped, the example row valid',
    async (entity) => {
      const { engine, adminSession } = await beijingLedger();
      const template = await callOk(engine, 'import.template', { entity }, adminSession);
      const preview = await callOk(
        engine,
        'import.preview',
        { entity, fileName: template.fileName, contentBase64: template.contentBase64 },
        adminSession,
      );
      expect(preview.headerRowNumber).toBe(1);
      expect(Object.values(preview.mapping)).toEqual(preview.headers.map((_, index) => index));
      expect(preview.counts).toMatchObject({ total: 1, valid: 1, errors: 0 });
    },
  );

  it('marks required columns, freezes the header and explains each column on a 说明 sheet', async () => {
    const { engine, adminSession } = await beijingLedger();
    const template = await callOk(engine, 'import.template', { entity: 'goods' }, adminSession);
    expect(template.fileName).toBe('商品导入模板.xlsx');
    const bytes = Buffer.from(template.contentBase64, 'base64');
    const workbook = XLSX.read(bytes);
    expect(workbook.SheetNames).toEqual(['商品', '说明']);
    const [headers, example] = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets['商品']!, { header: 1 });
    expect(headers!.slice(0, 7)).toEqual([
      '*商品编码',
      '*商品名称',
      '规格型号',
      '商品类别',
      '品牌',
      '*基本单位',
      '基本单位条码',
    ]);
    expect(example!.slice(0, 6)).toEqual(['10010001', '纯牛奶', '250ml×24袋', '乳制品/纯牛奶', '蒙原', '袋']);
    const notes = XLSX.utils.sheet_to_json<Record<string, string>>(workbook.Sheets['说明']!);
    expect(notes[0]).toEqual({
      列名: '商品编码',
      必填: '是',
      格式: '文本',
      说明: '也可写作：编码、货号、商品代码、存货编码、物料编码、商品编号',
    });
    expect(notes.find((note) => note.列名 === '计价方法')!.格式).toBe(
      '可选：移动加权平均、先进先出、后进先出、个别计价、全月一次加权平均',
    );
    const sheetXml = XLSX.CFB.find(XLSX.CFB.read(bytes, { type: 'buffer' }), '/xl/worksheets/sheet1.xml')!;
    expect(Buffer.from(sheetXml.content as Uint8Array).toString()).toContain('state="frozen"');
  });
});

describe('the import log and its error report', () => {
  it('logs who imported which file, how, and with what result; the report shows the refused rows', async () => {
    const { engine, adminSession } = await beijingLedger();
    const catalogue = XLSX.read(readSample('商品目录-总部下发.xlsx'));
    const sheet = catalogue.Sheets['商品目录']!;
    sheet['H7'] = { t: 's', v: 'abc' };
    sheet['O9'] = { t: 's', v: '半年' };
    const bad = XLSX.write(catalogue, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const refused = await callOk(
      engine,
      'import.commit',
      file('goods', '商品目录-有错.xlsx', bad),
      adminSession,
    );
    expect(refused.status).toBe('refused');

    const logs = await callOk(engine, 'import.logs', {}, adminSession);
    expect(logs.total).toBe(1);
    expect(logs.rows[0]).toMatchObject({
      id: refused.logId,
      username: 'admin',
      entity: 'goods',
      fileName: '商品目录-有错.xlsx',
      fileSha256: createHash('sha256').update(bad).digest('hex'),
      status: 'refused',
      created: 0,
      updated: 0,
      skipped: 0,
      errorCount: 2,
      options: {
        existing: 'update',
        validOnly: false,
        createMissing: true,
        sheet: '商品目录',
        headerRowNumber: 3,
      },
      errors: [
        { row: 7, column: '换算率', message: '“abc”不是有效的数字' },
        { row: 9, column: '保质期(天)', message: '“半年”不是整数' },
      ],
    });

    const report = await callOk(engine, 'import.errorReport', { logId: refused.logId }, adminSession);
    expect(report.fileName).toBe('商品目录-有错-导入错误.xlsx');
    const rows = XLSX.utils.sheet_to_json<string[]>(
      XLSX.read(Buffer.from(report.contentBase64, 'base64')).Sheets['导入错误']!,
      { header: 1 },
    );
    expect(rows[0]).toEqual([
      '商品编码',
      '商品名称',
      '规格型号',
      '商品类别',
      '品牌',
      '基本单位',
      '大单位',
      '换算率',
      '基本单位条码',
      '箱条码',
      '进货价(元/大单位)',
      '批发价(元/大单位)',
      '建议零售价(元/基本单位)',
      '税率',
      '保质期(天)',
      '批次管理',
      '错误',
    ]);
    expect(rows.slice(1).map((row) => [row[0], row[1], row[7], row[14], row[16]])).toEqual([
      ['10010022', ' 有机纯牛奶  ', 'abc', '180', '第 7 行：【换算率】“abc”不是有效的数字'],
      ['10010036', '风味酸牛奶', '20', '半年', '第 9 行：【保质期(天)】“半年”不是整数'],
    ]);

    // Fixed in the report itself, the rows import: its header row is the file's.
    const fixedSheet = XLSX.read(Buffer.from(report.contentBase64, 'base64'));
    fixedSheet.Sheets['导入错误']!['H2'] = { t: 'n', v: 12 };
    fixedSheet.Sheets['导入错误']!['O3'] = { t: 'n', v: 180 };
    const fixed = XLSX.write(fixedSheet, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const retried = await callOk(
      engine,
      'import.commit',
      file('goods', report.fileName, fixed),
      adminSession,
    );
    expect(retried).toMatchObject({ status: 'committed', created: 2, errors: [] });
  });

  it('logs a file that cannot be read at all, and says why', async () => {
    const { engine, adminSession } = await beijingLedger();
    const notExcel = Buffer.from('%PDF-1.7 这不是表格');
    const error = await callFailing(
      engine,
      'import.commit',
      file('goods', '价格表.xlsx', notExcel),
      adminSession,
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^文件【价格表.xlsx】/),
    });
    const logs = await callOk(engine, 'import.logs', {}, adminSession);
    expect(logs.rows[0]).toMatchObject({
      fileName: '价格表.xlsx',
      status: 'refused',
      errorCount: 1,
      errors: [{ row: 0, column: '', message: error.message }],
    });
  });

  it('refuses a file with a header and no data under it', async () => {
    const { engine, adminSession } = await beijingLedger();
    const headerOnly = Buffer.from('商品编码,商品名称,基本单位\n');
    const preview = await callOk(engine, 'import.preview', file('goods', '空.csv', headerOnly), adminSession);
    expect(preview.fileErrors).toEqual([{ row: 1, column: '', message: '表头（第 1 行）下面没有数据行' }]);
    const outcome = await callOk(engine, 'import.commit', file('goods', '空.csv', headerOnly), adminSession);
    expect(outcome).toMatchObject({
      status: 'refused',
      errors: [{ row: 1, message: '表头（第 1 行）下面没有数据行' }],
    });
  });
});
