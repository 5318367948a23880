import type { EntitySpec } from '../../domain/master-data/field-spec';
import { fieldOf } from '../../domain/master-data/field-spec';
import { parseScaled } from '../../../shared/numbers/decimal';
import { fenScale, taxRateScale } from '../../../shared/numbers/scales';
import type { WorkbookCell } from './workbook';

/** One column a list can be exported with: its header, width, and the cell from a list row. */
export interface ExportColumn<Row> {
  key: string;
  label: string;
  width: number;
  cell: (row: Row) => WorkbookCell;
}

/** A column named and sized as the entity's field is in templates and imports (its spec). */
export function specColumn<Row>(
  spec: EntitySpec,
  key: string,
  cell: (row: Row) => WorkbookCell,
): ExportColumn<Row> {
  const field = fieldOf(spec, key);
  return { key, label: field.label, width: field.width ?? 12, cell };
}

/** Formats numbers are shown in: money with thousands separators, counts as integers. */
export const numberFormats = {
  money: '#,##0.00',
  /** Unit prices to as many decimals as they have, at least two, at most six. */
  price: '0.00####',
  integer: '0',
  wholePercent: '0%',
  percent: '0.00%',
} as const;

export function text(value: string | null | undefined): WorkbookCell {
  return value ?? null;
}

export function integer(value: number | null | undefined): WorkbookCell {
  return value === null || value === undefined ? null : { number: value, format: numberFormats.integer };
}

/**
 * Money as the lists give it, exact text in yuan ("12345.60"), to a number cell Excel can sum.
 * The text's decimal is the nearest double to the fen amount, which is what Excel holds anyway.
 */
export function money(yuan: string | null | undefined): WorkbookCell {
  if (yuan === null || yuan === undefined || yuan === '') return null;
  const fen = parseScaled(yuan, fenScale);
  return fen === null ? yuan : { number: Number(yuan), format: numberFormats.money };
}

/** "9%" (as the goods list shows a tax rate) to the fraction 0.09 shown as 9%. */
export function percent(shown: string | null | undefined): WorkbookCell {
  if (!shown) return null;
  const basisPoints = parseScaled(shown.replace('%', ''), taxRateScale);
  if (basisPoints === null) return shown;
  return {
    number: basisPoints / 10_000,
    format: basisPoints % 100 === 0 ? numberFormats.wholePercent : numberFormats.percent,
  };
}

/** A yes/no as the entity's field labels it (是/否, 启用/停用). */
export function yesNo(spec: EntitySpec, key: string, value: boolean | null | undefined): WorkbookCell {
  if (value === null || value === undefined) return null;
  const options = fieldOf(spec, key).options;
  return options?.[String(value)] ?? (value ? '是' : '否');
}

/** "2026-03-02T01:30:00.000Z" → "2026-03-02 09:30" in the branch's own clock (the machine's zone). */
export function timestamp(iso: string | null | undefined): WorkbookCell {
  if (!iso) return null;
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
