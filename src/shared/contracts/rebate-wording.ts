import { formatScaled } from '../numbers/decimal';
import { groupedYuan, groupThousands } from '../numbers/yuan-display';
import { rebateTermKindLabels, type RebateTerm } from './rebate-terms';

/** Basis points as the contract writes them: 200 → "2%", 250 → "2.5%". */
function percent(basisPoints: number): string {
  return `${formatScaled(basisPoints, 2)}%`;
}

/**
 * A rebate term in the words of the paper contract, for its print and its page: "全量阶梯（箱）：满 1,000 返
 * 2%；满 2,000 返 3%。须于 2026-12-31 前回款；低于协议价的销量不计。" `scopeLabel` names the goods or
 * category the term is narrowed to, when it is.
 */
export function describeRebateTerm(
  term: RebateTerm,
  quantityDecimals: number,
  scopeLabel: string | null = null,
): string {
  const volume = (quantity: number) => groupThousands(formatScaled(quantity, quantityDecimals));
  const head = `${term.name || rebateTermKindLabels[term.kind]}（${scopeLabel ? `${scopeLabel}，` : ''}${term.unitName}）`;
  let body: string;
  switch (term.kind) {
    case 'volume_tiers':
      body = term.tiers.map((tier) => `满 ${volume(tier.from)} 全部返 ${percent(tier.rateBp)}`).join('；');
      break;
    case 'progressive':
      body = term.tiers
        .map((tier, index) => {
          const next = term.tiers[index + 1];
          const band = next ? `${volume(tier.from)}–${volume(next.from)}` : `${volume(tier.from)} 以上`;
          return `${band} 部分返 ${percent(tier.rateBp)}`;
        })
        .join('；');
      break;
    case 'per_unit':
      body = `每${term.unitName}返 ${groupedYuan(term.amountPerUnit)} 元`;
      break;
    case 'growth':
      body = term.tiers
        .map((tier) => `比上年同期增长 ${percent(tier.growthBp)} 全部返 ${percent(tier.rateBp)}`)
        .join('；');
      break;
  }
  const conditions = [
    term.conditions.paidBy ? `须于 ${term.conditions.paidBy} 前回款` : null,
    term.conditions.keepAgreedPrice ? '低于协议价的销量不计' : null,
  ].filter((condition) => condition !== null);
  return `${head}：${body}。${conditions.length > 0 ? `${conditions.join('；')}。` : ''}`;
}
