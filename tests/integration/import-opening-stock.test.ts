import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import type { ApiInput } from '../../src/shared/api';
import {
  headerFromView,
  linesFromView,
  toDocumentInput,
} from '../../src/app/components/document/documentDraft';
import { documentTotals } from '../../src/app/components/document/lineFigures';
import { readSample } from '../support/samples';
import { beijingLedger, callOk, signIn } from './support/ledger';
import { addUser } from './support/users';

const openingStock = readSample('期初库存.xlsx');

function stockFile(content: Buffer): ApiInput<'import.preview'> {
  return { entity: 'openingStock', fileName: '期初库存.xlsx', contentBase64: content.toString('base64') };
}

function edited(edits: Record<string, string | number>): Buffer {
  const workbook = XLSX.read(openingStock);
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  for (const [address, value] of Object.entries(edits)) {
    sheet[address] = typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value };
  }
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** The catalogue imported and the two warehouses the sheet names set up, as the clerk would first. */
async function ledgerWithGoodsAndWarehouses(): Promise<{ engine: Engine; adminSession: string }> {
  const { engine, adminSession } = await beijingLedger();
  const catalogue = readSample('商品目录-总部下发.xlsx');
  await callOk(
    engine,
    'import.commit',
    { entity: 'goods', fileName: '商品目录-总部下发.xlsx', contentBase64: catalogue.toString('base64') },
    adminSession,
  );
  for (const [code, name] of [
    ['CK01', '一号仓'],
    ['CK02', '二号仓（开发区）'],
  ]) {
    await callOk(engine, 'warehouses.save', { warehouse: { code: code!, name: name! } }, adminSession);
  }
  return { engine, adminSession };
}

