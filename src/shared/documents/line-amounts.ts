import { LedgerError } from '../ledger-error';
import { mulDivRound } from '../numbers/integer-math';
import {
  fenScale,
  priceScale,
  ratioScale,
  type Fen,
  type PriceMicros,
  type RatioMicros,
  type TaxRateBasisPoints,
} from '../numbers/scales';

/**
 * A line's quantities and amounts (DOMAIN.md §3): quantities are integers scaled by 10^quantityDecimals,
 * line amount = round(quantity × unit price), tax = round(amount × rate), both 四舍五入 at the line.
 */

const ratioOne = 10 ** ratioScale;
const taxRateOne = 10_000;

/** The quantity in base units of `quantity` units of a given ratio; refused when it is not exact. */
export function baseQuantityOf(quantity: number, ratio: RatioMicros): number | null {
  const product = quantity * ratio;
  if (!Number.isSafeInteger(product) || product % ratioOne !== 0) return null;
  return product / ratioOne;
}

export interface LineAmounts {
  readonly amount: Fen;
  readonly taxAmount: Fen;
  readonly amountWithTax: Fen;
}

/** How a trade line's price was entered: with tax (含税单价) or not, and its discount (折扣率, basis points). */
export interface PriceTerms {
  readonly includesTax: boolean;
  readonly discountRate: TaxRateBasisPoints;
}

export const plainPrice: PriceTerms = { includesTax: false, discountRate: 0 };

export interface TradeLineAmounts extends LineAmounts {
  /** The discount taken off, on the side the price was entered (with or without tax). */
  readonly discountAmount: Fen;
  /** The price on the other side, for showing and for price history: excl. tax ↔ incl. tax. */
  readonly unitPrice: PriceMicros;
  readonly unitPriceWithTax: PriceMicros;
}

/**
 * A trade line's amounts (DOMAIN.md §3) from the price as entered. Without tax: amount = round(q × p)
 * less round(that × discount), tax = round(amount × rate). With tax (as 金蝶 / 用友 do for 含税单价):
 * amount with tax = round(q × p) less its discount, tax = round(amount with tax × rate / (1 + rate)), and
 * the amount without tax is what remains — so the 价税合计 the clerk typed the price for is exact.
 */
export function tradeLineAmounts(
  quantity: number,
  price: PriceMicros,
  taxRate: TaxRateBasisPoints,
  quantityDecimals: number,
  terms: PriceTerms,
): TradeLineAmounts {
  const gross = lineAmount(quantity, price, quantityDecimals);
  const discountAmount = mulDivRound(gross, terms.discountRate, taxRateOne);
  const net = gross - discountAmount;
  if (!terms.includesTax) {
    const taxAmount = mulDivRound(net, taxRate, taxRateOne);
    return {
      amount: net,
      taxAmount,
      amountWithTax: net + taxAmount,
      discountAmount,
      unitPrice: price,
      unitPriceWithTax: priceWithTax(price, taxRate),
    };
  }
  const taxAmount = mulDivRound(net, taxRate, taxRateOne + taxRate);
  return {
    amount: net - taxAmount,
    taxAmount,
    amountWithTax: net,
    discountAmount,
    unitPrice: mulDivRound(price, taxRateOne, taxRateOne + taxRate),
    unitPriceWithTax: price,
  };
}

/** A price without tax as the same price with tax (a goods' default price offered 含税), 6 decimals. */
export function priceWithTax(price: PriceMicros, taxRate: TaxRateBasisPoints): PriceMicros {
  return mulDivRound(price, taxRateOne + taxRate, taxRateOne);
}

/** round(quantity × price) in fen: quantity × 10^qd, price × 10^6, amount × 10^2. */
export function lineAmount(quantity: number, unitPrice: PriceMicros, quantityDecimals: number): Fen {
  return mulDivRound(quantity, unitPrice, 10 ** (quantityDecimals + priceScale - fenScale));
}

/**
 * The unit price a line's amount comes to (DOMAIN.md §3: value is authoritative, the unit price derived),
 * for lines whose amount is what was entered or counted: an opening balance, a gain at an entered value.
 */
export function unitPriceOf(amount: Fen, quantity: number, quantityDecimals: number): PriceMicros {
  if (quantity === 0) return 0;
  return mulDivRound(amount, 10 ** (quantityDecimals + priceScale - fenScale), quantity);
}

export function lineAmounts(
  quantity: number,
  unitPrice: PriceMicros,
  taxRate: TaxRateBasisPoints,
  quantityDecimals: number,
): LineAmounts {
  const amount = lineAmount(quantity, unitPrice, quantityDecimals);
  const taxAmount = mulDivRound(amount, taxRate, taxRateOne);
  return { amount, taxAmount, amountWithTax: amount + taxAmount };
}

/** Whole base units only, for goods whose base unit cannot be split (袋, 瓶). */
export function assertWholeBaseUnits(
  baseQuantity: number,
  quantityDecimals: number,
  where: string,
  baseUnit: string,
): void {
  if (baseQuantity % 10 ** quantityDecimals !== 0) {
    throw new LedgerError(
      'VALIDATION',
      `${where}：基本单位【${baseUnit}】不可拆分，数量必须是整${baseUnit}。`,
    );
  }
}
