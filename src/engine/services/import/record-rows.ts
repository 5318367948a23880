import { isNull, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { LedgerTx } from '../../db/connection';
import type { PlannedRow } from './entity-importer';
import type { ImportOptions } from './import-options';
import type { ImportRow } from './import-row';
import { markDuplicates } from './validate-rows';

/** What every master-data importer shares: codes, lengths, existing records and the row's action. */

/** A text cell longer than the form allows is refused at its cell (api/schemas: the same limits). */
export function checkLength(row: ImportRow, key: string, max: number): void {
  const text = row.text(key);
  if (text !== null && [...text].length > max) row.error(key, `${row.field(key).label}不能超过 ${max} 个字`);
}

/** A code: no spaces inside, and no longer than the form allows. */
export function checkCode(row: ImportRow, key: string, max: number): void {
  const code = row.text(key);
  if (code === null) return;
  if (/\s/.test(code)) row.error(key, `${row.field(key).label}不能含空格`);
  if (code.length > max) row.error(key, `${row.field(key).label}不能超过 ${max} 位`);
}

/** The same code twice in one file: which row should win is not the importer's guess. */
export function refuseDuplicateCodes(rows: readonly ImportRow[], key = 'code'): void {
  markDuplicates(
    rows,
    (row) => {
      const code = row.text(key);
      return code === null ? [] : [{ value: code, fieldKey: key }];
    },
    (code) => `编码 ${code} `,
  );
}

export interface ExistingRecord {
  id: number;
  inRecycleBin: boolean;
  /** The version the plan read: its update is refused if someone saves the record before it is written. */
  version: number;
}

/** Every record of a table by code, those in the recycle bin included (they keep their code). */
export function existingByCode(
  tx: LedgerTx,
  table: SQLiteTable,
  columns: { id: SQLiteColumn; code: SQLiteColumn; deletedAt: SQLiteColumn; version: SQLiteColumn },
): Map<string, ExistingRecord> {
  const rows = tx
    .select({ id: columns.id, code: columns.code, deletedAt: columns.deletedAt, version: columns.version })
    .from(table)
    .all() as { id: number; code: string; deletedAt: string | null; version: number }[];
  return new Map(
    rows.map((row) => [row.code, { id: row.id, inRecycleBin: row.deletedAt !== null, version: row.version }]),
  );
}

/** Live records' ids by name, for files that refer to records by name (办事处, 仓库). */
export function liveIdsByName(
  tx: LedgerTx,
  table: SQLiteTable,
  columns: { id: SQLiteColumn; name: SQLiteColumn; deletedAt: SQLiteColumn },
  where?: SQL,
): Map<string, number[]> {
  const rows = tx
    .select({ id: columns.id, name: columns.name })
    .from(table)
    .where(where ?? isNull(columns.deletedAt))
    .all() as { id: number; name: string }[];
  const byName = new Map<string, number[]>();
  for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row.id]);
  return byName;
}

/**
 * The live record a row's code names, or null for a new one; a code held in the recycle bin is
 * refused at the cell, since writing would collide with it.
 */
export function existingFor(
  row: ImportRow,
  existing: ReadonlyMap<string, ExistingRecord>,
  entityLabel: string,
  key = 'code',
): ExistingRecord | null {
  const code = row.text(key);
  const found = code === null ? undefined : existing.get(code);
  if (!found) return null;
  if (found.inRecycleBin) {
    row.error(key, `${entityLabel}编码 ${code} 已被回收站中的${entityLabel}占用，请先恢复或彻底删除它`);
    return null;
  }
  return found;
}

/** The note on a row left alone because it exists and the clerk chose to skip existing records. */
export const skippedExisting = '已存在，按选项跳过';

/**
 * What to do with a checked row: an error stops it; a new code is created; an existing one is
 * updated, unless the clerk chose to skip existing records or the file changes nothing in it —
 * a second import of the same file writes nothing and leaves no audit rows.
 */
export function decideAction<Write>(
  row: ImportRow,
  existing: ExistingRecord | null,
  options: ImportOptions,
  write: Write,
  unchanged: () => boolean,
): PlannedRow<Write> {
  const existingId = existing?.id ?? null;
  if (row.hasErrors) return { row, action: 'error', existingId, write: null };
  if (existing === null) return { row, action: 'create', existingId, write };
  if (options.existing === 'skip')
    return { row, action: 'skip', note: skippedExisting, existingId, write: null };
  if (unchanged()) return { row, action: 'skip', note: '与现有记录相同，无需更新', existingId, write: null };
  return { row, action: 'update', existingId, openedVersion: existing.version, write };
}

/** Serializes for "did anything change": JSON with keys in a fixed order, so equal values compare equal. */
export function sameRecord(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Rows in an order where a parent named by code in the same file is written before its children,
 * whether it stands above or below them in the file (a channel tree, an office tree).
 */
export function parentsFirst<Write>(
  planned: readonly PlannedRow<Write>[],
  codeOf: (row: PlannedRow<Write>) => string | null,
  parentCodeOf: (row: PlannedRow<Write>) => string | null,
): PlannedRow<Write>[] {
  const byCode = new Map(planned.map((row) => [codeOf(row), row]));
  const ordered: PlannedRow<Write>[] = [];
  const placed = new Set<PlannedRow<Write>>();
  const place = (row: PlannedRow<Write>, trail: Set<PlannedRow<Write>>) => {
    if (placed.has(row) || trail.has(row)) return;
    trail.add(row);
    const parentCode = parentCodeOf(row);
    const parent = parentCode === null ? undefined : byCode.get(parentCode);
    if (parent) place(parent, trail);
    placed.add(row);
    ordered.push(row);
  };
  for (const row of planned) place(row, new Set());
  return ordered;
}
