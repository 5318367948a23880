import type Database from 'better-sqlite3';
import type { DocumentStatus } from '../../../shared/documents/document-status';
import { documentStatusLabels } from '../../../shared/documents/document-status';
import { documentTypeRule, type DocumentType } from '../../../shared/documents/document-types';
import { formatScaled } from '../../../shared/numbers/decimal';
import { fenScale } from '../../../shared/numbers/scales';
import { costFigure, pricedAtCost } from '../access/cost-figures';
import { counterpartyIdInReach } from '../access/customer-scope';
import type { Actor } from '../context';
import {
  executionState,
  executionStateLabels,
  isOrderType,
  orderLineProgress,
  type ExecutionState,
} from './order-execution';

export interface DocumentListQuery {
  types?: DocumentType[] | undefined;
  statuses?: DocumentStatus[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Number, counterparty name or code. */
  search?: string | undefined;
  warehouseId?: number | undefined;
  offset: number;
  limit: number;
}

interface ListRow {
  id: number;
  type: DocumentType;
  number: string;
  business_date: string;
  status: DocumentStatus;
  counterparty_name: string | null;
  total_with_tax: number;
  created_by_name: string;
  remark: string;
  reversal_of_id: number | null;
  line_count: number;
}

function withExecution(state: ExecutionState | null) {
  return { execution: state, executionLabel: state === null ? null : executionStateLabels[state] };
}

/**
 * 单据列表: newest first, filtered in SQL, a page at a time; only documents whose counterparty is in the
 * caller's customer scope, or that have none (customer-scope.ts).
 */
export function listDocuments(actor: Actor, sqlite: Database.Database, query: DocumentListQuery) {
  const where: string[] = [counterpartyIdInReach(actor.customerReach, 'd.counterparty_id')];
  const params: unknown[] = [];
  if (query.types?.length) {
    where.push(`d.type IN (${query.types.map(() => '?').join(',')})`);
    params.push(...query.types);
  }
  if (query.statuses?.length) {
    where.push(`d.status IN (${query.statuses.map(() => '?').join(',')})`);
    params.push(...query.statuses);
  }
  if (query.from) {
    where.push('d.business_date >= ?');
    params.push(query.from);
  }
  if (query.to) {
    where.push('d.business_date <= ?');
    params.push(query.to);
  }
  if (query.search?.trim()) {
    where.push("(d.number LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR c.code LIKE ? ESCAPE '\\')");
    const like = `%${query.search.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    params.push(like, like, like);
  }
  // Tested against undefined: a warehouse id is a filter whatever its value, never "no filter".
  if (query.warehouseId !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM document_lines w WHERE w.document_id = d.id AND (w.warehouse_id = ? OR w.to_warehouse_id = ?))',
    );
    params.push(query.warehouseId, query.warehouseId);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    sqlite
      .prepare(
        `SELECT count(*) AS n FROM documents d LEFT JOIN counterparties c ON c.id = d.counterparty_id ${filter}`,
      )
      .get(...params) as { n: number }
  ).n;
  const rows = sqlite
    .prepare(
      `SELECT d.id, d.type, d.number, d.business_date, d.status, c.name AS counterparty_name, d.total_with_tax, ` +
        `d.created_by_name, d.remark, d.reversal_of_id, (SELECT count(*) FROM document_lines l WHERE l.document_id = d.id) AS line_count ` +
        `FROM documents d LEFT JOIN counterparties c ON c.id = d.counterparty_id ${filter} ` +
        `ORDER BY d.business_date DESC, d.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, query.limit, query.offset) as ListRow[];
  const execution = (row: ListRow) =>
    isOrderType(row.type)
      ? executionState(row.status, orderLineProgress(sqlite, row.type, { documentId: row.id }))
      : null;
  // A purchase's total is what the goods cost (cost-figures.ts).
  const totalOf = (row: ListRow) => {
    const shown = formatScaled(row.total_with_tax, fenScale, 2);
    return pricedAtCost(row.type) ? costFigure(actor, shown) : shown;
  };
  return {
    total,
    rows: rows.map((row) => ({
      ...withExecution(execution(row)),
      id: row.id,
      type: row.type,
      typeLabel: documentTypeRule(row.type).label,
      number: row.number,
      businessDate: row.business_date,
      status: row.status,
      statusLabel: documentStatusLabels[row.status],
      counterpartyName: row.counterparty_name,
      totalWithTax: totalOf(row),
      createdByName: row.created_by_name,
      remark: row.remark,
      isReversal: row.reversal_of_id !== null,
      lineCount: row.line_count,
    })),
  };
}
