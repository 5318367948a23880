import { money, numberFormats, percent, text } from '../export/export-column';
import { guardFormula } from '../../../shared/text/formula-guard';
import { writeWorkbook, type WorkbookCell } from '../export/workbook';

/** How a column's figures are written: as text, or as numbers Excel can sum in their format. */
export type ColumnFormat = 'text' | 'money' | 'quantity' | 'unitCost' | 'price' | 'integer' | 'percent';

/**
 * Whether a column holds cost figures (cost-figures.ts): always (unit cost, stock value, cost of goods
 * sold), or on a report of the purchase side (prices and amounts of purchases). A role without cost.view
 * gets the file without such columns at all, not with empty ones.
 */
export type CostColumn = 'always' | 'purchaseSide';

/** A report column: its header, width (characters), format, and its figure from a report row. */
export interface ReportColumn<Row> {
  key: string;
  label: string;
  width: number;
  format: ColumnFormat;
  value: (row: Row) => string | number | null;
  cost?: CostColumn;
}

/** The column marked as holding cost figures. */
export function costColumn<Row>(column: ReportColumn<Row>, when: CostColumn = 'always'): ReportColumn<Row> {
  return { ...column, cost: when };
}

/** A line of a report's table: a report row, or a summary line (期初, 合计, 期末) by column key. */
export type TableLine<Row> = { row: Row } | { summary: Readonly<Record<string, string | null>> };

/** A report as a table: the visible columns in order and each line's figures as the engine gives them. */
export interface ReportTable {
  title: string;
  columns: { label: string; width: number; format: ColumnFormat }[];
  lines: (string | number | null)[][];
}

export function reportTable<Row>(
  title: string,
  columns: readonly ReportColumn<Row>[],
  lines: readonly TableLine<Row>[],
): ReportTable {
  return {
    title,
    columns: columns.map(({ label, width, format }) => ({ label, width, format })),
    lines: lines.map((line) =>
      columns.map((column) => ('row' in line ? column.value(line.row) : (line.summary[column.key] ?? null))),
    ),
  };
}

function quantityFormat(quantityDecimals: number): string {
  return quantityDecimals > 0 ? `#,##0.${'0'.repeat(quantityDecimals)}` : '#,##0';
}

function workbookCell(
  figure: string | number | null,
  format: ColumnFormat,
  quantityDecimals: number,
): WorkbookCell {
  if (figure === null || figure === '') return null;
  if (typeof figure === 'number') return { number: figure, format: numberFormats.integer };
  switch (format) {
    case 'text':
      return text(figure);
    case 'money':
      return money(figure);
    // The decimal text's nearest double is what Excel holds of any number anyway.
    case 'quantity':
      return { number: Number(figure), format: quantityFormat(quantityDecimals) };
    // A unit price is kept to six decimals (millionths): two always shown, the rest when they are there.
    case 'price':
      return { number: Number(figure), format: '#,##0.00####' };
    case 'unitCost':
      return { number: Number(figure), format: '#,##0.0000' };
    case 'integer':
      return { number: Number(figure), format: numberFormats.integer };
    // "-5.00%" is a figure, not text: a number in a percent format, never guarded as a formula.
    case 'percent':
      return percent(figure);
  }
}

/** The table as an .xlsx sheet: number formats, widths, the header frozen, text never a formula. */
export function tableToXlsx(table: ReportTable, quantityDecimals: number): Buffer {
  return writeWorkbook([
    {
      name: table.title,
      columns: table.columns.map(({ label, width }) => ({ header: label, width })),
      rows: table.lines.map((line) =>
        line.map((figure, index) => workbookCell(figure, table.columns[index]!.format, quantityDecimals)),
      ),
      freezeHeader: true,
    },
  ]);
}

function csvField(figure: string | number | null, format: ColumnFormat): string {
  if (figure === null) return '';
  // Text is guarded like the .xlsx export (formula-guard.ts); figures are numbers, a leading minus included.
  const value = format === 'text' ? guardFormula(String(figure)) : String(figure);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The table as CSV for Excel: UTF-8 with a byte-order mark (without one Excel reads Chinese as the
 * system code page), CRLF line ends, figures exactly as the engine gives them.
 */
export function tableToCsv(table: ReportTable): string {
  const lines = [
    table.columns.map((column) => csvField(column.label, 'text')),
    ...table.lines.map((line) => line.map((figure, index) => csvField(figure, table.columns[index]!.format))),
  ];
  return `\uFEFF${lines.map((fields) => fields.join(',')).join('\r\n')}\r\n`;
}
