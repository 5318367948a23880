import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { documentTypeRule } from '../../../shared/documents/document-types';
import {
  contractNumbering,
  defaultNumberingRule,
  numberedKinds,
  type NumberedKind,
  formatDocumentNumber,
  sequencePeriod,
  type NumberingRule,
} from '../../../shared/documents/numbering';

interface RuleRow {
  document_type: NumberedKind;
  prefix: string;
  date_part: NumberingRule['datePart'];
  separator: string;
  sequence_width: number;
  reset: NumberingRule['reset'];
  suffix: string;
}

/** 合同 numbers by default: HT (合同) for sales, CH (采购合同) for purchase. */
const contractPrefixes: Readonly<Record<(typeof contractNumbering)[number], string>> = {
  sales_contract: 'HT',
  purchase_contract: 'CH',
};

function defaultPrefix(kind: NumberedKind): string {
  return kind === 'sales_contract' || kind === 'purchase_contract'
    ? contractPrefixes[kind]
    : documentTypeRule(kind).prefix;
}

/** The rule for a type: the one saved in settings, else the default of DOMAIN.md §5's example. */
export function numberingRuleFor(sqlite: Database.Database, type: NumberedKind): NumberingRule {
  const row = prepared(sqlite, 'SELECT * FROM numbering_rules WHERE document_type = ?').get(type) as
    RuleRow | undefined;
  if (!row) return defaultNumberingRule(type, defaultPrefix(type));
  return {
    documentType: row.document_type,
    prefix: row.prefix,
    datePart: row.date_part,
    separator: row.separator,
    sequenceWidth: row.sequence_width,
    reset: row.reset,
    suffix: row.suffix,
  };
}

export function listNumberingRules(sqlite: Database.Database): NumberingRule[] {
  return numberedKinds.map((type) => numberingRuleFor(sqlite, type));
}

export function saveNumberingRule(sqlite: Database.Database, rule: NumberingRule): void {
  prepared(
    sqlite,
    'INSERT INTO numbering_rules (document_type, prefix, date_part, separator, sequence_width, reset, suffix) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_type) DO UPDATE SET prefix = excluded.prefix, ' +
      'date_part = excluded.date_part, separator = excluded.separator, sequence_width = excluded.sequence_width, ' +
      'reset = excluded.reset, suffix = excluded.suffix',
  ).run(
    rule.documentType,
    rule.prefix,
    rule.datePart,
    rule.separator,
    rule.sequenceWidth,
    rule.reset,
    rule.suffix,
  );
}

/**
 * Draws the next number inside the caller's transaction. The counter's upsert is the transaction's
 * first write, so SQLite's single writer serialises two clerks saving at once; a number already taken
 * (a rule edited to overlap an older one) is skipped, never reused.
 */
export function nextDocumentNumber(
  sqlite: Database.Database,
  type: NumberedKind,
  businessDate: string,
): string {
  const taken = (contractNumbering as readonly string[]).includes(type)
    ? 'SELECT 1 FROM contracts WHERE number = ?'
    : 'SELECT 1 FROM documents WHERE number = ?';
  const rule = numberingRuleFor(sqlite, type);
  const period = sequencePeriod(rule.reset, businessDate);
  for (;;) {
    const { last_sequence: sequence } = prepared(
      sqlite,
      'INSERT INTO numbering_counters (document_type, period, last_sequence) VALUES (?, ?, 1) ' +
        'ON CONFLICT (document_type, period) DO UPDATE SET last_sequence = last_sequence + 1 RETURNING last_sequence',
    ).get(type, period) as { last_sequence: number };
    const number = formatDocumentNumber(rule, businessDate, sequence);
    if (!prepared(sqlite, taken).get(number)) return number;
  }
}
