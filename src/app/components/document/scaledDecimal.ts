/**
 * Exact decimals on the document page (DOMAIN.md §3: no floating point for money or quantities).
 * Text as the clerk types it becomes a BigInt scaled by 10^scale, the same reading the engine's
 * `parseScaled` gives, so the live figures are the ones the engine will store.
 */

/** Amounts are fen (2 decimals), prices millionths of a yuan, tax rates hundredths of a percent. */
export const fenScale = 2;
export const priceScale = 6;
export const taxRateScale = 2;

export const pow10 = (exponent: number): bigint => 10n ** BigInt(exponent);

/**
 * "38.4" at scale 6 is 38_400_000n; digits beyond the scale round half away from zero (四舍五入).
 * Thousands separators, ¥ and % are ignored, as the engine ignores them. Null when not a number.
 */
export function parseScaled(text: string, scale: number): bigint | null {
  const cleaned = text.trim().replace(/[,，¥￥%\s]/g, '');
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  let magnitude = BigInt((whole || '0') + fraction.slice(0, scale).padEnd(scale, '0'));
  if (fraction.charCodeAt(scale) - 48 >= 5) magnitude += 1n;
  return sign === '-' ? -magnitude : magnitude;
}

/** The scaled value as text, with at least `minDecimals` decimals and trailing zeros beyond trimmed. */
export function formatScaled(value: bigint, scale: number, minDecimals = 0): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = scale > 0 ? digits.slice(digits.length - scale) : '';
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Fen as money text with thousands separators: 1234567n → "12,345.67". */
export function formatFen(fen: bigint): string {
  const text = formatScaled(fen, fenScale, 2);
  const [whole = '', fraction = ''] = text.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/** round(a × b / c), half away from zero, exactly. */
export function mulDivRound(a: bigint, b: bigint, c: bigint): bigint {
  const numerator = a * b;
  const quotient = numerator / c;
  const remainder = numerator % c;
  const twice = remainder < 0n ? -2n * remainder : 2n * remainder;
  if (twice >= (c < 0n ? -c : c)) return quotient + (numerator < 0n === c < 0n ? 1n : -1n);
  return quotient;
}
