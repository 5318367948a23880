import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewDocumentNumber } from '../../src/app/pages/settings/numberPreview';
import { documentTypes } from '../../src/shared/documents/document-types';
import {
  formatDocumentNumber,
  numberDateParts,
  numberResets,
  type NumberingRule,
} from '../../src/engine/domain/documents/numbering';

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

describe('the numbering page’s example number', () => {
  it.each([
    [rule({}), 7, 'XC20261122-0007'],
    [rule({ datePart: 'yyyyMM', sequenceWidth: 6 }), 7, 'XC202611-000007'],
    [rule({ datePart: 'yyyy', separator: '/', suffix: 'BJ' }), 7, 'XC2026/0007BJ'],
    [rule({ datePart: 'none', separator: '' }), 12345, 'XC12345'],
    [rule({ prefix: '', datePart: 'none' }), 7, '0007'],
  ])('%o, sequence %i → %s', (given, sequence, expected) => {
    expect(previewDocumentNumber(given, '2026-11-22', sequence)).toBe(expected);
  });

  it('is the number the engine gives, for any rule', () => {
    fc.assert(
      fc.property(
        fc.record({
          documentType: fc.constantFrom(...documentTypes),
          prefix: fc.stringMatching(/^[A-Za-z0-9-]{0,8}$/),
          datePart: fc.constantFrom(...numberDateParts),
          separator: fc.constantFrom('', '-', '_', '/', '--'),
          sequenceWidth: fc.integer({ min: 2, max: 8 }),
          reset: fc.constantFrom(...numberResets),
          suffix: fc.stringMatching(/^[A-Za-z0-9-]{0,8}$/),
        }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (given, date, sequence) => {
          const businessDate = date.toISOString().slice(0, 10);
          expect(previewDocumentNumber(given, businessDate, sequence)).toBe(
            formatDocumentNumber(given, businessDate, sequence),
          );
        },
      ),
    );
  });
});
