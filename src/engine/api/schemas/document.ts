import { z } from 'zod';
import { documentTypes } from '../../../shared/documents/document-types';
import { priceScale, taxRateScale, fenScale } from '../../../shared/numbers/scales';
import { figureLabels } from '../../../shared/documents/figure-labels';
import { decimalText, optionalScaledDecimal, taxRateBounds } from './scaled-decimal';
import type { DocumentDraft, DocumentDraftLine } from '../../services/documents/prepare-lines';
import { isoDate } from './iso-date';
import { trimmedText } from './record-fields';

const optionalId = z
  .number()
  .int()
  .positive()
  .nullish()
  .transform((id) => id ?? null);

export const documentLineInputSchema = z.object({
  goodsId: z.number().int().positive(),
  unitName: trimmedText('单位', 10).min(1, '请选择单位'),
  /** In `unitName`; scaled by the branch's quantity decimals in the engine, which knows them. */
  quantity: decimalText(figureLabels.quantity),
  /** Per `unitName`; with tax when `priceIncludesTax` (含税单价), else without. */
  unitPrice: optionalScaledDecimal(priceScale, figureLabels.unitPrice, { min: 0 }),
  priceIncludesTax: z.boolean().default(false),
  /** Percent, "5" or "5%": 折扣率 off the line's amount. */
  discountRate: optionalScaledDecimal(taxRateScale, figureLabels.discountRate, { min: 0, max: 100 }),
  /** Percent, "13" or "13%"; the goods' rate when left empty. */
  taxRate: optionalScaledDecimal(taxRateScale, figureLabels.taxRate, taxRateBounds),
  /**
   * The line's value in yuan, where it is what was entered (opening stock, a gain or other receipt at an
   * entered value): it is kept as given and the unit price derived from it (DOMAIN.md §3).
   */
  amount: optionalScaledDecimal(fenScale, figureLabels.amount, { min: 0 }),
  /** 成本调整单 only: the signed change of value, in yuan. */
  adjustmentAmount: optionalScaledDecimal(fenScale, figureLabels.adjustmentAmount),
  warehouseId: optionalId,
  toWarehouseId: optionalId,
  lot: trimmedText('批号', 40).default(''),
  productionDate: isoDate('生产日期')
    .nullish()
    .transform((date) => date ?? null),
  expiryDate: isoDate('有效期至')
    .nullish()
    .transform((date) => date ?? null),
  isGift: z.boolean().default(false),
  remark: trimmedText('备注', 200).default(''),
  sourceLineId: optionalId,
}) satisfies z.ZodType<DocumentDraftLine>;

export const documentInputSchema = z.object({
  type: z.enum(documentTypes),
  businessDate: isoDate('业务日期'),
  counterpartyId: optionalId,
  officeId: optionalId,
  handlerId: optionalId,
  warehouseId: optionalId,
  toWarehouseId: optionalId,
  remark: trimmedText('备注', 500).default(''),
  sourceDocumentId: optionalId,
  /** 收款单 / 付款单 only: the money received or paid, in yuan; these documents have no lines. */
  amount: optionalScaledDecimal(fenScale, figureLabels.amount, { min: 0 }),
  /** Goods documents need at least one line; the engine, which knows the type, says so. */
  lines: z.array(documentLineInputSchema).max(2000, '一张单据最多 2000 行'),
}) satisfies z.ZodType<DocumentDraft>;
