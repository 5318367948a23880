import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  blankHeader,
  convertedPrice,
  defaultPrice,
  withGoods,
  toDocumentInput,
  type GoodsInfo,
  type LineDraft,
} from '../../../src/app/components/document/documentDraft';
import {
  documentEditor,
  initialEditorState,
  type EditorEvent,
  type EditorState,
} from '../../../src/app/components/document/documentEditor';
import type { DocumentType, DocumentView } from '../../../src/app/components/document/documentTypes';
import { documentTotals, readLine } from '../../../src/app/components/document/lineFigures';

/**
 * The document page's state is the editor's (src/app/components/document/documentEditor.ts): named events
 * in, the draft out. Each table gives the events a clerk's work sends and what the page then holds.
 *
 * Two opening stock lines are followed (value is authoritative, the unit price derived: DOMAIN.md §3):
 * - 可乐 330ml in 二号仓, 408 罐 worth 649.91 at 1.592917: 408 × 1.592917 = 649.910136 → 649.91, the
 *   price already comes to the value, so the line is saved as it is and its price kept;
 * - 鲜牛奶 in 一号仓, 20,000 袋 worth 1,234.57 at 0.061729 (1,234.57 / 20,000 = 0.0617285, to 6 decimals):
 *   20,000 × 0.061729 = 1,234.58, a fen off, so the value decides: shown and saved as 1,234.57.
 */
type ViewLine = DocumentView['lines'][number];

const savedLine = (fields: Partial<ViewLine>): ViewLine =>
  ({
    id: 501,
    lineNo: 1,
    goodsId: 43,
    goodsCode: '10010043',
    goodsName: '可乐',
    goodsSpec: '330ml×24罐',
    lotTracked: false,
    unitName: '罐',
    quantity: '408',
    unitPrice: '1.592917',
    unitPriceWithTax: '1.592917',
    priceIncludesTax: false,
    discountRate: '0',
    taxRate: '0',
    amount: '649.91',
    taxAmount: '0',
    amountWithTax: '649.91',
    warehouseId: 2,
    toWarehouseId: null,
    lot: '',
    productionDate: null,
    expiryDate: null,
    isGift: false,
    remark: '',
    sourceLineId: null,
    mixedQuantity: '17箱',
    bookQuantity: null,
    confirmedQuantity: null,
    executedQuantity: null,
    outstandingQuantity: null,
    ...fields,
  }) as ViewLine;

const savedDocument = (type: DocumentType, lines: ViewLine[], fields: Partial<DocumentView> = {}) =>
  ({
    id: 9,
    type,
    number: 'QC20261101-0001',
    status: 'draft',
    actions: ['edit', 'submit', 'delete'],
    businessDate: '2026-11-01',
    counterpartyId: null,
    counterpartyName: null,
    warehouseId: 1,
    toWarehouseId: null,
    officeId: null,
    handlerId: null,
    remark: '期初',
    sourceDocumentId: null,
    totalAmount: '649.91',
    totalTax: '0',
    totalWithTax: '649.91',
    lines,
    ...fields,
  }) as unknown as DocumentView;

const cola = {
  id: 43,
  code: '10010043',
  name: '可乐',
  spec: '330ml×24罐',
  lotTracked: false,
  taxRate: '13',
  defaultPurchaseUnit: '箱',
  defaultSaleUnit: '箱',
  units: [
    { name: '罐', ratio: '1', purchasePrice: '1.70', salePrice: '2.50' },
    { name: '箱', ratio: '24', purchasePrice: '38.2301', salePrice: '55' },
  ],
} as unknown as GoodsInfo;

const start = (type: DocumentType) =>
  initialEditorState(type, { ...blankHeader(), businessDate: dayjs('2026-11-20') });
const run = (state: EditorState, ...events: EditorEvent[]) => events.reduce(documentEditor, state);
const onlyLine = (state: EditorState): LineDraft => state.lines[0]!;
/** What the page shows as the line's amount, in fen. */
const shownAmount = (state: EditorState) =>
  readLine(onlyLine(state), state.type, state.quantityDecimals, state.header.priceIncludesTax).figures
    ?.amount;
const sent = (state: EditorState) =>
  toDocumentInput(state.type, state.header, state.lines, state.sourceDocumentId, 2).input.lines[0]!;
