import { LedgerError } from '../../../src/shared/ledger-error';
import type { CostingMethod } from '../../../src/engine/domain/costing/costing-method';
import type { CostingPolicy } from '../../../src/engine/domain/costing/negative-stock';
import type { Balance, Fen, Movement } from '../../../src/engine/domain/costing/types';

/** One movement as replayed: the value it carried and the balance right after it. */
export interface ReplayedMovement {
  readonly value: Fen;
  readonly correction: Fen;
  readonly balance: Balance;
}

export interface Replay<State> {
  readonly movements: readonly ReplayedMovement[];
  /** The state after the last movement: the next checkpoint. */
  readonly state: State;
}

/**
 * The tests' oracle: costs movements in the order given, from a checkpoint state (or from nothing), as
 * the stock ledger's re-costing (src/engine/services/stock/recost.ts) does over stored movements.
 * Re-costing after a backdated document (DOMAIN.md §6.6) is this: insert the movement into the date-ordered list and
 * replay from the last checkpoint before it; the method is deterministic, so that gives exactly what
 * costing every movement from the start gives.
 *
 * A refused movement throws the method's LedgerError with `details.movementIndex` added (its position
 * in `movements`), so the caller can name the goods, warehouse and date of the movement that broke.
 */
export function replay<State>(
  method: CostingMethod<State>,
  movements: readonly Movement[],
  policy: CostingPolicy,
  from: State = method.initial(),
): Replay<State> {
  const replayed: ReplayedMovement[] = [];
  const run = method.open(from);
  for (const [movementIndex, movement] of movements.entries()) {
    let cost;
    try {
      cost = run.cost(movement, policy);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
      throw new LedgerError(error.code, error.message, { ...details, movementIndex });
    }
    replayed.push({ value: cost.value, correction: cost.correction, balance: run.balance() });
  }
  return { movements: replayed, state: run.state() };
}
