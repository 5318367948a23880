import type { EntitySpec } from '../../domain/master-data/field-spec';
import { namesAField } from './map-columns';
import type { SheetRow } from './read-table';

/** Head office's files put a title, a date or blank rows above the header; never this many. */
const rowsSearchedForHeader = 20;

export interface HeaderRow {
  /** Index in the table's rows: the header's last row, the data start below it. */
  index: number;
  /** The row number the header is named by: its first row. */
  rowNumber: number;
  /** Each column's header as written in the file, trimmed ("" for an empty header cell). */
  headers: string[];
}

const texts = (row: SheetRow) => row.cells.map((cell) => cell?.shown.trim() ?? '');
const score = (spec: EntitySpec, headers: readonly string[]) =>
  headers.filter((header) => header !== '' && namesAField(spec, header)).length;

/**
 * A header of two rows, as offices draw them: a group merged across its columns above (库存 over 期初 / 进货 /
 * 实地 / 在途), the columns below, and a cell merged down the two rows where a column has no group (客户编码).
 * A merged cell's text is in its first cell only, so the group runs on to the right while the row above is
 * empty and the row below is not. Each column is named by its lower cell, joined to its group where that
 * is what names a field (期初 + 库存 = 期初库存), or by the upper cell where the lower is empty.
 */
function twoRowHeaders(spec: EntitySpec, upper: readonly string[], lower: readonly string[]): string[] {
  const width = Math.max(upper.length, lower.length);
  const headers: string[] = [];
  let group = '';
  for (let column = 0; column < width; column += 1) {
    const above = upper[column] ?? '';
    const below = lower[column] ?? '';
    if (above !== '') group = above;
    else if (below === '') group = '';
    if (below === '') headers.push(above);
    else if (namesAField(spec, below)) headers.push(below);
    else {
      const joined = [`${below}${group}`, `${group}${below}`].find((name) => namesAField(spec, name));
      headers.push(joined ?? below);
    }
  }
  return headers;
}

/**
 * The header row: of the first rows with content, the one where most cells name one of the entity's
 * fields (a merged title row names none), or a two-row header that names more. The first such row among
 * equals; the first row when none names anything, so the clerk can still map the columns by hand.
 */
export function findHeaderRow(spec: EntitySpec, rows: readonly SheetRow[]): HeaderRow | null {
  const searched = rows.slice(0, rowsSearchedForHeader);
  if (searched.length === 0) return null;
  let best: HeaderRow | null = null;
  let bestScore = -1;
  searched.forEach((row, candidate) => {
    const single = texts(row);
    if (score(spec, single) > bestScore) {
      best = { index: candidate, rowNumber: row.rowNumber, headers: single };
      bestScore = score(spec, single);
    }
    const next = rows[candidate + 1];
    if (next && next.rowNumber === row.rowNumber + 1) {
      // Two rows only where the row above adds names: a title over a whole header adds none.
      const double = twoRowHeaders(spec, single, texts(next));
      if (score(spec, double) > Math.max(bestScore, score(spec, texts(next)))) {
        best = { index: candidate + 1, rowNumber: row.rowNumber, headers: double };
        bestScore = score(spec, double);
      }
    }
  });
  return best;
}
