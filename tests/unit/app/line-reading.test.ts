import { describe, expect, it } from 'vitest';
import { blankLine, type LineDraft } from '../../../src/app/components/document/documentDraft';
import { documentTotals, readLine } from '../../../src/app/components/document/lineFigures';

/**
 * The document page reads a line as the engine will (src/shared): what the clerk typed, the figures it
 * comes to, and on which cell the engine would refuse it, with the engine's words.
 */
const line = (typed: Partial<LineDraft>): LineDraft => ({
  ...blankLine(),
  goodsId: 1,
  unitName: '袋',
  ...typed,
});

describe('a line as the document page reads it', () => {
  it.each([
    // quantity, price, tax rate, discount, with tax → amount, tax, with tax, discount (fen)
    ['10', '48', '13', '', false, [48_000, 6_240, 54_240, 0]],
    ['1,000', '2.10', '13', '', false, [210_000, 27_300, 237_300, 0]],
    ['１，０００', '2.10', '13', '', false, [210_000, 27_300, 237_300, 0]],
    ['12', '2.10', '9', '5', false, [2_394, 215, 2_609, 126]],
    ['12', '2.10', '9', '5', true, [2_196, 198, 2_394, 126]],
    ['3', '¥1,130.00', '13%', '', true, [300_000, 39_000, 339_000, 0]],
  ] as const)(
    'a sale of %j at %j, tax rate %j, discount %j, priced with tax: %s',
    (quantity, unitPrice, taxRate, discountRate, includesTax, expected) => {
      const { figures, problems } = readLine(
        line({ quantity, unitPrice, taxRate, discountRate }),
        'sales_delivery',
        0,
        includesTax,
      );
      expect(problems).toEqual({});
      expect(
        figures && [figures.amount, figures.taxAmount, figures.amountWithTax, figures.discountAmount],
      ).toEqual(expected);
    },
  );

  it.each([
    ['quantity', '1,00', '数量【1,00】的千分位逗号位置不对：应从小数点起每三位一个，如 1,000 或 12,345.67'],
    ['unitPrice', '2,10', '单价【2,10】的千分位逗号位置不对：应从小数点起每三位一个，如 1,000 或 12,345.67'],
    ['taxRate', 'abc', '税率【abc】不是有效的数字'],
    ['discountRate', '五', '折扣率【五】不是有效的数字'],
  ] as const)(
    '%s typed as %j is refused on its cell, and the line comes to nothing',
    (field, typed, message) => {
      const draft = line({ quantity: '10', unitPrice: '2.10', taxRate: '13', [field]: typed });
      expect(readLine(draft, 'sales_delivery', 0, false)).toEqual({
        figures: null,
        problems: { [field]: message },
      });
    },
  );

  it('a quantity beyond the branch’s decimals rounds as the engine rounds it: 2.5 袋 at 0 decimals is 3', () => {
    expect(
      readLine(line({ quantity: '2.5', unitPrice: '1', taxRate: '0' }), 'purchase_receipt', 0, false).figures,
    ).toMatchObject({ amount: 300 });
  });

  it('a gift is at zero whatever price is in the cell', () => {
    const gift = line({ quantity: '5', unitPrice: '1,00', taxRate: '13', isGift: true });
    expect(readLine(gift, 'sales_delivery', 0, false)).toEqual({
      figures: { amount: 0, taxAmount: 0, amountWithTax: 0, discountAmount: 0 },
      problems: {},
    });
  });

  it('an unpriced receipt at the current cost shows no figure until the engine has costed it', () => {
    expect(readLine(line({ quantity: '5' }), 'other_receipt', 0, false)).toEqual({
      figures: null,
      problems: {},
    });
  });

  it('a cost adjustment is its amount, signed, and its quantity is not read', () => {
    expect(
      readLine(line({ quantity: 'x', adjustmentAmount: '-1,250.5' }), 'cost_adjustment', 0, false),
    ).toEqual({
      figures: { amount: -125_050, taxAmount: 0, amountWithTax: -125_050, discountAmount: 0 },
      problems: {},
    });
  });

  it('a product no integer holds exactly is refused on the quantity, with the engine’s message', () => {
    const huge = line({ quantity: '9,000,000,000', unitPrice: '9,000,000,000', taxRate: '0' });
    expect(readLine(huge, 'purchase_receipt', 0, false)).toEqual({
      figures: null,
      problems: { quantity: '金额或数量超出可精确计算的范围。' },
    });
  });
});

describe('the totals under the lines', () => {
  it('sum the lines the engine would store, per unit, and leave out a line it would refuse', () => {
    const lines = [
      line({ quantity: '1,000', unitPrice: '2.10', taxRate: '13' }),
      line({ quantity: '2', unitName: '箱', unitPrice: '48', taxRate: '13' }),
      line({ quantity: '1,00', unitPrice: '2.10', taxRate: '13' }),
      { ...blankLine(), quantity: '7' },
    ];
    expect(documentTotals(lines, 'sales_delivery', 0, false)).toEqual({
      quantities: [
        { unitName: '袋', quantity: 1000 },
        { unitName: '箱', quantity: 2 },
      ],
      amount: 219_600,
      taxAmount: 28_548,
      amountWithTax: 248_148,
      refused: null,
    });
  });
});
