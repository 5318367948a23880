import * as XLSX from '@e965/xlsx';
import * as codepages from '@e965/xlsx/dist/cpexcel.full.mjs';
import path from 'node:path';
import { LedgerError } from '../../../shared/ledger-error';
import { checkZipSize } from './check-zip-size';
import { decodeTextFile } from './decode-text-file';
import { limitTexts, spreadsheetLimits, tooLargeMessage } from './spreadsheet-limits';

// Legacy .xls files saved by Chinese Excel 95/97 (BIFF5) keep their text in code page 936 (GBK):
// SheetJS needs the code page tables to read them.
XLSX.set_cptable(codepages);

/** One cell as the file holds it: the value, the text Excel shows, and the number format. */
export interface SheetCell {
  value: string | number | boolean | Date;
  /** What Excel displays ("9%", "2026-03-04", "000123"); for text cells the text itself. */
  shown: string;
  /** The number format ("0%", "yyyy-mm-dd"), null for text files. */
  format: string | null;
}

/** A row that has something in it, with its number as Excel shows it (1-based). */
export interface SheetRow {
  rowNumber: number;
  cells: (SheetCell | null)[];
}

export interface SheetTable {
  sheetNames: string[];
  sheet: string;
  /** How the bytes were read: xlsx, xls, or csv and its text encoding. */
  format: string;
  rows: SheetRow[];
}

export interface TableFile {
  fileName: string;
  content: Uint8Array;
}

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: legacy .xls (and .et from WPS). */
const compoundFileSignature = [0xd0, 0xcf, 0x11, 0xe0];

