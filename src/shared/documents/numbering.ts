import { documentTypes, type DocumentType } from './document-types';

/**
 * 单据编号 (DOMAIN.md §5): prefix + date part + separator + sequence + suffix, e.g. `XC20261122-0007`.
 * The sequence restarts per period of the reset; the service keeps one counter per rule and period.
 */
export const numberDateParts = ['yyyyMMdd', 'yyyyMM', 'yyyy', 'none'] as const;
export type NumberDatePart = (typeof numberDateParts)[number];

export const numberResets = ['daily', 'monthly', 'yearly', 'never'] as const;
export type NumberReset = (typeof numberResets)[number];

/**
 * What draws numbers: every document type, and the two kinds of contract ("contracts use the same rule
 * mechanism", DOMAIN.md §5), whose numbers are unique among contracts.
 */
export const contractNumbering = ['sales_contract', 'purchase_contract'] as const;
export type ContractNumbering = (typeof contractNumbering)[number];
export const numberedKinds = [...documentTypes, ...contractNumbering] as const;
export type NumberedKind = DocumentType | ContractNumbering;

export interface NumberingRule {
  readonly documentType: NumberedKind;
  readonly prefix: string;
  readonly datePart: NumberDatePart;
  readonly separator: string;
  readonly sequenceWidth: number;
  readonly reset: NumberReset;
  readonly suffix: string;
}

export const sequenceWidthRange = { min: 2, max: 8 } as const;

export function defaultNumberingRule(documentType: NumberedKind, prefix: string): NumberingRule {
  return {
    documentType,
    prefix,
    datePart: 'yyyyMMdd',
    separator: '-',
    sequenceWidth: 4,
    reset: 'daily',
    suffix: '',
  };
}

/** The counter a business date (yyyy-MM-dd) draws from: the same key means the same sequence. */
export function sequencePeriod(reset: NumberReset, businessDate: string): string {
  switch (reset) {
    case 'daily':
      return businessDate;
    case 'monthly':
      return businessDate.slice(0, 7);
    case 'yearly':
      return businessDate.slice(0, 4);
    case 'never':
      return '';
  }
}

function datePartText(datePart: NumberDatePart, businessDate: string): string {
  const digits = businessDate.replaceAll('-', '');
  switch (datePart) {
    case 'yyyyMMdd':
      return digits;
    case 'yyyyMM':
      return digits.slice(0, 6);
    case 'yyyy':
      return digits.slice(0, 4);
    case 'none':
      return '';
  }
}

/** The number for the `sequence`-th document of its period; a sequence wider than the width just grows. */
export function formatDocumentNumber(rule: NumberingRule, businessDate: string, sequence: number): string {
  const date = datePartText(rule.datePart, businessDate);
  const separator = date === '' && rule.prefix === '' ? '' : rule.separator;
  return `${rule.prefix}${date}${separator}${String(sequence).padStart(rule.sequenceWidth, '0')}${rule.suffix}`;
}
