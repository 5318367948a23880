import documentTemplate from '../../../../resources/print-templates/document.json';
import moneyTemplate from '../../../../resources/print-templates/money.json';
import stocktakeCountSheet from '../../../../resources/print-templates/stocktake-count-sheet.json';
import stocktakeTemplate from '../../../../resources/print-templates/stocktake.json';
import transferTemplate from '../../../../resources/print-templates/transfer.json';
import { documentTypeRule, documentTypes, type DocumentType } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { documentFields } from './document-printable';
import { checkTemplate, type PrintTemplate } from './print-template';

interface ShippedTemplate {
  template: PrintTemplate;
  /** The document types it is made for; the first template made for a type is that type's default. */
  suits: (type: DocumentType) => boolean;
}

/**
 * The templates the app ships (resources/print-templates), checked once as any template is: a stocktake
 * prints its 账面 / 实盘 / 盈亏 on A4, or as a blank sheet to count on; a 收款单 / 付款单 on A5 with what
 * it settled; every other document on 三联 241 × 140 mm.
 */
const shipped = {
  stocktake: {
    template: checkTemplate(stocktakeTemplate, documentFields),
    suits: (type) => type === 'stocktake',
  },
  'stocktake-count-sheet': {
    template: checkTemplate(stocktakeCountSheet, documentFields),
    suits: (type) => type === 'stocktake',
  },
  // A transfer says where it stands (在途 until the destination receives it) and carries no prices.
  transfer: {
    template: checkTemplate(transferTemplate, documentFields),
    suits: (type) => type === 'transfer',
  },
  money: {
    template: checkTemplate(moneyTemplate, documentFields),
    suits: (type) => documentTypeRule(type).direction === 'money',
  },
  document: {
    template: checkTemplate(documentTemplate, documentFields),
    suits: (type) => type !== 'stocktake' && documentTypeRule(type).direction !== 'money',
  },
} satisfies Record<string, ShippedTemplate>;
export type ShippedTemplateKey = keyof typeof shipped;
export const shippedTemplateKeys = Object.keys(shipped) as ShippedTemplateKey[];

/** A shipped template and the document types it is made for (the designer copies from these). */
export function shippedTemplateOf(key: ShippedTemplateKey): {
  template: PrintTemplate;
  types: DocumentType[];
} {
  const { template, suits } = shipped[key];
  return { template, types: documentTypes.filter(suits) };
}

/** The shipped templates a document type may print on, its default first. */
export function templatesFor(type: DocumentType): { key: ShippedTemplateKey; name: string }[] {
  return shippedTemplateKeys
    .filter((key) => shipped[key].suits(type))
    .map((key) => ({ key, name: shipped[key].template.name }));
}

/** The template a document prints on: the one chosen, if made for its type, or its type's default. */
export function shippedTemplate(type: DocumentType, key?: ShippedTemplateKey): PrintTemplate {
  const chosen = key ?? templatesFor(type)[0]!.key;
  if (!shipped[chosen].suits(type)) {
    throw new LedgerError('VALIDATION', `打印模板【${shipped[chosen].template.name}】不适用于这类单据。`);
  }
  return shipped[chosen].template;
}
