import { LedgerError } from '../../../shared/ledger-error';
import { currentUnitCost, type CostingRun } from './costing-run';
import { add, mulDivRound, negate, subtract } from '../../../shared/numbers/integer-math';
import { checkMovement } from './movement-checks';
import { costOfShortfall, fillShortfall, insufficientStock, type CostingPolicy } from './negative-stock';
import type {
  Adjustment,
  Balance,
  Fen,
  Issue,
  LayerKey,
  Movement,
  MovementCost,
  Quantity,
  Receipt,
  UnitCost,
} from './types';

/**
 * Receipt layers (DOMAIN.md §6.2), shared by FIFO, LIFO and specific identification: like ERPNext's
 * `[qty, rate]` bins, but each layer keeps its remaining value rather than a rate, so a layer's unit
 * cost is value / quantity and consuming all of it takes exactly its value.
 */
export interface Layer {
  readonly key: LayerKey | null;
  readonly quantity: Quantity;
  readonly value: Fen;
}

export interface LayerQueueState {
  /** Oldest first; every layer holds a positive quantity and a value of at least zero. */
  readonly layers: readonly Layer[];
  /**
   * The balance: the layers' sum, or, once an issue went beyond them (negative stock allowed, §6.6),
   * the negative quantity and its provisional value, with no layers left.
   */
  readonly quantity: Quantity;
  readonly value: Fen;
  /** The unit cost of the layer last received or consumed: what an issue from empty stock goes out at. */
  readonly lastCost: UnitCost | null;
}

/**
 * Which layers an issue takes from once its named layer (if any) is used up: the oldest (FIFO), the
 * newest (LIFO), or, for specific identification (`null`), none at all.
 */
export type ConsumptionOrder = 'oldest_first' | 'newest_first' | null;

export const emptyLayerQueue: LayerQueueState = { layers: [], quantity: 0, value: 0, lastCost: null };

export function layerQueueBalance(state: LayerQueueState): Balance {
  return { quantity: state.quantity, value: state.value };
}

export function openLayerQueue(state: LayerQueueState, order: ConsumptionOrder): CostingRun<LayerQueueState> {
  return new LayerQueueRun(state, order);
}

/**
 * The layers as a deque over one array: the live layers are `layers[head..]`; FIFO drops consumed
 * layers by moving `head`, LIFO by popping, so a replay costs each movement in constant time however
 * many layers are held. Every refusal is decided before a layer is touched.
 */
class LayerQueueRun implements CostingRun<LayerQueueState> {
  private readonly layers: Layer[];
  private head = 0;
  private quantity: Quantity;
  private value: Fen;
  private lastCost: UnitCost | null;

  constructor(
    state: LayerQueueState,
    private readonly order: ConsumptionOrder,
  ) {
    this.layers = state.layers.slice();
    this.quantity = state.quantity;
    this.value = state.value;
    this.lastCost = state.lastCost;
  }

  state(): LayerQueueState {
    return {
      layers: this.layers.slice(this.head),
      quantity: this.quantity,
      value: this.value,
      lastCost: this.lastCost,
    };
  }

  balance(): Balance {
    return { quantity: this.quantity, value: this.value };
  }

  currentCost(): UnitCost | null {
    return currentUnitCost({ quantity: this.quantity, value: this.value, lastCost: this.lastCost });
  }

  cost(movement: Movement, policy: CostingPolicy): MovementCost {
    checkMovement(movement);
    switch (movement.kind) {
      case 'receipt':
        return this.receive(movement);
      case 'issue':
        return this.issue(movement, policy);
      case 'adjustment':
        return this.adjust(movement);
    }
  }

  private receive(receipt: Receipt): MovementCost {
    if (this.order === null && receipt.layer === undefined) {
      throw new LedgerError('VALIDATION', '个别计价的入库必须指定批次。');
    }
    const key = receipt.layer ?? null;
    const received: UnitCost = { quantity: receipt.quantity, value: receipt.value };
    this.lastCost = received;
    if (this.quantity >= 0) {
      this.layers.push({ key, ...received });
      this.quantity = add(this.quantity, receipt.quantity);
      this.value = add(this.value, receipt.value);
      return { value: receipt.value, correction: 0 };
    }
    // Negative stock (no layers): the receipt first fills the hole at the cost it went out at (§6.6).
    const fill = fillShortfall({ quantity: negate(this.quantity), value: negate(this.value) }, received);
    const carried = add(fill.fillValue, fill.rest.value);
    if (fill.rest.quantity > 0) {
      this.layers.push({ key, ...fill.rest });
      this.quantity = fill.rest.quantity;
      this.value = fill.rest.value;
    } else {
      this.quantity = negate(fill.shortfall.quantity);
      this.value = negate(fill.shortfall.value);
    }
    return { value: carried, correction: subtract(carried, receipt.value) };
  }