describe('parsing the opening stock sheet', () => {
  it('parses every row into base quantities and values, in the goods’ largest unit by default', async () => {
    const { engine, adminSession } = await ledgerWithGoodsAndWarehouses();
    const preview = await callOk(engine, 'import.preview', stockFile(openingStock), adminSession);
    // The sample has 34 data rows (rows 2–35).
    expect(preview.counts).toEqual({ total: 34, valid: 34, errors: 0, create: 34, update: 0, skip: 0 });
    expect(preview.mapping).toMatchObject({ quantity: 4, looseQuantity: 5, unitCost: 6, unitName: null });

    const row = (number: number) => preview.rows.find((candidate) => candidate.row === number)!;
    expect(row(4).values).toMatchObject({
      warehouse: '一号仓',
      goodsCode: '10010008',
      unitName: '箱',
      quantity: '33',
      looseQuantity: '5',
      baseQuantity: '797',
      baseUnit: '袋',
      mixedQuantity: '33箱5袋',
      unitCost: '30.8257',
      // 797 袋 = 33 5/24 箱 × 30.8257 = 1023.670… → 1023.67
      amount: '1023.67',
      lot: '20261002',
      productionDate: '2026-10-02',
    });
    // 原味酸奶 comes in 板 of 8 杯: "数量(箱)" counts its largest unit.
    expect(row(8).values).toMatchObject({
      unitName: '板',
      baseQuantity: '580',
      mixedQuantity: '72板4杯',
      amount: '821.24',
    });
    expect(row(3)).toMatchObject({
      values: { warehouse: '二号仓（开发区）', lot: '期初', amount: '176.15' },
      warnings: [{ column: '批号', message: '未填批号，将记为批号【期初】' }],
    });
    // A goods without lot tracking has no lot, and no warning about it.
    expect(row(10)).toMatchObject({ values: { baseQuantity: '678' }, warnings: [] });
    expect(row(10).values.lot).toBe('');
  });

  it('commits as one draft 期初库存单 that approval posts, each line at the sheet’s value', async () => {
    const { engine, adminSession } = await ledgerWithGoodsAndWarehouses();
    const preview = await callOk(engine, 'import.preview', stockFile(openingStock), adminSession);
    const outcome = await callOk(engine, 'import.commit', stockFile(openingStock), adminSession);
    expect(outcome).toMatchObject({
      status: 'committed',
      created: 34,
      document: { number: 'QC20260302-0001' },
    });
    const draft = await callOk(engine, 'documents.get', { id: outcome.document!.id }, adminSession);
    expect(draft.status).toBe('draft');
    const sheetTotal = preview.rows.reduce(
      (sum, row) => sum + Math.round(Number(row.values.amount) * 100),
      0,
    );
    expect(Math.round(Number(draft.totalAmount) * 100)).toBe(sheetTotal);
    const milk = draft.lines.find((line) => line.goodsCode === '10010008' && line.lot === '20261002')!;
    expect(milk).toMatchObject({ mixedQuantity: '33箱5袋', amount: '1023.67', warehouseName: '一号仓' });
    // Not a whole number of 箱: shown in 袋, at the unit price the value comes to (1,023.67 / 797), not 0.
    expect(milk).toMatchObject({ unitName: '袋', quantity: '797', unitPrice: '1.284404' });

    // The clerk opens it, edits the remark and saves: every line keeps the sheet's value.
    await callOk(
      engine,
      'documents.save',
      {
        id: draft.id,
        version: draft.version,
        document: {
          type: 'opening_stock',
          businessDate: draft.businessDate,
          remark: '期初库存（已核对）',
          lines: draft.lines.map((line) => ({
            goodsId: line.goodsId,
            unitName: line.unitName,
            quantity: line.quantity,
            unitPrice: line.unitPrice,
            amount: line.amount,
            warehouseId: line.warehouseId,
            lot: line.lot,
            productionDate: line.productionDate,
          })),
        },
      },
      adminSession,
    );
    const resaved = await callOk(engine, 'documents.get', { id: draft.id }, adminSession);
    expect(Math.round(Number(resaved.totalAmount) * 100)).toBe(sheetTotal);
    expect(resaved.lines.map((line) => line.amount)).toEqual(draft.lines.map((line) => line.amount));

    await callOk(engine, 'documents.submit', { id: draft.id }, adminSession);
    // Whoever made the document does not approve it (separate-approver.test.ts): the manager does.
    await addUser(engine, {
      username: 'zhaolei',
      displayName: '赵磊',
      role: 'manager',
      password: 'Ledger-2026!',
    });
    const manager = await signIn(engine, 'zhaolei', 'Ledger-2026!');
    await callOk(engine, 'documents.approve', { id: draft.id }, manager);
    expect((await callOk(engine, 'documents.get', { id: draft.id }, adminSession)).status).toBe('completed');
    const stock = engine.db.$client
      .prepare('SELECT sum(quantity) AS quantity, sum(value) AS value FROM stock_balances')
      .get() as { quantity: number; value: number };
    expect(stock.value).toBe(sheetTotal);
    const posted = engine.db.$client
      .prepare(
        "SELECT b.quantity, b.value FROM stock_balances b JOIN goods g ON g.id = b.goods_id JOIN warehouses w ON w.id = b.warehouse_id WHERE g.code = '10010008' AND b.lot = '20261002' AND w.name = '一号仓'",
      )
      .get();
    // 797 袋 at two quantity decimals, worth ¥1,023.67.
    expect(posted).toEqual({ quantity: 79700, value: 102367 });
  });

  it('opened on the document page, shows the sheet’s total and, saved as the page sends it, keeps every value', async () => {
    const { engine, adminSession } = await ledgerWithGoodsAndWarehouses();
    const outcome = await callOk(engine, 'import.commit', stockFile(openingStock), adminSession);
    const draft = await callOk(engine, 'documents.get', { id: outcome.document!.id }, adminSession);
    const lines = linesFromView(draft);
    // The page's total is the sum of the lines' kept values, as the engine's is.
    expect(documentTotals(lines, 'opening_stock', 2, false).amount).toBe(
      Math.round(Number(draft.totalAmount) * 100),
    );

    // The clerk corrects one value: 20 箱 of 纯牛奶 at 35.2294 came to 704.59; the count says 705.00,
    // so its unit cost becomes 705.00 / 20 = 35.25.
    const corrected = lines.findIndex((line) => line.goodsCode === '10010001' && line.quantity === '20');
    lines[corrected] = { ...lines[corrected]!, amount: '705.00', amountTyped: true };
    const { input } = toDocumentInput('opening_stock', headerFromView(draft), lines, null, 2);
    // Only that line's value needs saying: every other price already comes to its value.
    expect(input.lines.filter((line) => line.amount !== null)).toEqual([
      expect.objectContaining({ amount: '705.00', unitPrice: '35.2294' }),
    ]);
    await callOk(
      engine,
      'documents.save',
      { id: draft.id, version: draft.version, document: input },
      adminSession,
    );

    const resaved = await callOk(engine, 'documents.get', { id: draft.id }, adminSession);
    const expected = draft.lines.map((line, index) =>
      index === corrected
        ? { amount: '705.00', unitPrice: '35.25' }
        : { amount: line.amount, unitPrice: line.unitPrice },
    );
    expect(resaved.lines.map(({ amount, unitPrice }) => ({ amount, unitPrice }))).toEqual(expected);
    expect(Math.round(Number(resaved.totalAmount) * 100)).toBe(
      Math.round(Number(draft.totalAmount) * 100) + 41,
    );
  });

  it('names what is wrong: missing warehouses and goods, odd names, split base units, bad numbers and dates', async () => {
    const { engine, adminSession } = await ledgerWithGoodsAndWarehouses();
    const bad = edited({
      A2: '三号仓',
      B4: '99999999',
      C5: '高钙奶',
      E6: 0.1,
      F8: -1,
      G9: 'abc',
      I12: '2026-02-30',
    });
    const preview = await callOk(engine, 'import.preview', stockFile(bad), adminSession);
    const problemsOf = (number: number) => {
      const { errors, warnings } = preview.rows.find((candidate) => candidate.row === number)!;
      return { errors, warnings };
    };
    expect(problemsOf(2).errors).toEqual([
      { column: '仓库', message: '仓库【三号仓】不存在（按仓库名称或编码查找）' },
    ]);
    expect(problemsOf(4).errors).toEqual([
      { column: '商品编码', message: '商品编码 99999999 不存在，请先导入商品' },
    ]);
    expect(problemsOf(5)).toEqual({
      errors: [],
      warnings: [
        { column: '商品名称', message: '与商品编码 10010015 对应的商品名称【高钙牛奶】不同，按编码导入' },
      ],
    });
    // 0.1 箱 of 有机纯牛奶 (12 盒) plus 3 盒 is 4.2 盒: a 盒 cannot be split.
    expect(problemsOf(6).errors).toEqual([
      { column: '散装数量(基本单位)', message: '盒不可拆分，折合后的 4.2盒不是整数' },
    ]);
    expect(problemsOf(8).errors).toEqual([{ column: '散装数量(基本单位)', message: '散装数量不能为负数' }]);
    expect(problemsOf(9).errors).toEqual([
      { column: '单位成本(元/箱，不含税)', message: '“abc”不是有效的数字' },
    ]);
    expect(problemsOf(12).errors).toEqual([{ column: '生产日期', message: '“2026-02-30”不是有效的日期' }]);
    expect(preview.counts).toMatchObject({ errors: 6, valid: 28 });
  });
});
