import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  blankHeader,
  blankLine,
  toDocumentInput,
  type LineDraft,
} from '../../src/app/components/document/documentDraft';
import { readLine } from '../../src/app/components/document/lineFigures';
import { figureLabels } from '../../src/shared/documents/figure-labels';
import { decimalInputMessage } from '../../src/shared/numbers/decimal-input';
import { beijingLedger } from './support/ledger';
import { act, refused, stockWorld } from './support/stock';

/**
 * A figure as the clerk types it on the document page is the figure the engine stores: `1,000` is one
 * thousand on both sides, and `1,00` is refused on both sides with the one message. Each test types a
 * purchase receipt of 鲜牛奶 in 袋 into the page's draft and saves what the page sends.
 */
async function typedReceipt(typed: Partial<LineDraft>) {
  const { engine } = await beijingLedger();
  const world = await stockWorld(engine);
  const header = {
    ...blankHeader(),
    businessDate: dayjs('2026-11-20'),
    counterpartyId: world.supplier,
    warehouseId: world.warehouse1,
  };
  const line = {
    ...blankLine(),
    goodsId: world.milk,
    unitName: '袋',
    quantity: '10',
    unitPrice: '2.10',
    ...typed,
  };
  const { input } = toDocumentInput('purchase_receipt', header, [line], null, 0);
  return { engine, input, page: readLine(line, 'purchase_receipt', 0, false) };
}

describe('documents.save reads typed figures as the document page does', () => {
  it('a quantity of 1,000 袋 at ¥2.10 is stored as 1000 袋 worth ¥2,100.00, the amount the page showed', async () => {
    const { engine, input, page } = await typedReceipt({ quantity: '1,000', taxRate: '0' });
    const { id } = await act(engine, 'documents.save', { id: null, document: input });
    const document = await act(engine, 'documents.get', { id });
    expect(document.lines.map((line) => [line.quantity, line.amount])).toEqual([['1000', '2100.00']]);
    expect(document.totalWithTax).toBe('2100.00');
    expect(page).toEqual({
      figures: { amount: 210_000, taxAmount: 0, amountWithTax: 210_000, discountAmount: 0 },
      problems: {},
    });
  });

  it.each([
    // field, typed, problem
    ['quantity', '1,00', 'misgrouped'],
    ['quantity', '１０００,０', 'misgrouped'],
    ['quantity', '十', 'not_a_number'],
    ['unitPrice', '2,10', 'misgrouped'],
    ['taxRate', '1,3', 'misgrouped'],
  ] as const)(
    '%s typed as %j is refused on its cell, on the page and by the engine: %s',
    async (field, typed, problem) => {
      const { engine, input, page } = await typedReceipt({ taxRate: '13', [field]: typed });
      const error = await refused(engine, 'documents.save', { id: null, document: input });
      const message = decimalInputMessage(figureLabels[field], typed, problem);
      expect(error.code).toBe('VALIDATION');
      expect(error.details).toEqual({ issues: [{ path: ['document', 'lines', '0', field], message }] });
      expect(page).toEqual({ figures: null, problems: { [field]: message } });
    },
  );
});
