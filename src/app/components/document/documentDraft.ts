import dayjs, { type Dayjs } from 'dayjs';
import type { ApiInput, ApiOutput } from '../../../shared/api';
import { carriesTax } from '../../../shared/documents/line-pricing';
import { formatScaled, parseScaled } from '../../../shared/numbers/decimal';
import { fenScale, priceScale, ratioScale, taxRateScale } from '../../../shared/numbers/scales';
import { groupedYuan } from '../../../shared/numbers/yuan-display';
import { valueDecides } from './enteredValue';
import {
  documentTypeUi,
  entersValue,
  tradesPrices,
  type DocumentType,
  type DocumentView,
} from './documentTypes';

export type GoodsInfo = ApiOutput<'goods.get'>;
export type GoodsMatch = ApiOutput<'goods.search'>[number];
export type DocumentInput = ApiInput<'documents.save'>['document'];
type LineInput = DocumentInput['lines'][number];

/** The header as the form holds it. */
export interface HeaderValues {
  businessDate: Dayjs;
  counterpartyId: number | null;
  /** The picker's label for the chosen counterparty (SearchSelect reads it). */
  counterpartyLabel: string | null;
  warehouseId: number | null;
  toWarehouseId: number | null;
  remark: string;
  /** 含税单价: every trade line's price is entered with tax (the engine keeps the flag per line). */
  priceIncludesTax: boolean;
  /** 收款单 / 付款单: the money received or paid, in yuan, as typed. */
  amount: string;
  /** Not on the form: kept so that saving from the page does not drop what an import or an order set. */
  officeId: number | null;
  handlerId: number | null;
}

/** A line as the clerk types it: every figure is text until the engine reads it. */
export interface LineDraft {
  key: string;
  goodsId: number | null;
  goodsCode: string;
  goodsName: string;
  goodsSpec: string;
  lotTracked: boolean;
  unitName: string;
  quantity: string;
  unitPrice: string;
  /**
   * The clerk typed this price, or it came from a saved document, an order or an origin. Until then the
   * page shows and sends its suggestion (the last price, else the goods' default), which follows the
   * unit, the counterparty and the 含税 switch; see priceSuggestion.ts.
   */
  priceTyped: boolean;
  /**
   * The line's value in yuan where the type enters it (entersValue): kept from the saved document or
   * typed by the clerk, it decides the line's amount and its unit price is derived from it. Until then
   * (`amountTyped` false) the amount is quantity × price, as on any line.
   */
  amount: string;
  amountTyped: boolean;
  /** 折扣率 in percent, as typed; empty is none. */
  discountRate: string;
  taxRate: string;
  adjustmentAmount: string;
  /** Null: the header's warehouse, as the engine reads it (a line without one takes the header's). */
  warehouseId: number | null;
  toWarehouseId: number | null;
  lot: string;
  productionDate: string;
  expiryDate: string;
  isGift: boolean;
  remark: string;
  sourceLineId: number | null;
  /**
   * What the engine says of a saved line: the quantity in mixed units, the book and confirmed quantity,
   * and of an order's line how much receipts / deliveries have taken and what is still open.
   */
  saved: {
    mixedQuantity: string;
    bookQuantity: string | null;
    confirmedQuantity: string | null;
    executedQuantity: string | null;
    outstandingQuantity: string | null;
  } | null;
}

export type LineField = Exclude<keyof LineDraft, 'key' | 'saved' | 'priceTyped' | 'amountTyped'>;

/** What the engine said of each line's cells, by line key. */
export type LineErrors = Record<string, Partial<Record<LineField, string>>>;

let lineCounter = 0;
const nextKey = () => `line-${++lineCounter}`;

export function blankLine(): LineDraft {
  return {
    key: nextKey(),
    goodsId: null,
    goodsCode: '',
    goodsName: '',
    goodsSpec: '',
    lotTracked: false,
    unitName: '',
    quantity: '',
    unitPrice: '',
    priceTyped: false,
    amount: '',
    amountTyped: false,
    discountRate: '',
    taxRate: '',
    adjustmentAmount: '',
    warehouseId: null,
    toWarehouseId: null,
    lot: '',
    productionDate: '',
    expiryDate: '',
    isGift: false,
    remark: '',
    sourceLineId: null,
    saved: null,
  };
}

export function blankHeader(): HeaderValues {
  return {
    businessDate: dayjs(),
    counterpartyId: null,
    counterpartyLabel: null,
    warehouseId: null,
    toWarehouseId: null,
    remark: '',
    priceIncludesTax: false,
    amount: '',
    officeId: null,
    handlerId: null,
  };
}

