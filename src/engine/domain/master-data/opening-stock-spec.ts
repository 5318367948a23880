import type { EntitySpec } from './field-spec';

/**
 * 期初库存: the opening-stock sheet. Parsed and validated on import (issue 3); the opening-balance
 * document that posts it comes with the stock documents.
 */
export const openingStockSpec: EntitySpec = {
  entity: 'openingStock',
  label: '期初库存',
  fields: [
    {
      key: 'warehouse',
      label: '仓库',
      type: 'text',
      required: true,
      synonyms: ['仓库名称', '仓库编码'],
      example: '一号仓',
      width: 14,
    },
    {
      key: 'goodsCode',
      label: '商品编码',
      type: 'text',
      required: true,
      synonyms: ['编码', '货号'],
      example: '10010001',
      width: 12,
    },
    {
      key: 'goodsName',
      label: '商品名称',
      type: 'text',
      synonyms: ['名称', '品名'],
      note: '只用于核对：与编码对应的商品名称不同时提示',
      width: 16,
    },
    { key: 'spec', label: '规格', type: 'text', synonyms: ['规格型号'], width: 12 },
    {
      key: 'unitName',
      label: '单位',
      type: 'text',
      note: '数量和单位成本所用的单位；不填为商品的大单位（没有大单位时为基本单位）',
      width: 8,
    },
    {
      key: 'quantity',
      label: '数量',
      type: 'ratio',
      required: true,
      synonyms: ['数量(箱)', '数量(大单位)', '库存数量', '整件数量'],
      example: '20',
      width: 10,
    },
    {
      key: 'looseQuantity',
      label: '散装数量(基本单位)',
      type: 'ratio',
      synonyms: ['散装数量', '零散数量', '散数'],
      example: '0',
      note: '不足一个大单位的零散数量，按基本单位填',
      width: 12,
    },
    {
      key: 'unitCost',
      label: '单位成本(元，不含税)',
      type: 'price',
      required: true,
      synonyms: ['单位成本(元/箱，不含税)', '单位成本', '成本单价', '单价'],
      example: '35.2294',
      width: 14,
    },
    { key: 'lot', label: '批号', type: 'text', synonyms: ['批次', '批次号'], width: 12 },
    {
      key: 'productionDate',
      label: '生产日期',
      type: 'date',
      synonyms: ['生产日期(年月日)'],
      example: '2026-09-01',
      width: 12,
    },
  ],
};
