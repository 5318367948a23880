import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methodFor, type CostingMethod } from '../../../src/engine/domain/costing/costing-method';
import type { Layer } from '../../../src/engine/domain/costing/layer-queue';
import { closeMonth } from '../../../src/engine/domain/costing/monthly-average';
import type { CostingPolicy } from '../../../src/engine/domain/costing/negative-stock';
import { replay } from './replay';
import type { Balance, Costed, Movement } from '../../../src/engine/domain/costing/types';
import { LedgerError } from '../../../src/shared/ledger-error';
import { adjust, allowNegative, forbidNegative, issue, receive } from './table';

// Random sequences of documents, at least 1,000 cases per method and policy (issue 4).
const numRuns = 1_000;

/** What the random generator proposes; `interpret` turns it into a movement valid for the state. */
interface Intent {
  readonly kind: 'receipt' | 'issue' | 'adjustment';
  readonly quantity: number;
  readonly value: number;
  readonly adjustment: number;
  readonly named: boolean;
  /** Issue the whole balance, or receive exactly what negative stock lacks: back to zero. */
  readonly exact: boolean;
  readonly pick: number;
}

const intentArbitrary: fc.Arbitrary<Intent> = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constant('receipt' as const), weight: 4 },
    { arbitrary: fc.constant('issue' as const), weight: 5 },
    { arbitrary: fc.constant('adjustment' as const), weight: 1 },
  ),
  quantity: fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 5 })),
  value: fc.oneof(fc.integer({ min: 0, max: 500_000 }), fc.constant(0), fc.integer({ min: 0, max: 7 })),
  adjustment: fc.integer({ min: -20_000, max: 20_000 }),
  named: fc.boolean(),
  exact: fc.oneof({ arbitrary: fc.constant(true), weight: 1 }, { arbitrary: fc.constant(false), weight: 3 }),
  pick: fc.nat(),
});
const intentsArbitrary = fc.array(intentArbitrary, { maxLength: 60 });

type AnyMethod = CostingMethod<unknown>;
const perpetual = ['moving_average', 'fifo', 'lifo', 'specific'] as const;

function layersOf(state: unknown): readonly Layer[] {
  return (state as { layers?: readonly Layer[] }).layers ?? [];
}

interface Run {
  readonly movements: Movement[];
  readonly costed: Costed<unknown>[];
}

/**
 * Builds a valid sequence: an issue never exceeds the balance under the forbidden policy, names a layer
 * holding stock under specific identification (and sometimes, as a purchase return, under the others);
 * an adjustment the method refuses (it would leave a layer below zero) is simply not part of it.
 */
function interpret(method: AnyMethod, intents: readonly Intent[], policy: CostingPolicy): Run {
  const run: Run = { movements: [], costed: [] };
  let state = method.initial();
  intents.forEach((intent, index) => {
    const balance = method.balance(state);
    const layers = layersOf(state);
    const someLayer = layers.length > 0 ? layers[intent.pick % layers.length]! : null;
    let movement: Movement | null = null;
    if (intent.kind === 'receipt') {
      const quantity = intent.exact && balance.quantity < 0 ? -balance.quantity : intent.quantity;
      movement = receive(quantity, intent.value, `r${index}`);
    } else if (intent.kind === 'adjustment') {
      movement = adjust(intent.adjustment, intent.named && someLayer?.key ? someLayer.key : undefined);
    } else if (method.name === 'specific') {
      if (someLayer?.key) {
        const quantity = intent.exact ? someLayer.quantity : 1 + ((intent.quantity - 1) % someLayer.quantity);
        movement = issue(quantity, someLayer.key);
      }
    } else if (policy.negativeStock === 'allow' || balance.quantity > 0) {
      const quantity =
        intent.exact && balance.quantity > 0
          ? balance.quantity
          : policy.negativeStock === 'allow'
            ? intent.quantity
            : 1 + ((intent.quantity - 1) % balance.quantity);
      const returnedFrom =
        method.name === 'moving_average' ? `r${intent.pick % (index + 1)}` : someLayer?.key;
      movement = issue(quantity, intent.named && returnedFrom ? returnedFrom : undefined);
    }
    if (movement === null) return;
    try {
      const costed = method.apply(state, movement, policy);
      run.movements.push(movement);
      run.costed.push(costed);
      state = costed.state;
    } catch (error) {
      if (movement.kind === 'adjustment' && error instanceof LedgerError && error.code === 'CONFLICT') return;
      throw error;
    }
  });
  return run;
}

