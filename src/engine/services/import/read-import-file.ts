import type { ImportRequest, ReadImportRequest } from './import-plan';
import { readTableOffThread, type ImportWorkerEntry } from './read-table-off-thread';

/** Reads the request's file (the sheet it names, else the first) in the import worker. */
export async function readImportFile(
  worker: ImportWorkerEntry,
  request: ImportRequest,
): Promise<ReadImportRequest> {
  const file = { fileName: request.fileName, content: request.content };
  const table = await readTableOffThread(worker, file, { sheet: request.sheet });
  return { ...request, table };
}
