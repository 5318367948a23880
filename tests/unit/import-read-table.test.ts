import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { channelReportSpec } from '../../src/engine/domain/channel/channel-report-spec';
import { goodsSpec } from '../../src/engine/domain/master-data/goods-spec';
import { dataRowsBelow } from '../../src/engine/services/import/data-rows';
import { decodeTextFile } from '../../src/engine/services/import/decode-text-file';
import { findHeaderRow } from '../../src/engine/services/import/find-header-row';
import { mapColumnsAutomatically } from '../../src/engine/services/import/map-columns';
import { readTable } from '../../src/engine/services/import/read-table';

const csvText = '商品编码,商品名称,基本单位,税率\r\n00123,纯牛奶,袋,9%\r\n10010078,"苹果汁,大盒",盒,13%\r\n';

function xlsxOf(rows: unknown[][]): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), '商品目录');
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['第二页']]), '第二页');
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('reading CSV in the encodings Chinese offices send', () => {
  it.each([
    ['GBK (Chinese Excel)', iconv.encode(csvText, 'gbk'), 'GB18030'],
    ['GB18030', iconv.encode(csvText, 'gb18030'), 'GB18030'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText)]), 'UTF-8 (BOM)'],
    ['UTF-8 without BOM', Buffer.from(csvText), 'UTF-8'],
    ['UTF-16LE with BOM', iconv.encode(csvText, 'utf-16le', { addBOM: true }), 'UTF-16LE'],
  ])('%s reads the same Chinese', (_name, bytes, encoding) => {
    expect(decodeTextFile(bytes)).toEqual({ text: csvText, encoding });
    const table = readTable({ fileName: '商品.csv', content: bytes });
    expect(table.rows.map((row) => row.cells.map((cell) => cell?.shown))).toEqual([
      ['商品编码', '商品名称', '基本单位', '税率'],
      ['00123', '纯牛奶', '袋', '9%'],
      ['10010078', '苹果汁,大盒', '盒', '13%'],
    ]);
    expect(table.format).toBe(`csv (${encoding})`);
  });

  it('keeps CSV cells as text: leading zeros and dates are not turned into numbers', () => {
    const table = readTable({ fileName: 'a.csv', content: Buffer.from('编码,日期\n00123,2026-03-04\n') });
    expect(table.rows[1]!.cells.map((cell) => cell?.value)).toEqual(['00123', '2026-03-04']);
  });
});

describe('finding the header and the data rows', () => {
  it('skips a title row and a blank row above the header, blank rows inside, and notes below', () => {
    const bytes = xlsxOf([
      ['2026年第四季度商品目录（总部下发）'],
      [],
      ['商品编码', '商品名称', '基本单位', '税率'],
      ['10010001', '纯牛奶', '袋', '9%'],
      [],
      ['10010008', '鲜牛奶', '袋', '9%'],
      ['合计：2 种'],
      [],
      ['以上价格自 10 月 1 日起执行'],
      ['注：价格含税。'],
    ]);
    const table = readTable({ fileName: '目录.xlsx', content: bytes });
    expect(table.sheetNames).toEqual(['商品目录', '第二页']);
    const header = findHeaderRow(goodsSpec, table.rows)!;
    expect(header).toMatchObject({ rowNumber: 3, headers: ['商品编码', '商品名称', '基本单位', '税率'] });
    const rows = dataRowsBelow(table.rows, header.index, header.headers.length);
    expect(rows.map((row) => row.rowNumber)).toEqual([4, 6]);
  });

  it('reads a header of two rows: a group merged over its columns, the others merged down', () => {
    // As offices draw a channel report: 客户编码 and 商品编码 merged down two rows, 库存 over its four columns.
    const bytes = xlsxOf([
      ['东城办 进销存周报 2026-03-02'],
      ['办事处', '报表期间', '客户编码', '商品编码', '单位', '库存', null, null, null],
      [null, null, null, null, null, '期初', '本期进货', '实地', '在途'],
      ['东城办', '2026-03-02', 'KH301', 'SP001', '箱', 20, 30, 18, 2],
    ]);
    const table = readTable({ fileName: '周报.xlsx', content: bytes });
    const header = findHeaderRow(channelReportSpec, table.rows)!;
    expect(header.rowNumber).toBe(2);
    // 实地 alone names nothing: joined to its group it is 实地库存; 期初 and 在途 name their fields as they are.
    expect(header.headers.slice(5)).toEqual(['期初', '本期进货', '实地库存', '在途']);
    expect(mapColumnsAutomatically(channelReportSpec, header.headers)).toMatchObject({
      customerCode: 2,
      goodsCode: 3,
      opening: 5,
      purchases: 6,
      closing: 7,
      inTransit: 8,
    });
    expect(
      dataRowsBelow(table.rows, header.index, header.headers.length).map((row) => row.rowNumber),
    ).toEqual([4]);
  });

  it('reads a chosen sheet, and names the sheets when the chosen one is missing', () => {
    const bytes = xlsxOf([['商品编码']]);
    expect(
      readTable({ fileName: '目录.xlsx', content: bytes }, { sheet: '第二页' }).rows[0]!.cells[0]!.shown,
    ).toBe('第二页');
    expect(() => readTable({ fileName: '目录.xlsx', content: bytes }, { sheet: '第三页' })).toThrow(
      '文件【目录.xlsx】中没有名为【第三页】的工作表（有：商品目录、第二页）。',
    );
  });

  it('refuses a file that is neither Excel nor CSV, naming it', () => {
    const pdf = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')]);
    expect(() => readTable({ fileName: '目录.xlsx', content: pdf })).toThrow(/文件【目录.xlsx】无法读取/);
    expect(() => readTable({ fileName: '价格表.xlsx', content: Buffer.from('%PDF-1.7') })).toThrow(
      '文件【价格表.xlsx】不是有效的 Excel 文件',
    );
  });

  it('keeps what Excel shows and the number format: a 9% cell is 0.09 formatted as a percentage', () => {
    const sheet = XLSX.utils.aoa_to_sheet([['税率', '生产日期', '编码']]);
    sheet['A2'] = { t: 'n', v: 0.09, z: '0%' };
    sheet['B2'] = { t: 'n', v: 46_085, z: 'yyyy-mm-dd' };
    sheet['C2'] = { t: 'n', v: 123, z: '000000' };
    sheet['!ref'] = 'A1:C2';
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, sheet, '表');
    const bytes = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const [rate, date, code] = readTable({ fileName: '表.xlsx', content: bytes }).rows[1]!.cells;
    expect(rate).toEqual({ value: 0.09, shown: '9%', format: '0%' });
    expect(date).toEqual({ value: 46_085, shown: '2026-03-04', format: 'yyyy-mm-dd' });
    // A code kept as a number with a zero-padded format keeps its zeros.
    expect(code).toEqual({ value: 123, shown: '000123', format: '000000' });
  });
});
