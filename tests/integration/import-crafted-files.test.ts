import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../src/shared/api';
import { readSample, type SampleFile } from '../support/samples';
import { letters, xlsxWithRows, xlsxWithSharedString } from './support/crafted-xlsx';
import { beijingLedger, callFailing, callOk } from './support/ledger';

/**
 * Files made to hurt the reader: small on disk, huge once unpacked. Each is refused with a message that
 * names the limit, and the engine goes on answering (before, a 300 KB file with one 300 MB shared string
 * took the engine, and web mode with it, down).
 */

function goodsFile(fileName: string, content: Uint8Array): ApiInput<'import.preview'> {
  return { entity: 'goods', fileName, contentBase64: Buffer.from(content).toString('base64') };
}

describe('crafted spreadsheets', () => {
  it('refuses a few hundred KB holding a 300 MB shared string, by the size its directory declares', async () => {
    const { engine, adminSession } = await beijingLedger();
    const bomb = await xlsxWithSharedString({ pieces: () => letters(300) });
    expect(bomb.length).toBeLessThan(1024 * 1024);

    const error = await callFailing(engine, 'import.preview', goodsFile('商品目录.xlsx', bomb), adminSession);
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining(
        '文件【商品目录.xlsx】过大或已损坏：其中的【xl/sharedStrings.xml】解压后超过 64 MB',
      ),
    });
    // Still answering, and a sound file still imports.
    expect((await callOk(engine, 'goods.list', {}, adminSession)).rows).toEqual([]);
    const catalog = await callOk(
      engine,
      'import.preview',
      goodsFile('商品目录-总部下发.xlsx', readSample('商品目录-总部下发.xlsx')),
      adminSession,
    );
    expect(catalog.counts.total).toBeGreaterThan(0);
  });

  it('refuses a part that unpacks to more than its directory entry says, stopping at what it said', async () => {
    const { engine, adminSession } = await beijingLedger();
    const liar = await xlsxWithSharedString({ pieces: () => letters(300), declaredSize: 2048 });
    const error = await callFailing(engine, 'import.commit', goodsFile('价格表.xlsx', liar), adminSession);
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('其中的【xl/sharedStrings.xml】解压后比声明的大小更大'),
    });
    // Logged as refused, like any file that cannot be read.
    const logs = await callOk(engine, 'import.logs', {}, adminSession);
    expect(logs.rows[0]).toMatchObject({ fileName: '价格表.xlsx', status: 'refused' });
    expect(await callOk(engine, 'system.info', {}, adminSession)).toMatchObject({
      appVersion: expect.any(String),
    });
  });

  it('refuses a cell longer than Excel allows, naming the cell', async () => {
    const { engine, adminSession } = await beijingLedger();
    const longText = await xlsxWithSharedString({ pieces: () => ['长'.repeat(40_000)] });
    const error = await callFailing(engine, 'import.preview', goodsFile('商品.xlsx', longText), adminSession);
    expect(error.message).toBe(
      '文件【商品.xlsx】过大或已损坏：工作表【商品目录】单元格 A1 超过 32767 个字符（Excel 单元格的上限）。' +
        '请删去不需要的工作表和行列，或分成几个文件后再导入。',
    );
  });

  it('refuses a sheet of more than 200,000 rows', async () => {
    const { engine, adminSession } = await beijingLedger();
    const error = await callFailing(
      engine,
      'import.preview',
      goodsFile('流水.xlsx', await xlsxWithRows(200_001)),
      adminSession,
    );
    expect(error.message).toContain('工作表【商品目录】超过 200000 行');
  });

  it('refuses a CSV larger than the limit for unpacked files', async () => {
    const { engine, adminSession } = await beijingLedger();
    const csv = Buffer.concat([Buffer.from('商品编码,商品名称\n'), Buffer.alloc(33 * 1024 * 1024, 'a')]);
    const error = await callFailing(engine, 'import.preview', goodsFile('商品.csv', csv), adminSession);
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('超过 32 MB') });
  });

  it('refuses a zip whose directory is cut off as damaged, not as an engine fault', async () => {
    const { engine, adminSession } = await beijingLedger();
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['商品编码', '商品名称']]), '商品');
    const bytes = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const error = await callFailing(
      engine,
      'import.preview',
      goodsFile('商品.xlsx', bytes.subarray(0, bytes.length - 30)),
      adminSession,
    );
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('压缩结构已损坏') });
  });

  it.each<SampleFile>(['商品目录-总部下发.xlsx', '客户资料.xls', '期初库存.xlsx'])(
    'still reads the real file %s within the limits',
    async (sample) => {
      const { engine, adminSession } = await beijingLedger();
      const entity =
        sample === '客户资料.xls' ? 'counterparties' : sample === '期初库存.xlsx' ? 'openingStock' : 'goods';
      const preview = await callOk(
        engine,
        'import.preview',
        { entity, fileName: sample, contentBase64: readSample(sample).toString('base64') },
        adminSession,
      );
      expect(preview.rows.length).toBeGreaterThan(0);
    },
  );
});
