import type { CostingMethod } from './costing-method';
import type { CostingPolicy } from './negative-stock';
import type { Balance, Movement, MovementCost, UnitCost } from './types';

/**
 * A working copy of one scope's costing state, for costing many movements in a row (replay after a
 * backdated document) without copying the state at every movement. It never changes the state it was
 * opened on. After a refusal it is spent: discard it.
 */
export interface CostingRun<State> {
  cost(movement: Movement, policy: CostingPolicy): MovementCost;
  balance(): Balance;
  /**
   * What a receipt "at the current cost" enters at (a stocktake gain, an other receipt without an entered
   * cost, DOMAIN.md §6.5): the balance's unit cost while it holds stock, else the last known cost; null
   * before any cost is known.
   */
  currentCost(): UnitCost | null;
  /** The state now, as plain data to keep as a checkpoint. */
  state(): State;
}

/**
 * A costing method whose `apply` is its run on one movement, so that applying movements one by one and
 * replaying them are the same code and cannot disagree.
 */
export function methodFromRun<State>(definition: Omit<CostingMethod<State>, 'apply'>): CostingMethod<State> {
  return {
    ...definition,
    apply(state, movement, policy) {
      const run = definition.open(state);
      const { value, correction } = run.cost(movement, policy);
      return { state: run.state(), value, correction };
    },
  };
}

/** The current unit cost of a balance that keeps its last known cost for when it holds no stock. */
export function currentUnitCost(state: {
  readonly quantity: number;
  readonly value: number;
  readonly lastCost: UnitCost | null;
}): UnitCost | null {
  if (state.quantity > 0) return { quantity: state.quantity, value: state.value };
  return state.lastCost !== null && state.lastCost.quantity > 0 ? state.lastCost : null;
}
