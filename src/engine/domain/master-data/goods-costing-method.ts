import type { BranchProfile, CostingMethod } from '../branch/profile';
import { costingMethodLabels } from './costing-method-labels';

export type CostingMethodRule = Pick<BranchProfile, 'defaultCostingMethod' | 'allowCostingMethodOverride'>;

/**
 * The costing method a goods keeps of its own (DOMAIN.md §2, §6.2), as the goods form and the import
 * both store it. Where the branch lets goods override its default, any; where it does not, none: the
 * ledger would cost the goods by the default anyway (costing-scope.ts), so a different method is refused
 * rather than kept and ignored, and the default named again is stored as no override.
 */
export function goodsCostingMethod(
  rule: CostingMethodRule,
  goodsName: string,
  method: CostingMethod | null,
): { costingMethod: CostingMethod | null } | { problem: string } {
  if (method === null || rule.allowCostingMethodOverride) return { costingMethod: method };
  if (method === rule.defaultCostingMethod) return { costingMethod: null };
  return {
    problem:
      `本机构不允许商品单独指定计价方法：商品【${goodsName}】的计价方法【${costingMethodLabels[method]}】请留空` +
      `（按本机构默认的${costingMethodLabels[rule.defaultCostingMethod]}计价），或先在本机构设置中允许商品单独指定计价方法。`,
  };
}
