import { expect } from 'vitest';
import { LedgerError } from '../../../src/shared/ledger-error';
import type { CostingMethod } from '../../../src/engine/domain/costing/costing-method';
import type { CostingPolicy } from '../../../src/engine/domain/costing/negative-stock';
import type {
  Adjustment,
  Issue,
  LayerKey,
  Movement,
  Receipt,
} from '../../../src/engine/domain/costing/types';

/** Movements as the tables read them: quantities in (scaled) base units, values in fen. */
export const receive = (quantity: number, value: number, layer?: LayerKey): Receipt =>
  layer === undefined ? { kind: 'receipt', quantity, value } : { kind: 'receipt', quantity, value, layer };
export const issue = (quantity: number, layer?: LayerKey): Issue =>
  layer === undefined ? { kind: 'issue', quantity } : { kind: 'issue', quantity, layer };
export const adjust = (value: number, layer?: LayerKey): Adjustment =>
  layer === undefined ? { kind: 'adjustment', value } : { kind: 'adjustment', value, layer };

export const forbidNegative: CostingPolicy = { negativeStock: 'forbid' };
export const allowNegative: CostingPolicy = { negativeStock: 'allow' };

/** Remaining layers as [quantity, value] pairs, oldest first: ERPNext's queue, with values for rates. */
export type LayerRows = readonly (readonly [number, number])[];

/**
 * One row of a costing table: the movement, the value it carried (signed: an issue's is −cost), and the
 * balance after it; optionally the correction a receipt filling negative stock carries and the layers.
 */
export type Row = readonly [
  movement: Movement,
  value: number,
  quantity: number,
  balanceValue: number,
  also?: { readonly correction?: number; readonly layers?: LayerRows },
];

interface WithLayers {
  readonly layers: readonly { readonly quantity: number; readonly value: number }[];
}

export function layersOf(state: unknown): LayerRows {
  return (state as WithLayers).layers.map((layer) => [layer.quantity, layer.value] as const);
}

/** Applies the rows in order and checks each; returns the final state for further checks. */
export function expectTable<State>(
  method: CostingMethod<State>,
  rows: readonly Row[],
  policy: CostingPolicy = forbidNegative,
): State {
  let state = method.initial();
  rows.forEach(([movement, value, quantity, balanceValue, also], index) => {
    const costed = method.apply(state, movement, policy);
    state = costed.state;
    const actual = {
      row: index + 1,
      value: costed.value,
      balance: method.balance(state),
      correction: costed.correction,
      ...(also?.layers ? { layers: layersOf(state) } : {}),
    };
    expect(actual).toEqual({
      row: index + 1,
      value,
      balance: { quantity, value: balanceValue },
      correction: also?.correction ?? 0,
      ...(also?.layers ? { layers: also.layers } : {}),
    });
  });
  return state;
}

/** Runs `fn` and returns the LedgerError it throws, for asserting code, message and details. */
export function refusal(fn: () => unknown): { code: string; message: string; details: unknown } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(LedgerError);
    const { code, message, details } = error as LedgerError;
    return { code, message, details };
  }
  throw new Error('expected a refusal');
}
