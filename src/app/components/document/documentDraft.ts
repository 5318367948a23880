import dayjs, { type Dayjs } from 'dayjs';
import type { ApiInput, ApiOutput } from '../../../shared/api';
import { carriesTax, documentTypeUi, type DocumentType, type DocumentView } from './documentTypes';
import { formatScaled, parseScaled, priceScale } from './scaledDecimal';

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
  /** What the engine says of a saved line: the quantity in mixed units, the book and confirmed quantity. */
  saved: { mixedQuantity: string; bookQuantity: string | null; confirmedQuantity: string | null } | null;
}

export type LineField = Exclude<keyof LineDraft, 'key' | 'saved'>;

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
  };
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
    // Prices as the goods' own are written, with at least the fen: 48.00, 2.10, 0.4575.
    unitPrice: formatScaled(parseScaled(line.unitPrice, priceScale) ?? 0n, priceScale, 2),
    taxRate: line.taxRate,
    adjustmentAmount: view.type === 'cost_adjustment' ? line.amount : '',
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
  const ratio = (unit: GoodsUnit) => parseScaled(unit.ratio, priceScale) ?? 0n;
  return goods.units.reduce<GoodsUnit | undefined>(
    (largest, unit) => (!largest || ratio(unit) > ratio(largest) ? unit : largest),
    undefined,
  );
}

/** The unit's default price for the type (进价 / 批发价), as text, or '' when it has none. */
export function defaultPrice(goods: GoodsInfo | undefined, unitName: string, type: DocumentType): string {
  const source = documentTypeUi[type].priceSource;
  const unit = goods?.units.find((candidate) => candidate.name === unitName);
  return (source && unit?.[source]) ?? '';
}

/**
 * The line once goods are picked: unit, price and tax rate from the goods. A scanned box barcode
 * says the unit and enters one of it (DOMAIN.md §4: each unit has its own barcode).
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
    unitPrice: line.isGift ? '0' : defaultPrice(goods, unitName, type),
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
  lines: LineDraft[],
  sourceDocumentId: number | null,
): { input: DocumentInput; lineKeys: string[] } {
  const ui = documentTypeUi[type];
  const sent = lines.filter((line) => line.goodsId !== null);
  const input: DocumentInput = {
    type,
    businessDate: header.businessDate.format('YYYY-MM-DD'),
    counterpartyId: ui.counterparty === 'none' ? null : header.counterpartyId,
    warehouseId: header.warehouseId,
    toWarehouseId: ui.transfer ? header.toWarehouseId : null,
    remark: header.remark,
    sourceDocumentId,
    lines: sent.map((line): LineInput => ({
      goodsId: line.goodsId!,
      unitName: line.unitName,
      quantity: ui.valueOnly ? '0' : line.quantity.trim(),
      unitPrice: ui.price === null ? null : line.isGift ? '0' : line.unitPrice.trim() || null,
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
