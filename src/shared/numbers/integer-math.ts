import { LedgerError } from '../ledger-error';

/**
 * Exact integer arithmetic for costing and line amounts (DOMAIN.md §3: no floating point in any amount). Every input is
 * a safe integer; a result beyond Number.MAX_SAFE_INTEGER is refused rather than silently rounded.
 */

function tooLarge(): LedgerError {
  return new LedgerError('VALIDATION', '金额或数量超出可精确计算的范围。');
}

/** a + b, refused when the exact sum is not a safe integer. */
export function add(a: number, b: number): number {
  const sum = a + b;
  // Two safe integers add exactly whenever the true sum is safe; otherwise the double lands outside.
  if (!Number.isSafeInteger(sum)) throw tooLarge();
  return sum;
}

/** a − b, refused like `add`. */
export function subtract(a: number, b: number): number {
  return add(a, -b);
}

/**
 * round(a × b / c), 四舍五入 half away from zero, exactly: this is q × V / Q of every issue.
 * The product is formed in doubles only when it is provably exact, else in BigInt.
 */
export function mulDivRound(a: number, b: number, c: number): number {
  if (c === 0) throw new LedgerError('INTERNAL', '成本计算除数为零。');
  const product = a * b;
  // The double product is a safe integer exactly when the true product is one (rounding is monotone).
  if (Number.isSafeInteger(product)) return divideRounded(product, c);
  const numerator = BigInt(a) * BigInt(b);
  const divisor = BigInt(c);
  let quotient = numerator / divisor;
  const remainder = numerator % divisor;
  const twiceRemainder = remainder < 0n ? -2n * remainder : 2n * remainder;
  if (twiceRemainder >= (divisor < 0n ? -divisor : divisor)) {
    quotient += numerator < 0n === divisor < 0n ? 1n : -1n;
  }
  const result = Number(quotient);
  if (!Number.isSafeInteger(result)) throw tooLarge();
  return result;
}

/** n / d for safe integers, half away from zero; `%` and the division of n − r are exact here. */
function divideRounded(n: number, d: number): number {
  const remainder = n % d;
  const quotient = (n - remainder) / d;
  if (2 * Math.abs(remainder) >= Math.abs(d)) return quotient + (n < 0 === d < 0 ? 1 : -1);
  return quotient + 0; // normalise −0
}

/** −n without producing −0 (a −0 in a stored amount would print as "-0.00"). */
export function negate(n: number): number {
  return 0 - n;
}
