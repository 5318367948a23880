import { fenScale, formatFen, formatScaled, parseScaled } from '../../components/document/scaledDecimal';

// Money on the 往来 pages stays exact (DOMAIN.md §3): the engine's yuan text is read into fen as a
// BigInt, summed and compared there, and written back as text — never through floating point.

export function toFen(yuan: string): bigint {
  return parseScaled(yuan, fenScale) ?? 0n;
}

export function yuanText(fen: bigint): string {
  return formatScaled(fen, fenScale, 2);
}

export function sumYuan(texts: readonly string[]): string {
  return yuanText(texts.reduce((sum, text) => sum + toFen(text), 0n));
}

/** Money as a message names it: ¥12,345.67, -¥5.00. */
export function yuanShown(fen: bigint | number): string {
  const value = BigInt(fen);
  return `${value < 0n ? '-' : ''}¥${formatFen(value < 0n ? -value : value)}`;
}
