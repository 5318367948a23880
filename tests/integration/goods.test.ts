import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../src/shared/api';
import { beijingLedger, callFailing, callOk } from './support/ledger';

type GoodsInput = ApiInput<'goods.save'>['goods'];

const milk: GoodsInput = {
  code: '10010001',
  name: '纯牛奶',
  spec: '250ml×24袋',
  categoryPath: null,
  brand: '蒙原',
  taxRate: '9',
  lotTracked: true,
  shelfLifeDays: 45,
  units: [
    { name: '袋', ratio: '1', isBase: true, barcode: '6921030000003', retailPrice: '2.50' },
    {
      name: '箱',
      ratio: '24',
      isBase: false,
      barcode: '6921090000005',
      purchasePrice: '38.40',
      salePrice: 45.6,
    },
  ],
};

const cola: GoodsInput = {
  code: '10010043',
  name: '可乐',
  spec: '330ml×24罐',
  units: [
    { name: '罐', ratio: '1', isBase: true, barcode: '6921030007866' },
    { name: '箱', ratio: '24', isBase: false, barcode: '6921090007868' },
  ],
};

describe('goods with several units', () => {
  it('saves a goods with its units largest first, prices exact, and reads it back as the form shows it', async () => {
    const { engine, adminSession } = await beijingLedger();
    const saved = await callOk(engine, 'goods.save', { id: null, goods: milk }, adminSession);
    expect(saved).toMatchObject({
      code: '10010001',
      name: '纯牛奶',
      taxRate: '9',
      lotTracked: true,
      defaultPurchaseUnit: '箱',
      defaultSaleUnit: '箱',
    });
    expect(saved.units).toEqual([
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
    expect(await callOk(engine, 'goods.get', { id: saved.id }, adminSession)).toEqual(saved);
    // Stored exactly: millionths of a yuan, no float anywhere.
    expect(
      engine.db.$client.prepare("SELECT purchase_price FROM goods_units WHERE name = '箱'").get(),
    ).toEqual({
      purchase_price: 38_400_000,
    });
  });

  it('refuses a second goods with the same code, or a barcode another goods already uses', async () => {
    const { engine, adminSession } = await beijingLedger();
    await callOk(engine, 'goods.save', { id: null, goods: milk }, adminSession);
    expect(
      await callFailing(
        engine,
        'goods.save',
        { id: null, goods: { ...cola, code: milk.code } },
        adminSession,
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      message: '商品编码 10010001 已存在（纯牛奶）。',
    });
    const sameBarcode = {
      ...cola,
      units: [cola.units[0], { ...cola.units[1], barcode: '6921090000005' }],
    };
    expect(
      await callFailing(engine, 'goods.save', { id: null, goods: sameBarcode }, adminSession),
    ).toMatchObject({
      code: 'CONFLICT',
      message: '条码 6921090000005 已用于商品【10010001 纯牛奶】，同一条码只能对应一个商品单位。',
    });
  });

  it('refuses a ratio that is not a positive number, naming the field', async () => {
    const { engine, adminSession } = await beijingLedger();
    const error = await callFailing(
      engine,
      'goods.save',
      { id: null, goods: { ...cola, units: [cola.units[0], { ...cola.units[1], ratio: 'abc' }] } },
      adminSession,
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual({
      issues: [{ path: ['goods', 'units', '1', 'ratio'], message: '换算率【abc】不是有效的数字' }],
    });
  });

  it('updates a goods in place: new units replace the old, the audit keeps before and after', async () => {
    const { engine, adminSession } = await beijingLedger();
    const saved = await callOk(engine, 'goods.save', { id: null, goods: milk }, adminSession);
    const changed = await callOk(
      engine,
      'goods.save',
      {
        id: saved.id,
        version: saved.version,
        goods: {
          ...milk,
          name: '纯牛奶（新包装）',
          units: [...milk.units, { name: '件', ratio: '144', isBase: false }],
        },
      },
      adminSession,
    );
    expect(changed.units.map((unit) => unit.describe)).toEqual(['1 件 = 144 袋', '1 箱 = 24 袋', '']);
    const audit = await callOk(engine, 'audit.list', { action: 'goods.update' }, adminSession);
    expect(audit.total).toBe(1);
    expect((audit.rows[0]?.before as { name: string }).name).toBe('纯牛奶');
    expect((audit.rows[0]?.after as { name: string }).name).toBe('纯牛奶（新包装）');
  });

  it('is found by code, name, barcode of any unit and pinyin initials; a box barcode says 箱', async () => {
    const { engine, adminSession } = await beijingLedger();
    await callOk(engine, 'goods.save', { id: null, goods: milk }, adminSession);
    await callOk(engine, 'goods.save', { id: null, goods: cola }, adminSession);
    const search = async (term: string) =>
      (await callOk(engine, 'goods.search', { term }, adminSession)).map((found) => [
        found.name,
        found.scannedUnit,
      ]);
    expect(await search('cn')).toEqual([['纯牛奶', null]]);
    expect(await search('kele')).toEqual([['可乐', null]]);
    expect(await search('6921090000005')).toEqual([['纯牛奶', '箱']]);
    expect(await search('6921030007866')).toEqual([['可乐', '罐']]);
    expect(await search('1001')).toEqual([
      ['纯牛奶', null],
      ['可乐', null],
    ]);
    expect(await search('牛奶')).toEqual([['纯牛奶', null]]);
    const list = await callOk(engine, 'goods.list', { search: 'CN' }, adminSession);
    expect(list).toMatchObject({
      total: 1,
      rows: [{ name: '纯牛奶', units: '1 箱 = 24 袋', taxRate: '9%', baseUnit: '袋' }],
    });
  });

  it('goes to the recycle bin and back; its code stays taken while it is there; purged, it is gone', async () => {
    const { engine, adminSession } = await beijingLedger();
    const saved = await callOk(engine, 'goods.save', { id: null, goods: milk }, adminSession);
    await callOk(engine, 'masterData.delete', { entity: 'goods', id: saved.id }, adminSession);
    expect((await callOk(engine, 'goods.list', {}, adminSession)).total).toBe(0);
    expect((await callOk(engine, 'goods.search', { term: 'cn' }, adminSession)).length).toBe(0);
    expect(await callOk(engine, 'goods.list', { recycleBin: true }, adminSession)).toMatchObject({
      total: 1,
      rows: [{ code: '10010001', deletedBy: 'admin' }],
    });
    expect((await callFailing(engine, 'goods.save', { id: null, goods: milk }, adminSession)).message).toBe(
      '商品编码 10010001 已被回收站中的商品【纯牛奶】占用，请先恢复或彻底删除它。',
    );

    expect(
      (
        await callFailing(
          engine,
          'goods.save',
          { id: saved.id, version: saved.version, goods: { ...milk, name: '改名' } },
          adminSession,
        )
      ).message,
    ).toBe('商品【10010001 纯牛奶】在回收站中，请先恢复再修改。');

    await callOk(engine, 'masterData.restore', { entity: 'goods', id: saved.id }, adminSession);
    expect((await callOk(engine, 'goods.list', {}, adminSession)).total).toBe(1);
    expect(
      (await callFailing(engine, 'masterData.purge', { entity: 'goods', id: saved.id }, adminSession))
        .message,
    ).toBe('商品【10010001 纯牛奶】不在回收站中，请先删除。');

    await callOk(engine, 'masterData.delete', { entity: 'goods', id: saved.id }, adminSession);
    await callOk(engine, 'masterData.purge', { entity: 'goods', id: saved.id }, adminSession);
    expect(engine.db.$client.prepare('SELECT count(*) AS n FROM goods_units').get()).toEqual({ n: 0 });
    const actions = (await callOk(engine, 'audit.list', { actionPrefix: 'goods.' }, adminSession)).rows.map(
      (row) => row.action,
    );
    expect(actions).toEqual(['goods.purge', 'goods.delete', 'goods.restore', 'goods.delete', 'goods.create']);
  });

  it('keeps each unit’s 最低售价: saved exactly, read back as the form shows it, cleared when left blank', async () => {
    const { engine, adminSession } = await beijingLedger();
    const withFloor: GoodsInput = {
      ...milk,
      units: [
        { ...milk.units[0]!, minSalePrice: '1.9' },
        { ...milk.units[1]!, minSalePrice: '42' },
      ],
    };
    const saved = await callOk(engine, 'goods.save', { id: null, goods: withFloor }, adminSession);
    expect(saved.units.map((unit) => [unit.name, unit.salePrice, unit.minSalePrice])).toEqual([
      ['箱', '45.60', '42.00'],
      ['袋', null, '1.90'],
    ]);
    expect(await callOk(engine, 'goods.get', { id: saved.id }, adminSession)).toEqual(saved);
    expect(
      engine.db.$client.prepare('SELECT name, min_sale_price FROM goods_units ORDER BY sort_order').all(),
    ).toEqual([
      { name: '箱', min_sale_price: 42_000_000 },
      { name: '袋', min_sale_price: 1_900_000 },
    ]);

    // The form sends an emptied cell as blank text: the 箱 has no floor any more.
    const cleared = await callOk(
      engine,
      'goods.save',
      {
        id: saved.id,
        version: saved.version,
        goods: { ...withFloor, units: [withFloor.units[0]!, { ...withFloor.units[1]!, minSalePrice: '' }] },
      },
      adminSession,
    );
    expect(cleared.units.map((unit) => unit.minSalePrice)).toEqual([null, '1.90']);
  });

  it('refuses a 最低售价 above the unit’s 批发价, naming the goods, the unit and both prices', async () => {
    const { engine, adminSession } = await beijingLedger();
    const fresh: GoodsInput = {
      code: '10010008',
      name: '鲜牛奶',
      units: [
        { name: '袋', ratio: '1', isBase: true },
        { name: '箱', ratio: '24', isBase: false, salePrice: '80', minSalePrice: '90' },
      ],
    };
    expect(await callFailing(engine, 'goods.save', { id: null, goods: fresh }, adminSession)).toMatchObject({
      code: 'VALIDATION',
      message: '商品【鲜牛奶】单位【箱】的最低售价 90.00 高于批发价 80.00。',
    });
    expect((await callOk(engine, 'goods.list', {}, adminSession)).total).toBe(0);

    // Equal to the 批发价 is a floor the default price still meets; with no 批发价 there is nothing to compare.
    const atPrice = { ...fresh, units: [fresh.units[0]!, { ...fresh.units[1]!, minSalePrice: '80.00' }] };
    const saved = await callOk(engine, 'goods.save', { id: null, goods: atPrice }, adminSession);
    expect(saved.units[0]).toMatchObject({ name: '箱', salePrice: '80.00', minSalePrice: '80.00' });
    const noPrice = { ...fresh, units: [fresh.units[0]!, { ...fresh.units[1]!, salePrice: null }] };
    expect(
      (
        await callOk(
          engine,
          'goods.save',
          { id: saved.id, version: saved.version, goods: noPrice },
          adminSession,
        )
      ).units[0],
    ).toMatchObject({ salePrice: null, minSalePrice: '90.00' });
  });

  it('can be disabled and enabled, and the list filters on it', async () => {
    const { engine, adminSession } = await beijingLedger();
    const saved = await callOk(engine, 'goods.save', { id: null, goods: milk }, adminSession);
    await callOk(engine, 'goods.save', { id: null, goods: cola }, adminSession);
    await callOk(
      engine,
      'masterData.setActive',
      { entity: 'goods', id: saved.id, active: false },
      adminSession,
    );
    expect(
      (await callOk(engine, 'goods.list', { active: false }, adminSession)).rows.map((row) => row.name),
    ).toEqual(['纯牛奶']);
    expect(
      (await callOk(engine, 'goods.list', { active: true }, adminSession)).rows.map((row) => row.name),
    ).toEqual(['可乐']);
    await callOk(
      engine,
      'masterData.setActive',
      { entity: 'goods', id: saved.id, active: true },
      adminSession,
    );
    expect((await callOk(engine, 'goods.list', { active: true }, adminSession)).total).toBe(2);
  });

  it('keeps a goods’ own costing method only where the branch lets goods override its default', async () => {
    const { engine, adminSession } = await beijingLedger();
    // 北京分公司: 移动加权平均 for every goods, no overrides.
    const fifoCola: GoodsInput = { ...cola, costingMethod: 'fifo' };
    expect(await callFailing(engine, 'goods.save', { id: null, goods: fifoCola }, adminSession)).toEqual({
      code: 'VALIDATION',
      message:
        '本机构不允许商品单独指定计价方法：商品【可乐】的计价方法【先进先出】请留空（按本机构默认的移动加权平均计价），' +
        '或先在本机构设置中允许商品单独指定计价方法。',
      details: { field: 'costingMethod' },
    });
    expect((await callOk(engine, 'goods.list', {}, adminSession)).total).toBe(0);

    // The branch default named again is no override: stored as none.
    const named = { ...cola, costingMethod: 'moving_average' } satisfies GoodsInput;
    const saved = await callOk(engine, 'goods.save', { id: null, goods: named }, adminSession);
    expect(saved.costingMethod).toBeNull();

    // Once the branch allows overrides, the goods keeps its own.
    await callOk(engine, 'branch.update', { allowCostingMethodOverride: true }, adminSession);
    const own = await callOk(
      engine,
      'goods.save',
      { id: saved.id, version: saved.version, goods: fifoCola },
      adminSession,
    );
    expect(own.costingMethod).toBe('fifo');
  });
});
