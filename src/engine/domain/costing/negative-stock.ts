import type { NegativeStockPolicy } from '../branch/profile';
import { LedgerError } from '../../../shared/ledger-error';
import { mulDivRound, subtract } from '../../../shared/numbers/integer-math';
import type { Balance, Fen, LayerKey, Quantity, UnitCost } from './types';

/** How a scope is costed beyond the method itself (DOMAIN.md §2, §6.6). */
export interface CostingPolicy {
  readonly negativeStock: NegativeStockPolicy;
  /**
   * The unit cost for an issue from stock that never had a known cost (no receipt yet): e.g. the
   * goods' reference cost. Without it such an issue goes out at zero and the next receipt corrects it.
   */
  readonly provisionalCost?: UnitCost;
}

/**
 * Refusal of an issue beyond the balance. The caller knows goods, warehouse and date and composes
 * the clerk's message from `details.shortfall` (in scaled base units, as everything here).
 */
export function insufficientStock(shortfall: Quantity, layer?: LayerKey): LedgerError {
  if (layer !== undefined) {
    return new LedgerError('CONFLICT', `批次【${layer}】库存不足，缺 ${shortfall}`, { shortfall, layer });
  }
  return new LedgerError('CONFLICT', `库存不足，缺 ${shortfall}`, { shortfall });
}

/**
 * What an issue beyond the balance does (§6.6): with negative stock forbidden it is refused; allowed,
 * the part not in stock goes out at the last known unit cost (or the policy's provisional cost, or
 * zero), and that is its cost.
 */
export function costOfShortfall(shortfall: Quantity, lastCost: UnitCost | null, policy: CostingPolicy): Fen {
  if (policy.negativeStock !== 'allow') throw insufficientStock(shortfall);
  const cost = lastCost ?? policy.provisionalCost ?? null;
  return cost === null ? 0 : mulDivRound(shortfall, cost.value, cost.quantity);
}

/** A receipt arriving while stock is negative, split into what fills the hole and what is left. */
export interface ShortfallFill {
  /** What the receipt brings into stock for the quantity that fills the shortfall. */
  readonly fillValue: Fen;
  /** The shortfall still owed (zero quantity once filled). */
  readonly shortfall: Balance;
  /** The rest of the receipt, to be held as ordinary stock (zero quantity when all of it filled). */
  readonly rest: Balance;
}

/**
 * §6.6 "the next receipt corrects it": the quantity filling the shortfall enters at the shortfall's
 * own provisional cost, the whole shortfall value exactly when it is filled, so that stock back at zero
 * is worth zero. The receipt's remaining quantity keeps the receipt's own unit cost. The difference
 * between what entered and the receipt's value is the correction the caller books against COGS.
 * `shortfall` is given as positive quantity and value owed.
 */
export function fillShortfall(shortfall: Balance, receipt: Balance): ShortfallFill {
  if (receipt.quantity < shortfall.quantity) {
    const fillValue = mulDivRound(receipt.quantity, shortfall.value, shortfall.quantity);
    return {
      fillValue,
      shortfall: {
        quantity: shortfall.quantity - receipt.quantity,
        value: subtract(shortfall.value, fillValue),
      },
      rest: { quantity: 0, value: 0 },
    };
  }
  const restQuantity = receipt.quantity - shortfall.quantity;
  const restValue =
    restQuantity === 0
      ? 0
      : subtract(receipt.value, mulDivRound(shortfall.quantity, receipt.value, receipt.quantity));
  return {
    fillValue: shortfall.value,
    shortfall: { quantity: 0, value: 0 },
    rest: { quantity: restQuantity, value: restValue },
  };
}
