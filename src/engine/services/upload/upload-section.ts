import type Database from 'better-sqlite3';
import type { PackagePeriod, SectionName } from '../../../shared/upload/package-format';
import type { BranchProfileView } from '../branch/branch-profile';

/**
 * A section of an upload package (UPLOAD.md "Packages"): a small registered unit, so that contracts and
 * channel reports add theirs without touching the builder. Three shapes:
 * - `identity`: records head office keeps by uid (master data, month closes). The builder sends those
 *   whose uploaded form changed since the last package, and a `{ uid, removed: true }` row for those gone.
 * - `period`: figures of one period, which replace at head office what the branch sent for it before.
 * - `changes`: rows for the change-log entries the package carries (completed documents).
 */
export interface SectionReading {
  sqlite: Database.Database;
  profile: BranchProfileView;
  uids: UidLookup;
}

export type UploadRow = Record<
  string,
  string | number | boolean | null | unknown[] | Record<string, unknown>
>;

export interface IdentitySection {
  shape: 'identity';
  name: SectionName;
  /**
   * The tables its records are read from (counted in upload_table_versions): when none has changed since
   * the last package, the section is not read at all. Omitted: read at every build (the branch profile).
   */
  tables?: readonly string[];
  /** Every record as head office receives it, with its uid. */
  records(reading: SectionReading): Iterable<{ uid: string } & UploadRow>;
}

/**
 * Where a period section writes its rows: as objects, or as the lines SQLite made of them, in UTF-8 —
 * each the open part's `linePrefix`, the row's JSON and `}` and a newline (package-format.ts) — with how many and
 * the sums of the section's totalled fields over them (`sectionSpecs`), in that order.
 */
export interface RowSink {
  row(row: UploadRow): void;
  readonly linePrefix: string;
  lines(bytes: Buffer, rows: number, totals: readonly bigint[]): void;
}

export interface PeriodSection {
  shape: 'period';
  name: SectionName;
  write(reading: SectionReading, period: PackagePeriod, out: RowSink): void;
}

export interface ChangeEntry {
  id: number;
  entity: string;
  entityUid: string;
  operation: 'insert' | 'update' | 'delete';
  payload: Record<string, unknown>;
}

export interface ChangesSection {
  shape: 'changes';
  name: SectionName;
  /** Sent only when the branch's upload setting asks for it (completed documents with lines). */
  setting: 'sendDocuments';
  /**
   * Its rows, each read with statements finished before it is yielded (no `iterate` open across a
   * yield): the build stores what it has compressed between rows.
   */
  rows(reading: SectionReading, changes: readonly ChangeEntry[]): Iterable<{ uid: string } & UploadRow>;
}

export type UploadSection = IdentitySection | PeriodSection | ChangesSection;

/** The uids head office knows records by, from the integer keys rows hold. */
export interface UidLookup {
  goods(id: number): string;
  warehouse(id: number): string;
  counterparty(id: number | null): string | null;
  category(id: number | null): string | null;
}

function lookupOf(sqlite: Database.Database, table: string): Map<number, string> {
  const rows = sqlite.prepare(`SELECT id, uid FROM ${table}`).raw(true).all() as [number, string][];
  return new Map(rows);
}

/** Each map is read on first use: a build whose identity sections are skipped may need none of them. */
export function uidLookup(sqlite: Database.Database): UidLookup {
  const maps = new Map<string, Map<number, string>>();
  const uidIn = (table: string, id: number) => {
    let map = maps.get(table);
    if (!map) maps.set(table, (map = lookupOf(sqlite, table)));
    return map.get(id)!;
  };
  return {
    goods: (id) => uidIn('goods', id),
    warehouse: (id) => uidIn('warehouses', id),
    counterparty: (id) => (id === null ? null : uidIn('counterparties', id)),
    category: (id) => (id === null ? null : uidIn('goods_categories', id)),
  };
}
