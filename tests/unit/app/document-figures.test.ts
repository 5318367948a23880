import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseCapitals } from '../../../src/app/components/document/chineseCapitals';
import { blankLine } from '../../../src/app/components/document/documentDraft';
import { lineFigures, priceWithTax } from '../../../src/app/components/document/lineFigures';
import {
  formatScaled,
  mulDivRound,
  priceScale,
  taxRateScale,
} from '../../../src/app/components/document/scaledDecimal';
import { lineAmounts, plainPrice, tradeLineAmounts } from '../../../src/shared/documents/line-amounts';
import { chineseCapitalAmount } from '../../../src/shared/numbers/chinese-amount';

/**
 * The document page shows totals and 人民币大写 live, before the engine has seen the line; the renderer
 * may not import engine code, so it keeps its own copy of the arithmetic. These properties hold the two
 * to the same figures, so what the clerk sees while typing is what the saved document says.
 */
describe('the document page’s live figures agree with the engine’s', () => {
  it('人民币大写 of any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), (fen) => {
        expect(chineseCapitals(BigInt(fen))).toBe(chineseCapitalAmount(fen));
      }),
      { numRuns: 5_000 },
    );
  });

  it('line amount and tax, rounded half away from zero at the line', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 10 ** 10 }),
        fc.integer({ min: 0, max: 1700 }),
        fc.integer({ min: 0, max: 4 }),
        (quantity, price, rate, quantityDecimals) => {
          const engine = lineAmounts(quantity, price, rate, quantityDecimals);
          const amount = mulDivRound(BigInt(quantity), BigInt(price), 10n ** BigInt(quantityDecimals + 4));
          const tax = mulDivRound(amount, BigInt(rate), 10_000n);
          expect([Number(amount), Number(tax)]).toEqual([engine.amount, engine.taxAmount]);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('a trade line with or without tax, with any discount, as the clerk types it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 10 ** 10 }),
        fc.integer({ min: 0, max: 1700 }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        // Mostly no discount or a round one, as clerks type them; any basis point up to 100% too.
        fc.oneof(
          fc.constant(0),
          fc.constantFrom(500, 1000, 250, 10_000),
          fc.integer({ min: 0, max: 10_000 }),
        ),
        (quantity, price, rate, quantityDecimals, includesTax, discountRate) => {
          const engine = tradeLineAmounts(quantity, price, rate, quantityDecimals, {
            includesTax,
            discountRate,
          });
          // The line as the grid holds it: every figure typed as text.
          const line = {
            ...blankLine(),
            goodsId: 1,
            quantity: formatScaled(BigInt(quantity), quantityDecimals),
            unitPrice: formatScaled(BigInt(price), priceScale),
            taxRate: formatScaled(BigInt(rate), taxRateScale),
            discountRate: formatScaled(BigInt(discountRate), taxRateScale),
          };
          const page = lineFigures(line, 'sales_delivery', quantityDecimals, includesTax);
          expect(page && [page.amount, page.tax, page.withTax, page.discount].map(Number)).toEqual([
            engine.amount,
            engine.taxAmount,
            engine.amountWithTax,
            engine.discountAmount,
          ]);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('a default price without tax, offered with tax when the 含税 switch is on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 1700 }), (price, rate) => {
        const engine = tradeLineAmounts(0, price, rate, 0, plainPrice).unitPriceWithTax;
        expect(Number(priceWithTax(BigInt(price), BigInt(rate)))).toBe(engine);
      }),
      { numRuns: 5_000 },
    );
  });
});
