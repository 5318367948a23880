import { SSF } from '@e965/xlsx';
import type { FieldSpec, FieldType } from '../../domain/master-data/field-spec';
import { formatScaled, numberToScaled, parseScaled } from '../../../shared/numbers/decimal';
import { decimalInputReason, decimalInputText } from '../../../shared/numbers/decimal-input';
import { fenScale, priceScale, ratioScale, taxRateScale } from '../../../shared/numbers/scales';
import { toHalfWidth, toHalfWidthAlphanumerics } from '../../../shared/text/half-width';
import type { SheetCell } from './read-table';

/** A cell's value as the field means it: text, a scaled integer, a yes/no, an ISO date, an enum key. */
export type FieldValue = string | number | boolean;

export type CellReading =
  { ok: true; value: FieldValue | null; shown: string } | { ok: false; message: string };

const blank: CellReading = { ok: true, value: null, shown: '' };

function read(value: FieldValue, shown: string): CellReading {
  return { ok: true, value, shown };
}

function refuse(message: string): CellReading {
  return { ok: false, message };
}

/** The export writes "'=1+1" so Excel will not run it (services/export/safe-text.ts); read it back as written. */
function withoutFormulaGuard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function normalizeText(cell: SheetCell): CellReading {
  const text = withoutFormulaGuard(toHalfWidthAlphanumerics(cell.shown).trim());
  return text ? read(text, text) : blank;
}

/** "¥1,234.50", "1,234.5元", "１２" → "1234.50", "1234.5", "12": the digits parseScaled reads. */
function numberText(text: string): string {
  return toHalfWidth(text)
    .replace(/[￥¥元\s,]|rmb|cny/gi, '')
    .replace(/^\+/, '');
}

const decimalScale: Partial<Record<FieldType, number>> = {
  money: fenScale,
  price: priceScale,
  ratio: ratioScale,
};

/** At least two decimals for money and prices ("38.40"), none forced on ratios ("24"). */
function showDecimal(value: number, type: FieldType): string {
  return formatScaled(value, decimalScale[type]!, type === 'ratio' ? 0 : 2);
}

function normalizeDecimal(cell: SheetCell, type: 'money' | 'price' | 'ratio'): CellReading {
  const scale = decimalScale[type]!;
  if (typeof cell.value === 'number') {
    const scaled = numberToScaled(cell.value, scale);
    return scaled === null
      ? refuse(`“${cell.shown}”不是有效的数字`)
      : read(scaled, showDecimal(scaled, type));
  }
  // Read as a figure typed on a document is (thousands separators grouped by three), less the currency words.
  const typed = cell.shown.replace(/元|rmb|cny/gi, '').trim();
  if (!typed) return blank;
  const plain = decimalInputText(typed);
  if (!plain.ok) return refuse(`“${cell.shown}”${decimalInputReason(plain.problem)}`);
  const text = plain.text;
  // Money is kept in fen: a third decimal would be silently rounded away, so it is refused instead.
  if (type === 'money' && /\.\d{3,}$/.test(text) && !/\.\d{2}0+$/.test(text)) {
    return refuse(`“${cell.shown}”超过两位小数（金额精确到分）`);
  }
  const scaled = parseScaled(text, scale);
  return scaled === null
    ? refuse(`“${cell.shown}”${decimalInputReason('too_large')}`)
    : read(scaled, showDecimal(scaled, type));
}

function normalizeInteger(cell: SheetCell): CellReading {
  const text = typeof cell.value === 'number' ? String(cell.value) : numberText(cell.shown);
  if (!text) return blank;
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    return refuse(`“${cell.shown}”不是整数`);
  }
  const value = Number(text);
  return read(value, String(value));
}

/**
 * Percentages as basis points (9% → 900). "9%" and 9 mean nine per cent; a fraction below 1, or
 * any number in a cell formatted as a percentage (Excel stores 9% as 0.09), is a fraction.
 */
