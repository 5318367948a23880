import { LedgerError } from '../../../shared/ledger-error';
import { add, mulDivRound, negate, subtract } from '../../../shared/numbers/integer-math';
import type { Balance, Fen, Quantity, UnitCost } from './types';

/**
 * 全月一次加权平均 (DOMAIN.md §6.2). Not a per-movement state machine: issues in an open month carry a
 * provisional cost (the stock ledger costs them by the moving average meanwhile, so that a scope at zero
 * quantity holds zero value even before the close), and month close (§6.7) computes the month's average
 * and revalues every issue.
 */

export interface MonthClose {
  /**
   * (opening value + receipts value) / (opening quantity + receipts quantity), as the exact pair; the
   * last known cost when the month held no stock to average; null when no cost was ever known.
   */
  readonly average: UnitCost | null;
  /** Each issue's value in the order given, signed as the stock ledger keeps it (−cost). */
  readonly issueValues: readonly Fen[];
  /** Each receipt at the month's average in the order given: round(q × average). */
  readonly averagedReceiptValues: readonly Fen[];
  /** Always opening + receipts + issue values; zero value whenever the quantity is zero. */
  readonly closing: Balance;
  /**
   * Non-zero only when the month ends at zero quantity with value left and no issue to take it (stock
   * that was negative at the opening, filled by the month's receipts): the caller books it against
   * COGS, as a receipt's correction under the perpetual methods (§6.6).
   */
  readonly correction: Fen;
}

/**
 * Month close for one costing scope. `receipts` are everything that came in during the month at its
 * own cost (purchase receipts, sales returns of earlier months' deliveries, gains with an entered cost,
 * transfers in); a cost adjustment (成本调整单) of the month enters as a receipt of zero quantity.
 * `averagedReceipts` come in at the month's average itself: a gain or other receipt without an entered
 * cost (its "current cost" is the average), a sales return of a delivery of the same month. Entering at
 * the average they leave it unchanged, so it is computed without them.
 *
 * Each issue takes round(q × average); the closing stock holds round(closing quantity × average); the
 * last issue takes the residue so that closing = opening + receipts − issues exactly, and a month that
 * ends at zero quantity ends at zero value. Should the residue be negative and larger than the last
 * issue's cost (many tiny issues each rounded up), the issues before it take the rest, so that no issue
 * ever carries a negative cost.
 */
export function closeMonth(
  opening: Balance,
  receipts: readonly Balance[],
  issues: readonly { readonly quantity: Quantity }[],
  lastKnownCost: UnitCost | null = null,
  averagedReceipts: readonly { readonly quantity: Quantity }[] = [],
): MonthClose {
  let available = opening;
  for (const receipt of receipts) {
    if (
      !Number.isSafeInteger(receipt.quantity) ||
      receipt.quantity < 0 ||
      !Number.isSafeInteger(receipt.value)
    ) {
      throw new LedgerError('VALIDATION', `本月入库的数量或金额无效：${receipt.quantity}，${receipt.value}`);
    }
    available = {
      quantity: add(available.quantity, receipt.quantity),
      value: add(available.value, receipt.value),
    };
  }
  const average = available.quantity > 0 ? available : lastKnownCost;
  const averagedReceiptValues = averagedReceipts.map(({ quantity }) => {
    if (!Number.isSafeInteger(quantity) || quantity <= 0) {
      throw new LedgerError('VALIDATION', `入库数量必须是大于零的整数：${quantity}`);
    }
    const value = average === null ? 0 : mulDivRound(quantity, average.value, average.quantity);
    available = { quantity: add(available.quantity, quantity), value: add(available.value, value) };
    return value;
  });
  if (issues.length === 0) {
    return available.quantity === 0
      ? {
          average,
          issueValues: [],
          averagedReceiptValues,
          closing: { quantity: 0, value: 0 },
          correction: negate(available.value),
        }
      : { average, issueValues: [], averagedReceiptValues, closing: available, correction: 0 };
  }

  let closingQuantity = available.quantity;
  const costs = issues.map(({ quantity }) => {
    if (!Number.isSafeInteger(quantity) || quantity <= 0) {
      throw new LedgerError('VALIDATION', `出库数量必须是大于零的整数：${quantity}`);
    }
    closingQuantity = subtract(closingQuantity, quantity);
    return average === null ? 0 : mulDivRound(quantity, average.value, average.quantity);
  });
  const closingValue =
    average === null ? available.value : mulDivRound(closingQuantity, average.value, average.quantity);
  const issuedCost = subtract(available.value, closingValue);
  const residue = subtract(issuedCost, costs.reduce(add, 0));
  takeResidueFromTheLast(costs, residue);
  return {
    average,
    issueValues: costs.map(negate),
    averagedReceiptValues,
    closing: { quantity: closingQuantity, value: closingValue },
    correction: 0,
  };
}

function takeResidueFromTheLast(costs: Fen[], residue: Fen): void {
  const last = costs.length - 1;
  let owed = residue;
  if (owed < 0) {
    for (let index = last; index >= 0 && owed < 0; index--) {
      const cut = Math.max(owed, -Math.max(costs[index]!, 0));
      costs[index] = costs[index]! + cut;
      owed -= cut;
    }
  }
  costs[last] = add(costs[last]!, owed);
}