export function headerFromView(view: DocumentView): HeaderValues {
  return {
    businessDate: dayjs(view.businessDate),
    counterpartyId: view.counterpartyId,
    counterpartyLabel: view.counterpartyName,
    warehouseId: view.warehouseId,
    toWarehouseId: view.toWarehouseId,
    remark: view.remark,
    priceIncludesTax: view.lines.some((line) => line.priceIncludesTax),
    // Written as the printed receipt writes it: 100,000.00.
    // A total hidden from a role without cost.view (null) stays blank.
    amount:
      documentTypeUi[view.type].money && view.totalWithTax !== null
        ? groupedYuan(parseScaled(view.totalWithTax, fenScale) ?? 0)
        : '',
    officeId: view.officeId,
    handlerId: view.handlerId,
  };
}

/** A price as the goods' own are written, with at least the fen: 48.00, 2.10, 0.4575. */
export function priceText(text: string): string {
  return formatScaled(parseScaled(text, priceScale) ?? 0, priceScale, 2);
}

/** 折扣率 as the clerk would type it: "5", "2.5"; nothing for no discount. */
export function discountText(text: string): string {
  const rate = parseScaled(text, taxRateScale) ?? 0;
  return rate === 0 ? '' : formatScaled(rate, taxRateScale);
}

/** Yuan text from the engine ("57623.19") as the grid writes money: 57,623.19. */
function yuanText(text: string): string {
  return groupedYuan(parseScaled(text, fenScale) ?? 0);
}

/**
 * A saved line's value, kept where the type enters it: a value of nothing (a gain left to the current
 * cost) is no value entered.
 */
function enteredAmount(type: DocumentType, line: DocumentView['lines'][number]): string {
  if (line.amount === null) return '';
  return entersValue(type) && !line.isGift && (parseScaled(line.amount, fenScale) ?? 0) !== 0
    ? yuanText(line.amount)
    : '';
}

/** A saved document's lines, back in the grid; a line in the header's warehouse follows the header again. */
export function linesFromView(view: DocumentView): LineDraft[] {
  return view.lines.map((line) => ({
    ...blankLine(),
    goodsId: line.goodsId,
    goodsCode: line.goodsCode,
    goodsName: line.goodsName,
    goodsSpec: line.goodsSpec,
    lotTracked: line.lotTracked,
    unitName: line.unitName,
    quantity: line.quantity,
    // The price as it was entered: with tax when the line was priced with tax.
    // A purchase price hidden from a role without cost.view (null) stays blank.
    unitPrice: priceText((line.priceIncludesTax ? line.unitPriceWithTax : line.unitPrice) ?? ''),
    priceTyped: true,
    // The sheet's 57,623.19 stays 57,623.19, not quantity × the price rounded to its decimals.
    amount: enteredAmount(view.type, line),
    amountTyped: enteredAmount(view.type, line) !== '',
    discountRate: discountText(line.discountRate),
    taxRate: line.taxRate,
    adjustmentAmount: view.type === 'cost_adjustment' ? (line.amount ?? '') : '',
    warehouseId: line.warehouseId === view.warehouseId ? null : line.warehouseId,
    toWarehouseId: line.toWarehouseId === view.toWarehouseId ? null : line.toWarehouseId,
    lot: line.lot,
    productionDate: line.productionDate ?? '',
    expiryDate: line.expiryDate ?? '',
    isGift: line.isGift,
    remark: line.remark,
    sourceLineId: line.sourceLineId,
    saved: {
      mixedQuantity: line.mixedQuantity,
      bookQuantity: line.bookQuantity,
      confirmedQuantity: line.confirmedQuantity,
      executedQuantity: line.executedQuantity,
      outstandingQuantity: line.outstandingQuantity,
    },
  }));
}

type GoodsUnit = GoodsInfo['units'][number];

/** The unit a new line starts in: the scanned one, else the goods' purchase / sale unit, else the largest. */
function startingUnit(
  goods: GoodsInfo,
  type: DocumentType,
  scannedUnit: string | null,
): GoodsUnit | undefined {
  const source = documentTypeUi[type].unitSource;
  const named = scannedUnit ?? (source ? goods[source] : null);
  const byName = goods.units.find((unit) => unit.name === named);
  if (byName) return byName;
  const ratio = (unit: GoodsUnit) => parseScaled(unit.ratio, ratioScale) ?? 0;
  return goods.units.reduce<GoodsUnit | undefined>(
    (largest, unit) => (!largest || ratio(unit) > ratio(largest) ? unit : largest),
    undefined,
  );
}

/**
 * A price per one unit of the goods as the price per another: 33.60 per 箱 of 24 is 1.40 per 袋. Worked in
 * integers at the price scale (a product of two scaled figures outgrows a double), rounded half up; ''
 * when either unit is not the goods'.
 */
export function convertedPrice(
  goods: GoodsInfo | undefined,
  price: string,
  from: string,
  to: string,
): string {
  const ratioOf = (name: string) => {
    const unit = goods?.units.find((candidate) => candidate.name === name);
    return unit ? parseScaled(unit.ratio, ratioScale) : null;
  };
  const fromRatio = ratioOf(from);
  const toRatio = ratioOf(to);
  const scaled = parseScaled(price, priceScale);
  if (!fromRatio || !toRatio || scaled === null) return '';
  const numerator = BigInt(scaled) * BigInt(toRatio);
  const denominator = BigInt(fromRatio);
  const magnitude = ((numerator < 0n ? -numerator : numerator) + denominator / 2n) / denominator;
  return priceText(formatScaled(Number(numerator < 0n ? -magnitude : magnitude), priceScale));
}