/** The 20,000 袋 of 鲜牛奶 whose price, to 6 decimals, does not quite come to its value. */
const milkLine = {
  id: 502,
  goodsId: 8,
  goodsCode: '10010008',
  goodsName: '鲜牛奶',
  unitName: '袋',
  quantity: '20000',
  unitPrice: '0.061729',
  unitPriceWithTax: '0.061729',
  amount: '1234.57',
  amountWithTax: '1234.57',
  warehouseId: 1,
};

describe('an entered value is kept whatever unit the line is shown in', () => {
  it.each([
    // type, saved line → amount shown (fen), amount sent, price shown where derived from the value
    ['opening_stock', milkLine, 123_457, '1,234.57', '0.061729'],
    ['stock_gain', milkLine, 123_457, '1,234.57', '0.061729'],
    ['other_receipt', milkLine, 123_457, '1,234.57', '0.061729'],
    // The price comes to the value: the line is saved as it is, its price kept.
    ['opening_stock', {}, 64_991, null, undefined],
    // A gain left to the current cost has no value of its own: nothing is kept.
    ['stock_gain', { amount: '0', unitPrice: '0', unitPriceWithTax: '0' }, 0, null, undefined],
    // A purchase receipt's value is quantity × price: the engine works it out, and so does the page.
    ['purchase_receipt', { ...milkLine, taxRate: '13' }, 123_458, null, undefined],
  ] as const)('%s, %j: shows %d fen, sends %j', (type, fields, amount, amountSent, price) => {
    const state = run(start(type), { type: 'loaded', view: savedDocument(type, [savedLine(fields)]) });
    expect(shownAmount(state)).toBe(amount);
    expect(sent(state).amount).toBe(amountSent);
    expect(readLine(onlyLine(state), type, 2, false).derivedPrice).toBe(price);
  });

  it('the totals are the kept values: 649.91 + 1,234.57, not the lines’ quantity × price', () => {
    const view = savedDocument('opening_stock', [savedLine({}), savedLine(milkLine)]);
    const state = run(start('opening_stock'), { type: 'loaded', view });
    expect(documentTotals(state.lines, 'opening_stock', 2, false)).toMatchObject({
      amount: 188_448,
      amountWithTax: 188_448,
    });
  });

  it.each([
    // edits of the 鲜牛奶 line → amount shown (fen), amount sent, price sent
    ['nothing', [], 123_457, '1,234.57', '0.061729'],
    ['the remark', [{ field: 'remark', value: '已核对' }], 123_457, '1,234.57', '0.061729'],
    // The clerk types the value: it is kept and the engine derives the price from it.
    ['the amount', [{ field: 'amount', value: '1300' }], 130_000, '1300', '0.061729'],
    // Another quantity at the price the line showed: quantity × price again, and that price sent.
    ['the quantity', [{ field: 'quantity', value: '10000' }], 61_729, null, '0.061729'],
    // A price typed decides the amount.
    ['the price', [{ field: 'unitPrice', value: '0.06' }], 120_000, null, '0.06'],
  ] as const)('editing %s', (_what, edits, amount, amountSent, priceSent) => {
    const loaded = run(start('opening_stock'), {
      type: 'loaded',
      view: savedDocument('opening_stock', [savedLine(milkLine)]),
    });
    const key = onlyLine(loaded).key;
    const state = run(loaded, ...edits.map((edit): EditorEvent => ({ type: 'cellEdited', key, ...edit })));
    expect(shownAmount(state)).toBe(amount);
    expect(sent(state)).toMatchObject({ amount: amountSent, unitPrice: priceSent });
    expect(state.dirty).toBe(edits.length > 0);
  });

  it('a value typed that the price already comes to is saved as the price, which is kept', () => {
    const loaded = run(start('opening_stock'), {
      type: 'loaded',
      view: savedDocument('opening_stock', [savedLine({})]),
    });
    const key = onlyLine(loaded).key;
    const state = run(loaded, { type: 'cellEdited', key, field: 'amount', value: '649.91' });
    expect(shownAmount(state)).toBe(64_991);
    expect(sent(state)).toMatchObject({ amount: null, unitPrice: '1.592917' });
  });

  it('another unit takes that unit’s price and the amount is worked out again', () => {
    const loaded = run(
      start('opening_stock'),
      { type: 'loaded', view: savedDocument('opening_stock', [savedLine(milkLine)]) },
      { type: 'goodsRemembered', goods: [cola] },
    );
    const state = run(loaded, { type: 'unitChanged', key: onlyLine(loaded).key, unitName: '箱' });
    expect(onlyLine(state)).toMatchObject({ unitName: '箱', priceTyped: false, amountTyped: false });
    expect(sent(state).amount).toBeNull();
  });
});

