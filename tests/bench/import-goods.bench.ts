import * as XLSX from '@e965/xlsx';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { cliActor, openEngine, sourceAppVersion, sourceMigrationsFolder } from '../../src/engine';

/**
 * Issue 3's goal: importing 50,000 goods from .xlsx takes at most twice as long as SheetJS merely
 * parsing the same file, both measured in this run on this machine. The file is generated once in
 * the shape of head office's catalogue; every import goes into a fresh copy of a new branch database.
 */
const rowCount = 50_000;

/** The header row of head office's goods catalogue, as in tests/fixtures/samples/商品目录-总部下发.xlsx. */
const catalogueHeaders = [
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
];
const names = [
  '纯牛奶',
  '鲜牛奶',
  '原味酸奶',
  '可乐',
  '橙汁',
  '冰红茶',
  '绿茶',
  '苏打水',
  '夹心饼干',
  '红烧牛肉面',
];
const categories = [
  '乳制品/纯牛奶',
  '乳制品/酸奶',
  '饮料/碳酸饮料',
  '饮料/果汁',
  '饮料/茶饮料',
  '饮用水',
  '休闲食品/饼干',
  '方便食品/方便面',
];
const brands = ['蒙原', '清泉', '果园', '茶语', '山泉', '麦香', '面道'];

/**
 * A catalogue in the sample's shape: a merged title row and a blank row above the header, codes
 * and barcodes as text, prices as numbers, tax as "13%", 是/否 lot tracking, a note under the
 * table. Every code and barcode is distinct; names repeat with a number, as real catalogues do.
 */
function goodsCatalogueXlsx(count: number): Buffer {
  const rows: (string | number | null)[][] = [
    ['2026年第四季度商品目录（总部下发，价格含税）'],
    [],
    catalogueHeaders,
  ];
  for (let index = 0; index < count; index += 1) {
    const ratio = [24, 12, 6, 15, 20][index % 5]!;
    rows.push([
      String(20_000_000 + index),
      `${names[index % names.length]}${Math.floor(index / names.length) + 1}号`,
      `250ml×${ratio}袋`,
      categories[index % categories.length]!,
      brands[index % brands.length]!,
      '袋',
      '箱',
      ratio,
      String(6_920_000_000_000 + index * 2),
      String(6_930_000_000_000 + index * 2),
      Math.round(ratio * 160 + (index % 100)) / 100,
      Math.round(ratio * 190 + (index % 100)) / 100,
      2.5,
      index % 3 === 0 ? '9%' : '13%',
      180,
      index % 2 === 0 ? '是' : '否',
    ]);
  }
  rows.push([], ['注：以上价格均为含税价。']);
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: catalogueHeaders.length - 1 } }];
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, '商品目录');
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const openLedger = (databasePath: string) =>
  openEngine({ databasePath, migrationsFolder: sourceMigrationsFolder, appVersion: sourceAppVersion() });

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
const catalogueFile = path.join(folder, `商品目录-${rowCount}.xlsx`);
fs.writeFileSync(catalogueFile, goodsCatalogueXlsx(rowCount));
const content = fs.readFileSync(catalogueFile);
const contentBase64 = content.toString('base64');

/** A new branch (北京分公司), set up once and copied for each measured import. */
const emptyBranch = path.join(folder, 'empty-branch.db');
const setup = await openLedger(emptyBranch);
await setup.callAs(cliActor, 'setup.createBranch', {
  profile: {
    code: 'BJ01',
    name: '北京分公司',
    accountingMode: 'independent',
    costingScope: 'per_warehouse',
    defaultCostingMethod: 'moving_average',
    taxpayerType: 'general',
  },
  administrator: {
    username: 'admin',
    displayName: '管理员',
    password: 'bench-password',
    passwordConfirm: 'bench-password',
  },
});
setup.close();

const parseTimes: number[] = [];
const importTimes: number[] = [];
let runs = 0;

/** Few, long iterations: each is seconds of work, and the medians printed below are what matter. */
const options = { iterations: 3, time: 0, warmupIterations: 0, warmupTime: 0 };

describe(`import ${rowCount.toLocaleString('en')} goods from .xlsx`, () => {
  bench(
    'SheetJS parsing the file: XLSX.read + sheet_to_json (baseline)',
    () => {
      const started = performance.now();
      const workbook = XLSX.read(content);
      XLSX.utils.sheet_to_json(workbook.Sheets[workbook.SheetNames[0]!]!, { header: 1 });
      parseTimes.push(performance.now() - started);
    },
    options,
  );

  bench(
    'import.commit of the file into a fresh database',
    async () => {
      runs += 1;
      const databasePath = path.join(folder, `import-${runs}.db`);
      fs.copyFileSync(emptyBranch, databasePath);
      const engine = await openLedger(databasePath);
      const started = performance.now();
      const response = await engine.callAs(cliActor, 'import.commit', {
        entity: 'goods',
        fileName: path.basename(catalogueFile),
        contentBase64,
      });
      importTimes.push(performance.now() - started);
      engine.close();
      fs.rmSync(databasePath, { force: true });
      const created = response.ok ? (response.result as { created: number }).created : 0;
      if (created !== rowCount)
        throw new Error(`import created ${created} goods: ${JSON.stringify(response)}`);
    },
    options,
  );
});

afterAll(() => {
  const parse = median(parseTimes);
  const importing = median(importTimes);
  console.log(
    [
      '',
      `导入 ${rowCount} 行商品 (.xlsx, ${(content.length / 1024 / 1024).toFixed(1)} MB)`,
      `  SheetJS parse (median of ${parseTimes.length}):  ${(parse / 1000).toFixed(2)} s`,
      `  import.commit (median of ${importTimes.length}): ${(importing / 1000).toFixed(2)} s`,
      `  ratio import / parse: ${(importing / parse).toFixed(2)}×   (goal ≤ 2×)`,
      '',
    ].join('\n'),
  );
  fs.rmSync(folder, { recursive: true, force: true });
});
