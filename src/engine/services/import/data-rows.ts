import type { SheetCell, SheetRow } from './read-table';

/** How a remark row under a table begins: 注：…, 备注, 说明, 合计 / 小计 / 总计. */
const noteStart = /^\s*(注|备注|说明|合计|小计|总计|制表|审核)/;

function filledCells(row: SheetRow): SheetCell[] {
  return row.cells.filter((cell): cell is SheetCell => cell !== null);
}

/** A row that is a remark, not data: its only content is text beginning as a note does. */
function isNoteRow(row: SheetRow): boolean {
  const filled = filledCells(row);
  return filled.length === 1 && typeof filled[0]!.value === 'string' && noteStart.test(filled[0]!.value);
}

/**
 * A row below the data holding text in column A only, where the data fills many columns: a
 * footnote ("以上价格自 10 月 1 日起执行") rather than a record with one column filled.
 */
function isFootnote(row: SheetRow, columnCount: number): boolean {
  const filled = filledCells(row);
  return (
    columnCount >= 3 &&
    filled.length === 1 &&
    row.cells[0] !== null &&
    typeof row.cells[0]!.value === 'string'
  );
}

/**
 * The data rows under the header: blank rows are already gone (read-table.ts); remark rows are
 * skipped wherever they are, and column-A-only rows when nothing but such rows follows them.
 */
export function dataRowsBelow(
  rows: readonly SheetRow[],
  headerIndex: number,
  columnCount: number,
): SheetRow[] {
  const body = rows.slice(headerIndex + 1).filter((row) => !isNoteRow(row));
  let end = body.length;
  while (end > 0 && isFootnote(body[end - 1]!, columnCount)) end -= 1;
  return body.slice(0, end);
}
