import { lineAmount } from '../../../shared/documents/line-amounts';
import { LedgerError } from '../../../shared/ledger-error';
import { readDecimalInput } from '../../../shared/numbers/decimal-input';
import { fenScale, priceScale } from '../../../shared/numbers/scales';
import type { LineDraft } from './documentDraft';
import { entersValue, type DocumentType } from './documentTypes';

/**
 * Whether the line's entered value decides its amount (DOMAIN.md §3: value is authoritative): the type
 * enters values, the line has one, and its price does not already come to it. Such a line is sent with
 * its amount, from which the engine derives the unit price; a line whose price comes to its value is
 * sent as it is, so a sheet's exact unit cost (35.2294 × 20 = 704.59) is kept rather than re-derived.
 */
export function valueDecides(type: DocumentType, line: LineDraft, quantityDecimals: number): boolean {
  if (!entersValue(type) || line.isGift || !line.amountTyped || line.amount.trim() === '') return false;
  const amount = readDecimalInput(line.amount.trim(), fenScale);
  const quantity = readDecimalInput(line.quantity.trim(), quantityDecimals);
  const price = readDecimalInput(line.unitPrice.trim(), priceScale);
  if (!amount.ok || !quantity.ok || !price.ok) return true;
  try {
    return lineAmount(quantity.value, price.value, quantityDecimals) !== amount.value;
  } catch (error) {
    // A product beyond exact integers: the price cannot come to anything; the value decides.
    if (!(error instanceof LedgerError)) throw error;
    return true;
  }
}
