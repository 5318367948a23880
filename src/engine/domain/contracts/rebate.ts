import type { RebateTerm } from '../../../shared/contracts/rebate-terms';
import { add, mulDivRound } from '../../../shared/numbers/integer-math';

/**
 * What a rebate term has earned on a volume (rebate-terms.ts for the kinds). Every rebate is a function of
 * the cumulative net volume — quantity in the term's unit and amount with tax — so what a shipment earns is
 * the difference it makes to that function (`accrue`): the accruals of a period always add up to what the
 * whole period earned, a tier crossed mid-year catches up on the shipment that crossed it, and a return
 * gives back what its goods had earned. Integers throughout (DOMAIN.md §3).
 */

export interface VolumeTotals {
  /** In the term's unit × 10^quantityDecimals; net of returns. */
  quantity: number;
  /** Fen with tax; net of returns. */
  amount: number;
}

export interface RebateBasis {
  /** 10^quantityDecimals: a quantity of one unit. */
  quantityScale: number;
  /** The same period's net quantity last year, in the term's unit (growth terms); null when unknown. */
  lastYearQuantity: number | null;
}

const fullRate = 10_000;

export function earnedRebate(term: RebateTerm, totals: VolumeTotals, basis: RebateBasis): number {
  const { quantity, amount } = totals;
  if (quantity <= 0 || amount <= 0) return 0;
  switch (term.kind) {
    case 'volume_tiers': {
      const reached = reachedTier(term.tiers, quantity);
      return reached ? mulDivRound(amount, reached.rateBp, fullRate) : 0;
    }
    case 'progressive': {
      // Σ rate × (quantity in the band): the amount of each band is its share of the quantity.
      let weighted = 0;
      term.tiers.forEach((tier, index) => {
        const upper = term.tiers[index + 1]?.from ?? Number.POSITIVE_INFINITY;
        const inBand = Math.min(quantity, upper) - tier.from;
        if (inBand > 0) weighted = add(weighted, tier.rateBp * inBand);
      });
      return mulDivRound(amount, weighted, quantity * fullRate);
    }
    case 'per_unit':
      return mulDivRound(quantity, term.amountPerUnit, basis.quantityScale);
    case 'growth': {
      const reached = reachedGrowthTier(term.tiers, quantity, basis.lastYearQuantity);
      return reached ? mulDivRound(amount, reached.rateBp, fullRate) : 0;
    }
  }
}

function reachedTier<T extends { from: number }>(tiers: readonly T[], quantity: number): T | undefined {
  return tiers.findLast((tier) => quantity >= tier.from);
}

/** A growth tier is reached when quantity ≥ last year × (1 + growth); with no last year, none is. */
function reachedGrowthTier<T extends { growthBp: number }>(
  tiers: readonly T[],
  quantity: number,
  lastYear: number | null,
): T | undefined {
  if (lastYear === null || lastYear <= 0) return undefined;
  return tiers.findLast((tier) => quantity * fullRate >= lastYear * (fullRate + tier.growthBp));
}

/** The next threshold above the volume, and how much is missing to reach it; null at the top tier. */
export function nextThreshold(
  term: RebateTerm,
  quantity: number,
  basis: RebateBasis,
): { threshold: number; gap: number; rateBp: number } | null {
  switch (term.kind) {
    case 'volume_tiers':
    case 'progressive': {
      const next = term.tiers.find((tier) => tier.from > quantity);
      return next ? { threshold: next.from, gap: next.from - quantity, rateBp: next.rateBp } : null;
    }
    case 'per_unit':
      return null;
    case 'growth': {
      const lastYear = basis.lastYearQuantity;
      if (lastYear === null || lastYear <= 0) return null;
      const next = term.tiers.find((tier) => quantity * fullRate < lastYear * (fullRate + tier.growthBp));
      if (!next) return null;
      const threshold = Math.ceil((lastYear * (fullRate + next.growthBp)) / fullRate);
      return { threshold, gap: threshold - quantity, rateBp: next.rateBp };
    }
  }
}

export interface ShipmentLine extends VolumeTotals {
  id: number;
  /** False when the term keeps the agreed price and this line was sold below it: it earns nothing. */
  counts: boolean;
}

/** What each line earned, in the order given (date, then document and line): prefix differences. */
export function accrue(
  term: RebateTerm,
  lines: readonly ShipmentLine[],
  basis: RebateBasis,
): { id: number; rebate: number }[] {
  const running: VolumeTotals = { quantity: 0, amount: 0 };
  let earnedSoFar = 0;
  return lines.map((line) => {
    if (!line.counts) return { id: line.id, rebate: 0 };
    running.quantity = add(running.quantity, line.quantity);
    running.amount = add(running.amount, line.amount);
    const earned = earnedRebate(term, running, basis);
    const rebate = earned - earnedSoFar;
    earnedSoFar = earned;
    return { id: line.id, rebate };
  });
}