/** Checks every step against sums of the movements so far. */
function expectInvariants(method: AnyMethod, run: Run, policy: CostingPolicy): void {
  let quantity = 0;
  let value = 0;
  run.movements.forEach((movement, step) => {
    const costed = run.costed[step]!;
    const balance = method.balance(costed.state);
    if (movement.kind === 'receipt') {
      quantity += movement.quantity;
      value += movement.value + costed.correction;
      expect(costed.value).toBe(movement.value + costed.correction);
    } else if (movement.kind === 'issue') {
      quantity -= movement.quantity;
      value += costed.value;
      expect(costed.value).toBeLessThanOrEqual(0); // an issue's cost is never negative
    } else {
      value += movement.value;
      expect(costed.value).toBe(movement.value);
    }
    if (movement.kind !== 'receipt' || policy.negativeStock === 'forbid') expect(costed.correction).toBe(0);
    expect(balance).toEqual({ quantity, value });
    if (balance.quantity === 0) expect(balance.value).toBe(0);
    if (policy.negativeStock === 'forbid') {
      expect(balance.quantity).toBeGreaterThanOrEqual(0);
      expect(balance.value).toBeGreaterThanOrEqual(0);
    }
    if (method.name !== 'moving_average') {
      const layers = layersOf(costed.state);
      for (const layer of layers) {
        expect(layer.quantity).toBeGreaterThan(0);
        expect(layer.value).toBeGreaterThanOrEqual(0);
      }
      const sum = layers.reduce(
        (total, layer) => ({ quantity: total.quantity + layer.quantity, value: total.value + layer.value }),
        {
          quantity: 0,
          value: 0,
        },
      );
      // The layers are the balance; below zero there are none, the balance is what went out unfilled.
      expect(sum).toEqual(balance.quantity >= 0 ? balance : { quantity: 0, value: 0 });
    }
  });
  // Replaying the whole sequence in one run gives what applying it movement by movement gave.
  const replayed = replay(method, run.movements, policy);
  expect(replayed.movements).toEqual(
    run.costed.map(({ state, value, correction }) => ({ value, correction, balance: method.balance(state) })),
  );
  expect(replayed.state).toEqual(run.costed.at(-1)?.state ?? method.initial());
}

type Outcome =
  | { ok: ReturnType<typeof replay<unknown>> }
  | { refused: { code: string; message: string; details: unknown } };

function outcome(fn: () => ReturnType<typeof replay<unknown>>, indexOffset = 0): Outcome {
  try {
    return { ok: fn() };
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    const details = error.details as { movementIndex: number };
    return {
      refused: {
        code: error.code,
        message: error.message,
        details: { ...details, movementIndex: details.movementIndex + indexOffset },
      },
    };
  }
}

