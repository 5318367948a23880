import type { LineDraft } from './documentDraft';
import { carriesTax, documentTypeUi, type DocumentType } from './documentTypes';
import { fenScale, mulDivRound, parseScaled, pow10, priceScale, taxRateScale } from './scaledDecimal';

/** A line's money in fen, as the engine will compute it. */
export interface LineFigures {
  amount: bigint;
  tax: bigint;
  withTax: bigint;
}

const taxRateOne = 100n * pow10(taxRateScale);

/**
 * DOMAIN.md §3: amount = round(quantity × unit price) and tax = round(amount × rate), each 四舍五入
 * at the line, on scaled integers. Null while the line has no figure to show: no price typed yet, or
 * a receipt left to the current cost, which only the engine knows.
 */
export function lineFigures(
  line: LineDraft,
  type: DocumentType,
  quantityDecimals: number,
): LineFigures | null {
  const ui = documentTypeUi[type];
  if (ui.valueOnly) {
    const amount = parseScaled(line.adjustmentAmount, fenScale);
    return amount === null ? null : { amount, tax: 0n, withTax: amount };
  }
  if (ui.price === null) return null;
  const quantity = parseScaled(line.quantity, quantityDecimals);
  const price = line.isGift ? 0n : parseScaled(line.unitPrice, priceScale);
  if (quantity === null || price === null) return null;
  const amount = mulDivRound(quantity, price, pow10(quantityDecimals + priceScale - fenScale));
  const rate = carriesTax(type) ? parseScaled(line.taxRate, taxRateScale) : 0n;
  const tax = rate === null ? 0n : mulDivRound(amount, rate, taxRateOne);
  return { amount, tax, withTax: amount + tax };
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
): DocumentTotals {
  const quantities = new Map<string, bigint>();
  const totals = { amount: 0n, tax: 0n, withTax: 0n };
  for (const line of lines) {
    if (line.goodsId === null) continue;
    const quantity = parseScaled(line.quantity, quantityDecimals);
    if (quantity !== null && line.unitName && !documentTypeUi[type].valueOnly) {
      quantities.set(line.unitName, (quantities.get(line.unitName) ?? 0n) + quantity);
    }
    const figures = lineFigures(line, type, quantityDecimals);
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