function hasSignature(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** What the bytes must begin with for a file to be what its extension says. */
function contentMatchesExtension(file: TableFile): boolean {
  const extension = path.extname(file.fileName).toLowerCase();
  if (extension === '.xlsx' || extension === '.xlsm') return hasSignature(file.content, zipSignature);
  // Old systems also save HTML or XML tables under .xls; SheetJS reads those too.
  if (extension === '.xls') {
    return (
      hasSignature(file.content, compoundFileSignature) ||
      hasSignature(file.content, zipSignature) ||
      file.content[0] === 0x3c
    );
  }
  return true;
}

function isTextFile(file: TableFile): boolean {
  const extension = path.extname(file.fileName).toLowerCase();
  if (extension === '.csv' || extension === '.txt') return true;
  return !hasSignature(file.content, zipSignature) && !hasSignature(file.content, compoundFileSignature);
}

function readWorkbook(
  file: TableFile,
  sheet: string | undefined,
): { workbook: XLSX.WorkBook; format: string } {
  // Dense mode keeps rows as arrays: faster for large sheets and the shape rows are read in. One row
  // past the limit is read, so a sheet that has it is known to be too long.
  const common = {
    dense: true,
    cellHTML: false,
    sheets: sheet ?? 0,
    sheetRows: spreadsheetLimits.rows + 1,
  } as const;
  if (!contentMatchesExtension(file)) {
    throw new LedgerError(
      'VALIDATION',
      `文件【${file.fileName}】不是有效的 Excel 文件，请用 Excel 打开确认后另存为 .xlsx 再导入。`,
    );
  }
  if (hasSignature(file.content, zipSignature)) checkZipSize(file.fileName, file.content);
  else if (file.content.length > spreadsheetLimits.plainFileBytes) {
    throw new LedgerError('VALIDATION', tooLargeMessage(file.fileName, limitTexts.plainFile()));
  }
  try {
    if (isTextFile(file)) {
      const decoded = decodeTextFile(file.content);
      // raw: every CSV cell stays text, so "00123" keeps its zeros and "2026-03-04" is not a date yet.
      const workbook = XLSX.read(decoded.text, { ...common, type: 'string', raw: true });
      return { workbook, format: `csv (${decoded.encoding})` };
    }
    const workbook = XLSX.read(file.content, { ...common, type: 'buffer', cellNF: true });
    return { workbook, format: hasSignature(file.content, zipSignature) ? 'xlsx' : 'xls' };
  } catch (error) {
    throw new LedgerError(
      'VALIDATION',
      `文件【${file.fileName}】无法读取：不是有效的 Excel（.xlsx / .xls）或 CSV 文件（${(error as Error).message}）。`,
    );
  }
}

/** The text a cell shows; a number's own digits when Excel would show "6.92103E+12" for a barcode. */
function shownText(cell: XLSX.CellObject): string {
  const value = cell.v;
  if (typeof value === 'number') {
    const formatted = cell.w;
    // A code kept as a number with a "000000" format shows its leading zeros: keep them.
    if (formatted !== undefined && /^\d+$/.test(formatted) && Number(formatted) === value) return formatted;
    if (cell.z && cell.z !== 'General' && formatted !== undefined && !/E\+/i.test(formatted))
      return formatted;
    return String(value);
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value === undefined || value === null) return cell.w ?? '';
  return cell.w ?? String(value);
}

function toSheetCell(cell: XLSX.CellObject | undefined): SheetCell | null {
  if (!cell || cell.t === 'z' || cell.v === undefined || cell.v === null) return null;
  if (cell.t === 'e') return { value: cell.w ?? '#错误', shown: cell.w ?? '#错误', format: null };
  const value = cell.v;
  if (typeof value === 'string' && value.trim() === '') return null;
  return { value, shown: shownText(cell), format: typeof cell.z === 'string' ? cell.z : null };
}

/**
 * Reads the rows of one sheet (the first unless named) of an .xlsx, .xls or .csv file. Rows with
 * nothing in them are dropped, but every row keeps its sheet row number, so a message can say
 * "第 7 行" and the clerk finds row 7 in Excel.
 */
export function readTable(file: TableFile, options: { sheet?: string } = {}): SheetTable {
  const { workbook, format } = readWorkbook(file, options.sheet);
  const sheetName = options.sheet ?? workbook.SheetNames[0];
  if (sheetName === undefined || !workbook.SheetNames.includes(sheetName)) {
    throw new LedgerError(
      'VALIDATION',
      options.sheet === undefined
        ? `文件【${file.fileName}】中没有工作表。`
        : `文件【${file.fileName}】中没有名为【${options.sheet}】的工作表（有：${workbook.SheetNames.join('、')}）。`,
    );
  }
  const worksheet = workbook.Sheets[sheetName];
  const dense = (worksheet?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  return {
    sheetNames: workbook.SheetNames,
    sheet: sheetName,
    format,
    rows: rowsWithin(file, sheetName, dense),
  };
}

/** The sheet's rows that hold something, refused past the limits of spreadsheet-limits.ts. */
function rowsWithin(file: TableFile, sheet: string, dense: (XLSX.CellObject[] | undefined)[]): SheetRow[] {
  const refuse = (what: string) => new LedgerError('VALIDATION', tooLargeMessage(file.fileName, what));
  if (dense.length > spreadsheetLimits.rows) throw refuse(limitTexts.rows(sheet));
  const rows: SheetRow[] = [];
  let filled = 0;
  dense.forEach((denseRow, index) => {
    if (!denseRow) return;
    if (denseRow.length > spreadsheetLimits.columns) throw refuse(limitTexts.columns(sheet, index + 1));
    const cells = Array.from(denseRow, toSheetCell);
    cells.forEach((cell, column) => {
      if (cell === null) return;
      filled += 1;
      if (cell.shown.length > spreadsheetLimits.cellTextLength) {
        throw refuse(limitTexts.cellText(sheet, XLSX.utils.encode_cell({ r: index, c: column })));
      }
    });
    if (filled > spreadsheetLimits.cells) throw refuse(limitTexts.cells(sheet));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.length > 0) rows.push({ rowNumber: index + 1, cells });
  });
  return rows;
}
