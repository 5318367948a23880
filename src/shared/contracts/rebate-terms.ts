import { z } from 'zod';

/**
 * 返利条款: how an agreement's rebate is earned (DOMAIN.md §8, issue 14). Kept with the contract as JSON
 * validated here, because a term is read as a whole and never queried by its parts.
 *
 * Figures are the ledger's integers: quantities in the term's unit × 10^quantityDecimals, rates in basis
 * points (2% = 200), amounts in fen. The rebate is on the amount with tax (含税金额) of net shipments —
 * head office prices are tax-inclusive, and it is the figure on the customer's statement.
 *
 * - `volume_tiers` (全量阶梯): reach a threshold and its rate applies to all of the volume (1,000 箱 → 2%).
 * - `progressive` (超额累进): each rate applies to the part of the volume within its band (2% up to 1,000,
 *   3% above), the band's amount being its share of the quantity.
 * - `per_unit` (按量定额): a fixed amount per unit shipped.
 * - `growth` (增量返利): thresholds as growth over the same period last year, rate on all of the volume.
 *
 * `scope` narrows a term to one goods or one category; without it the term covers every goods the
 * agreement's signed volumes name.
 */

const rate = z.number().int('返利比例应为整数个万分点').min(0).max(10_000, '返利比例不能超过 100%');
const quantity = z.number().int().min(0, '阶梯起点不能为负数');

export const rebateScopeSchema = z
  .object({
    goodsId: z.number().int().nullable().default(null),
    categoryId: z.number().int().nullable().default(null),
  })
  .refine((scope) => scope.goodsId === null || scope.categoryId === null, '返利范围只能是一个商品或一个类别');

export const rebateConditionsSchema = z.object({
  /** 回款条件: the rebate is earned only once what the shipments raised is paid, by this date. */
  paidBy: z.string().nullable().default(null),
  /** 限价条件: lines sold below the agreed price earn nothing. */
  keepAgreedPrice: z.boolean().default(false),
});

const common = {
  name: z.string().trim().max(40).default(''),
  scope: rebateScopeSchema.default({ goodsId: null, categoryId: null }),
  /** The unit quantities and thresholds are in (箱); each goods converts by its own unit of this name. */
  unitName: z.string().trim().min(1, '返利条款要写明计量单位'),
  conditions: rebateConditionsSchema.default({ paidBy: null, keepAgreedPrice: false }),
};

const tier = z.object({ from: quantity, rateBp: rate });
const growthTier = z.object({ growthBp: z.number().int().min(-10_000).max(1_000_000), rateBp: rate });

function ascending<T>(key: (t: T) => number) {
  return (tiers: T[]) => tiers.every((t, i) => i === 0 || key(t) > key(tiers[i - 1]!));
}

export const rebateTermSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('volume_tiers'),
    ...common,
    tiers: z
      .array(tier)
      .min(1, '阶梯返利至少要有一档')
      .refine(
        ascending((t: { from: number }) => t.from),
        '阶梯起点应从小到大排列',
      ),
  }),
  z.object({
    kind: z.literal('progressive'),
    ...common,
    tiers: z
      .array(tier)
      .min(1, '累进返利至少要有一档')
      .refine(
        ascending((t: { from: number }) => t.from),
        '阶梯起点应从小到大排列',
      ),
  }),
  z.object({
    kind: z.literal('per_unit'),
    ...common,
    /** Fen per unit. */
    amountPerUnit: z.number().int().min(0),
  }),
  z.object({
    kind: z.literal('growth'),
    ...common,
    tiers: z
      .array(growthTier)
      .min(1, '增量返利至少要有一档')
      .refine(
        ascending((t: { growthBp: number }) => t.growthBp),
        '增长率应从小到大排列',
      ),
  }),
]);

export type RebateTerm = z.infer<typeof rebateTermSchema>;
export type RebateTermInput = z.input<typeof rebateTermSchema>;
export type RebateTermKind = RebateTerm['kind'];

export const rebateTermsSchema = z.array(rebateTermSchema).max(20, '返利条款不能超过 20 条');

export const rebateTermKindLabels: Readonly<Record<RebateTermKind, string>> = {
  volume_tiers: '全量阶梯',
  progressive: '超额累进',
  per_unit: '按量定额',
  growth: '增量返利',
};
