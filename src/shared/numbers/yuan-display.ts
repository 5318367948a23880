import { formatScaled } from './decimal';
import { fenScale, type Fen } from './scales';

/**
 * Decimal text with its whole part grouped by thousands, on its digits (never through a float):
 * "-12345.6" → "-12,345.6". Text that is not a plain decimal is left as it is.
 */
export function groupThousands(text: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}

/** Fen as yuan with two decimals, grouped: 1234567 → "12,345.67", −500 → "-5.00". */
export function groupedYuan(fen: Fen): string {
  return groupThousands(formatScaled(fen, fenScale, 2));
}

/** Fen as people read money in a message (DOMAIN.md §3): 1234567 → "¥12,345.67", −500 → "-¥5.00". */
export function yuanDisplay(fen: Fen): string {
  return `${fen < 0 ? '-' : ''}¥${groupedYuan(Math.abs(fen))}`;
}
