import { groupThousands } from '../numbers/yuan-display';

/**
 * Head office sums figures of many branches and months: they pass 2^53 long before a ledger line does,
 * so they travel as decimal digits ("-123456") and are formatted here on their digits, never as floats.
 */
export type FigureDigits = string;

/** The scaled integer's digits as decimal text with at least `minDecimals`: ("123450", 3) → "123.45". */
export function scaledDigits(digits: FigureDigits, scale: number, minDecimals = 0): string {
  const value = BigInt(digits);
  const negative = value < 0n;
  const text = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = text.slice(0, text.length - scale);
  let fraction = scale > 0 ? text.slice(text.length - scale) : '';
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Fen as money is read (DOMAIN.md §3): "1234567" → "¥12,345.67", "-500" → "-¥5.00". */
export function yuanOfDigits(fen: FigureDigits): string {
  const text = groupThousands(scaledDigits(fen, 2, 2));
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}

/** The sum of figures given as digits. */
export function sumDigits(values: readonly FigureDigits[]): FigureDigits {
  return values.reduce((sum, value) => sum + BigInt(value), 0n).toString();
}

/** a − b on digits. */
export function subtractDigits(a: FigureDigits, b: FigureDigits): FigureDigits {
  return (BigInt(a) - BigInt(b)).toString();
}
