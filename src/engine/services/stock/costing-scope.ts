import type { BranchProfile, CostingMethod } from '../../domain/branch/profile';

/**
 * The costing scope a movement belongs to (DOMAIN.md §2, §6.2): goods × warehouse under 分仓核算,
 * goods under 统一核算. Movements of one scope are costed as one sequence.
 */
export function costingScopeKey(
  profile: Pick<BranchProfile, 'costingScope'>,
  goodsId: number,
  warehouseId: number,
): string {
  return profile.costingScope === 'per_warehouse' ? `g:${goodsId}:w:${warehouseId}` : `g:${goodsId}`;
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
