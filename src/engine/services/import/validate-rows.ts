import type { EntitySpec } from '../../domain/master-data/field-spec';
import { ImportRow } from './import-row';
import type { ColumnMapping } from './map-columns';
import { normalizeCell } from './normalize-cell';
import type { SheetRow } from './read-table';

/**
 * Reads every data row's mapped cells as their fields' types, and checks the rules every entity
 * shares: a required field needs its column and a value in every row. The entity's own rules
 * follow in its row builder (goods-rows.ts …).
 */
export function readRows(
  spec: EntitySpec,
  dataRows: readonly SheetRow[],
  headers: readonly string[],
  mapping: ColumnMapping,
): ImportRow[] {
  const mappedFields = spec.fields.filter((field) => mapping[field.key] !== null);
  const missingRequired = spec.fields.filter((field) => field.required && mapping[field.key] === null);
  return dataRows.map((sheetRow) => {
    const row = new ImportRow(spec, sheetRow.rowNumber, sheetRow.cells, headers, mapping);
    for (const field of mappedFields) {
      const reading = normalizeCell(field, sheetRow.cells[mapping[field.key]!] ?? null);
      if (!reading.ok) row.setUnreadable(field.key, reading.message);
      else if (reading.value === null && field.required) row.error(field.key, `未填写${field.label}`);
      else row.setRead(field.key, reading.value, reading.shown);
    }
    for (const field of missingRequired) {
      row.error(field.key, `文件中没有【${field.label}】列，请在列对应中指定`);
    }
    return row;
  });
}

/** A value in a row that must be unique across the file, and the field it is in. */
export interface UniqueValue {
  value: string;
  fieldKey: string;
}

/**
 * Marks rows that share a value that must be unique in the file (a code, a barcode), naming the
 * other rows on each, so the clerk sees both ends of the conflict.
 */
export function markDuplicates(
  rows: readonly ImportRow[],
  valuesOf: (row: ImportRow) => readonly UniqueValue[],
  describe: (value: string) => string,
): void {
  const holdersByValue = new Map<string, { row: ImportRow; fieldKey: string }[]>();
  for (const row of rows) {
    for (const { value, fieldKey } of valuesOf(row)) {
      const holders = holdersByValue.get(value);
      if (holders) holders.push({ row, fieldKey });
      else holdersByValue.set(value, [{ row, fieldKey }]);
    }
  }
  for (const [value, holders] of holdersByValue) {
    if (holders.length < 2) continue;
    for (const { row, fieldKey } of holders) {
      const others = holders.filter((other) => other.row !== row).map((other) => other.row.rowNumber);
      row.error(
        fieldKey,
        others.length > 0
          ? `${describe(value)}在第 ${[...new Set(others)].join('、')} 行重复出现`
          : `${describe(value)}在本行出现了两次`,
      );
    }
  }
}
