import { describe, expect, it } from 'vitest';
import { blankLine } from '../../src/app/components/document/documentDraft';
import { readLine } from '../../src/app/components/document/lineFigures';
import { figureLabels } from '../../src/shared/documents/figure-labels';
import { decimalInputMessage } from '../../src/shared/numbers/decimal-input';
import { beijingLedger } from './support/ledger';
import { act, refused, stockWorld } from './support/stock';

/**
 * A figure as the clerk types it on the document page is the figure the engine stores: `1,000` is one
 * thousand on both sides, and `1,00` is refused on both sides with the one message.
 */
describe('documents.save reads typed figures as the document page does', () => {
  it('a quantity of 1,000 袋 at ¥2.10 is stored as 1000 袋 worth ¥2,100.00', async () => {
    const { engine } = await beijingLedger();
    const world = await stockWorld(engine);
    const { id } = await act(engine, 'documents.save', {
      id: null,
      document: {
        type: 'purchase_receipt',
        businessDate: '2026-11-20',
        counterpartyId: world.supplier,
        warehouseId: world.warehouse1,
        lines: [{ goodsId: world.milk, unitName: '袋', quantity: '1,000', unitPrice: '2.10', taxRate: '0' }],
      },
    });
    const view = await act(engine, 'documents.get', { id });
    expect(view.lines.map((line) => [line.quantity, line.amount])).toEqual([['1000', '2100.00']]);
    expect(view.totalWithTax).toBe('2100.00');
    // What the page showed while the clerk typed it.
    const typed = {
      ...blankLine(),
      goodsId: world.milk,
      unitName: '袋',
      quantity: '1,000',
      unitPrice: '2.10',
      taxRate: '0',
    };
    expect(readLine(typed, 'purchase_receipt', 0, false).figures).toMatchObject({
      amount: 210_000,
      amountWithTax: 210_000,
    });
  });

  it.each([
    // field, typed, problem
    ['quantity', '1,00', 'misgrouped'],
    ['quantity', '１０００,０', 'misgrouped'],
    ['quantity', '十', 'not_a_number'],
    ['unitPrice', '2,10', 'misgrouped'],
    ['taxRate', '1,3', 'misgrouped'],
  ] as const)('%s typed as %j is refused on its cell: %s', async (field, typed, problem) => {
    const { engine } = await beijingLedger();
    const world = await stockWorld(engine);
    const figures = { quantity: '10', unitPrice: '2.10', taxRate: '13', [field]: typed };
    const line = { goodsId: world.milk, unitName: '袋', ...figures };
    const error = await refused(engine, 'documents.save', {
      id: null,
      document: {
        type: 'purchase_receipt',
        businessDate: '2026-11-20',
        counterpartyId: world.supplier,
        warehouseId: world.warehouse1,
        lines: [line],
      },
    });
    const message = decimalInputMessage(figureLabels[field], typed, problem);
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual({ issues: [{ path: ['document', 'lines', '0', field], message }] });
    // The page says the same on that cell before the line is sent, and totals nothing from it.
    const page = readLine(
      { ...blankLine(), goodsId: world.milk, unitName: '袋', ...figures },
      'purchase_receipt',
      0,
      false,
    );
    expect(page).toEqual({ figures: null, problems: { [field]: message } });
  });
});
