import type { LedgerTx } from '../../db/connection';
import type { EntitySpec } from '../../domain/master-data/field-spec';
import type { ServiceContext } from '../context';
import type { ImportOptions } from './import-options';
import type { ImportRow } from './import-row';

/** The file rows come from, for audit rows that say where a record was imported from. */
export interface ImportSource {
  fileName: string;
}

export type RowAction = 'create' | 'update' | 'skip' | 'error';

/** What the import will do with one row, and the service input it will write. */
export interface PlannedRow<Write> {
  row: ImportRow;
  action: RowAction;
  /** Why a row is skipped: it exists and the option says skip, or the file changes nothing in it. */
  note?: string;
  existingId: number | null;
  /**
   * For an update, the version of the record the plan read; its write passes it to the service, so a
   * save by someone else between the plan and the row's batch is refused rather than overwritten.
   */
  openedVersion?: number;
  write: Write | null;
  /** Values worked out from the row for the preview (an opening-stock row's base quantity, value …). */
  derived?: Record<string, string>;
}

/**
 * How one entity is imported: its rows checked against its rules and the database, and written
 * through the entity's own service so that the form and the import apply the same rules.
 */
export interface EntityImporter<Write> {
  spec: EntitySpec;
  /**
   * Plans every row, in the file's order (the rows already carry their cell problems). Runs inside the commit's
   * transaction too, so what it checks still holds when the rows are written.
   */
  plan(
    tx: LedgerTx,
    ctx: ServiceContext,
    rows: readonly ImportRow[],
    options: ImportOptions,
  ): PlannedRow<Write>[];
  /**
   * Writes one planned create or update. Absent for what is only parsed here (opening stock is
   * posted by its own document).
   */
  write?: (
    tx: LedgerTx,
    ctx: ServiceContext,
    planned: PlannedRow<Write>,
    options: ImportOptions,
    source: ImportSource,
  ) => void;
  /**
   * Writes all valid rows at once, for what becomes one record rather than one per row (the opening
   * stock sheet becomes one opening-balance document; a signing table, a draft contract per customer).
   * Returns what the clerk is told was made.
   */
  writeAll?: (
    tx: LedgerTx,
    ctx: ServiceContext,
    planned: readonly PlannedRow<Write>[],
    source: ImportSource,
  ) => { created: number; document?: { id: number; number: string } };
  /** A file imported whole or not at all, whatever the wizard's 只导入正确的行 says (a signing table). */
  allOrNothing?: boolean;
  /** The order rows are written in, when it is not the file's (a parent customer before its children). */
  commitOrder?: (planned: readonly PlannedRow<Write>[]) => PlannedRow<Write>[];
  /**
   * The field (of the spec) whose cell a refusal by the entity's service concerns, when the service names
   * its own field in other words than the file's columns (a goods unit's lowest price). Without it, a
   * refusal naming a field of the spec lands on that field's cell, any other on the code's.
   */
  refusedField?: (
    planned: PlannedRow<Write>,
    field: string,
    details: Record<string, unknown>,
  ) => string | null;
  /** Why `write` is absent, for the refusal. */
  notCommittedHere?: string;
}
