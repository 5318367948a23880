import { LedgerError } from '../../../shared/ledger-error';
import { formatScaled } from '../../../shared/numbers/decimal';
import { baseUnitRatio, ratioScale, type RatioMicros } from '../../../shared/numbers/scales';

const ratioDenominator = 10n ** BigInt(ratioScale);

/**
 * A stored quantity in a goods' units, largest first (多单位, DOMAIN.md §4): 77 袋 with 箱 = 24 袋
 * reads "3箱5袋". `baseQuantity` is base units × 10^quantityDecimals (DOMAIN.md §3); what is left
 * after the larger units goes to the base unit, with its decimals trimmed ("1箱2.5千克"). Units
 * smaller than the base unit are not used. Zero reads "0袋", in the base unit.
 *
 * A larger unit is only taken in counts that leave a remainder the quantity's precision can hold:
 * with whole 袋 and 件 = 12.5 袋, 13 袋 stays "13袋" rather than "1件0.5袋", and 25 袋 is "2件".
 */
export function formatMixedQuantity(
  baseQuantity: number,
  units: readonly { name: string; ratio: RatioMicros }[],
  quantityDecimals: number,
): string {
  if (!Number.isSafeInteger(baseQuantity)) {
    throw new LedgerError('VALIDATION', `数量【${baseQuantity}】不是可精确计算的数值。`);
  }
  if (!Number.isInteger(quantityDecimals) || quantityDecimals < 0) {
    throw new LedgerError('INTERNAL', `数量小数位【${quantityDecimals}】无效。`);
  }
  const baseUnit = units.find((unit) => unit.ratio === baseUnitRatio);
  if (!baseUnit) throw new LedgerError('INTERNAL', '商品单位中没有基本单位，无法折算数量。');

  // Quantities are in 10^-quantityDecimals base units; a unit of ratio r holds
  // r × 10^quantityDecimals / 10^6 of them, which need not be a whole number.
  const quantityScale = 10n ** BigInt(quantityDecimals);
  let remaining = BigInt(Math.abs(baseQuantity));
  const parts: string[] = [];
  const larger = units.filter((unit) => unit.ratio > baseUnitRatio).sort((a, b) => b.ratio - a.ratio);
  for (const unit of larger) {
    const unitSize = BigInt(unit.ratio) * quantityScale; // in 10^-6 of a stored quantity step
    const count = wholeCountLeavingExactRemainder(remaining * ratioDenominator, unitSize);
    if (count === 0n) continue;
    remaining -= (count * unitSize) / ratioDenominator;
    parts.push(`${count}${unit.name}`);
  }
  if (remaining > 0n || parts.length === 0) {
    parts.push(`${formatScaled(Number(remaining), quantityDecimals)}${baseUnit.name}`);
  }
  return `${baseQuantity < 0 ? '-' : ''}${parts.join('')}`;
}

/**
 * The most units of `unitSize` in `amount` (both in millionths of a stored step) whose total is a
 * whole number of stored steps: a multiple of the smallest count that lands on one.
 */
function wholeCountLeavingExactRemainder(amount: bigint, unitSize: bigint): bigint {
  const step = ratioDenominator / gcd(unitSize, ratioDenominator);
  const most = amount / unitSize;
  return most - (most % step);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
