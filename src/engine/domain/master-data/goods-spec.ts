import { costingMethodLabels } from './costing-method-labels';
import type { EntitySpec, FieldSpec } from './field-spec';

const yesNo = { true: '是', false: '否' } as const;

/** A further unit's columns (大单位, 中单位): the catalogue from head office names them so. */
function furtherUnit(index: 2 | 3, names: readonly string[]): FieldSpec[] {
  const label = index === 2 ? '大单位' : '中单位';
  return [
    {
      key: `unit${index}Name`,
      label,
      type: 'text',
      synonyms: names,
      example: index === 2 ? '箱' : '',
      width: 8,
    },
    {
      key: `unit${index}Ratio`,
      label: `${label}换算率`,
      type: 'ratio',
      synonyms:
        index === 2 ? ['换算率', '换算关系', '装箱数', '包装数量', '箱规', '大单位换算率'] : ['中单位换算率'],
      example: index === 2 ? '24' : '',
      note: `1 个${label}等于多少个基本单位，例如 1 箱 = 24 袋 填 24`,
      width: 10,
    },
    {
      key: `unit${index}Barcode`,
      label: `${label}条码`,
      type: 'text',
      synonyms: index === 2 ? ['箱条码', '大单位条码', '整件条码', '包装条码'] : ['中单位条码', '中包条码'],
      example: index === 2 ? '6921090000005' : '',
      width: 16,
    },
    {
      key: `unit${index}PurchasePrice`,
      label: `${label}进价`,
      type: 'price',
      synonyms: index === 2 ? ['进货价(元/大单位)', '大单位进价', '箱进价', '进货价(元/箱)'] : [],
      example: index === 2 ? '38.40' : '',
      width: 12,
    },
    {
      key: `unit${index}SalePrice`,
      label: `${label}批发价`,
      type: 'price',
      synonyms:
        index === 2 ? ['批发价(元/大单位)', '大单位批发价', '箱批发价', '批发价(元/箱)', '大单位售价'] : [],
      example: index === 2 ? '45.60' : '',
      width: 12,
    },
    {
      key: `unit${index}MinSalePrice`,
      label: `${label}最低售价`,
      type: 'price',
      synonyms:
        index === 2
          ? ['最低售价(元/大单位)', '大单位最低价', '箱最低售价', '最低售价(元/箱)', '箱最低价', '箱限价']
          : [],
      example: index === 2 ? '42.00' : '',
      note: `按${label}卖低于此价时，按本机构设置禁止或需审批；不能高于${label}批发价`,
      width: 12,
    },
  ];
}

export const goodsSpec: EntitySpec = {
  entity: 'goods',
  label: '商品',
  fields: [
    {
      key: 'code',
      label: '商品编码',
      type: 'text',
      required: true,
      synonyms: ['编码', '货号', '商品代码', '存货编码', '物料编码', '商品编号'],
      example: '10010001',
      width: 12,
    },
    {
      key: 'name',
      label: '商品名称',
      type: 'text',
      required: true,
      synonyms: ['名称', '品名', '存货名称', '商品全名'],
      example: '纯牛奶',
      width: 20,
    },
    {
      key: 'spec',
      label: '规格型号',
      type: 'text',
      synonyms: ['规格', '型号', '包装规格'],
      example: '250ml×24袋',
      width: 14,
    },
    {
      key: 'category',
      label: '商品类别',
      type: 'text',
      synonyms: ['类别', '分类', '商品分类', '存货分类'],
      example: '乳制品/纯牛奶',
      note: '类别可写多级，用 / 分隔，例如 乳制品/纯牛奶',
      width: 16,
    },
    { key: 'brand', label: '品牌', type: 'text', synonyms: ['商品品牌'], example: '蒙原', width: 10 },
    {
      key: 'baseUnit',
      label: '基本单位',
      type: 'text',
      required: true,
      synonyms: ['单位', '最小单位', '计量单位', '小单位'],
      example: '袋',
      note: '基本单位是最小的计数单位（袋、瓶），库存按它记',
      width: 8,
    },
    {
      key: 'baseBarcode',
      label: '基本单位条码',
      type: 'text',
      synonyms: ['条码', '条形码', '商品条码', '小单位条码', '单品条码'],
      example: '6921030000003',
      width: 16,
    },
    {
      key: 'basePurchasePrice',
      label: '基本单位进价',
      type: 'price',
      synonyms: ['进价', '进货价', '采购价'],
      width: 12,
    },
    {
      key: 'baseSalePrice',
      label: '基本单位批发价',
      type: 'price',
      synonyms: ['批发价', '售价', '销售价'],
      width: 12,
    },
    {
      key: 'baseRetailPrice',
      label: '建议零售价',
      type: 'price',
      synonyms: ['建议零售价(元/基本单位)', '零售价', '建议售价'],
      example: '2.50',
      width: 12,
    },
    {
      key: 'baseMinSalePrice',
      label: '基本单位最低售价',
      type: 'price',
      synonyms: ['最低售价', '最低价', '最低销售价', '最低批发价', '限价', '最低售价(元/基本单位)'],
      note: '按基本单位卖低于此价时，按本机构设置禁止或需审批；不能高于基本单位批发价',
      width: 12,
    },
    ...furtherUnit(2, ['大单位', '辅助单位', '包装单位', '整件单位', '箱单位']),
    ...furtherUnit(3, ['中单位', '中包单位']),
    {
      key: 'taxRate',
      label: '税率',
      type: 'percent',
      synonyms: ['增值税率', '销项税率'],
      example: '13%',
      note: '不填为 13%',
      width: 8,
    },
    {
      key: 'shelfLifeDays',
      label: '保质期(天)',
      type: 'integer',
      synonyms: ['保质期', '保质天数'],
      example: '45',
      width: 10,
    },
    {
      key: 'lotTracked',
      label: '批次管理',
      type: 'boolean',
      synonyms: ['是否批次管理', '批号管理'],
      options: yesNo,
      example: '是',
      width: 8,
    },
    {
      key: 'costingMethod',
      label: '计价方法',
      type: 'enum',
      synonyms: ['成本计价方法'],
      options: costingMethodLabels,
      note: '不填则用本机构的默认计价方法',
      width: 12,
    },
    {
      key: 'baseUnitIndivisible',
      label: '基本单位不可拆分',
      type: 'boolean',
      options: yesNo,
      note: '是：数量必须是整数个基本单位。不填为是',
      width: 10,
    },
    {
      key: 'active',
      label: '状态',
      type: 'boolean',
      synonyms: ['商品状态'],
      options: { true: '启用', false: '停用' },
      width: 8,
    },
    { key: 'remark', label: '备注', type: 'text', synonyms: ['说明'], width: 20 },
  ],
};
