/**
 * How much of a spreadsheet the import will read. A crafted file can be small on disk and huge once
 * read (a 300 KB .xlsx holding one 300 MB shared string), so these are checked before SheetJS parses,
 * and the parse itself runs in a worker with a memory cap (read-table-off-thread.ts).
 *
 * Sized from real files with a wide margin: a head-office goods catalog of 20,000 goods with 12 columns
 * is about 10 MB unpacked, 240,000 cells, and SheetJS needs about 125 MB of heap to read it; 200,000
 * such rows (98 MB unpacked) need about 670 MB.
 */
export const spreadsheetLimits = {
  /** All parts of an .xlsx together, unpacked: ten times the largest catalog seen. */
  unpackedBytes: 96 * 1024 * 1024,
  /** One part (a sheet, sharedStrings.xml) unpacked. */
  entryBytes: 64 * 1024 * 1024,
  /** Parts in one .xlsx: Excel writes a few dozen; a million tiny parts is an attack on the reader. */
  entries: 10_000,
  /** An .xls or .csv is read as it is (no compression), so its own size bounds the work. */
  plainFileBytes: 32 * 1024 * 1024,
  /** Rows of one sheet: ten times a 20,000-goods catalog. */
  rows: 200_000,
  /** Columns of one row: a goods sheet has about 30; Excel's own limit is 16,384. */
  columns: 10_000,
  /** Cells of one sheet that hold something: a 200,000-row sheet of 10 columns. */
  cells: 2_000_000,
  /** Characters in one cell: Excel's own limit, so no file Excel wrote has more. */
  cellTextLength: 32_767,
  /** Heap of the worker that parses: above what a file within the limits needs (about 700 MB). */
  workerHeapMb: 1024,
} as const;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The refusal every limit ends in: what was too big, and the limit, so the clerk can split the file. */
export function tooLargeMessage(fileName: string, what: string): string {
  return `文件【${fileName}】过大或已损坏：${what}。请删去不需要的工作表和行列，或分成几个文件后再导入。`;
}

export const limitTexts = {
  unpacked: () => `解压后超过 ${megabytes(spreadsheetLimits.unpackedBytes)}`,
  entry: (entry: string) => `其中的【${entry}】解压后超过 ${megabytes(spreadsheetLimits.entryBytes)}`,
  entries: () => `包含超过 ${spreadsheetLimits.entries} 个部件`,
  plainFile: () => `超过 ${megabytes(spreadsheetLimits.plainFileBytes)}`,
  rows: (sheet: string) => `工作表【${sheet}】超过 ${spreadsheetLimits.rows} 行`,
  columns: (sheet: string, row: number) =>
    `工作表【${sheet}】第 ${row} 行超过 ${spreadsheetLimits.columns} 列`,
  cells: (sheet: string) => `工作表【${sheet}】超过 ${spreadsheetLimits.cells} 个有内容的单元格`,
  cellText: (sheet: string, cell: string) =>
    `工作表【${sheet}】单元格 ${cell} 超过 ${spreadsheetLimits.cellTextLength} 个字符（Excel 单元格的上限）`,
  memory: () => `读取时所需内存超过 ${spreadsheetLimits.workerHeapMb} MB`,
};
