import { createHash } from 'node:crypto';
import type { LedgerTx } from '../../db/connection';
import { LedgerError } from '../../../shared/ledger-error';
import type { ServiceContext } from '../context';
import { sensitiveFieldOf } from '../access/sensitive-fields';
import type { EntityImporter, PlannedRow } from './entity-importer';
import type { RowProblem } from './import-row';
import { writeImportLog, type LoggedProblem } from './import-log';
import { planImport, type ImportPlan, type ImportRequest, type ReadImportRequest } from './import-plan';
import { importerFor } from './importers';
import { readImportFile } from './read-import-file';
import type { ImportWorkerEntry } from './read-table-off-thread';
import { rememberMapping } from './remembered-mapping';

export interface ImportOutcome {
  status: 'committed' | 'refused';
  created: number;
  updated: number;
  skipped: number;
  errors: RowProblem[];
  logId: number;
  /** The document an import made, when it makes one (opening stock → a draft 期初库存单). */
  document?: { id: number; number: string };
}

/** A row the entity's service refused while writing: everything written so far is rolled back. */
class RowRefused extends Error {
  constructor(
    readonly plan: ImportPlan,
    readonly problem: LoggedProblem,
  ) {
    super(problem.message);
  }
}

function problemsOf(planned: readonly PlannedRow<unknown>[]): LoggedProblem[] {
  return planned.flatMap(({ row }) =>
    row.errors.map((problem) => ({ row: row.rowNumber, ...problem, cells: row.cellTexts() })),
  );
}

/**
 * Where a refusal by the service lands: at the cell of the field it names (a sensitive field refused,
 * sensitive-fields.ts) when the file has that column, else at the row's code column.
 */
function refusedCell(
  importer: EntityImporter<unknown>,
  planned: PlannedRow<unknown>,
  error: LedgerError,
): string {
  const { row } = planned;
  const named = sensitiveFieldOf(error);
  const field = named && (importer.refusedField?.(planned, named.field, named.extra) ?? named.field);
  const known = field && row.spec.fields.some((spec) => spec.key === field) && row.isMapped(field);
  return known ? field : row.spec.fields[0]!.key;
}

/** What the service said about a row, placed at the cell it concerns. */
function serviceProblem(
  importer: EntityImporter<unknown>,
  planned: PlannedRow<unknown>,
  error: LedgerError,
): LoggedProblem {
  const { row } = planned;
  return {
    row: row.rowNumber,
    column: row.column(refusedCell(importer, planned, error)),
    message: error.message,
    cells: row.cellTexts(),
  };
}

function writeLog(
  tx: LedgerTx,
  ctx: ServiceContext,
  request: ImportRequest,
  plan: ImportPlan,
  result: { status: 'committed' | 'refused'; created: number; updated: number; skipped: number },
  errors: LoggedProblem[],
): ImportOutcome {
  rememberMapping(tx, ctx, { sourceKey: plan.sourceKey, entity: request.entity, mapping: plan.mapping });
  const logId = writeImportLog(tx, ctx, {
    entity: request.entity,
    fileName: request.fileName,
    fileSha256: plan.fileSha256,
    options: {
      ...request.options,
      sheet: plan.sheet,
      headerRowNumber: plan.headerRowNumber,
      headers: plan.headers,
      mapping: plan.mapping,
    },
    ...result,
    errors,
  });
  return { ...result, errors: errors.map(({ row, column, message }) => ({ row, column, message })), logId };
}

/**
 * Commits an import in one transaction: all rows or none (the default), or with `validOnly` the
 * valid rows while the others are reported. Rows write through their entity's service, so the
 * same rules hold as in the form. Every commit, refused or not, leaves an import log row.
 */
