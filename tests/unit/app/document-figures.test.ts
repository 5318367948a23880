import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseCapitals } from '../../../src/app/components/document/chineseCapitals';
import { mulDivRound } from '../../../src/app/components/document/scaledDecimal';
import { lineAmounts } from '../../../src/engine/domain/documents/line-amounts';
import { chineseCapitalAmount } from '../../../src/engine/domain/numbers/chinese-amount';

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
});
