import type { BranchProfile, CostingMethod } from '../../domain/branch/profile';

/**
 * The costing scope a movement belongs to (DOMAIN.md §2, §6.2): goods × warehouse under 分仓核算,
 * goods under 统一核算. Movements of one scope are costed as one sequence.
 *
 * A lot of a lot-tracked goods is a scope of its own within that (batch-wise valuation, as ERPNext
 * does for batched items): each lot carries its own cost, so a lot sold out holds no value, and a
 * lot's stock is worth what that lot cost rather than a share of an average over other lots.
 */
export function costingScopeKey(
  profile: Pick<BranchProfile, 'costingScope'>,
  goodsId: number,
  warehouseId: number,
  lot = '',
): string {
  const goodsScope =
    profile.costingScope === 'per_warehouse' ? `g:${goodsId}:w:${warehouseId}` : `g:${goodsId}`;
  return lot === '' ? goodsScope : `${goodsScope}:l:${lot}`;
}

/** The goods' own method when the branch lets goods override it, else the branch default. */
export function costingMethodOf(
  profile: Pick<BranchProfile, 'defaultCostingMethod' | 'allowCostingMethodOverride'>,
  goodsMethod: CostingMethod | null,
): CostingMethod {
  return profile.allowCostingMethodOverride && goodsMethod !== null
    ? goodsMethod
    : profile.defaultCostingMethod;
}