  /**
   * An issue takes first from the layer it names while that layer holds stock (a purchase return out
   * of its origin receipt, §6.4; the chosen lot under specific identification), then in the method's
   * order. A partly consumed layer gives round(q × value / quantity); a wholly consumed one its value.
   */
  private issue(movement: Issue, policy: CostingPolicy): MovementCost {
    const named = movement.layer;
    if (this.order === null) {
      if (named === undefined) throw new LedgerError('VALIDATION', '个别计价的出库必须指定批次。');
      // A named lot cannot be overdrawn, whatever the negative stock policy.
      const held = this.heldIn(named);
      if (held < movement.quantity) throw insufficientStock(movement.quantity - held, named);
    }
    const shortfall = movement.quantity - Math.max(this.quantity, 0);
    if (shortfall > 0 && policy.negativeStock !== 'allow') throw insufficientStock(shortfall);

    let remaining = movement.quantity;
    let cost = 0;
    const take = (index: number): boolean => {
      const layer = this.layers[index]!;
      const taken = Math.min(remaining, layer.quantity);
      const emptied = taken === layer.quantity;
      const takenValue = emptied ? layer.value : mulDivRound(taken, layer.value, layer.quantity);
      this.lastCost = { quantity: layer.quantity, value: layer.value };
      if (!emptied) {
        this.layers[index] = { ...layer, quantity: layer.quantity - taken, value: layer.value - takenValue };
      }
      remaining -= taken;
      cost = add(cost, takenValue);
      return emptied;
    };

    if (named !== undefined) {
      const matching = this.liveIndices(named);
      if (this.order === 'newest_first') matching.reverse();
      const emptied: number[] = [];
      for (const index of matching) {
        if (remaining === 0) break;
        if (take(index)) emptied.push(index);
      }
      for (const index of emptied.sort((a, b) => b - a)) this.layers.splice(index, 1);
    }
    while (this.order !== null && remaining > 0 && this.head < this.layers.length) {
      const oldest = this.order === 'oldest_first';
      if (take(oldest ? this.head : this.layers.length - 1)) {
        if (oldest) this.head++;
        else this.layers.pop();
      }
    }
    if (remaining > 0) cost = add(cost, costOfShortfall(remaining, this.lastCost, policy));
    this.compact();
    this.quantity -= movement.quantity;
    this.value = subtract(this.value, cost);
    return { value: negate(cost), correction: 0 };
  }

  /**
   * 成本调整单 over layers: the named layer(s), or all of them, in proportion to quantity; the last
   * (newest) takes the rounding residue so the layers still sum to the balance.
   */
  private adjust(adjustment: Adjustment): MovementCost {
    if (this.quantity === 0) throw new LedgerError('CONFLICT', '库存为零时不能调整成本');
    if (this.quantity < 0) throw new LedgerError('CONFLICT', '库存为负时不能调整成本');
    const named = adjustment.layer;
    const targets = this.liveIndices(named);
    if (targets.length === 0) throw new LedgerError('CONFLICT', `批次【${named}】没有库存，不能调整成本`);
    const targetQuantity = targets.reduce((sum, index) => sum + this.layers[index]!.quantity, 0);
    let spread = 0;
    const adjusted = targets.map((index, position) => {
      const layer = this.layers[index]!;
      const share =
        position === targets.length - 1
          ? subtract(adjustment.value, spread)
          : mulDivRound(adjustment.value, layer.quantity, targetQuantity);
      spread = add(spread, share);
      const value = add(layer.value, share);
      if (value < 0) {
        const which = layer.key === null ? '有批次' : `批次【${layer.key}】`;
        throw new LedgerError('CONFLICT', `调整后${which}金额为负，不能调整`);
      }
      return { ...layer, value };
    });
    targets.forEach((index, position) => (this.layers[index] = adjusted[position]!));
    this.value = add(this.value, adjustment.value);
    return { value: adjustment.value, correction: 0 };
  }

  /** Indices of the live layers under `key` (all of them when no key), oldest first. */
  private liveIndices(key: LayerKey | undefined): number[] {
    const indices: number[] = [];
    for (let index = this.head; index < this.layers.length; index++) {
      if (key === undefined || this.layers[index]!.key === key) indices.push(index);
    }
    return indices;
  }

  private heldIn(key: LayerKey): Quantity {
    return this.liveIndices(key).reduce((sum, index) => sum + this.layers[index]!.quantity, 0);
  }

  /** Drops consumed layers from the front once they are most of the array (amortised constant time). */
  private compact(): void {
    if (this.head > 32 && this.head * 2 > this.layers.length) {
      this.layers.splice(0, this.head);
      this.head = 0;
    }
  }
}