describe('the editor, event by event', () => {
  it('a blank document puts the cursor on what must be chosen first', () => {
    const header = { ...blankHeader(), warehouseId: 1 };
    const withSupplier = run(start('purchase_receipt'), { type: 'blankStarted', header });
    expect(withSupplier.focus).toBe('header:counterpartyId');
    const noWarehouse = run(start('opening_stock'), {
      type: 'blankStarted',
      header: { ...header, warehouseId: null },
    });
    expect(noWarehouse.focus).toBe('header:warehouseId');
    const ready = run(start('opening_stock'), { type: 'blankStarted', header });
    expect(ready.focus).toBe(`${onlyLine(ready).key}:goodsId`);
    expect(ready).toMatchObject({ dirty: false, view: null, headerRevision: 1 });
  });

  it.each([
    // events after a loaded document → lines, dirty
    ['nothing', [], 1, false],
    ['a header edit', [{ type: 'headerEdited', changes: { remark: '已核对' } }], 1, true],
    ['a line added', [{ type: 'lineAdded' }], 2, false],
    ['the only line removed', [{ type: 'lineRemoved', key: 'the-first' }], 1, true],
  ] as const)('%s: %d line(s), dirty %s', (_what, events, count, dirty) => {
    const loaded = run(start('opening_stock'), {
      type: 'loaded',
      view: savedDocument('opening_stock', [savedLine({})]),
    });
    const key = onlyLine(loaded).key;
    const state = run(
      loaded,
      ...events.map((event) => ('key' in event ? { ...event, key } : (event as EditorEvent))),
    );
    expect(state.lines).toHaveLength(count);
    expect(state.dirty).toBe(dirty);
  });

  it('goods picked fill the line in their purchase unit, clear what was said of it, and move on to the quantity', () => {
    const blank = run(start('purchase_receipt'), { type: 'blankStarted', header: blankHeader() });
    const key = onlyLine(blank).key;
    const refused = run(blank, {
      type: 'refused',
      lineErrors: { [key]: { goodsId: '请选择商品' } },
      focus: `${key}:goodsId`,
    });
    const state = run(refused, { type: 'goodsPicked', key, goods: cola, scannedUnit: null });
    expect(onlyLine(state)).toMatchObject({ goodsId: 43, unitName: '箱', taxRate: '13', priceTyped: false });
    expect(state.lineErrors).toEqual({});
    expect(state.focus).toBe(`${key}:quantity`);
    expect(state.goodsById.get(43)).toBe(cola);
  });

  it('typing on a cell clears the engine’s message there, not on the others', () => {
    const blank = run(start('purchase_receipt'), { type: 'blankStarted', header: blankHeader() });
    const key = onlyLine(blank).key;
    const state = run(
      blank,
      {
        type: 'refused',
        lineErrors: { [key]: { quantity: '请填写数量', unitPrice: '请填写单价' } },
        focus: null,
      },
      { type: 'cellEdited', key, field: 'quantity', value: '10' },
    );
    expect(state.lineErrors).toEqual({ [key]: { unitPrice: '请填写单价' } });
  });

  it('a price typed is the clerk’s; a gift taken back is offered its price again', () => {
    const blank = run(start('sales_delivery'), { type: 'blankStarted', header: blankHeader() });
    const key = onlyLine(blank).key;
    const typed = run(blank, { type: 'cellEdited', key, field: 'unitPrice', value: '55' });
    expect(onlyLine(typed)).toMatchObject({ unitPrice: '55', priceTyped: true });
    const gift = run(
      typed,
      { type: 'giftToggled', key, isGift: true },
      { type: 'giftToggled', key, isGift: false },
    );
    expect(onlyLine(gift)).toMatchObject({ isGift: false, priceTyped: false });
  });

  it('a document loaded is shown as saved: its header for the form, nothing changed, no messages', () => {
    const view = savedDocument('opening_stock', [savedLine({})]);
    const state = run(
      start('opening_stock'),
      { type: 'headerEdited', changes: { remark: 'x' } },
      { type: 'loaded', view },
    );
    expect(state).toMatchObject({ view, dirty: false, lineErrors: {}, headerRevision: 1 });
    expect(state.header).toMatchObject({ remark: '期初', warehouseId: 1 });
    expect(state.header.businessDate.format('YYYY-MM-DD')).toBe('2026-11-01');
    // A line in the header's warehouse follows the header; this one is in 二号仓.
    expect(onlyLine(state)).toMatchObject({ warehouseId: 2, amount: '649.91', amountTyped: true });
  });

  it('an origin taken links its lines, keeps the lines with goods and says where they came from', () => {
    const origin = savedDocument(
      'sales_delivery',
      [savedLine({ id: 77, unitPrice: '55', unitPriceWithTax: '62.15', priceIncludesTax: true })],
      { id: 30, number: 'XS20261110-0001', counterpartyId: 5, counterpartyName: '华联超市' },
    );
    const blank = run(start('sales_return'), { type: 'blankStarted', header: blankHeader() });
    const state = run(blank, { type: 'originTaken', origin, remark: '原单 XS20261110-0001' });
    expect(state.lines).toHaveLength(1);
    expect(onlyLine(state)).toMatchObject({ sourceLineId: 77, warehouseId: 2, saved: null });
    expect(state.header).toMatchObject({
      counterpartyId: 5,
      counterpartyLabel: '华联超市',
      priceIncludesTax: true,
      remark: '原单 XS20261110-0001',
    });
    expect(state).toMatchObject({ sourceDocumentId: 30, dirty: true, headerRevision: 2 });
  });

  it('one action at a time, one dialog at a time, and the cursor moved once', () => {
    const state = run(
      start('opening_stock'),
      { type: 'activityStarted', activity: 'save' },
      { type: 'dialogOpened', dialog: 'void' },
    );
    expect(state).toMatchObject({ activity: 'save', dialog: 'void' });
    expect(run(state, { type: 'activityEnded' }, { type: 'dialogClosed' })).toMatchObject({
      activity: null,
      dialog: null,
    });
    const blank = run(start('opening_stock'), { type: 'blankStarted', header: blankHeader() });
    expect(run(blank, { type: 'focusTaken' }).focus).toBeNull();
  });
});

