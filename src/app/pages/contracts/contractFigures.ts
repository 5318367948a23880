import { formatScaled } from '../../../shared/numbers/decimal';
import { priceScale, type Fen, type PriceMicros } from '../../../shared/numbers/scales';
import { groupedYuan, groupThousands } from '../../../shared/numbers/yuan-display';

/**
 * How a contract's integers read on screen (DOMAIN.md §3): quantities in the line's unit × 10^quantityDecimals,
 * prices in millionths of a yuan, amounts in fen, rates in basis points. Never through a float.
 */

/** 2400 with 2 decimals → "24", 1190 → "11.9", grouped by thousands. */
export function quantityText(quantity: number, quantityDecimals: number): string {
  return groupThousands(formatScaled(quantity, quantityDecimals));
}

/** A quantity with its unit: "24 箱". */
export function quantityWithUnit(quantity: number, quantityDecimals: number, unitName: string): string {
  return `${quantityText(quantity, quantityDecimals)} ${unitName}`;
}

/** 113_000_000 → "113.00": a price keeps at least two decimals and shows more only when it has them. */
export function priceText(price: PriceMicros): string {
  return groupThousands(formatScaled(price, priceScale, 2));
}

/** Fen as yuan: 3912 → "39.12". */
export function yuanText(fen: Fen): string {
  return groupedYuan(fen);
}

/** Basis points as a percent: 200 → "2%", 250 → "2.5%". */
export function percentFromBp(basisPoints: number): string {
  return `${formatScaled(basisPoints, 2)}%`;
}

/** Figures as they go back into an input: no grouping, so the text reads back exactly. */
export const editableText = {
  quantity: (quantity: number, quantityDecimals: number) => formatScaled(quantity, quantityDecimals),
  price: (price: PriceMicros) => formatScaled(price, priceScale, 2),
  fen: (fen: Fen) => formatScaled(fen, 2, 2),
  basisPoints: (basisPoints: number) => formatScaled(basisPoints, 2),
};
