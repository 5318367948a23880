import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import type { ApiInput } from '../../src/shared/api';
import { readSample } from '../support/samples';
import { beijingLedger, callOk } from './support/ledger';

const catalogue = readSample('商品目录-总部下发.xlsx');

type ImportInput = ApiInput<'import.commit'>;

function goodsFile(content: Buffer, fileName = '商品目录-总部下发.xlsx'): ImportInput {
  return { entity: 'goods', fileName, contentBase64: content.toString('base64') };
}

/** The sample catalogue with some cells changed, written back with SheetJS as a clerk's edit would be. */
function editedCatalogue(edits: Record<string, string | number>): Buffer {
  const workbook = XLSX.read(catalogue);
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  for (const [address, value] of Object.entries(edits)) {
    sheet[address] = typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value };
  }
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

function count(engine: Engine, table: string): number {
  return (engine.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

async function goodsByCode(engine: Engine, session: string, code: string) {
  const { rows } = await callOk(engine, 'goods.list', { search: code }, session);
  const row = rows.find((candidate) => candidate.code === code)!;
  return callOk(engine, 'goods.get', { id: row.id }, session);
}

describe('importing head office’s goods catalogue', () => {
  it('previews the sample: header on row 3, blank and note rows skipped, every row to be created', async () => {
    const { engine, adminSession } = await beijingLedger();
    const preview = await callOk(engine, 'import.preview', goodsFile(catalogue), adminSession);
    expect(preview).toMatchObject({
      sheetNames: ['商品目录'],
      sheet: '商品目录',
      headerRowNumber: 3,
      mappingSource: 'automatic',
      unmappedRequired: [],
      counts: { total: 25, valid: 25, errors: 0, create: 25, update: 0, skip: 0 },
    });
    expect(preview.mapping).toMatchObject({ code: 0, unit2Ratio: 7, unit2PurchasePrice: 10, taxRate: 13 });
    expect(preview.rows.map((row) => row.row)).toEqual([
      4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
    ]);
    const organicMilk = preview.rows.find((row) => row.row === 7)!;
    expect(organicMilk.values).toMatchObject({
      name: '有机纯牛奶',
      unit2Ratio: '12',
      taxRate: '9%',
      lotTracked: '是',
    });
    expect(preview.rows.find((row) => row.row === 11)!.values.unit2PurchasePrice).toBe('52.80');
    expect(preview.rows.find((row) => row.row === 15)!.values.unit2Ratio).toBe('12');
    expect(organicMilk.warnings).toEqual([
      { column: '商品类别', message: '商品类别【乳制品/纯牛奶】不存在，将新建' },
    ]);
    expect(count(engine, 'goods')).toBe(0);
  });

  it('imports the 25 goods exactly: units, both barcodes, prices, tax, lots, and the category tree', async () => {
    const { engine, adminSession } = await beijingLedger();
    const outcome = await callOk(engine, 'import.commit', goodsFile(catalogue), adminSession);
    expect(outcome).toEqual({
      status: 'committed',
      created: 25,
      updated: 0,
      skipped: 0,
      errors: [],
      logId: expect.any(Number),
    });

    const milk = await goodsByCode(engine, adminSession, '10010001');
    expect(milk).toMatchObject({
      name: '纯牛奶',
      spec: '250ml×24袋',
      categoryPath: '乳制品/纯牛奶',
      brand: '蒙原',
      taxRate: '9',
      lotTracked: true,
      shelfLifeDays: 45,
      defaultPurchaseUnit: '箱',
      defaultSaleUnit: '箱',
    });
    expect(milk.units).toEqual([
      {
        name: '箱',
        ratio: '24',
        isBase: false,
        barcode: '6921090000005',
        purchasePrice: '38.40',
        salePrice: '45.60',
        retailPrice: null,
        minSalePrice: null,
        describe: '1 箱 = 24 袋',
      },
      {
        name: '袋',
        ratio: '1',
        isBase: true,
        barcode: '6921030000003',
        purchasePrice: null,
        salePrice: null,
        retailPrice: '2.50',
        minSalePrice: null,
        describe: '',
      },
    ]);
    // Exact in the database: 38.40 yuan is 38,400,000 millionths, never 38.399999….
    expect(
      engine.db.$client
        .prepare(
          "SELECT u.purchase_price AS price FROM goods_units u JOIN goods g ON g.id = u.goods_id WHERE g.code = '10010001' AND u.name = '箱'",
        )
        .get(),
    ).toEqual({ price: 38_400_000 });

    expect((await goodsByCode(engine, adminSession, '10010022')).name).toBe('有机纯牛奶');
    expect((await goodsByCode(engine, adminSession, '10010078')).units[0]).toMatchObject({
      name: '箱',
      ratio: '12',
      describe: '1 箱 = 12 盒',
    });
    const cola = await goodsByCode(engine, adminSession, '10010050');
    expect(cola).toMatchObject({ spec: '500ml×24瓶', taxRate: '13', lotTracked: false });
    expect(cola.units[0]!.purchasePrice).toBe('52.80');
    expect((await goodsByCode(engine, adminSession, '10010029')).units[0]).toMatchObject({
      name: '板',
      ratio: '8',
    });

    const categories = await callOk(engine, 'categories.list', {}, adminSession);
    const byPath = new Map(categories.map((category) => [category.path, category]));
    expect([...byPath.keys()].sort()).toEqual(
      [
        '乳制品',
        '乳制品/纯牛奶',
        '乳制品/酸奶',
        '休闲食品',
        '休闲食品/饼干',
        '方便食品',
        '方便食品/方便面',
        '饮料',
        '饮料/果汁',
        '饮料/植物蛋白',
        '饮料/碳酸饮料',
        '饮料/茶饮料',
        '饮用水',
      ].sort(),
    );
    expect(byPath.get('乳制品/酸奶')!.parentId).toBe(byPath.get('乳制品')!.id);
    expect(byPath.get('饮用水')!.parentId).toBeNull();

    // The search box finds imported goods by pinyin initials and by the box barcode.
    const byPinyin = await callOk(engine, 'goods.search', { term: 'cn' }, adminSession);
    expect(byPinyin.map((found) => found.name)).toContain('纯牛奶');
    const byBoxBarcode = await callOk(engine, 'goods.search', { term: '6921090000005' }, adminSession);
    expect(byBoxBarcode[0]).toMatchObject({ code: '10010001', scannedUnit: '箱' });
  });

  it('audits every goods as the form would read it back', async () => {
    const { engine, adminSession } = await beijingLedger();
    await callOk(engine, 'import.commit', goodsFile(catalogue), adminSession);
    const milk = await goodsByCode(engine, adminSession, '10010001');
    const audit = engine.db.$client
      .prepare(
        "SELECT username, before, after FROM audit_log WHERE action = 'goods.create' AND entity_key = '10010001'",
      )
      .get() as { username: string; before: string | null; after: string };
    expect(audit.username).toBe('admin');
    expect(audit.before).toBeNull();
    expect(JSON.parse(audit.after)).toEqual(JSON.parse(JSON.stringify(milk)));
    expect(
      engine.db.$client.prepare("SELECT display_units FROM goods WHERE code = '10010001'").get(),
    ).toEqual({ display_units: null });
  });

  it('a second import of the same file changes nothing and leaves no audit rows', async () => {
    const { engine, adminSession } = await beijingLedger();
    await callOk(engine, 'import.commit', goodsFile(catalogue), adminSession);
    const auditRows = count(engine, 'audit_log');
    const updatedAt = engine.db.$client.prepare('SELECT max(updated_at) AS at FROM goods').get();

    const preview = await callOk(engine, 'import.preview', goodsFile(catalogue), adminSession);
    expect(preview.mappingSource).toBe('remembered');
    expect(preview.counts).toMatchObject({ create: 0, update: 0, skip: 25 });
    expect(preview.rows[0]).toMatchObject({ action: 'skip', note: '与现有记录相同，无需更新' });

    const again = await callOk(engine, 'import.commit', goodsFile(catalogue), adminSession);
    expect(again).toMatchObject({ status: 'committed', created: 0, updated: 0, skipped: 25, errors: [] });
    expect(count(engine, 'audit_log')).toBe(auditRows);
    expect(count(engine, 'goods')).toBe(25);
    expect(engine.db.$client.prepare('SELECT max(updated_at) AS at FROM goods').get()).toEqual(updatedAt);
  });

  it('a file with one bad row commits nothing and names the row and the column as in the file', async () => {
    const { engine, adminSession } = await beijingLedger();
    const bad = editedCatalogue({ H7: 'abc' });
    const outcome = await callOk(engine, 'import.commit', goodsFile(bad, '商品目录-有错.xlsx'), adminSession);
    expect(outcome).toMatchObject({
      status: 'refused',
      created: 0,
      updated: 0,
      skipped: 0,
      errors: [{ row: 7, column: '换算率', message: '“abc”不是有效的数字' }],
    });
    expect(count(engine, 'goods')).toBe(0);
    expect(count(engine, 'goods_categories')).toBe(0);

    const preview = await callOk(engine, 'import.preview', goodsFile(bad), adminSession);
    expect(preview.counts).toMatchObject({ total: 25, valid: 24, errors: 1 });
    expect(preview.rows.find((row) => row.row === 7)).toMatchObject({
      action: 'error',
      values: { unit2Ratio: 'abc', name: '有机纯牛奶' },
      errors: [{ column: '换算率', message: '“abc”不是有效的数字' }],
    });

    const validOnly = await callOk(
      engine,
      'import.commit',
      { ...goodsFile(bad, '商品目录-有错.xlsx'), options: { validOnly: true } },
      adminSession,
    );
    expect(validOnly).toMatchObject({
      status: 'committed',
      created: 24,
      errors: [{ row: 7, column: '换算率', message: '“abc”不是有效的数字' }],
    });
    expect(count(engine, 'goods')).toBe(24);
    const codes = engine.db.$client.prepare('SELECT code FROM goods').all() as { code: string }[];
    expect(codes.map((row) => row.code)).not.toContain('10010022');
  });

  it('checks each row against the goods rules: base unit, ratio, barcodes in the file and in the books', async () => {
    const { engine, adminSession } = await beijingLedger();
    await callOk(
      engine,
      'goods.save',
      {
        goods: {
          code: '99990001',
          name: '样品',
          units: [{ name: '个', ratio: '1', isBase: true, barcode: '6921030007866' }],
        },
      },
      adminSession,
    );
    const bad = editedCatalogue({
      F5: '',
      H6: 0,
      J8: '6921090000005',
      G9: '袋',
      D12: '',
      A14: '10010001',
    });
    const preview = await callOk(engine, 'import.preview', goodsFile(bad), adminSession);
    const errorsOf = (row: number) => preview.rows.find((candidate) => candidate.row === row)!.errors;
    expect(errorsOf(5)).toEqual([{ column: '基本单位', message: '未填写基本单位' }]);
    expect(errorsOf(6)).toEqual([{ column: '换算率', message: '换算率必须是大于 0 的数字，而不是 0' }]);
    expect(errorsOf(4)).toEqual([
      { column: '商品编码', message: '编码 10010001 在第 14 行重复出现' },
      { column: '箱条码', message: '条码 6921090000005 在第 8 行重复出现' },
    ]);
    expect(errorsOf(8)).toEqual([{ column: '箱条码', message: '条码 6921090000005 在第 4 行重复出现' }]);
    expect(errorsOf(9)).toEqual([{ column: '大单位', message: '大单位【袋】与基本单位同名' }]);
    expect(errorsOf(10)).toEqual([
      { column: '基本单位条码', message: '条码 6921030007866 已用于商品【99990001 样品】' },
    ]);
    expect(errorsOf(14)).toEqual([{ column: '商品编码', message: '编码 10010001 在第 4 行重复出现' }]);
    expect(preview.counts).toMatchObject({ errors: 7, valid: 18 });
    // 10010057 lost its category: no category is fine.
    expect(preview.rows.find((row) => row.row === 12)).toMatchObject({ action: 'create', errors: [] });
  });

  it('refuses unknown categories when the clerk does not allow creating them', async () => {
    const { engine, adminSession } = await beijingLedger();
    const outcome = await callOk(
      engine,
      'import.commit',
      { ...goodsFile(catalogue), options: { createMissing: false } },
      adminSession,
    );
    expect(outcome.status).toBe('refused');
    expect(outcome.errors).toHaveLength(25);
    expect(outcome.errors[0]).toEqual({
      row: 4,
      column: '商品类别',
      message: '商品类别【乳制品/纯牛奶】不存在（可选择自动新建缺少的类别）',
    });
    expect(count(engine, 'goods_categories')).toBe(0);
  });

  it('updates existing goods by code, or skips them, as the clerk chooses; blank cells keep values', async () => {
    const { engine, adminSession } = await beijingLedger();
    await callOk(engine, 'import.commit', goodsFile(catalogue), adminSession);
    const changed = editedCatalogue({ K4: 39, E5: '', B6: '高钙牛奶（新包装）' });

    const skipped = await callOk(
      engine,
      'import.commit',
      { ...goodsFile(changed), options: { existing: 'skip' } },
      adminSession,
    );
    expect(skipped).toMatchObject({ created: 0, updated: 0, skipped: 25 });
    expect((await goodsByCode(engine, adminSession, '10010001')).units[0]!.purchasePrice).toBe('38.40');

    const preview = await callOk(engine, 'import.preview', goodsFile(changed), adminSession);
    expect(preview.rows.filter((row) => row.action === 'update').map((row) => row.row)).toEqual([4, 6]);
    const updated = await callOk(engine, 'import.commit', goodsFile(changed), adminSession);
    expect(updated).toMatchObject({ created: 0, updated: 2, skipped: 23 });
    expect((await goodsByCode(engine, adminSession, '10010001')).units[0]!.purchasePrice).toBe('39.00');
    // Row 5 left 品牌 blank: the brand stays.
    expect((await goodsByCode(engine, adminSession, '10010008')).brand).toBe('蒙原');
    expect((await goodsByCode(engine, adminSession, '10010015')).name).toBe('高钙牛奶（新包装）');
    const audit = engine.db.$client
      .prepare(
        "SELECT before, after FROM audit_log WHERE action = 'goods.update' AND entity_key = '10010001'",
      )
      .get() as { before: string; after: string };
    expect(JSON.parse(audit.before).units[0].purchasePrice).toBe('38.40');
    expect(JSON.parse(audit.after).units[0].purchasePrice).toBe('39.00');
  });

  it('offers an edited mapping back and remembers it for the next file from the same source', async () => {
    const { engine, adminSession } = await beijingLedger();
    const first = await callOk(engine, 'import.preview', goodsFile(catalogue), adminSession);
    // The clerk decides the 建议零售价 column is not to be imported.
    const mapping = { ...first.mapping, baseRetailPrice: null };
    const given = await callOk(engine, 'import.preview', { ...goodsFile(catalogue), mapping }, adminSession);
    expect(given.mappingSource).toBe('given');
    expect(given.rows[0]!.values.baseRetailPrice).toBeUndefined();
    await callOk(engine, 'import.commit', { ...goodsFile(catalogue), mapping }, adminSession);
    expect((await goodsByCode(engine, adminSession, '10010001')).units[1]!.retailPrice).toBeNull();

    const next = await callOk(
      engine,
      'import.preview',
      goodsFile(editedCatalogue({ B4: '纯牛奶' })),
      adminSession,
    );
    expect(next.mappingSource).toBe('remembered');
    expect(next.mapping.baseRetailPrice).toBeNull();
  });
});

describe('writeGoods, which the form and the import share', () => {
  it('stores display units and stock lines as before, and audits what the form reads back', async () => {
    const { engine, adminSession } = await beijingLedger();
    const warehouse = await callOk(
      engine,
      'warehouses.save',
      { warehouse: { code: 'CK01', name: '一号仓' } },
      adminSession,
    );
    const saved = await callOk(
      engine,
      'goods.save',
      {
        goods: {
          code: '10010001',
          name: '纯牛奶',
          displayUnits: ['箱', '袋'],
          units: [
            { name: '袋', ratio: '1', isBase: true, barcode: '6921030000003' },
            { name: '箱', ratio: '24', isBase: false, barcode: '6921090000005', purchasePrice: '38.40' },
          ],
          stockLines: [{ warehouseId: warehouse.id, lower: 100, upper: 1000 }],
        },
      },
      adminSession,
    );
    expect(saved).toMatchObject({
      displayUnits: ['箱', '袋'],
      stockLines: [{ warehouseId: warehouse.id, warehouseName: '一号仓', lower: 100, upper: 1000 }],
    });
    expect(engine.db.$client.prepare('SELECT display_units FROM goods').get()).toEqual({
      display_units: '["箱","袋"]',
    });
    const audit = engine.db.$client
      .prepare("SELECT after FROM audit_log WHERE action = 'goods.create'")
      .get() as { after: string };
    expect(JSON.parse(audit.after)).toEqual(JSON.parse(JSON.stringify(saved)));
  });
});

describe('re-importing the catalogue over goods edited since', () => {
  it('updates the unit the file names and keeps the ones it does not mention', async () => {
    const { engine, adminSession } = await beijingLedger();
    await callOk(engine, 'import.commit', goodsFile(catalogue), adminSession);
    const milk = await goodsByCode(engine, adminSession, '10010001');
    // The clerk adds a 件 (= 6 箱) in the form: now the goods' largest unit is not the file's 大单位.
    await callOk(
      engine,
      'goods.save',
      {
        id: milk.id,
        version: milk.version,
        goods: {
          ...milk,
          units: [...milk.units, { name: '件', ratio: '144', isBase: false, barcode: null }],
        },
      },
      adminSession,
    );

    const changedPrice = editedCatalogue({ K4: 39.6 });
    const preview = await callOk(engine, 'import.preview', goodsFile(changedPrice), adminSession);
    expect(preview.counts).toMatchObject({ errors: 0, update: 1 });
    await callOk(engine, 'import.commit', goodsFile(changedPrice), adminSession);
    const after = await goodsByCode(engine, adminSession, '10010001');
    expect(after.units.map((unit) => [unit.name, unit.ratio, unit.purchasePrice])).toEqual([
      ['件', '144', null],
      ['箱', '24', '39.60'],
      ['袋', '1', null],
    ]);
  });
});

describe('计价方法 in the catalogue', () => {
  /** The sample catalogue with a 计价方法 column (Q) as head office may send it. */
  function catalogueWithMethods(edits: Record<string, string>): Buffer {
    const workbook = XLSX.read(catalogue);
    const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
    sheet['!ref'] = 'A1:Q31';
    for (const [address, value] of Object.entries({ Q3: '计价方法', ...edits })) {
      sheet[address] = { t: 's', v: value };
    }
    return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  }

  it('refuses a method of its own where the branch allows none, at its cell; the default named is no override', async () => {
    const { engine, adminSession } = await beijingLedger();
    const file = goodsFile(catalogueWithMethods({ Q4: '先进先出', Q5: '移动加权平均' }));
    const problem = {
      column: '计价方法',
      message:
        '本机构不允许商品单独指定计价方法：商品【纯牛奶】的计价方法【先进先出】请留空（按本机构默认的移动加权平均计价），' +
        '或先在本机构设置中允许商品单独指定计价方法。',
    };
    const preview = await callOk(engine, 'import.preview', file, adminSession);
    expect(preview.rows.find((row) => row.row === 4)!.errors).toEqual([problem]);
    expect(preview.counts).toMatchObject({ errors: 1, valid: 24 });
    expect(await callOk(engine, 'import.commit', file, adminSession)).toMatchObject({
      status: 'refused',
      errors: [{ row: 4, ...problem }],
    });

    await callOk(
      engine,
      'import.commit',
      goodsFile(catalogueWithMethods({ Q5: '移动加权平均' })),
      adminSession,
    );
    const methodOf = engine.db.$client.prepare('SELECT costing_method FROM goods WHERE code = ?');
    // Row 5, 鲜牛奶, named the branch default.
    expect(methodOf.get('10010008')).toEqual({ costing_method: null });

    // Where the branch allows it, the goods keeps the method the file gives.
    await callOk(engine, 'branch.update', { allowCostingMethodOverride: true }, adminSession);
    await callOk(engine, 'import.commit', goodsFile(catalogueWithMethods({ Q4: '先进先出' })), adminSession);
    expect(methodOf.get('10010001')).toEqual({ costing_method: 'fifo' });
  });
});

describe('最低售价 in the catalogue', () => {
  /** The sample catalogue with two more columns as head office may send them: 最低售价(元/箱) (Q), 最低价 (R). */
  function catalogueWithFloors(edits: Record<string, string | number>): Buffer {
    const workbook = XLSX.read(catalogue);
    const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
    sheet['!ref'] = 'A1:R31';
    for (const [address, value] of Object.entries({ Q3: '最低售价(元/箱)', R3: '最低价', ...edits })) {
      sheet[address] = typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value };
    }
    return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  }

  it('imports the 大单位 and base unit 最低售价 from the headers head office writes', async () => {
    const { engine, adminSession } = await beijingLedger();
    const file = goodsFile(catalogueWithFloors({ Q4: 42, R4: 1.9 }));
    const preview = await callOk(engine, 'import.preview', file, adminSession);
    expect(preview.mapping).toMatchObject({ unit2MinSalePrice: 16, baseMinSalePrice: 17 });
    expect(preview.counts).toMatchObject({ errors: 0, create: 25 });

    expect(await callOk(engine, 'import.commit', file, adminSession)).toMatchObject({
      status: 'committed',
      created: 25,
    });
    const milk = await goodsByCode(engine, adminSession, '10010001');
    expect(milk.units.map((unit) => [unit.name, unit.salePrice, unit.minSalePrice])).toEqual([
      ['箱', '45.60', '42.00'],
      ['袋', null, '1.90'],
    ]);
    expect(
      engine.db.$client
        .prepare(
          "SELECT u.min_sale_price AS floor FROM goods_units u JOIN goods g ON g.id = u.goods_id WHERE g.code = '10010001' AND u.name = '箱'",
        )
        .get(),
    ).toEqual({ floor: 42_000_000 });
    // A blank cell sets no floor.
    const freshMilk = await goodsByCode(engine, adminSession, '10010008');
    expect(freshMilk.units.map((unit) => unit.minSalePrice)).toEqual([null, null]);
  });

  it('refuses a 最低售价 above the 批发价 at its cell, and a 批发价 lowered under the floor already kept', async () => {
    const { engine, adminSession } = await beijingLedger();
    const tooHigh = goodsFile(catalogueWithFloors({ Q4: 50 }));
    const problem = {
      column: '最低售价(元/箱)',
      message: '商品【纯牛奶】单位【箱】的最低售价 50.00 高于批发价 45.60。',
    };
    const preview = await callOk(engine, 'import.preview', tooHigh, adminSession);
    expect(preview.rows.find((row) => row.row === 4)!.errors).toEqual([problem]);
    expect(preview.counts).toMatchObject({ errors: 1, valid: 24 });
    expect(await callOk(engine, 'import.commit', tooHigh, adminSession)).toMatchObject({
      status: 'refused',
      errors: [{ row: 4, ...problem }],
    });
    expect(count(engine, 'goods')).toBe(0);

    await callOk(engine, 'import.commit', goodsFile(catalogueWithFloors({ Q4: 42 })), adminSession);
    // A later catalogue without the floor column lowers the box price under the floor the goods keeps.
    const lowered = await callOk(
      engine,
      'import.preview',
      goodsFile(editedCatalogue({ L4: 40 })),
      adminSession,
    );
    expect(lowered.rows.find((row) => row.row === 4)!.errors).toEqual([
      { column: '批发价(元/大单位)', message: '商品【纯牛奶】单位【箱】的最低售价 42.00 高于批发价 40.00。' },
    ]);
  });

  it('has 最低售价 columns in the import template, each explained on the 说明 sheet', async () => {
    const { engine, adminSession } = await beijingLedger();
    const template = await callOk(engine, 'import.template', { entity: 'goods' }, adminSession);
    const workbook = XLSX.read(Buffer.from(template.contentBase64, 'base64'));
    const [headers] = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets['商品']!, { header: 1 });
    expect(headers!.filter((header) => header.includes('最低售价'))).toEqual([
      '基本单位最低售价',
      '大单位最低售价',
      '中单位最低售价',
    ]);
    const notes = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets['说明']!, { header: 1 });
    const baseNote = notes.find((row) => row[0] === '基本单位最低售价')!;
    expect(baseNote[3]).toContain('不能高于基本单位批发价');
    expect(baseNote[3]).toContain('也可写作：最低售价、最低价、最低销售价');
  });
});
