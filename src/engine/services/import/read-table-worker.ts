/**
 * The worker thread that parses an import file (read-table-off-thread.ts starts it): a file that gets
 * past the size checks and still exhausts memory ends this thread, not the engine.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LedgerError } from '../../../shared/ledger-error';
import { readTable, type SheetTable, type TableFile } from './read-table';

export interface ReadTableJob {
  file: TableFile;
  sheet?: string | undefined;
}

export type ReadTableAnswer =
  | { ok: true; table: SheetTable }
  | { ok: false; error: { code: LedgerError['code']; message: string; details?: unknown } };

function answer(job: ReadTableJob): ReadTableAnswer {
  try {
    return { ok: true, table: readTable(job.file, job.sheet === undefined ? {} : { sheet: job.sheet }) };
  } catch (error) {
    // A LedgerError says what is wrong with the file; anything else is the reader's own fault, and
    // crosses as a plain throw so the engine reports it as one.
    if (error instanceof LedgerError) return { ok: false, error: error.toApiError() };
    throw error;
  }
}

parentPort?.postMessage(answer(workerData as ReadTableJob));
