import { documentTypeRule, type DocumentType } from './document-types';

/**
 * What a line's price is (DOMAIN.md §3, §5): traded with a counterparty, it is a sale or purchase price
 * that carries VAT, may be entered with tax (含税单价) and discounted (折扣率); otherwise it is a unit cost
 * without tax.
 */
export function carriesTax(type: DocumentType): boolean {
  return documentTypeRule(type).counterparty !== 'none';
}

/** Which default price of the goods' unit a line takes: a transfer out is priced like a sale. */
export function defaultPriceField(type: DocumentType): 'purchasePrice' | 'salePrice' | null {
  const rule = documentTypeRule(type);
  if (rule.counterparty === 'supplier' || (rule.counterparty === 'internal' && rule.direction === 'in'))
    return 'purchasePrice';
  return rule.counterparty === 'none' ? null : 'salePrice';
}
