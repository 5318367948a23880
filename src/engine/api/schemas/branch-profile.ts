import { z } from 'zod';
import { trimmedText } from './record-fields';
import {
  accountingModes,
  branchCodePattern,
  costingMethods,
  costingScopes,
  negativeStockPolicies,
  priceDecimalsRange,
  quantityDecimalsRange,
  taxpayerTypes,
} from '../../domain/branch/profile';

const text = trimmedText;

const fields = {
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(branchCodePattern, '机构编码须为 2–12 位大写字母或数字，例如 BJ01'),
  name: text('机构名称', 60).min(1, '请填写机构名称'),
  // 统一社会信用代码 is 18 characters; older 税号 are 15 or 20. Accept those or leave empty.
  taxId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^$|^[0-9A-Z]{15}$|^[0-9A-Z]{18}$|^[0-9A-Z]{20}$/, '税号应为 15、18 或 20 位字母数字'),
  address: text('地址', 120),
  phone: text('电话', 40),
  accountingMode: z.enum(accountingModes),
  costingScope: z.enum(costingScopes),
  defaultCostingMethod: z.enum(costingMethods),
  allowCostingMethodOverride: z.boolean(),
  negativeStock: z.enum(negativeStockPolicies),
  taxpayerType: z.enum(taxpayerTypes),
  quantityDecimals: z
    .number()
    .int()
    .min(quantityDecimalsRange.min)
    .max(quantityDecimalsRange.max, `数量小数位为 ${quantityDecimalsRange.min}–${quantityDecimalsRange.max}`),
  priceDecimals: z
    .number()
    .int()
    .min(priceDecimalsRange.min)
    .max(priceDecimalsRange.max, `单价小数位为 ${priceDecimalsRange.min}–${priceDecimalsRange.max}`),
  approvalRequired: z.boolean(),
};

/** A new branch: what the clerk may leave out gets DOMAIN.md §2's defaults. */
export const branchProfileSchema = z.object({
  ...fields,
  taxId: fields.taxId.default(''),
  address: fields.address.default(''),
  phone: fields.phone.default(''),
  allowCostingMethodOverride: fields.allowCostingMethodOverride.default(false),
  negativeStock: fields.negativeStock.default('forbid'),
  quantityDecimals: fields.quantityDecimals.default(2),
  priceDecimals: fields.priceDecimals.default(4),
  approvalRequired: fields.approvalRequired.default(true),
});

/** Everything but the code, which is the branch's identity at head office and never changes. */
export const branchProfileChangeSchema = z
  .object(fields)
  .omit({ code: true })
  .partial()
  .extend({ code: z.undefined({ error: '机构编码是总部识别本机构的依据，设置后不能修改' }).optional() });
