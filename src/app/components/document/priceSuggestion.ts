import type { ApiOutput } from '../../../shared/api';
import { defaultPrice, priceText, type GoodsInfo, type LineDraft } from './documentDraft';
import { tradesPrices, type DocumentType } from './documentTypes';
import { priceWithTax } from '../../../shared/documents/line-amounts';
import { formatScaled, parseScaled } from '../../../shared/numbers/decimal';
import { readDecimalInput } from '../../../shared/numbers/decimal-input';
import { priceScale, taxRateScale } from '../../../shared/numbers/scales';

/** 价格跟踪: the last price of a goods in a unit with this counterparty, and the document it was on. */
export type LastPrice = ApiOutput<'prices.last'>[number];

export function lastPriceOf(
  lastPrices: readonly LastPrice[],
  line: Pick<LineDraft, 'goodsId' | 'unitName'>,
): LastPrice | undefined {
  return lastPrices.find((price) => price.goodsId === line.goodsId && price.unitName === line.unitName);
}

/**
 * The goods' default price (the engine's text) raised by the line's tax rate (as typed, so read as the
 * engine reads it), as the engine raises a default price.
 */
export function priceWithTaxText(price: string, taxRate: string): string {
  const rate = readDecimalInput(taxRate.trim(), taxRateScale);
  const raised = priceWithTax(parseScaled(price, priceScale) ?? 0, rate.ok ? rate.value : 0);
  return priceText(formatScaled(raised, priceScale));
}

/**
 * The price a line is offered until the clerk types one: what this counterparty last paid or was paid
 * in this unit, else the goods' default (进价 / 批发价). Both are kept without and with tax; a default
 * is without tax, so with the 含税 switch on it is raised by the line's rate, as the engine does.
 */
function suggestedPrice(
  line: LineDraft,
  goods: GoodsInfo | undefined,
  type: DocumentType,
  includesTax: boolean,
  lastPrices: readonly LastPrice[],
): string {
  const withTax = includesTax && tradesPrices(type);
  const last = lastPriceOf(lastPrices, line);
  const lastPrice = last ? (withTax ? last.unitPriceWithTax : last.unitPrice) : null;
  // A purchase price hidden from a role without cost.view (null) suggests nothing from the last one.
  if (lastPrice !== null) return priceText(lastPrice);
  const fallback = defaultPrice(goods, line.unitName, type);
  if (!fallback || !withTax) return fallback;
  return priceWithTaxText(fallback, line.taxRate || (goods?.taxRate ?? ''));
}

/**
 * The line as it is shown and sent: a gift at zero, a typed price as typed, otherwise the suggestion.
 * Derived on every render rather than written into the line, so a last price that arrives late, another
 * unit or the 含税 switch move an untouched price and never one the clerk typed.
 */
export function withSuggestedPrice(
  line: LineDraft,
  goods: GoodsInfo | undefined,
  type: DocumentType,
  includesTax: boolean,
  lastPrices: readonly LastPrice[],
): LineDraft {
  if (line.goodsId === null) return line;
  if (line.isGift) return line.unitPrice === '0' ? line : { ...line, unitPrice: '0' };
  if (line.priceTyped) return line;
  const unitPrice = suggestedPrice(line, goods, type, includesTax, lastPrices);
  return unitPrice === line.unitPrice ? line : { ...line, unitPrice };
}
