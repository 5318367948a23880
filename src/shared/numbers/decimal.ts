/**
 * Exact decimal ↔ scaled integer conversion (DOMAIN.md §3: no floating point for money or
 * quantities). `parseScaled('38.4', 6)` is 38_400_000 — computed on the digits, never by multiplying
 * a float. Values beyond 6 decimals of the scale are rounded half away from zero (四舍五入).
 * It reads plain decimal text as the ledger writes it; what a person types (thousands separators,
 * full-width digits, ¥) is read by decimal-input.ts.
 */
export function parseScaled(text: string, scale: number): number | null {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  const kept = fraction.slice(0, scale).padEnd(scale, '0');
  let magnitude = BigInt((whole || '0') + kept);
  const nextDigit = fraction.charCodeAt(scale) - 48;
  if (nextDigit >= 5) magnitude += 1n;
  const value = sign === '-' ? -magnitude : magnitude;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) return null;
  return Number(value);
}

/** A JavaScript number (as Excel cells arrive) to a scaled integer, through its shortest decimal text. */
export function numberToScaled(value: number, scale: number): number | null {
  if (!Number.isFinite(value)) return null;
  // toString gives the shortest text that reads back as the same double: 38.4, not 38.39999…
  const text = Math.abs(value) < 1e21 ? value.toString() : null;
  if (text === null || /e/i.test(text)) return parseScaled(value.toFixed(Math.min(scale + 2, 20)), scale);
  return parseScaled(text, scale);
}

/** The scaled integer as decimal text, with at least `minDecimals` and trailing zeros beyond trimmed. */
export function formatScaled(value: number, scale: number, minDecimals = 0): string {
  const negative = value < 0;
  const digits = Math.abs(value)
    .toString()
    .padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = scale > 0 ? digits.slice(digits.length - scale) : '';
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
