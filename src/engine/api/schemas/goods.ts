import { z } from 'zod';
import { costingMethods } from '../../domain/branch/profile';
import { defaultTaxRate, priceScale, ratioScale, taxRateScale } from '../../../shared/numbers/scales';
import { optionalScaledDecimal, scaledDecimal, taxRateBounds } from './scaled-decimal';
import { recordCode, trimmedText } from './record-fields';

const trimmed = trimmedText;

const unitSchema = z.object({
  name: trimmed('单位名称', 10).min(1, '请填写单位名称'),
  ratio: scaledDecimal(ratioScale, '换算率', { positive: true }),
  isBase: z.boolean(),
  barcode: trimmed('条码', 32)
    .nullish()
    .transform((barcode) => barcode || null),
  purchasePrice: optionalScaledDecimal(priceScale, '进价', { min: 0 }),
  salePrice: optionalScaledDecimal(priceScale, '批发价', { min: 0 }),
  retailPrice: optionalScaledDecimal(priceScale, '零售价', { min: 0 }),
  minSalePrice: optionalScaledDecimal(priceScale, '最低售价', { min: 0 }),
});

export const goodsInputSchema = z.object({
  code: recordCode('商品编码'),
  name: trimmed('商品名称', 60).min(1, '请填写商品名称'),
  spec: trimmed('规格型号', 60).default(''),
  categoryPath: trimmed('商品类别', 200)
    .nullish()
    .transform((path) => path || null),
  brand: trimmed('品牌', 30).default(''),
  taxRate: scaledDecimal(taxRateScale, '税率', taxRateBounds).default(defaultTaxRate),
  lotTracked: z.boolean().default(false),
  shelfLifeDays: z
    .number()
    .int('保质期须为整数天')
    .min(1, '保质期至少 1 天')
    .nullish()
    .transform((days) => days ?? null),
  costingMethod: z
    .enum(costingMethods)
    .nullish()
    .transform((method) => method ?? null),
  baseUnitIndivisible: z.boolean().default(true),
  defaultPurchaseUnit: trimmed('默认采购单位', 10)
    .nullish()
    .transform((unit) => unit || null),
  defaultSaleUnit: trimmed('默认销售单位', 10)
    .nullish()
    .transform((unit) => unit || null),
  displayUnits: z
    .array(trimmed('显示单位', 10))
    .nullish()
    .transform((units) => (units?.length ? units : null)),
  active: z.boolean().default(true),
  remark: trimmed('备注', 200).default(''),
  units: z.array(unitSchema).min(1, '请至少填写基本单位'),
  stockLines: z
    .array(
      z.object({
        warehouseId: z.number().int(),
        lower: z.number().int().min(0).nullable(),
        upper: z.number().int().min(0).nullable(),
      }),
    )
    .default([]),
});
