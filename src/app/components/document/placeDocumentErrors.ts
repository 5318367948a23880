import { ApiCallError } from '../../api/client';
import type { HeaderValues, LineDraft, LineErrors, LineField } from './documentDraft';
import { cellId } from './gridNavigation';

const headerFields: readonly (keyof HeaderValues)[] = [
  'businessDate',
  'counterpartyId',
  'warehouseId',
  'toWarehouseId',
  'amount',
  'remark',
];
const lineFields: readonly LineField[] = [
  'goodsId',
  'unitName',
  'quantity',
  'unitPrice',
  'amount',
  'discountRate',
  'taxRate',
  'adjustmentAmount',
  'warehouseId',
  'toWarehouseId',
  'lot',
  'productionDate',
  'expiryDate',
  'isGift',
  'remark',
];

export interface PlacedErrors {
  header: { name: keyof HeaderValues; errors: string[] }[];
  lines: LineErrors;
  /** The cell to put the clerk on: the first one the engine named. */
  firstCell: string | null;
}

/** A line field the grid has a cell for; the origin line of a return shows on its goods. */
function lineField(field: string): LineField | null {
  if (field === 'sourceLineId') return 'goodsId';
  return lineFields.find((candidate) => candidate === field) ?? null;
}

/**
 * Where the engine's refusal belongs: `details.line` + `details.field` (a line rule, 1-based over
 * the lines sent), `details.field` alone (the header), or schema issues by path
 * (['document', 'lines', '0', 'quantity']). `lineKeys` maps the lines sent back to the grid's rows.
 */
export function placeDocumentErrors(error: unknown, lineKeys: readonly string[]): PlacedErrors {
  const placed: PlacedErrors = { header: [], lines: {}, firstCell: null };
  if (!(error instanceof ApiCallError)) return placed;

  const onLine = (index: number, field: string, message: string) => {
    const key = lineKeys[index];
    const name = lineField(field);
    if (key === undefined || name === null) return;
    placed.lines[key] = { ...placed.lines[key], [name]: message };
    placed.firstCell ??= cellId(key, name);
  };
  const onHeader = (field: string, message: string) => {
    const name = headerFields.find((candidate) => candidate === field);
    if (!name) return;
    placed.header.push({ name, errors: [message] });
    placed.firstCell ??= `header:${name}`;
  };

  const details = error.details as { line?: unknown; field?: unknown } | undefined;
  if (typeof details?.field === 'string') {
    if (typeof details.line === 'number') onLine(details.line - 1, details.field, error.message);
    else onHeader(details.field, error.message);
  }
  for (const issue of error.fieldIssues) {
    const path = issue.path[0] === 'document' ? issue.path.slice(1) : issue.path;
    if (path[0] === 'lines' && path[1] !== undefined && path[2] !== undefined) {
      onLine(Number(path[1]), path[2], issue.message);
    } else if (path[0] !== undefined) {
      onHeader(path[0], issue.message);
    }
  }
  return placed;
}

/** Errors on a line are gone once the clerk changes that field. */
export function clearLineErrors(errors: LineErrors, key: string, patch: Partial<LineDraft>): LineErrors {
  const current = errors[key];
  if (!current) return errors;
  const remaining = Object.fromEntries(Object.entries(current).filter(([field]) => !(field in patch)));
  const next = { ...errors };
  if (Object.keys(remaining).length === 0) delete next[key];
  else next[key] = remaining;
  return next;
}