describe('a price follows its unit: 33.60 per 箱 of 24 is 1.40 per 罐, never emptied', () => {
  /** 可乐 as head office prices it: the box only, 33.60 to customers; the can has no price of its own. */
  const boxPriced = {
    ...cola,
    units: [
      { name: '罐', ratio: '1', purchasePrice: null, salePrice: null },
      { name: '箱', ratio: '24', purchasePrice: '28.8', salePrice: '33.6' },
    ],
  } as unknown as GoodsInfo;

  const typedInBoxes = () => {
    const state = run(start('sales_delivery'), { type: 'goodsRemembered', goods: [boxPriced] });
    const key = onlyLine(state).key;
    const withCola = { ...state, lines: [withGoods(onlyLine(state), boxPriced, 'sales_delivery', null)] };
    return run(
      withCola,
      { type: 'cellEdited', key, field: 'quantity', value: '2' },
      { type: 'cellEdited', key, field: 'unitPrice', value: '33.60' },
    );
  };

  it('a typed price is converted when the unit changes, and back again', () => {
    const boxes = typedInBoxes();
    expect(onlyLine(boxes)).toMatchObject({ unitName: '箱', unitPrice: '33.60' });
    const key = onlyLine(boxes).key;
    const cans = run(boxes, { type: 'unitChanged', key, unitName: '罐' });
    expect(onlyLine(cans)).toMatchObject({ unitName: '罐', unitPrice: '1.40', priceTyped: true });
    const back = run(cans, { type: 'unitChanged', key, unitName: '箱' });
    expect(onlyLine(back)).toMatchObject({ unitName: '箱', unitPrice: '33.60', priceTyped: true });
  });

  it('a unit without a default price of its own is offered another unit’s, converted', () => {
    expect(defaultPrice(boxPriced, '罐', 'sales_delivery')).toBe('1.40');
    expect(defaultPrice(boxPriced, '罐', 'purchase_receipt')).toBe('1.20');
    expect(defaultPrice(boxPriced, '箱', 'sales_delivery')).toBe('33.6');
  });

  it('converts in integers and rounds half up to the price scale', () => {
    expect(convertedPrice(boxPriced, '10', '箱', '罐')).toBe('0.416667');
    expect(convertedPrice(boxPriced, '0.416667', '罐', '箱')).toBe('10.000008');
    // Large prices would lose digits in a double: 9,876,543.21 per 罐 is 237,037,037.04 per 箱.
    expect(convertedPrice(boxPriced, '9876543.21', '罐', '箱')).toBe('237037037.04');
    expect(convertedPrice(boxPriced, '10', '箱', '托')).toBe('');
  });
});
