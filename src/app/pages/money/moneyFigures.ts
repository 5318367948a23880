import { formatScaled } from '../../../shared/numbers/decimal';
import { readDecimalInput } from '../../../shared/numbers/decimal-input';
import { add } from '../../../shared/numbers/integer-math';
import { fenScale, type Fen } from '../../../shared/numbers/scales';

// Money on the 往来 pages stays exact (DOMAIN.md §3): the engine's yuan text, or the amount the clerk
// types, is read into fen as the engine reads it, summed and compared there, and written back as text.

/** Yuan as the engine writes it or the clerk types it ("1,234.50"), in fen; 0 for what is no amount. */
export function toFen(yuan: string): Fen {
  const reading = readDecimalInput(yuan.trim(), fenScale);
  return reading.ok ? reading.value : 0;
}

export function yuanText(fen: Fen): string {
  return formatScaled(fen, fenScale, 2);
}

export function sumYuan(texts: readonly string[]): string {
  return yuanText(texts.reduce((sum, text) => add(sum, toFen(text)), 0));
}
