import type { LineDraft } from './documentDraft';
import { carriesTax, documentTypeUi, tradesPrices, type DocumentType } from './documentTypes';
import { fenScale, mulDivRound, parseScaled, pow10, priceScale, taxRateScale } from './scaledDecimal';

/** A line's money in fen, as the engine will compute it. */
export interface LineFigures {
  amount: bigint;
  tax: bigint;
  withTax: bigint;
  /** 折扣额: taken off on the side the price was entered (with or without tax). */
  discount: bigint;
}

/** How a trade line's price was entered: 含税单价 or not, and its 折扣率 in hundredths of a percent. */
export interface PriceTerms {
  includesTax: boolean;
  discountRate: bigint;
}

const taxRateOne = 100n * pow10(taxRateScale);

/**
 * The engine's `tradeLineAmounts` (line-amounts.ts), on scaled BigInts; the renderer may not import
 * it, and tests/unit/app/document-figures.test.ts holds the two equal. DOMAIN.md §3: gross =
 * round(quantity × price) less round(gross × discount). Without tax, tax = round(net × rate); with tax,
 * the net is the 价税合计 the clerk priced, tax = round(net × rate / (1 + rate)) and the amount is what
 * remains — so the total the clerk typed the price for is exact.
 */
export function tradeFigures(
  quantity: bigint,
  price: bigint,
  taxRate: bigint,
  quantityDecimals: number,
  terms: PriceTerms,
): LineFigures {
  const gross = mulDivRound(quantity, price, pow10(quantityDecimals + priceScale - fenScale));
  const discount = mulDivRound(gross, terms.discountRate, taxRateOne);
  const net = gross - discount;
  if (!terms.includesTax) {
    const tax = mulDivRound(net, taxRate, taxRateOne);
    return { amount: net, tax, withTax: net + tax, discount };
  }
  const tax = mulDivRound(net, taxRate, taxRateOne + taxRate);
  return { amount: net - tax, tax, withTax: net, discount };
}

/** A price without tax as the same price with tax, as the engine turns a goods' default price (6 decimals). */
export function priceWithTax(price: bigint, taxRate: bigint): bigint {
  return mulDivRound(price, taxRateOne + taxRate, taxRateOne);
}

/**
 * A line's figures as the engine will store them. Null while the line has no figure to show: no price
 * typed yet, or a receipt left to the current cost, which only the engine knows. `includesTax` is the
 * document's 含税单价 switch, which every trade line follows.
 */
export function lineFigures(
  line: LineDraft,
  type: DocumentType,
  quantityDecimals: number,
  includesTax: boolean,
): LineFigures | null {
  const ui = documentTypeUi[type];
  if (ui.valueOnly) {
    const amount = parseScaled(line.adjustmentAmount, fenScale);
    return amount === null ? null : { amount, tax: 0n, withTax: amount, discount: 0n };
  }
  if (ui.price === null) return null;
  const quantity = parseScaled(line.quantity, quantityDecimals);
  const price = line.isGift ? 0n : parseScaled(line.unitPrice, priceScale);
  if (quantity === null || price === null) return null;
  const rate = carriesTax(type) ? (parseScaled(line.taxRate, taxRateScale) ?? 0n) : 0n;
  const trade = tradesPrices(type);
  return tradeFigures(quantity, price, rate, quantityDecimals, {
    includesTax: trade && includesTax,
    discountRate: trade ? (parseScaled(line.discountRate, taxRateScale) ?? 0n) : 0n,
  });
}

export interface DocumentTotals {
  /** Quantities summed per unit, in the order units first appear: 箱 and 袋 are not added together. */
  quantities: { unitName: string; quantity: bigint }[];
  amount: bigint;
  tax: bigint;
  withTax: bigint;
}

export function documentTotals(
  lines: LineDraft[],
  type: DocumentType,
  quantityDecimals: number,
  includesTax: boolean,
): DocumentTotals {
  const quantities = new Map<string, bigint>();
  const totals = { amount: 0n, tax: 0n, withTax: 0n };
  for (const line of lines) {
    if (line.goodsId === null) continue;
    const quantity = parseScaled(line.quantity, quantityDecimals);
    if (quantity !== null && line.unitName && !documentTypeUi[type].valueOnly) {
      quantities.set(line.unitName, (quantities.get(line.unitName) ?? 0n) + quantity);
    }
    const figures = lineFigures(line, type, quantityDecimals, includesTax);
    if (figures) {
      totals.amount += figures.amount;
      totals.tax += figures.tax;
      totals.withTax += figures.withTax;
    }
  }
  return {
    quantities: [...quantities].map(([unitName, quantity]) => ({ unitName, quantity })),
    ...totals,
  };
}
