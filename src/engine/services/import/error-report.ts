import type { LedgerDb } from '../../db/connection';
import { writeWorkbook } from '../export/workbook';
import { readImportLog } from './import-log';

export const errorColumnHeader = '错误';

/**
 * 错误报告: the rows an import refused, as they were in the file, with an 错误 column saying
 * which column is wrong and why. The clerk fixes the rows in it and imports it again: it has the
 * file's own header row, so it maps as the original did.
 */
export function importErrorReport(db: LedgerDb, logId: number): { fileName: string; content: Buffer } {
  const log = readImportLog(db, logId);
  const headers = log.options.headers ?? [];
  const byRow = new Map<number, { cells: string[]; messages: string[] }>();
  for (const problem of log.errors) {
    const entry = byRow.get(problem.row) ?? { cells: problem.cells ?? [], messages: [] };
    entry.messages.push(problem.column ? `【${problem.column}】${problem.message}` : problem.message);
    byRow.set(problem.row, entry);
  }
  const width = Math.max(headers.length, ...[...byRow.values()].map((entry) => entry.cells.length));
  const rows = [...byRow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rowNumber, entry]) => [
      ...Array.from({ length: width }, (_, index) => entry.cells[index] || null),
      // Row 0 is the file as a whole (it could not be read): no row to name.
      rowNumber > 0 ? `第 ${rowNumber} 行：${entry.messages.join('；')}` : entry.messages.join('；'),
    ]);
  const content = writeWorkbook([
    {
      name: '导入错误',
      columns: [
        ...Array.from({ length: width }, (_, index) => ({ header: headers[index] ?? '', width: 14 })),
        { header: errorColumnHeader, width: 60 },
      ],
      rows,
      freezeHeader: true,
    },
  ]);
  const baseName = log.fileName.replace(/\.[^.]+$/, '');
  return { fileName: `${baseName}-导入错误.xlsx`, content };
}
