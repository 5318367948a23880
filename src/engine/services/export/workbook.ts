import * as XLSX from '@e965/xlsx';
import { guardFormula } from '../../../shared/text/formula-guard';
import { freezeHeaderRows } from './frozen-header';

/** A number with the Excel format it is shown in ('#,##0.00', '0%' …). */
export interface FormattedNumber {
  number: number;
  format: string;
}

export type WorkbookCell = string | FormattedNumber | null;

export interface WorkbookColumn {
  header: string;
  /** In characters, as Excel counts column width. */
  width: number;
}

export interface WorkbookSheet {
  name: string;
  columns: readonly WorkbookColumn[];
  rows: readonly (readonly WorkbookCell[])[];
  /** Keep the header row in view while scrolling. */
  freezeHeader: boolean;
}

/** Excel's text format: a code typed over in Excel stays text ("00123", "6921030000003"). */
const textFormat = '@';

function toCell(cell: WorkbookCell): XLSX.CellObject | null {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'string') return { t: 's', v: guardFormula(cell), z: textFormat };
  return { t: 'n', v: cell.number, z: cell.format };
}

function toWorksheet(sheet: WorkbookSheet): XLSX.WorkSheet {
  const worksheet: XLSX.WorkSheet = {};
  const table = [sheet.columns.map((column) => column.header as WorkbookCell), ...sheet.rows];
  table.forEach((row, rowIndex) => {
    row.forEach((value, columnIndex) => {
      const cell = toCell(value);
      if (cell) worksheet[XLSX.utils.encode_cell({ r: rowIndex, c: columnIndex })] = cell;
    });
  });
  worksheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(table.length - 1, 0), c: Math.max(sheet.columns.length - 1, 0) },
  });
  worksheet['!cols'] = sheet.columns.map((column) => ({ wch: column.width }));
  return worksheet;
}

/**
 * An .xlsx workbook: text as shared-string cells (never formulas), numbers with their formats,
 * column widths, and the header row frozen where asked.
 */
export function writeWorkbook(sheets: readonly WorkbookSheet[]): Buffer {
  const workbook = XLSX.utils.book_new();
  for (const sheet of sheets) XLSX.utils.book_append_sheet(workbook, toWorksheet(sheet), sheet.name);
  // bookSST: text goes to the shared-string table (t="s"), the plain-text cell every reader knows.
  const xlsx = XLSX.write(workbook, {
    type: 'buffer',
    bookType: 'xlsx',
    bookSST: true,
    compression: true,
  }) as Buffer;
  return freezeHeaderRows(
    xlsx,
    sheets.flatMap((sheet, index) => (sheet.freezeHeader ? [index + 1] : [])),
  );
}
