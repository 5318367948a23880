import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LedgerError } from '../../../shared/ledger-error';
import type { SheetTable, TableFile } from './read-table';
import type { ReadTableAnswer, ReadTableJob } from './read-table-worker';
import { limitTexts, spreadsheetLimits, tooLargeMessage } from './spreadsheet-limits';

/**
 * Where the worker's code is. The desktop build bundles read-table-worker.ts into a file of its own and
 * passes its path (EngineOptions.importWorker); run from the project's files (web mode, the CLI, tests)
 * it is null, and the TypeScript source runs through tsx, which those hosts run on.
 */
export type ImportWorkerEntry = string | null;

const workerSource = path.join(path.dirname(fileURLToPath(import.meta.url)), 'read-table-worker.ts');

/** tsx's ESM register API, found from here so the worker needs no loader flags of its own. */
function tsxRegisterUrl(): string {
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  return pathToFileURL(path.join(path.dirname(tsxPackage), 'dist', 'esm', 'api', 'index.mjs')).href;
}

function startWorker(entry: ImportWorkerEntry, job: ReadTableJob): Worker {
  const options = {
    workerData: job,
    // The cap that keeps a file which passed the checks from taking the engine's memory with it.
    resourceLimits: { maxOldGenerationSizeMb: spreadsheetLimits.workerHeapMb },
    stdout: false,
    stderr: false,
  };
  if (entry !== null) return new Worker(entry, options);
  const bootstrap = `import(${JSON.stringify(tsxRegisterUrl())}).then((tsx) => {
    tsx.register();
    return import(${JSON.stringify(pathToFileURL(workerSource).href)});
  });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * Reads an import file in a worker thread with a memory cap (spreadsheet-limits.ts): the engine keeps
 * answering while a large file is parsed, and a crafted file that exhausts the worker's memory is
 * refused with a clear message instead of ending the engine (and web mode with it).
 */
export function readTableOffThread(
  entry: ImportWorkerEntry,
  file: TableFile,
  options: { sheet?: string | undefined } = {},
): Promise<SheetTable> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(entry, { file, sheet: options.sheet });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    worker.once('message', (answer: ReadTableAnswer) =>
      settle(() =>
        answer.ok
          ? resolve(answer.table)
          : reject(new LedgerError(answer.error.code, answer.error.message, answer.error.details)),
      ),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new LedgerError('VALIDATION', tooLargeMessage(file.fileName, limitTexts.memory()))
            : error,
        ),
      ),
    );
    worker.once('exit', (exitCode) =>
      settle(() =>
        reject(
          new LedgerError('VALIDATION', tooLargeMessage(file.fileName, `读取时意外中止（代码 ${exitCode}）`)),
        ),
      ),
    );
  });
}