export function commitImport(ctx: ServiceContext, request: ReadImportRequest): ImportOutcome {
  const importer = importerFor(request.entity);
  const write = importer.write;
  if (!write && !importer.writeAll)
    throw new LedgerError('VALIDATION', importer.notCommittedHere ?? '此类资料不能在这里导入。');
  const { validOnly } = request.options;
  const source = { fileName: request.fileName };
  try {
    return ctx.db.transaction((tx) => {
      const plan = planImport(tx, ctx, request);
      const errors = [
        ...plan.fileProblems.map((problem) => ({ ...problem, cells: [] })),
        ...problemsOf(plan.planned),
      ];
      const counts = { created: 0, updated: 0, skipped: 0 };
      if (plan.fileProblems.length > 0 || (errors.length > 0 && !validOnly))
        return writeLog(tx, ctx, request, plan, { status: 'refused', ...counts }, errors);

      if (importer.writeAll) {
        const valid = plan.planned.filter((planned) => planned.action === 'create');
        if (valid.length === 0)
          return writeLog(tx, ctx, request, plan, { status: 'refused', ...counts }, errors);
        const made = importer.writeAll(tx, ctx, valid, source);
        const outcome = writeLog(
          tx,
          ctx,
          request,
          plan,
          { status: 'committed', ...counts, created: made.created },
          errors,
        );
        return { ...outcome, document: made.document };
      }
      for (const planned of importer.commitOrder?.(plan.planned) ?? plan.planned) {
        if (planned.action === 'skip') counts.skipped += 1;
        if (planned.action !== 'create' && planned.action !== 'update') continue;
        try {
          // With validOnly a row the service refuses is rolled back alone (a savepoint) and reported.
          if (validOnly) tx.transaction((rowTx) => write!(rowTx, ctx, planned, request.options, source));
          else write!(tx, ctx, planned, request.options, source);
        } catch (error) {
          if (!(error instanceof LedgerError)) throw error;
          if (!validOnly) throw new RowRefused(plan, serviceProblem(importer, planned, error));
          errors.push(serviceProblem(importer, planned, error));
          continue;
        }
        if (planned.action === 'create') counts.created += 1;
        else counts.updated += 1;
      }
      errors.sort((a, b) => a.row - b.row);
      return writeLog(tx, ctx, request, plan, { status: 'committed', ...counts }, errors);
    });
  } catch (error) {
    if (error instanceof RowRefused) {
      // Everything the rows wrote is rolled back; the refusal itself is logged on its own.
      return ctx.db.transaction((tx) =>
        writeLog(tx, ctx, request, error.plan, { status: 'refused', created: 0, updated: 0, skipped: 0 }, [
          error.problem,
        ]),
      );
    }
    // The file itself could not be read (not a spreadsheet, no such sheet, an impossible mapping):
    // logged as refused too, then said to the caller.
    if (error instanceof LedgerError) logUnreadableFile(ctx, request, error);
    throw error;
  }
}

/**
 * Reads the file off the engine's thread, then commits it; a file that cannot be read (not a
 * spreadsheet, too large, no such sheet) is logged as refused, like one refused while planning.
 */
export async function commitImportFile(
  ctx: ServiceContext,
  request: ImportRequest,
  worker: ImportWorkerEntry,
): Promise<ImportOutcome> {
  let read: ReadImportRequest;
  try {
    read = await readImportFile(worker, request);
  } catch (error) {
    if (error instanceof LedgerError) logUnreadableFile(ctx, request, error);
    throw error;
  }
  return commitImport(ctx, read);
}

function logUnreadableFile(ctx: ServiceContext, request: ImportRequest, error: LedgerError): void {
  ctx.db.transaction((tx) =>
    writeImportLog(tx, ctx, {
      entity: request.entity,
      fileName: request.fileName,
      fileSha256: createHash('sha256').update(request.content).digest('hex'),
      options: {
        ...request.options,
        sheet: request.sheet ?? '',
        headerRowNumber: 0,
        headers: [],
        mapping: request.mapping ?? {},
      },
      status: 'refused',
      created: 0,
      updated: 0,
      skipped: 0,
      errors: [{ row: 0, column: '', message: error.message, cells: [] }],
    }),
  );
}
