import type { WorkSheet } from '@e965/xlsx';
import { guardFormula } from '../../../shared/text/formula-guard';

/** A cell as the table shows it: text, or a number with the Excel format it is shown in. */
export type ExportCell = string | { number: number; format: string } | null;

export interface ExportColumn<Row> {
  header: string;
  /** In characters, as Excel counts column width. */
  width: number;
  cell(row: Row): ExportCell;
}

/** Excel's text format: a code or a month typed over in Excel stays text ("00123", "2026-10"). */
const textFormat = '@';

/**
 * An .xlsx of exactly the rows and columns a table shows: a header row, text as text cells (guarded as
 * the branch app's exports are, formula-guard.ts), figures as numbers with their format. SheetJS is
 * loaded on the first export only: the pages do not need it to open.
 */
export async function downloadTableWorkbook<Row>(options: {
  fileName: string;
  sheetName: string;
  columns: readonly ExportColumn<Row>[];
  rows: readonly Row[];
  /** The 合计 row, written last with its label in the first column, as the table shows it. */
  total?: { row: Row; label: string };
}): Promise<void> {
  const XLSX = await import('@e965/xlsx');
  const sheet: WorkSheet = {};
  const put = (r: number, c: number, cell: ExportCell) => {
    if (cell === null || cell === '') return;
    sheet[XLSX.utils.encode_cell({ r, c })] =
      typeof cell === 'string'
        ? { t: 's', v: guardFormula(cell), z: textFormat }
        : { t: 'n', v: cell.number, z: cell.format };
  };
  options.columns.forEach((column, c) => put(0, c, column.header));
  options.rows.forEach((row, r) => options.columns.forEach((column, c) => put(r + 1, c, column.cell(row))));
  const { total } = options;
  if (total) {
    const r = options.rows.length + 1;
    options.columns.forEach((column, c) => put(r, c, c === 0 ? total.label : column.cell(total.row)));
  }
  sheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: options.rows.length + (total ? 1 : 0), c: Math.max(options.columns.length - 1, 0) },
  });
  sheet['!cols'] = options.columns.map((column) => ({ wch: column.width }));
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, options.sheetName);
  const bytes = XLSX.write(workbook, {
    type: 'array',
    bookType: 'xlsx',
    bookSST: true,
    compression: true,
  }) as ArrayBuffer;
  const url = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = options.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once the browser has taken it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
