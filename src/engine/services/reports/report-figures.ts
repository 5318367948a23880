import { formatScaled } from '../../../shared/numbers/decimal';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import { fenScale } from '../../../shared/numbers/scales';

/**
 * How report figures leave the engine (DOMAIN.md §3): decimal text, never floating point. Amounts
 * in yuan with two decimals, quantities in base units with the branch's decimals trimmed, unit costs
 * per base unit with four decimals.
 */

export const unitCostScale = 4;

/**
 * Whole units and the remainder of a scaled integer, exactly: the quotient of the floating division
 * may be off by one for huge values, the remainder says so and the step corrects it.
 */
function split(magnitude: number, unit: number): [whole: number, remainder: number] {
  let whole = Math.floor(magnitude / unit);
  let remainder = magnitude - whole * unit;
  if (remainder < 0) {
    whole -= 1;
    remainder += unit;
  } else if (remainder >= unit) {
    whole += 1;
    remainder -= unit;
  }
  return [whole, remainder];
}

const powersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/**
 * Fen as yuan with two decimals: what formatScaled(fen, 2, 2) gives, written out directly because a
 * report formats tens of thousands of figures and this is most of its time.
 */
export function moneyText(fen: number): string {
  const [yuan, cents] = split(Math.abs(fen), 100);
  return `${fen < 0 ? '-' : ''}${yuan}.${cents < 10 ? '0' : ''}${cents}`;
}

/** A scaled quantity with its trailing zero decimals dropped: formatScaled(quantity, decimals), directly. */
export function quantityText(quantity: number, quantityDecimals: number): string {
  const unit = powersOfTen[quantityDecimals];
  if (unit === undefined) return formatScaled(quantity, quantityDecimals);
  const [whole, fraction] = split(Math.abs(quantity), unit);
  const sign = quantity < 0 ? '-' : '';
  if (fraction === 0) return `${sign}${whole}`;
  let digits = String(fraction).padStart(quantityDecimals, '0');
  while (digits.endsWith('0')) digits = digits.slice(0, -1);
  return `${sign}${whole}.${digits}`;
}

/**
 * Value ÷ quantity in yuan per base unit, to four decimals (value is authoritative, §3); null where
 * there is no quantity to divide by.
 */
export function unitCostText(value: number, quantity: number, quantityDecimals: number): string | null {
  if (quantity === 0) return null;
  // (fen / 10^2) / (quantity / 10^decimals) yuan, counted in 10^-4 yuan.
  const scaled = mulDivRound(value, 10 ** (quantityDecimals + unitCostScale - fenScale), quantity);
  return formatScaled(scaled, unitCostScale, unitCostScale);
}
