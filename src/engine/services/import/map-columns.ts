import type { EntitySpec, FieldSpec } from '../../domain/master-data/field-spec';
import { LedgerError } from '../../../shared/ledger-error';
import { normalizeHeader, withoutBracketedSuffix } from './header-text';

/** Which column of the file (0-based) holds each field; null: the file has no such column. */
export type ColumnMapping = Record<string, number | null>;

/**
 * How well a header names a field, best first: its label, one of its synonyms, then the same two
 * with a bracketed unit dropped on both sides ("数量(箱)" is 数量, "信用额度" is 信用额度(元)).
 */
function matchRank(header: string, field: FieldSpec): number | null {
  if (!header) return null;
  const label = normalizeHeader(field.label);
  const synonyms = (field.synonyms ?? []).map(normalizeHeader);
  if (header === label) return 0;
  if (synonyms.includes(header)) return 1;
  const bare = withoutBracketedSuffix(header);
  if (!bare) return null;
  if (bare === withoutBracketedSuffix(label)) return 2;
  if (synonyms.some((synonym) => withoutBracketedSuffix(synonym) === bare)) return 3;
  return null;
}

/** Whether a header names any of the entity's fields: how the header row is recognised. */
export function namesAField(spec: EntitySpec, header: string): boolean {
  const normalized = normalizeHeader(header);
  return spec.fields.some((field) => matchRank(normalized, field) !== null);
}

/**
 * Maps headers to fields by name. Best matches are taken first, so "进货价(元/大单位)" goes to the
 * 大单位进价 it names exactly rather than to 进价 by its bare word; a header is never given to two
 * fields, nor a field two headers (the leftmost wins among equals).
 */
export function mapColumnsAutomatically(spec: EntitySpec, headers: readonly string[]): ColumnMapping {
  const candidates: { column: number; fieldIndex: number; rank: number }[] = [];
  headers.forEach((header, column) => {
    const normalized = normalizeHeader(header);
    spec.fields.forEach((field, fieldIndex) => {
      const rank = matchRank(normalized, field);
      if (rank !== null) candidates.push({ column, fieldIndex, rank });
    });
  });
  candidates.sort((a, b) => a.rank - b.rank || a.column - b.column || a.fieldIndex - b.fieldIndex);

  const mapping = emptyMapping(spec);
  const takenColumns = new Set<number>();
  for (const { column, fieldIndex } of candidates) {
    const key = spec.fields[fieldIndex]!.key;
    if (mapping[key] !== null || takenColumns.has(column)) continue;
    mapping[key] = column;
    takenColumns.add(column);
  }
  return mapping;
}

export function emptyMapping(spec: EntitySpec): ColumnMapping {
  return Object.fromEntries(spec.fields.map((field) => [field.key, null]));
}

/** What is wrong with a mapping for this file's columns, or null: unknown fields, missing columns, a column used twice. */
function mappingProblem(spec: EntitySpec, headers: readonly string[], given: ColumnMapping): string | null {
  const usedBy = new Map<number, string>();
  for (const [key, column] of Object.entries(given)) {
    const field = spec.fields.find((candidate) => candidate.key === key);
    if (!field) return `${spec.label}没有【${key}】这一项，无法对应。`;
    if (column === null) continue;
    if (!Number.isInteger(column) || column < 0 || column >= headers.length) {
      return `【${field.label}】对应的第 ${column + 1} 列在文件中不存在。`;
    }
    const other = usedBy.get(column);
    if (other !== undefined) {
      return `文件的【${headers[column] || `第 ${column + 1} 列`}】同时对应了【${other}】和【${field.label}】，一列只能对应一项。`;
    }
    usedBy.set(column, field.label);
  }
  return null;
}

/**
 * A mapping the clerk edited, checked against this file and completed: fields it does not name
 * are not imported.
 */
export function checkMapping(
  spec: EntitySpec,
  headers: readonly string[],
  given: ColumnMapping,
): ColumnMapping {
  const problem = mappingProblem(spec, headers, given);
  if (problem) throw new LedgerError('VALIDATION', problem);
  return { ...emptyMapping(spec), ...given };
}

/** Whether a mapping remembered for an earlier file still fits this file's columns. */
export function mappingFits(spec: EntitySpec, headers: readonly string[], mapping: ColumnMapping): boolean {
  return mappingProblem(spec, headers, mapping) === null;
}
