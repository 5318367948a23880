import { readOnly } from '../../db/connection';
import type { ServiceContext } from '../context';
import type { PlannedRow } from './entity-importer';
import type { CellProblem } from './import-row';
import { planImport, type ReadImportRequest } from './import-plan';

export interface PreviewRow {
  /** The sheet row number, as Excel shows it. */
  row: number;
  action: PlannedRow<unknown>['action'];
  note?: string;
  /** Each mapped field's value as read and normalized, as display text; plus derived values. */
  values: Record<string, string>;
  errors: CellProblem[];
  warnings: CellProblem[];
}

function previewRow(planned: PlannedRow<unknown>): PreviewRow {
  const { row } = planned;
  return {
    row: row.rowNumber,
    action: planned.action,
    ...(planned.note ? { note: planned.note } : {}),
    values: { ...row.shown, ...planned.derived },
    errors: row.errors,
    warnings: row.warnings,
  };
}

/**
 * What the import would do, row by row, without writing anything: the wizard's preview grid with
 * each error and warning at its row and column.
 */
export function previewImport(ctx: ServiceContext, request: ReadImportRequest) {
  // A transaction only for a consistent read: the plan sees one state of the database.
  const plan = ctx.db.transaction((tx) => planImport(tx, ctx, request), readOnly);
  const rows = plan.planned.map(previewRow);
  const count = (action: PreviewRow['action']) => rows.filter((row) => row.action === action).length;
  return {
    entity: request.entity,
    fileName: request.fileName,
    sheetNames: plan.sheetNames,
    sheet: plan.sheet,
    format: plan.format,
    headerRowNumber: plan.headerRowNumber,
    headers: plan.headers,
    mapping: plan.mapping,
    mappingSource: plan.mappingSource,
    unmappedRequired: plan.unmappedRequired,
    fileErrors: plan.fileProblems,
    mappingWarnings: plan.mappingWarnings,
    rows,
    counts: {
      total: rows.length,
      valid: rows.length - count('error'),
      errors: count('error'),
      create: count('create'),
      update: count('update'),
      skip: count('skip'),
    },
  };
}

export type ImportPreview = ReturnType<typeof previewImport>;
