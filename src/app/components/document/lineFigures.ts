import { figureLabels } from '../../../shared/documents/figure-labels';
import { tradeLineAmounts, unitPriceOf, type LineAmounts } from '../../../shared/documents/line-amounts';
import { carriesTax } from '../../../shared/documents/line-pricing';
import { LedgerError } from '../../../shared/ledger-error';
import { decimalInputMessage, readDecimalInput } from '../../../shared/numbers/decimal-input';
import { formatScaled } from '../../../shared/numbers/decimal';
import { add } from '../../../shared/numbers/integer-math';
import { fenScale, priceScale, taxRateScale, type Fen } from '../../../shared/numbers/scales';
import { priceText, type LineDraft, type LineField } from './documentDraft';
import { valueDecides } from './enteredValue';
import { documentTypeUi, tradesPrices, type DocumentType } from './documentTypes';

/** A line's money in fen, as the engine will store it. */
export interface LineFigures extends LineAmounts {
  /** 折扣额: taken off on the side the price was entered (with or without tax). */
  readonly discountAmount: Fen;
}

/** The figures a clerk types on a line, as `documents.save` is sent them. */
export type TypedLineFigure =
  'quantity' | 'unitPrice' | 'amount' | 'discountRate' | 'taxRate' | 'adjustmentAmount';

export interface LineReading {
  /**
   * Null while the line has no figure to show: no price typed yet, a receipt left to the current cost,
   * which only the engine knows, or a figure the engine would refuse.
   */
  readonly figures: LineFigures | null;
  /** What the engine would say of each typed figure it refuses, to show on that cell before saving. */
  readonly problems: Partial<Record<LineField, string>>;
  /** The unit price derived from the line's entered value (entersValue), as the engine derives it. */
  readonly derivedPrice?: string;
}

/**
 * A line as the engine will read it (src/shared: the one decimal reading and the one line arithmetic).
 * `includesTax` is the document's 含税单价 switch, which every trade line follows.
 */
export function readLine(
  line: LineDraft,
  type: DocumentType,
  quantityDecimals: number,
  includesTax: boolean,
): LineReading {
  const problems: Partial<Record<LineField, string>> = {};
  const scales: Record<TypedLineFigure, number> = {
    quantity: quantityDecimals,
    unitPrice: priceScale,
    amount: fenScale,
    discountRate: taxRateScale,
    taxRate: taxRateScale,
    adjustmentAmount: fenScale,
  };
  /** The figure as typed, null when empty or refused; what is sent is trimmed, so it is read trimmed. */
  const read = (field: TypedLineFigure): number | null => {
    const typed = line[field].trim();
    if (typed === '') return null;
    const reading = readDecimalInput(typed, scales[field]);
    if (reading.ok) return reading.value;
    problems[field] = decimalInputMessage(figureLabels[field], typed, reading.problem);
    return null;
  };

  const ui = documentTypeUi[type];
  if (ui.valueOnly) {
    const amount = read('adjustmentAmount');
    return { figures: amount === null ? null : valueFigures(amount), problems };
  }
  const quantity = read('quantity');
  if (ui.price === null) return { figures: null, problems };
  if (valueDecides(type, line, quantityDecimals)) {
    // Value is authoritative (DOMAIN.md §3): the amount as entered, the unit price derived from it.
    const amount = read('amount');
    if (quantity === null || amount === null || Object.keys(problems).length > 0)
      return { figures: null, problems };
    const price = unitPriceOf(amount, quantity, quantityDecimals);
    return {
      figures: valueFigures(amount),
      problems,
      derivedPrice: priceText(formatScaled(price, priceScale)),
    };
  }
  const price = line.isGift ? 0 : read('unitPrice');
  const trade = tradesPrices(type);
  const rate = carriesTax(type) ? (read('taxRate') ?? 0) : 0;
  const discountRate = trade ? (read('discountRate') ?? 0) : 0;
  if (quantity === null || price === null || Object.keys(problems).length > 0)
    return { figures: null, problems };
  try {
    const { unitPrice, unitPriceWithTax, ...figures } = tradeLineAmounts(
      quantity,
      price,
      rate,
      quantityDecimals,
      {
        includesTax: trade && includesTax,
        discountRate,
      },
    );
    return { figures, problems };
  } catch (error) {
    // A product beyond exact integers: the engine refuses the line, and so does the page, on its quantity.
    if (!(error instanceof LedgerError)) throw error;
    return { figures: null, problems: { quantity: error.message } };
  }
}

/** A line whose value is given, not worked out: no tax, no discount. */
function valueFigures(amount: Fen): LineFigures {
  return { amount, taxAmount: 0, amountWithTax: amount, discountAmount: 0 };
}

/** Each line's reading by its key: what the grid shows on the line and the totals add up. */
export type LineReadings = ReadonlyMap<string, LineReading>;

export function readLines(
  lines: readonly LineDraft[],
  type: DocumentType,
  quantityDecimals: number,
  includesTax: boolean,
): LineReadings {
  return new Map(lines.map((line) => [line.key, readLine(line, type, quantityDecimals, includesTax)]));
}

export interface DocumentTotals {
  /** Quantities summed per unit, in the order units first appear: 箱 and 袋 are not added together. */
  quantities: { unitName: string; quantity: number }[];
  amount: Fen;
  taxAmount: Fen;
  amountWithTax: Fen;
  /** The engine's refusal when the sums are beyond exact integers; the figures are then not shown. */
  refused: string | null;
}

/** Sums of the lines' rounded figures, as the engine stores them; a line it would refuse adds nothing. */
export function documentTotals(
  lines: readonly LineDraft[],
  type: DocumentType,
  quantityDecimals: number,
  includesTax: boolean,
): DocumentTotals {
  return totalsOfReadings(
    lines,
    readLines(lines, type, quantityDecimals, includesTax),
    type,
    quantityDecimals,
  );
}

/** The totals of lines already read: each line is read once, for its cells and for the sums. */
export function totalsOfReadings(
  lines: readonly LineDraft[],
  readings: LineReadings,
  type: DocumentType,
  quantityDecimals: number,
): DocumentTotals {
  const quantities = new Map<string, number>();
  const totals = { amount: 0, taxAmount: 0, amountWithTax: 0 };
  try {
    for (const line of lines) {
      if (line.goodsId === null) continue;
      const reading = readings.get(line.key);
      if (!reading || Object.keys(reading.problems).length > 0) continue;
      const { figures } = reading;
      const quantity = readDecimalInput(line.quantity.trim(), quantityDecimals);
      if (quantity.ok && line.unitName && !documentTypeUi[type].valueOnly) {
        quantities.set(line.unitName, add(quantities.get(line.unitName) ?? 0, quantity.value));
      }
      if (figures) {
        totals.amount = add(totals.amount, figures.amount);
        totals.taxAmount = add(totals.taxAmount, figures.taxAmount);
        totals.amountWithTax = add(totals.amountWithTax, figures.amountWithTax);
      }
    }
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    return { quantities: [], amount: 0, taxAmount: 0, amountWithTax: 0, refused: error.message };
  }
  return {
    quantities: [...quantities].map(([unitName, quantity]) => ({ unitName, quantity })),
    ...totals,
    refused: null,
  };
}
