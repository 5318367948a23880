import * as XLSX from '@e965/xlsx';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplePath } from '../support/samples';
import { runCli } from './support/cli';
import { openLedger, setUpBeijing, tempFolder } from './support/ledger';

const catalogue = samplePath('商品目录-总部下发.xlsx');

/** A branch set up in-process, then closed so that only the CLI has the file open. */
async function setUpFile(): Promise<{ folder: string; databasePath: string }> {
  const folder = tempFolder();
  const databasePath = path.join(folder, 'ledger.db');
  const engine = await openLedger(databasePath);
  await setUpBeijing(engine);
  engine.close();
  return { folder, databasePath };
}

function badCatalogue(folder: string): string {
  const workbook = XLSX.read(fs.readFileSync(catalogue));
  workbook.Sheets['商品目录']!['H7'] = { t: 's', v: 'abc' };
  const file = path.join(folder, '商品目录-有错.xlsx');
  fs.writeFileSync(file, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return file;
}

describe('ledger import / export / template', () => {
  it('imports the goods sample, prints the summary, and a second run changes nothing', async () => {
    const { databasePath } = await setUpFile();
    const first = await runCli(databasePath, ['import', 'goods', catalogue]);
    expect(first).toMatchObject({ exitCode: 0, stderr: '' });
    expect(JSON.parse(first.stdout)).toEqual({ created: 25, updated: 0, skipped: 0, errors: [] });
    const second = await runCli(databasePath, ['import', 'goods', catalogue, '--skip-existing']);
    expect(JSON.parse(second.stdout)).toEqual({ created: 0, updated: 0, skipped: 25, errors: [] });
  });

  it('a file with a bad row exits 1, naming row and column; --valid-only commits the rest', async () => {
    const { folder, databasePath } = await setUpFile();
    const bad = badCatalogue(folder);
    const refused = await runCli(databasePath, ['import', 'goods', bad]);
    expect(refused.exitCode).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual({
      created: 0,
      updated: 0,
      skipped: 0,
      errors: [{ row: 7, column: '换算率', message: '“abc”不是有效的数字' }],
    });
    const validOnly = await runCli(databasePath, ['import', 'goods', bad, '--valid-only']);
    expect(validOnly.exitCode).toBe(0);
    expect(JSON.parse(validOnly.stdout)).toMatchObject({ created: 24, errors: [{ row: 7 }] });
  });

  it('parses the opening stock, exiting 1 while its warehouses are missing', async () => {
    const { databasePath } = await setUpFile();
    const stock = samplePath('期初库存.xlsx');
    await runCli(databasePath, ['import', 'goods', catalogue]);
    const missing = await runCli(databasePath, ['import', 'openingStock', stock]);
    expect(missing.exitCode).toBe(1);
    expect(JSON.parse(missing.stdout).errors[0]).toEqual({
      row: 2,
      column: '仓库',
      message: '仓库【一号仓】不存在（按仓库名称或编码查找）',
    });

    for (const [code, name] of [
      ['CK01', '一号仓'],
      ['CK02', '二号仓（开发区）'],
    ]) {
      await runCli(databasePath, ['call', 'warehouses.save', JSON.stringify({ warehouse: { code, name } })]);
    }
    const parsed = await runCli(databasePath, ['import', 'openingStock', stock]);
    expect(parsed.exitCode).toBe(0);
    const report = JSON.parse(parsed.stdout) as {
      rows: Record<string, unknown>[];
      errors: unknown[];
      warnings: unknown[];
    };
    expect(report.rows).toHaveLength(34);
    expect(report.errors).toEqual([]);
    expect(report.rows.find((row) => row.row === 4)).toMatchObject({
      goodsCode: '10010008',
      baseQuantity: '797',
      mixedQuantity: '33箱5袋',
      amount: '1023.67',
    });
  });

  it('exports a list and writes a template', async () => {
    const { folder, databasePath } = await setUpFile();
    await runCli(databasePath, ['import', 'goods', catalogue]);
    const target = path.join(folder, 'out', '牛奶.xlsx');
    const exported = await runCli(databasePath, ['export', 'goods', target, '--search', 'niunai']);
    expect(exported.exitCode).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual({ path: target, rows: 5 });
    const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(fs.readFileSync(target)).Sheets['商品']!, {
      header: 1,
    });
    expect(rows.slice(1).map((row) => row[1])).toEqual([
      '纯牛奶',
      '鲜牛奶',
      '高钙牛奶',
      '有机纯牛奶',
      '风味酸牛奶',
    ]);

    const templateFile = path.join(folder, '客户模板.xlsx');
    const template = await runCli(databasePath, ['template', 'counterparties', templateFile]);
    expect(JSON.parse(template.stdout)).toEqual({ path: templateFile });
    expect(XLSX.read(fs.readFileSync(templateFile)).SheetNames).toEqual(['往来单位', '说明']);

    const wrong = await runCli(databasePath, ['import', 'customers', catalogue]);
    expect(wrong.exitCode).toBe(1);
    expect(JSON.parse(wrong.stdout).error.message).toMatch(/^用法: ledger import <实体> <文件>/);
  });
});
