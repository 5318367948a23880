import type { Fen } from '../../../shared/numbers/scales';

export type { Fen } from '../../../shared/numbers/scales';

/**
 * A quantity in the goods' base unit scaled by 10^quantityDecimals (DOMAIN.md §3). Costing never
 * needs the scale: it only ever multiplies and divides quantities by quantities, so an integer is all
 * it sees.
 */
export type Quantity = number;

/**
 * Names the receipt layer a FIFO / LIFO / specific-identification issue takes from: the caller's key,
 * e.g. the id of the receipt's source document line (or the lot for lot goods).
 */
export type LayerKey = string;

/**
 * Stock coming in with its cost: a purchase receipt, a sales return at its original issue cost
 * (DOMAIN.md §6.4), a stocktake gain, a transfer in, an opening balance. For FIFO, LIFO and specific
 * identification a receipt forms a layer under `layer`.
 */
export interface Receipt {
  readonly kind: 'receipt';
  readonly quantity: Quantity;
  /** The cost of the whole quantity (never negative; zero for 零成本入库 gifts). */
  readonly value: Fen;
  readonly layer?: LayerKey;
}

/**
 * Stock going out at cost: a delivery, a purchase return, a stocktake loss, a transfer out. `layer`
 * names the layer it must come from: required by specific identification, and given by a purchase
 * return so that it leaves from its origin receipt's layer while that layer holds stock (§6.4).
 */
export interface Issue {
  readonly kind: 'issue';
  readonly quantity: Quantity;
  readonly layer?: LayerKey;
}

/**
 * 成本调整单: changes value without moving quantity. Layered methods spread it over the layers (or
 * over the named layer only) in proportion to quantity.
 */
export interface Adjustment {
  readonly kind: 'adjustment';
  readonly value: Fen;
  readonly layer?: LayerKey;
}

export type Movement = Receipt | Issue | Adjustment;

/** Quantity and value held: a balance, a layer, or a unit cost kept as the exact ratio value / quantity. */
export interface Balance {
  readonly quantity: Quantity;
  readonly value: Fen;
}

/**
 * A unit cost, never stored as a rounded price (§3: value is authoritative): the value of a quantity,
 * applied to another quantity q as round(q × value / quantity). `quantity` is always positive.
 */
export type UnitCost = Balance;

/** What costing one movement gives, besides the new state. */
export interface MovementCost {
  /**
   * The signed change of stock value the movement made, as the stock ledger records it (§6.1):
   * positive for a receipt, negative for an issue (its cost, −value, is the COGS), signed for an
   * adjustment.
   */
  readonly value: Fen;
  /**
   * Only a receipt filling negative stock has one (§6.6): `value − receipt.value`, the amount by which
   * the issues that went out at the provisional cost were over- (positive) or under-costed (negative).
   * The caller books it against cost of goods sold, so that COGS falls by it; zero otherwise.
   */
  readonly correction: Fen;
}

/** What applying one movement gives. */
export interface Costed<State> extends MovementCost {
  readonly state: State;
}
