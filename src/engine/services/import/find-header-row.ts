import type { EntitySpec } from '../../domain/master-data/field-spec';
import { namesAField } from './map-columns';
import type { SheetRow } from './read-table';

/** Head office's files put a title, a date or blank rows above the header; never this many. */
const rowsSearchedForHeader = 20;

export interface HeaderRow {
  /** Index in the table's rows. */
  index: number;
  rowNumber: number;
  /** Each column's header as written in the file, trimmed ("" for an empty header cell). */
  headers: string[];
}

/**
 * The header row: of the first rows with content, the one where most cells name one of the
 * entity's fields (a merged title row names none). The first such row among equals; the first row
 * when none names anything, so the clerk can still map the columns by hand.
 */
export function findHeaderRow(spec: EntitySpec, rows: readonly SheetRow[]): HeaderRow | null {
  const searched = rows.slice(0, rowsSearchedForHeader);
  if (searched.length === 0) return null;
  let index = 0;
  let bestScore = -1;
  searched.forEach((row, candidate) => {
    const score = row.cells.filter((cell) => cell !== null && namesAField(spec, cell.shown)).length;
    if (score > bestScore) {
      index = candidate;
      bestScore = score;
    }
  });
  const row = rows[index]!;
  return {
    index,
    rowNumber: row.rowNumber,
    headers: row.cells.map((cell) => cell?.shown.trim() ?? ''),
  };
}
