import { createHash } from 'node:crypto';
import type { LedgerTx } from '../../db/connection';
import type { EntityName } from '../../domain/master-data/entity-specs';
import { LedgerError } from '../../../shared/ledger-error';
import type { ServiceContext } from '../context';
import { dataRowsBelow } from './data-rows';
import type { EntityImporter, PlannedRow } from './entity-importer';
import { findHeaderRow } from './find-header-row';
import type { ImportOptions } from './import-options';
import type { RowProblem } from './import-row';
import { importerFor } from './importers';
import { checkMapping, mapColumnsAutomatically, mappingFits, type ColumnMapping } from './map-columns';
import type { SheetTable } from './read-table';
import { rememberedMapping, sourceKeyOf } from './remembered-mapping';
import { resolvePriceUnits } from './price-unit-columns';
import { readRows } from './validate-rows';

/** One file the clerk hands in, with what they chose: the same for preview and commit. */
export interface ImportRequest {
  entity: EntityName;
  fileName: string;
  content: Uint8Array;
  sheet?: string | undefined;
  /** The mapping as the clerk edited it in the preview; absent: remembered or automatic. */
  mapping?: ColumnMapping | undefined;
  options: ImportOptions;
}

/** A request whose file has been read, off the engine's thread (read-import-file.ts). */
export interface ReadImportRequest extends ImportRequest {
  table: SheetTable;
}

export type MappingSource = 'remembered' | 'automatic' | 'given';

/** Everything the import found in the file and will do with it, row by row. */
export interface ImportPlan {
  importer: EntityImporter<unknown>;
  fileSha256: string;
  sheetNames: string[];
  sheet: string;
  format: string;
  headerRowNumber: number;
  headers: string[];
  sourceKey: string;
  mapping: ColumnMapping;
  mappingSource: MappingSource;
  unmappedRequired: string[];
  planned: PlannedRow<unknown>[];
  /** Problems of the file as a whole (no data under the header): nothing can be imported. */
  fileProblems: RowProblem[];
  /** Columns the import could not map on its own (a price per a unit it cannot tell): the clerk chooses. */
  mappingWarnings: string[];
}

function chooseMapping(
  tx: LedgerTx,
  request: ImportRequest,
  importer: EntityImporter<unknown>,
  headers: string[],
  sourceKey: string,
): { mapping: ColumnMapping; mappingSource: MappingSource } {
  if (request.mapping) {
    return { mapping: checkMapping(importer.spec, headers, request.mapping), mappingSource: 'given' };
  }
  const remembered = rememberedMapping(tx, sourceKey);
  if (remembered && mappingFits(importer.spec, headers, remembered)) {
    return { mapping: checkMapping(importer.spec, headers, remembered), mappingSource: 'remembered' };
  }
  return { mapping: mapColumnsAutomatically(importer.spec, headers), mappingSource: 'automatic' };
}

/**
 * Plans every row of the file as read: header row found, columns mapped, cells read, rows checked
 * against the entity's rules and the database. Runs in the caller's transaction, so a commit
 * writes exactly what it checked.
 */
export function planImport(tx: LedgerTx, ctx: ServiceContext, request: ReadImportRequest): ImportPlan {
  const importer = importerFor(request.entity);
  const { table } = request;
  const header = findHeaderRow(importer.spec, table.rows);
  if (header === null) {
    throw new LedgerError('VALIDATION', `文件【${request.fileName}】的工作表【${table.sheet}】是空的。`);
  }
  const sourceKey = sourceKeyOf(request.entity, header.headers);
  const chosen = chooseMapping(tx, request, importer, header.headers, sourceKey);
  const dataRows = dataRowsBelow(table.rows, header.index, header.headers.filter(Boolean).length);
  const { mappingSource } = chosen;
  // Only a mapping the import made itself: one the clerk gave or confirmed before is theirs.
  const { mapping, warnings: mappingWarnings } =
    mappingSource === 'automatic'
      ? resolvePriceUnits(importer.spec, header.headers, chosen.mapping, dataRows)
      : { mapping: chosen.mapping, warnings: [] };
  const rows = readRows(importer.spec, dataRows, header.headers, mapping);
  const fileProblems: RowProblem[] =
    rows.length === 0
      ? [{ row: header.rowNumber, column: '', message: `表头（第 ${header.rowNumber} 行）下面没有数据行` }]
      : [];
  return {
    importer,
    fileSha256: createHash('sha256').update(request.content).digest('hex'),
    sheetNames: table.sheetNames,
    sheet: table.sheet,
    format: table.format,
    headerRowNumber: header.rowNumber,
    headers: header.headers,
    sourceKey,
    mapping,
    mappingSource,
    unmappedRequired: importer.spec.fields
      .filter((field) => field.required && mapping[field.key] === null)
      .map((field) => field.key),
    planned: importer.plan(tx, ctx, rows, request.options),
    fileProblems,
    mappingWarnings,
  };
}
