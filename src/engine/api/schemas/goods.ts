import { z } from 'zod';
import { costingMethods } from '../../domain/branch/profile';
import { defaultTaxRate, priceScale, ratioScale, taxRateScale } from '../../../shared/numbers/scales';
import { optionalScaledDecimal, scaledDecimal } from './scaled-decimal';

const trimmed = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`);

const unitSchema = z.object({
  name: trimmed('单位名称', 10).min(1, '请填写单位名称'),
  ratio: scaledDecimal(ratioScale, '换算率', { positive: true }),
  isBase: z.boolean(),
  barcode: z
    .string()
    .trim()
    .max(32, '条码不能超过 32 位')
    .nullish()
    .transform((barcode) => barcode || null),
  purchasePrice: optionalScaledDecimal(priceScale, '进价', { min: 0 }),
  salePrice: optionalScaledDecimal(priceScale, '批发价', { min: 0 }),
  retailPrice: optionalScaledDecimal(priceScale, '零售价', { min: 0 }),
  minSalePrice: optionalScaledDecimal(priceScale, '最低售价', { min: 0 }),
});

export const goodsInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, '请填写商品编码')
    .max(30, '商品编码不能超过 30 位')
    .regex(/^[^\s]+$/, '商品编码不能含空格'),
  name: trimmed('商品名称', 60).min(1, '请填写商品名称'),
  spec: trimmed('规格型号', 60).default(''),
  categoryPath: z
    .string()
    .trim()
    .nullish()
    .transform((path) => path || null),
  brand: trimmed('品牌', 30).default(''),
  taxRate: scaledDecimal(taxRateScale, '税率', { min: 0 }).default(defaultTaxRate),
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
  defaultPurchaseUnit: z
    .string()
    .trim()
    .nullish()
    .transform((unit) => unit || null),
  defaultSaleUnit: z
    .string()
    .trim()
    .nullish()
    .transform((unit) => unit || null),
  displayUnits: z
    .array(z.string().trim())
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
