import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lineAmount,
  lineAmounts,
  priceWithTax,
  tradeLineAmounts,
} from '../../../src/shared/documents/line-amounts';

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

  it.each([
    // quantity (2 decimals), price (micros), rate, discount, with tax → amount, tax, with tax, discount
    // 12 袋 at ¥2.10, 9%, 5% off: 25.20 less 1.26 = 23.94, tax 2.1546 → 2.15.
    [1_200, 2_100_000, 900, 500, false, [2_394, 215, 2_609, 126]],
    // The same priced with tax: 25.20 less 1.26 = 23.94 with tax, tax 23.94 × 9/109 = 1.9767 → 1.98.
    [1_200, 2_100_000, 900, 500, true, [2_196, 198, 2_394, 126]],
    // 3 箱 at ¥33.333333 rounds at the line, not per unit: 99.999999 → 100.00.
    [300, 33_333_333, 1300, 0, false, [10_000, 1_300, 11_300, 0]],
    // Half a fen rounds away from zero: 0.5 × ¥0.01 = ¥0.005 → ¥0.01; its 13% tax 0.0013 → 0.
    [50, 10_000, 1300, 0, false, [1, 0, 1, 0]],
    // All of it off (a 100% discount) leaves nothing to tax.
    [100, 5_000_000, 1300, 10_000, false, [0, 0, 0, 500]],
  ] as const)(
    '%i × %i at %i bp, %i bp off, with tax %s',
    (quantity, price, taxRate, discountRate, includesTax, expected) => {
      const result = tradeLineAmounts(quantity, price, taxRate, 2, { includesTax, discountRate });
      expect([result.amount, result.taxAmount, result.amountWithTax, result.discountAmount]).toEqual(
        expected,
      );
    },
  );

  it.each([
    // A goods' default price without tax, offered with tax when the 含税 switch is on.
    [100_000_000, 1300, 113_000_000],
    [2_100_000, 900, 2_289_000],
    [1, 1300, 1],
    [3_333_333, 1300, 3_766_666],
    [4_575_000, 0, 4_575_000],
  ])('¥%i micros at %i bp is %i micros with tax', (price, taxRate, expected) => {
    expect(priceWithTax(price, taxRate)).toBe(expected);
    expect(
      tradeLineAmounts(0, price, taxRate, 0, { includesTax: false, discountRate: 0 }).unitPriceWithTax,
    ).toBe(expected);
  });

  it.each([
    // quantity (0 decimals), price, rate → amount, tax (a line with no discount, no tax entry)
    [10, 48_000_000, 1300, 48_000, 6_240],
    [7, 1_234_567, 900, 864, 78],
  ])('%i at %i micros, %i bp: amount %i, tax %i', (quantity, price, taxRate, amount, taxAmount) => {
    expect(lineAmounts(quantity, price, taxRate, 0)).toEqual({
      amount,
      taxAmount,
      amountWithTax: amount + taxAmount,
    });
  });

  it('refuses a line whose amount no integer can hold exactly', () => {
    expect(() => lineAmount(10 ** 12, 10 ** 12, 0)).toThrow('金额或数量超出可精确计算的范围。');
  });
});
