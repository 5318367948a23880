import type { ApiOutput } from '../../../shared/api';

export type NumberingRule = ApiOutput<'numbering.list'>[number];

/**
 * The number a rule gives the `sequence`-th document of its period on `businessDate` (yyyy-MM-dd), for
 * the settings page's live example. The renderer may not import the engine, so this restates the
 * engine's formatDocumentNumber (DOMAIN.md §5); tests/unit/number-preview.test.ts holds the two equal.
 */
export function previewDocumentNumber(rule: NumberingRule, businessDate: string, sequence: number): string {
  const digits = businessDate.replaceAll('-', '');
  const date = { yyyyMMdd: digits, yyyyMM: digits.slice(0, 6), yyyy: digits.slice(0, 4), none: '' }[
    rule.datePart
  ];
  const separator = date === '' && rule.prefix === '' ? '' : rule.separator;
  return `${rule.prefix}${date}${separator}${String(sequence).padStart(rule.sequenceWidth, '0')}${rule.suffix}`;
}
