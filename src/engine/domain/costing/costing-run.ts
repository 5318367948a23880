import type { CostingMethod } from './costing-method';
import type { CostingPolicy } from './negative-stock';
import type { Balance, Movement, MovementCost } from './types';

/**
 * A working copy of one scope's costing state, for costing many movements in a row (replay after a
 * backdated document) without copying the state at every movement. It never changes the state it was
 * opened on. After a refusal it is spent: discard it.
 */
export interface CostingRun<State> {
  cost(movement: Movement, policy: CostingPolicy): MovementCost;
  balance(): Balance;
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
