import type { CostingMethod as CostingMethodName } from '../branch/profile';
import type { CostingRun } from './costing-run';
import { fifo } from './fifo';
import { lifo } from './lifo';
import { movingAverage } from './moving-average';
import type { CostingPolicy } from './negative-stock';
import { specificIdentification } from './specific-identification';
import type { Balance, Costed, Movement } from './types';

/** The methods that cost each movement as it is posted. */
export type PerpetualMethodName = Exclude<CostingMethodName, 'monthly_average'>;

/**
 * A costing method is a tiny state machine over one costing scope (goods × warehouse, or goods:
 * DOMAIN.md §2, §6.2): no database, no dates. The state is plain data, so a caller can store it as a
 * checkpoint and replay from it. Monthly weighted average is not one of these: its issues are costed
 * at month close (see monthly-average.ts).
 */
export interface CostingMethod<State> {
  readonly name: PerpetualMethodName;
  /** The state of a scope with no movements. */
  initial(): State;
  /** The state after one more movement and the value it carried; throws LedgerError when refused. */
  apply(state: State, movement: Movement, policy: CostingPolicy): Costed<State>;
  balance(state: State): Balance;
  /** A working copy of `state` for costing many movements in a row; see costing-run.ts. */
  open(state: State): CostingRun<State>;
}

const perpetualMethods = {
  moving_average: movingAverage,
  fifo,
  lifo,
  specific: specificIdentification,
} as const satisfies Record<PerpetualMethodName, CostingMethod<unknown>>;

/**
 * The method named in the branch profile or the goods. With a literal name the state type is exact;
 * with a name read from settings it is `unknown`, opaque data to store and hand back.
 */
export function methodFor<Name extends PerpetualMethodName>(name: Name): (typeof perpetualMethods)[Name];
export function methodFor(name: PerpetualMethodName): CostingMethod<unknown>;
export function methodFor(name: PerpetualMethodName): CostingMethod<unknown> {
  return perpetualMethods[name];
}