describe.each(perpetual)('costing properties: %s', (name) => {
  const method = methodFor(name) as AnyMethod;

  it('negative stock forbidden: balance = Σ movements, zero quantity ⇒ zero value, layers sum to it, replay = apply', () => {
    fc.assert(
      fc.property(intentsArbitrary, (intents) => {
        expectInvariants(method, interpret(method, intents, forbidNegative), forbidNegative);
      }),
      { numRuns },
    );
  });

  it('negative stock allowed: the same, with receipts correcting what went out at provisional cost', () => {
    fc.assert(
      fc.property(intentsArbitrary, (intents) => {
        expectInvariants(method, interpret(method, intents, allowNegative), allowNegative);
      }),
      { numRuns },
    );
  });

  it.each([
    ['forbidden', forbidNegative],
    ['allowed', allowNegative],
  ] as const)(
    'a backdated movement replayed from a checkpoint gives what costing all from scratch gives (%s)',
    (_, policy) => {
      const backdated = fc.record({
        position: fc.nat(),
        checkpoint: fc.nat(),
        quantity: fc.integer({ min: 1, max: 1_000 }),
        value: fc.integer({ min: 0, max: 500_000 }),
        asIssue: fc.boolean(),
      });
      fc.assert(
        fc.property(intentsArbitrary, backdated, (intents, inserted) => {
          const { movements } = interpret(method, intents, policy);
          const position = inserted.position % (movements.length + 1);
          const canIssue = policy.negativeStock === 'allow' && method.name !== 'specific';
          const movement =
            inserted.asIssue && canIssue
              ? issue(inserted.quantity)
              : receive(inserted.quantity, inserted.value, 'backdated');
          const reordered = [...movements.slice(0, position), movement, ...movements.slice(position)];
          const checkpointAt = inserted.checkpoint % (position + 1);

          const fromScratch = outcome(() => replay(method, reordered, policy));
          const fromCheckpoint = outcome(() => {
            const checkpoint = replay(method, reordered.slice(0, checkpointAt), policy).state;
            return replay(method, reordered.slice(checkpointAt), policy, checkpoint);
          }, checkpointAt);
          if ('ok' in fromScratch && 'ok' in fromCheckpoint) {
            expect(fromCheckpoint.ok.movements).toEqual(fromScratch.ok.movements.slice(checkpointAt));
            expect(fromCheckpoint.ok.state).toEqual(fromScratch.ok.state);
            // Movements before the backdated one keep their values.
            const original = replay(method, movements, policy);
            expect(fromScratch.ok.movements.slice(0, position)).toEqual(
              original.movements.slice(0, position),
            );
          } else {
            expect(fromCheckpoint).toEqual(fromScratch);
          }
        }),
        { numRuns },
      );
    },
  );
});

describe('monthly average close properties', () => {
  const month = fc.record({
    opening: fc.oneof(
      fc.constant({ quantity: 0, value: 0 }),
      fc.record({
        quantity: fc.integer({ min: 1, max: 5_000 }),
        value: fc.integer({ min: 0, max: 1_000_000 }),
      }),
    ),
    receipts: fc.array(
      fc.record({
        quantity: fc.integer({ min: 0, max: 1_000 }),
        value: fc.integer({ min: 0, max: 500_000 }),
      }),
      { maxLength: 10 },
    ),
    issues: fc.array(fc.integer({ min: 1, max: 1_000 }), { maxLength: 30 }),
  });

  it('closing = opening + receipts − issues exactly; zero quantity ⇒ zero value; no negative cost', () => {
    fc.assert(
      fc.property(month, ({ opening, receipts, issues }) => {
        const received = receipts.reduce(
          (total: Balance, r) => ({ quantity: total.quantity + r.quantity, value: total.value + r.value }),
          { quantity: 0, value: 0 },
        );
        let left = opening.quantity + received.quantity;
        const quantities: number[] = [];
        for (const wanted of issues) {
          if (left === 0) break;
          const quantity = 1 + ((wanted - 1) % left);
          quantities.push(quantity);
          left -= quantity;
        }
        const close = closeMonth(
          opening,
          receipts,
          quantities.map((quantity) => ({ quantity })),
        );
        const issued = close.issueValues.reduce((a, b) => a + b, 0);
        expect(close.closing).toEqual({
          quantity: left,
          value: opening.value + received.value + issued + close.correction,
        });
        if (left === 0) expect(close.closing.value).toBe(0);
        for (const value of close.issueValues) expect(value).toBeLessThanOrEqual(0);
        expect(close.closing.value).toBeGreaterThanOrEqual(0);
        if (close.average !== null && quantities.length > 0) {
          // The closing stock is valued at the month's average, to the nearest fen.
          const exact = left * close.average.value;
          expect(Math.abs(close.closing.value * close.average.quantity - exact)).toBeLessThanOrEqual(
            close.average.quantity / 2,
          );
        }
      }),
      { numRuns },
    );
  });
});
