import { LedgerError } from '../../../shared/ledger-error';
import { currentUnitCost, methodFromRun } from './costing-run';
import { add, mulDivRound, negate, subtract } from '../../../shared/numbers/integer-math';
import { checkMovement } from './movement-checks';
import { costOfShortfall, fillShortfall, type CostingPolicy } from './negative-stock';
import type { Adjustment, Costed, Fen, Issue, Movement, Quantity, Receipt, UnitCost } from './types';

/**
 * 移动加权平均 (DOMAIN.md §6.2). The balance itself is the average: unit cost = value / quantity,
 * never stored rounded.
 */
export interface MovingAverageState {
  readonly quantity: Quantity;
  readonly value: Fen;
  /**
   * The last average, kept while the stock is at or below zero and so cannot show one: an issue
   * from empty stock goes out at it (§6.6). Null while stock is positive, or before any cost is known.
   */
  readonly lastCost: UnitCost | null;
}

type Costing = Costed<MovingAverageState>;

function receive(state: MovingAverageState, receipt: Receipt): Costing {
  if (state.quantity >= 0) {
    return {
      state: {
        quantity: add(state.quantity, receipt.quantity),
        value: add(state.value, receipt.value),
        lastCost: null,
      },
      value: receipt.value,
      correction: 0,
    };
  }
  // Negative stock: the receipt first fills the hole at the cost it went out at (§6.6).
  const fill = fillShortfall(
    { quantity: negate(state.quantity), value: negate(state.value) },
    { quantity: receipt.quantity, value: receipt.value },
  );
  const carried = add(fill.fillValue, fill.rest.value);
  const next: MovingAverageState =
    fill.rest.quantity > 0
      ? { quantity: fill.rest.quantity, value: fill.rest.value, lastCost: null }
      : {
          quantity: negate(fill.shortfall.quantity),
          value: negate(fill.shortfall.value),
          lastCost: { quantity: receipt.quantity, value: receipt.value },
        };
  return { state: next, value: carried, correction: subtract(carried, receipt.value) };
}

function issue(state: MovingAverageState, movement: Issue, policy: CostingPolicy): Costing {
  const { quantity, value } = state;
  const wanted = movement.quantity;
  if (quantity >= wanted) {
    // Emptying the stock takes exactly its value: no residue at zero quantity.
    const cost = wanted === quantity ? value : mulDivRound(wanted, value, quantity);
    const left = quantity - wanted;
    return {
      state: {
        quantity: left,
        value: subtract(value, cost),
        lastCost: left === 0 ? { quantity, value } : null,
      },
      value: negate(cost),
      correction: 0,
    };
  }
  const average = quantity > 0 ? { quantity, value } : state.lastCost;
  const shortfallCost = costOfShortfall(wanted - Math.max(quantity, 0), average, policy);
  const cost = add(quantity > 0 ? value : 0, shortfallCost);
  return {
    state: { quantity: quantity - wanted, value: subtract(value, cost), lastCost: average },
    value: negate(cost),
    correction: 0,
  };
}

function adjust(state: MovingAverageState, adjustment: Adjustment): Costing {
  if (state.quantity === 0) throw new LedgerError('CONFLICT', '库存为零时不能调整成本');
  if (state.quantity < 0) throw new LedgerError('CONFLICT', '库存为负时不能调整成本');
  const value = add(state.value, adjustment.value);
  if (value < 0) throw new LedgerError('CONFLICT', `调整后库存金额为负（${value} 分），不能调整`);
  return { state: { ...state, value }, value: adjustment.value, correction: 0 };
}

function costMovement(state: MovingAverageState, movement: Movement, policy: CostingPolicy): Costing {
  checkMovement(movement);
  switch (movement.kind) {
    case 'receipt':
      return receive(state, movement);
    case 'issue':
      // A purchase return's layer means nothing here: it leaves at the current average (§6.4).
      return issue(state, movement, policy);
    case 'adjustment':
      return adjust(state, movement);
  }
}

export const movingAverage = methodFromRun<MovingAverageState>({
  name: 'moving_average',
  initial: () => ({ quantity: 0, value: 0, lastCost: null }),
  balance: (state) => ({ quantity: state.quantity, value: state.value }),
  // The state is three numbers: the run just holds the latest one.
  open(state) {
    let current = state;
    return {
      cost(movement, policy) {
        const { state: next, value, correction } = costMovement(current, movement, policy);
        current = next;
        return { value, correction };
      },
      balance: () => ({ quantity: current.quantity, value: current.value }),
      currentCost: () => currentUnitCost(current),
      state: () => current,
    };
  },
});
