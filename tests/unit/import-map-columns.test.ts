import { describe, expect, it } from 'vitest';
import { counterpartySpec } from '../../src/engine/domain/master-data/counterparty-spec';
import { goodsSpec } from '../../src/engine/domain/master-data/goods-spec';
import { openingStockSpec } from '../../src/engine/domain/master-data/opening-stock-spec';
import { checkMapping, mapColumnsAutomatically } from '../../src/engine/services/import/map-columns';

/** Only the mapped fields, as { field: header }, to read the expectations at a glance. */
function mappedHeaders(mapping: Record<string, number | null>, headers: string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mapping)
      .filter(([, column]) => column !== null)
      .map(([key, column]) => [key, headers[column!]!]),
  );
}

describe('mapping headers to fields', () => {
  it('maps the head-office catalogue by labels and synonyms, the box price to the box unit', () => {
    const headers = [
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
    expect(mappedHeaders(mapColumnsAutomatically(goodsSpec, headers), headers)).toEqual({
      code: '商品编码',
      name: '商品名称',
      spec: '规格型号',
      category: '商品类别',
      brand: '品牌',
      baseUnit: '基本单位',
      unit2Name: '大单位',
      unit2Ratio: '换算率',
      baseBarcode: '基本单位条码',
      unit2Barcode: '箱条码',
      unit2PurchasePrice: '进货价(元/大单位)',
      unit2SalePrice: '批发价(元/大单位)',
      baseRetailPrice: '建议零售价(元/基本单位)',
      taxRate: '税率',
      shelfLifeDays: '保质期(天)',
      lotTracked: '批次管理',
    });
  });

  it('ignores spaces, case, full-width brackets and the template’s required mark', () => {
    const headers = ['*商品编码', ' 品 名 ', '货号说明', '进价（元）', 'BRAND'];
    expect(mappedHeaders(mapColumnsAutomatically(goodsSpec, headers), headers)).toEqual({
      code: '*商品编码',
      name: ' 品 名 ',
      basePurchasePrice: '进价（元）',
    });
  });

  it('drops a bracketed unit to match ("数量(箱)" is 数量), and reads the opening-stock sheet', () => {
    const headers = [
      '仓库',
      '商品编码',
      '商品名称',
      '规格',
      '数量(箱)',
      '散装数量(基本单位)',
      '单位成本(元/箱，不含税)',
      '批号',
      '生产日期',
    ];
    expect(mappedHeaders(mapColumnsAutomatically(openingStockSpec, headers), headers)).toEqual({
      warehouse: '仓库',
      goodsCode: '商品编码',
      goodsName: '商品名称',
      spec: '规格',
      quantity: '数量(箱)',
      looseQuantity: '散装数量(基本单位)',
      unitCost: '单位成本(元/箱，不含税)',
      lot: '批号',
      productionDate: '生产日期',
    });
  });

  it('never gives one header two fields nor one field two headers: the exact name wins, then the leftmost', () => {
    const headers = ['编码', '客户编码', '名称', '信用额度', '信用额度(元)'];
    const mapping = mapColumnsAutomatically(counterpartySpec, headers);
    expect(mappedHeaders(mapping, headers)).toEqual({
      code: '编码',
      name: '名称',
      creditLimit: '信用额度(元)',
    });
    const used = Object.values(mapping).filter((column) => column !== null);
    expect(new Set(used).size).toBe(used.length);
  });

  it('checks an edited mapping: a column given twice or beyond the file is refused in Chinese', () => {
    const headers = ['商品编码', '商品名称'];
    expect(checkMapping(goodsSpec, headers, { code: 1, name: 0 })).toMatchObject({
      code: 1,
      name: 0,
      spec: null,
    });
    expect(() => checkMapping(goodsSpec, headers, { code: 0, name: 0 })).toThrow(
      '文件的【商品编码】同时对应了【商品编码】和【商品名称】，一列只能对应一项。',
    );
    expect(() => checkMapping(goodsSpec, headers, { code: 5 })).toThrow(
      '【商品编码】对应的第 6 列在文件中不存在。',
    );
    expect(() => checkMapping(goodsSpec, headers, { colour: 0 })).toThrow('商品没有【colour】这一项');
  });
});
