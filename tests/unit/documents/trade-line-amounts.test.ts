import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineAmount, tradeLineAmounts } from '../../../src/shared/documents/line-amounts';

/** DOMAIN.md §3 for trade lines entered with or without tax, with a discount (issue 5). */
describe('trade line amounts', () => {
  const line = fc.record({
    quantity: fc.integer({ min: 0, max: 10 ** 8 }),
    price: fc.integer({ min: 0, max: 10 ** 10 }),
    taxRate: fc.integer({ min: 0, max: 1700 }),
    discountRate: fc.integer({ min: 0, max: 10_000 }),
    quantityDecimals: fc.integer({ min: 0, max: 4 }),
    includesTax: fc.boolean(),
  });

  it('amount + tax = amount with tax, and the side the price was entered on is exactly quantity × price less the discount', () => {
    fc.assert(
      fc.property(line, ({ quantity, price, taxRate, discountRate, quantityDecimals, includesTax }) => {
        const result = tradeLineAmounts(quantity, price, taxRate, quantityDecimals, {
          includesTax,
          discountRate,
        });
        expect(result.amount + result.taxAmount).toBe(result.amountWithTax);
        const gross = lineAmount(quantity, price, quantityDecimals);
        expect((includesTax ? result.amountWithTax : result.amount) + result.discountAmount).toBe(gross);
        expect(result.discountAmount).toBeGreaterThanOrEqual(0);
        expect(result.discountAmount).toBeLessThanOrEqual(gross);
        // Tax never exceeds what the rate allows of the amount, rounded at the line.
        expect(Math.abs(result.taxAmount * 10_000 - result.amount * taxRate)).toBeLessThanOrEqual(
          5_000 + taxRate,
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it('without discount and without tax entry, it is the plain line amount', () => {
    expect(tradeLineAmounts(300, 100_000_000, 1300, 2, { includesTax: false, discountRate: 0 })).toEqual({
      amount: 30_000,
      taxAmount: 3_900,
      amountWithTax: 33_900,
      discountAmount: 0,
      unitPrice: 100_000_000,
      unitPriceWithTax: 113_000_000,
    });
  });

  it('entered with tax: 1 箱 at 113.00 incl. 13% is 100.00 + 13.00', () => {
    expect(tradeLineAmounts(100, 113_000_000, 1300, 2, { includesTax: true, discountRate: 0 })).toMatchObject(
      {
        amount: 10_000,
        taxAmount: 1_300,
        amountWithTax: 11_300,
        unitPrice: 100_000_000,
      },
    );
  });
});
