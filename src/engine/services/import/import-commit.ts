import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { readOnly, type LedgerTx } from '../../db/connection';
import { LedgerError } from '../../../shared/ledger-error';
import type { ServiceContext } from '../context';
import { sensitiveFieldOf } from '../access/sensitive-fields';
import type { EntityImporter, PlannedRow } from './entity-importer';
import type { RowProblem } from './import-row';
import { writeImportLog, type LoggedProblem } from './import-log';
import { planImport, type ImportPlan, type ImportRequest, type ReadImportRequest } from './import-plan';
import { importerFor } from './importers';
import {
  defaultImportPacing,
  forgetFinishedJournals,
  markCommitted,
  startRun,
  undoAbandonedRuns,
  undoRun,
  RunGone,
  liveRunsEnd,
  writeBatch,
  type ImportPacing,
} from './import-runs';
import { keptRecordNames, type KeptRow } from './import-undo';
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

/** A row the entity's service refused while writing a batch: that batch is rolled back, and the run undone. */
class BatchRefused extends Error {
  constructor(readonly problem: LoggedProblem) {
    super(problem.message);
  }
}

/**
 * Commits an import: all rows or none (the default), or with `validOnly` the valid rows while the
 * others are reported. Rows write through their entity's service, so the same rules hold as in the
 * form. Every commit, refused or not, leaves an import log row.
 *
 * The rows are planned on one read of the database (no write lock), then written in bounded batches
 * (import-runs.ts), so a long import never holds other writers off for more than a batch. All or
 * nothing is kept by a journal of every row the batches change (import-journal.ts, the undo design of
 * SQLite's own undo/redo note, rather than one long transaction or savepoints, which would hold the
 * lock throughout): a refusal in a later batch, or a crash, takes the earlier batches back. What the
 * plan read can change before its batch is written; the services check it again when writing (a code
 * taken meanwhile), and an update carries the version the plan read, so a person's save in between is
 * never overwritten (STALE).
 */
export async function commitImport(
  ctx: ServiceContext,
  request: ReadImportRequest,
  pacing: ImportPacing = defaultImportPacing,
): Promise<ImportOutcome> {
  const importer = importerFor(request.entity);
  if (!importer.write && !importer.writeAll)
    throw new LedgerError('VALIDATION', importer.notCommittedHere ?? '此类资料不能在这里导入。');
  if (importer.writeAll) return commitAsOneRecord(ctx, request);
  await undoAbandonedRuns(ctx, pacing);

  const plan = ctx.db.transaction((tx) => planImport(tx, ctx, request), readOnly);
  const errors = [
    ...plan.fileProblems.map((problem) => ({ ...problem, cells: [] })),
    ...problemsOf(plan.planned),
  ];
  const logged = (status: 'committed' | 'refused', counts: ImportCounts, problems: LoggedProblem[]) =>
    ctx.db.transaction((tx) => writeLog(tx, ctx, request, plan, { status, ...counts }, problems));
  const none = { created: 0, updated: 0, skipped: 0 };
  if (plan.fileProblems.length > 0 || (errors.length > 0 && !request.options.validOnly))
    return logged('refused', none, errors);

  const ordered = importer.commitOrder?.(plan.planned) ?? plan.planned;
  const rows = ordered.filter((planned) => planned.action === 'create' || planned.action === 'update');
  const counts = { ...none, skipped: ordered.filter((planned) => planned.action === 'skip').length };
  if (rows.length === 0) return logged('committed', counts, errors);

  const run = startRun(ctx, request.entity, request.fileName);
  try {
    for (let next = 0; next < rows.length;) {
      const from = next;
      next = ctx.db.transaction((tx) =>
        writeBatch(ctx, run, () => writeRows(tx, ctx, request, importer, rows, from, pacing, counts, errors)),
      );
      if (next < rows.length) await sleep(pacing.pauseMs);
    }
  } catch (error) {
    if (error instanceof RunGone) {
      liveRunsEnd(ctx, run);
      throw error;
    }
    const kept = await undoRun(
      ctx,
      run,
      pacing,
      error instanceof BatchRefused ? '有一行未能写入' : '写入时出错',
    );
    if (!(error instanceof BatchRefused)) throw error;
    // Everything the rows wrote is taken back; the refusal itself is logged, and what had to stay.
    return logged('refused', none, [error.problem, ...keptProblem(ctx, kept)]);
  }
  errors.sort((a, b) => a.row - b.row);
  const outcome = ctx.db.transaction((tx) => {
    markCommitted(ctx, run);
    return writeLog(tx, ctx, request, plan, { status: 'committed', ...counts }, errors);
  });
  liveRunsEnd(ctx, run);
  // The journal is dropped after the answer; a failure there (the engine closed meanwhile) is retried at the next start.
  forgetFinishedJournals(ctx, pacing).catch(() => undefined);
  return outcome;
}