function normalizePercent(cell: SheetCell): CellReading {
  let basisPoints: number | null;
  if (typeof cell.value === 'number') {
    const isFraction = (cell.format ?? '').includes('%') || Math.abs(cell.value) < 1;
    basisPoints = numberToScaled(cell.value, isFraction ? taxRateScale + 2 : taxRateScale);
  } else {
    const text = numberText(cell.shown);
    if (!text) return blank;
    if (text.endsWith('%')) basisPoints = parseScaled(text.slice(0, -1), taxRateScale);
    else {
      const asNumber = Number(text);
      basisPoints = Number.isNaN(asNumber)
        ? null
        : parseScaled(text, Math.abs(asNumber) < 1 ? taxRateScale + 2 : taxRateScale);
    }
  }
  if (basisPoints === null) return refuse(`“${cell.shown}”不是有效的百分比`);
  return read(basisPoints, `${formatScaled(basisPoints, taxRateScale)}%`);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const writtenDate =
  /^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*[日号]?(?:\s*[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const compactDate = /^(\d{4})(\d{2})(\d{2})$/;

/** Dates as "2026-03-04", from an Excel serial or "2026年3月4日", "2026/3/4", "2026.3.4", "20260304". */
function normalizeDate(cell: SheetCell): CellReading {
  let parts: [number, number, number] | null = null;
  if (cell.value instanceof Date) {
    parts = [cell.value.getUTCFullYear(), cell.value.getUTCMonth() + 1, cell.value.getUTCDate()];
  } else if (typeof cell.value === 'number' && !compactDate.test(String(cell.value))) {
    // An Excel serial day number: SheetJS's own calendar (it knows Excel's 1900 leap-year bug).
    const serial = cell.value > 0 ? SSF.parse_date_code(cell.value) : null;
    parts = serial ? [serial.y, serial.m, serial.d] : null;
  } else {
    const text = toHalfWidth(String(cell.value)).trim();
    if (!text) return blank;
    const match = writtenDate.exec(text) ?? compactDate.exec(text);
    if (match) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (parts === null || !isRealDate(...parts)) return refuse(`“${cell.shown}”不是有效的日期`);
  const date = isoDate(...parts);
  return read(date, date);
}

const yesWords = new Set(['是', 'y', 'yes', '1', '√', '✓', '✔', 'true', '启用', '有', '对']);
const noWords = new Set(['否', 'n', 'no', '0', '×', '✗', '✘', 'x', 'false', '停用', '禁用', '无', '不']);

/** Yes / no as offices write it (是/否, Y/N, √/×, 1/0), and as the field itself labels it (启用/停用). */
function normalizeBoolean(field: FieldSpec, cell: SheetCell): CellReading {
  const labelOf = (value: boolean) => field.options?.[String(value)] ?? (value ? '是' : '否');
  if (typeof cell.value === 'boolean') return read(cell.value, labelOf(cell.value));
  const text = toHalfWidth(cell.shown).trim().toLowerCase();
  if (!text) return blank;
  if (text === field.options?.true || yesWords.has(text)) return read(true, labelOf(true));
  if (text === field.options?.false || noWords.has(text)) return read(false, labelOf(false));
  return refuse(`“${cell.shown}”应填${labelOf(true)}或${labelOf(false)}`);
}

/** An option by its Chinese label (经销商) or its stored value (dealer). */
function normalizeEnum(field: FieldSpec, cell: SheetCell): CellReading {
  const text = toHalfWidthAlphanumerics(cell.shown).trim();
  if (!text) return blank;
  const options = Object.entries(field.options ?? {});
  const found = options.find(
    ([value, label]) => label === text || value.toLowerCase() === text.toLowerCase(),
  );
  if (!found) {
    return refuse(`“${cell.shown}”不是可选的值，应为：${options.map(([, label]) => label).join('、')}`);
  }
  return read(found[0], found[1]);
}

/** Reads one cell as its field's type; a blank cell reads as null, a wrong one as a message. */
export function normalizeCell(field: FieldSpec, cell: SheetCell | null): CellReading {
  if (cell === null) return blank;
  switch (field.type) {
    case 'text':
      return normalizeText(cell);
    case 'integer':
      return normalizeInteger(cell);
    case 'money':
    case 'price':
    case 'ratio':
      return normalizeDecimal(cell, field.type);
    case 'percent':
      return normalizePercent(cell);
    case 'date':
      return normalizeDate(cell);
    case 'boolean':
      return normalizeBoolean(field, cell);
    case 'enum':
      return normalizeEnum(field, cell);
  }
}
