import { count, desc, eq } from 'drizzle-orm';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import { importLogs } from '../../db/schema';
import { newUid } from '../../db/uid';
import { LedgerError } from '../../../shared/ledger-error';
import type { ServiceContext } from '../context';
import type { ImportOptions } from './import-options';
import type { RowProblem } from './import-row';
import type { ColumnMapping } from './map-columns';

/** A problem as the log keeps it: with the row's cells as read, so the error report can show the row. */
export interface LoggedProblem extends RowProblem {
  cells: string[];
}

/** How the import was run, kept with the log: the clerk's options and how the file was read. */
export interface LoggedImportOptions extends ImportOptions {
  sheet: string;
  headerRowNumber: number;
  headers: string[];
  mapping: ColumnMapping;
}

export interface ImportLogEntry {
  entity: string;
  fileName: string;
  fileSha256: string;
  options: LoggedImportOptions;
  status: 'committed' | 'refused';
  created: number;
  updated: number;
  skipped: number;
  errors: LoggedProblem[];
}

/** 导入日志: who imported which file (by name and hash), how, and with what result. */
export function writeImportLog(tx: LedgerTx, ctx: ServiceContext, entry: ImportLogEntry): number {
  return tx
    .insert(importLogs)
    .values({
      ...entry,
      uid: newUid(),
      at: ctx.clock.now().toISOString(),
      username: ctx.actor.username,
      errorCount: entry.errors.length,
    })
    .returning({ id: importLogs.id })
    .get().id;
}

/** The log list shows this many problems per import; the error report has them all. */
const problemsListed = 100;

export function listImportLogs(db: LedgerDb, query: { offset: number; limit: number }) {
  const rows = db
    .select()
    .from(importLogs)
    .orderBy(desc(importLogs.at), desc(importLogs.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = db.select({ n: count() }).from(importLogs).get()?.n ?? 0;
  return {
    total,
    rows: rows.map(({ uid: _uid, options, errors, ...row }) => {
      const { headers: _headers, mapping: _mapping, ...shownOptions } = options as LoggedImportOptions;
      return {
        ...row,
        options: shownOptions,
        errors: (errors as LoggedProblem[])
          .slice(0, problemsListed)
          .map(({ row: rowNumber, column, message }) => ({ row: rowNumber, column, message })),
      };
    }),
  };
}

export function readImportLog(db: LedgerDb, id: number) {
  const row = db.select().from(importLogs).where(eq(importLogs.id, id)).get();
  if (!row) throw new LedgerError('NOT_FOUND', `导入日志（编号 ${id}）不存在。`);
  return { ...row, options: row.options as LoggedImportOptions, errors: row.errors as LoggedProblem[] };
}
