import { z } from 'zod';
import { branchCodePattern } from '../../domain/branch/profile';
import { channelTiers, counterpartyKinds } from '../../domain/master-data/channel';
import { fenScale } from '../../../shared/numbers/scales';
import { optionalId, recordCode, trimmedText } from './record-fields';
import { optionalScaledDecimal } from './scaled-decimal';

const contactSchema = z.object({
  name: trimmedText('联系人姓名', 20).min(1, '请填写联系人姓名'),
  phone: trimmedText('联系电话', 40).default(''),
  role: trimmedText('联系人职务', 20).default(''),
});

const optionalMoney = (label: string) => optionalScaledDecimal(fenScale, label, { min: 0 });

const openingBalance = (label: string) => optionalMoney(label).transform((fen) => fen ?? 0);

export const counterpartyInputSchema = z.object({
  code: recordCode('往来单位编码'),
  name: trimmedText('往来单位名称', 60).min(1, '请填写往来单位名称'),
  kind: z.enum(counterpartyKinds).default('customer'),
  channelTier: z
    .enum(channelTiers)
    .nullish()
    .transform((tier) => tier ?? null),
  parentId: optionalId(),
  officeId: optionalId(),
  salespersonId: optionalId(),
  region: trimmedText('所在地区', 30).default(''),
  address: trimmedText('地址', 120).default(''),
  creditLimit: optionalMoney('信用额度'),
  paymentTermDays: z
    .number()
    .int('账期须为整数天')
    .min(0, '账期不能为负数')
    .max(3650, '账期不能超过 3650 天')
    .nullish()
    .transform((days) => days ?? null),
  invoiceTitle: trimmedText('开票名称', 60).default(''),
  // 统一社会信用代码 is 18 characters; older 税号 are 15 or 20. Accept those or leave empty.
  taxId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^$|^[0-9A-Z]{15}$|^[0-9A-Z]{18}$|^[0-9A-Z]{20}$/, '税号应为 15、18 或 20 位字母数字')
    .default(''),
  bankName: trimmedText('开户银行', 60).default(''),
  bankAccount: trimmedText('银行账号', 40).default(''),
  isInternal: z.boolean().default(false),
  internalBranchCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      new RegExp(`^$|${branchCodePattern.source}`),
      '内部单位的机构编码须为 2–12 位大写字母或数字，例如 SH02',
    )
    .nullish()
    .transform((code) => code || null),
  openingReceivable: openingBalance('期初应收'),
  openingPayable: openingBalance('期初应付'),
  remark: trimmedText('备注', 200).default(''),
  active: z.boolean().default(true),
  contacts: z.array(contactSchema).max(20, '联系人最多 20 个').default([]),
});
