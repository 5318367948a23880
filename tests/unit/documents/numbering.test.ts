import { describe, expect, it } from 'vitest';
import {
  formatDocumentNumber,
  sequencePeriod,
  type NumberingRule,
} from '../../../src/shared/documents/numbering';

const rule = (change: Partial<NumberingRule>): NumberingRule => ({
  documentType: 'sales_delivery',
  prefix: 'XC',
  datePart: 'yyyyMMdd',
  separator: '-',
  sequenceWidth: 4,
  reset: 'daily',
  suffix: '',
  ...change,
});

/** 单据编号 (DOMAIN.md §5), as documents get it and the numbering page shows it for example. */
describe('document numbers', () => {
  it.each([
    [rule({}), 7, 'XC20261122-0007'],
    [rule({ datePart: 'yyyyMM', sequenceWidth: 6 }), 7, 'XC202611-000007'],
    [rule({ datePart: 'yyyy', separator: '/', suffix: 'BJ' }), 7, 'XC2026/0007BJ'],
    [rule({ datePart: 'none', separator: '' }), 12345, 'XC12345'],
    // No prefix and no date: nothing for the separator to separate.
    [rule({ prefix: '', datePart: 'none' }), 7, '0007'],
    [rule({ prefix: '', datePart: 'yyyyMM' }), 7, '202611-0007'],
    // A sequence wider than the width just grows.
    [rule({ sequenceWidth: 2 }), 1234, 'XC20261122-1234'],
  ])('%o, sequence %i → %s', (given, sequence, expected) => {
    expect(formatDocumentNumber(given, '2026-11-22', sequence)).toBe(expected);
  });

  it.each([
    ['daily', '2026-11-22'],
    ['monthly', '2026-11'],
    ['yearly', '2026'],
    ['never', ''],
  ] as const)('a %s reset draws 2026-11-22 from the counter %j', (reset, period) => {
    expect(sequencePeriod(reset, '2026-11-22')).toBe(period);
  });
});