/**
 * The unit's default price for the type (进价 / 批发价), as text, or '' when the goods has none. A unit
 * without a price of its own is offered another unit's, converted (袋 at 箱's 33.60 ÷ 24): head office
 * prices the box, the clerk may sell by the bag.
 */
export function defaultPrice(goods: GoodsInfo | undefined, unitName: string, type: DocumentType): string {
  const source = documentTypeUi[type].priceSource;
  if (!source || !goods) return '';
  const own = goods.units.find((candidate) => candidate.name === unitName)?.[source];
  if (own) return own;
  const priced = goods.units.find((candidate) => candidate[source]);
  return priced ? convertedPrice(goods, priced[source]!, priced.name, unitName) : '';
}

/**
 * The line once goods are picked: unit and tax rate from the goods, the price left for the page to
 * suggest. A scanned box barcode says the unit and enters one of it (DOMAIN.md §4: each unit has its
 * own barcode).
 */
export function withGoods(
  line: LineDraft,
  goods: GoodsInfo,
  type: DocumentType,
  scannedUnit: string | null,
): LineDraft {
  const unit = startingUnit(goods, type, scannedUnit);
  const unitName = unit?.name ?? '';
  return {
    ...line,
    goodsId: goods.id,
    goodsCode: goods.code,
    goodsName: goods.name,
    goodsSpec: goods.spec,
    lotTracked: goods.lotTracked,
    unitName,
    quantity: scannedUnit ? '1' : line.goodsId === goods.id ? line.quantity : '',
    unitPrice: '',
    priceTyped: false,
    amount: '',
    amountTyped: false,
    taxRate: carriesTax(type) ? goods.taxRate : '',
    lot: goods.lotTracked ? line.lot : '',
    productionDate: goods.lotTracked ? line.productionDate : '',
    expiryDate: goods.lotTracked ? line.expiryDate : '',
    saved: null,
  };
}

/** "20261102" or "2026/11/2" as the engine's yyyy-MM-dd; other text is left for the engine to refuse. */
export function normalizeDate(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const parts = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(trimmed);
  if (parts) return `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}`;
  return trimmed;
}

/**
 * What `documents.save` is sent. Lines without goods are left out; `lineKeys` maps the engine's
 * line numbers (1-based, of the lines sent) back to the grid's rows.
 */
export function toDocumentInput(
  type: DocumentType,
  header: HeaderValues,
  lines: readonly LineDraft[],
  sourceDocumentId: number | null,
  quantityDecimals: number,
): { input: DocumentInput; lineKeys: string[] } {
  const ui = documentTypeUi[type];
  const trade = tradesPrices(type);
  // A receipt or payment of money has no lines, only its amount (DOMAIN.md §5).
  const sent = ui.money ? [] : lines.filter((line) => line.goodsId !== null);
  const input: DocumentInput = {
    type,
    businessDate: header.businessDate.format('YYYY-MM-DD'),
    counterpartyId: ui.counterparty === 'none' ? null : header.counterpartyId,
    officeId: header.officeId,
    handlerId: header.handlerId,
    warehouseId: ui.money ? null : header.warehouseId,
    toWarehouseId: ui.transfer ? header.toWarehouseId : null,
    remark: header.remark,
    sourceDocumentId,
    amount: ui.money ? header.amount.trim() || null : null,
    lines: sent.map((line): LineInput => ({
      goodsId: line.goodsId!,
      unitName: line.unitName,
      quantity: ui.valueOnly ? '0' : line.quantity.trim(),
      unitPrice: ui.price === null ? null : line.isGift ? '0' : line.unitPrice.trim() || null,
      // The value as kept or typed, where it decides: the engine keeps it and derives the unit price.
      amount: valueDecides(type, line, quantityDecimals) ? line.amount.trim() : null,
      priceIncludesTax: trade && header.priceIncludesTax,
      discountRate: trade ? line.discountRate.trim() || null : null,
      taxRate: carriesTax(type) ? line.taxRate.trim() || null : null,
      adjustmentAmount: ui.valueOnly ? line.adjustmentAmount.trim() || null : null,
      warehouseId: line.warehouseId,
      toWarehouseId: ui.transfer ? line.toWarehouseId : null,
      lot: line.lot,
      productionDate: normalizeDate(line.productionDate) || null,
      expiryDate: normalizeDate(line.expiryDate) || null,
      isGift: ui.gift && line.isGift,
      remark: line.remark,
      sourceLineId: line.sourceLineId,
    })),
  };
  return { input, lineKeys: sent.map((line) => line.key) };
}