/** Records others used or changed while the import ran stay (undoing them would undo their work): said, not hidden. */
function keptProblem(ctx: ServiceContext, kept: readonly KeptRow[]): LoggedProblem[] {
  const names = keptRecordNames(ctx.db.$client, kept);
  if (names.length === 0) return [];
  const shown =
    names.length > 20 ? `${names.slice(0, 20).join('、')} 等 ${names.length} 条` : names.join('、');
  return [
    {
      row: 0,
      column: '',
      message: `导入已撤回，但这些记录在导入期间已被他人使用或修改，予以保留，请核对：${shown}`,
      cells: [],
    },
  ];
}

interface ImportCounts {
  created: number;
  updated: number;
  skipped: number;
}

/**
 * Writes rows from `from` on, in the caller's transaction, until the batch's rows or time are spent;
 * returns where the next batch starts. With validOnly a row the service refuses is rolled back alone
 * (a savepoint) and reported; otherwise it refuses the batch, and with it the run.
 */
function writeRows(
  tx: LedgerTx,
  ctx: ServiceContext,
  request: ReadImportRequest,
  importer: EntityImporter<unknown>,
  rows: readonly PlannedRow<unknown>[],
  from: number,
  pacing: ImportPacing,
  counts: ImportCounts,
  errors: LoggedProblem[],
): number {
  const write = importer.write!;
  const { validOnly } = request.options;
  const source = { fileName: request.fileName };
  const started = performance.now();
  // Counted apart and added on success: a batch that fails is rolled back, its counts with it.
  const written = { created: 0, updated: 0 };
  const refused: LoggedProblem[] = [];
  let next = from;
  while (
    next < rows.length &&
    next - from < pacing.batchRows &&
    performance.now() - started < pacing.batchMs
  ) {
    const planned = rows[next]!;
    next += 1;
    try {
      if (validOnly) tx.transaction((rowTx) => write(rowTx, ctx, planned, request.options, source));
      else write(tx, ctx, planned, request.options, source);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      if (!validOnly) throw new BatchRefused(serviceProblem(importer, planned, error));
      refused.push(serviceProblem(importer, planned, error));
      continue;
    }
    if (planned.action === 'create') written.created += 1;
    else written.updated += 1;
  }
  counts.created += written.created;
  counts.updated += written.updated;
  errors.push(...refused);
  return next;
}

/**
 * An import that becomes one record (the opening-stock sheet becomes one 期初库存单) is written as it
 * is planned, in one transaction: its size is one document's, not a catalogue's.
 */
function commitAsOneRecord(ctx: ServiceContext, request: ReadImportRequest): ImportOutcome {
  const importer = importerFor(request.entity);
  const source = { fileName: request.fileName };
  return ctx.db.transaction((tx) => {
    const plan = planImport(tx, ctx, request);
    const errors = [
      ...plan.fileProblems.map((problem) => ({ ...problem, cells: [] })),
      ...problemsOf(plan.planned),
    ];
    const counts = { created: 0, updated: 0, skipped: 0 };
    const valid = plan.planned.filter((planned) => planned.action === 'create');
    const validOnly = request.options.validOnly && !importer.allOrNothing;
    if (plan.fileProblems.length > 0 || (errors.length > 0 && !validOnly) || valid.length === 0)
      return writeLog(tx, ctx, request, plan, { status: 'refused', ...counts }, errors);
    const made = importer.writeAll!(tx, ctx, valid, source);
    const outcome = writeLog(
      tx,
      ctx,
      request,
      plan,
      { status: 'committed', ...counts, created: made.created },
      errors,
    );
    return { ...outcome, document: made.document };
  });
}

/**
 * Reads the file off the engine's thread, then commits it; a file that cannot be read (not a
 * spreadsheet, too large, no such sheet) is logged as refused, like one refused while planning.
 */
export async function commitImportFile(
  ctx: ServiceContext,
  request: ImportRequest,
  worker: ImportWorkerEntry,
  pacing: ImportPacing = defaultImportPacing,
): Promise<ImportOutcome> {
  let read: ReadImportRequest;
  try {
    read = await readImportFile(worker, request);
  } catch (error) {
    if (error instanceof LedgerError) logUnreadableFile(ctx, request, error);
    throw error;
  }
  return commitImport(ctx, read, pacing);
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
