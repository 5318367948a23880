import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { documentTypeRule, type DocumentType } from '../../../shared/documents/document-types';
import { documentStatusLabels, type DocumentStatus } from '../../../shared/documents/document-status';
import { lineError, type PreparedLine } from './prepare-lines';

/**
 * How much of a line later documents have taken: what was received or delivered against an order line,
 * or returned against a receipt or delivery line (DOMAIN.md §5). Drafts count (the same order cannot be
 * turned into two receipts by two clerks); voided documents do not, nor do reversed ones, whose effect
 * the reversal cancelled. A confirmed line counts what the keeper confirmed, so where less arrived the
 * difference stays open on the order. What counts is the view `executing_lines` (migration 0018).
 */
export function executedQuantities(
  sqlite: Database.Database,
  downstreamType: DocumentType,
  sourceLineIds: readonly number[],
  exceptDocumentId: number | null = null,
): Map<number, number> {
  const executed = new Map<number, number>();
  if (sourceLineIds.length === 0) return executed;
  const rows = prepared(
    sqlite,
    // The lines asked for first (CROSS JOIN keeps that order), each through the source index: the
    // cost is the lines asked for, not the documents of the type.
    'SELECT x.source_line_id AS id, sum(coalesce(x.confirmed_base_quantity, x.base_quantity)) AS quantity ' +
      'FROM json_each(?) j CROSS JOIN executing_lines x ON x.source_line_id = j.value ' +
      'WHERE x.type = ? AND x.document_id IS NOT ? GROUP BY x.source_line_id',
  ).all(JSON.stringify(sourceLineIds), downstreamType, exceptDocumentId) as {
    id: number;
    quantity: number;
  }[];
  for (const row of rows) executed.set(row.id, row.quantity);
  return executed;
}

interface SourceLine {
  id: number;
  goods_id: number;
  base_quantity: number;
  confirmed_base_quantity: number | null;
  document_id: number;
  type: DocumentType;
  status: DocumentStatus;
  number: string;
  business_date: string;
  counterparty_id: number | null;
  reversal_of_id: number | null;
  reversed: number;
}

function readSourceLine(sqlite: Database.Database, id: number): SourceLine | undefined {
  return prepared(
    sqlite,
    'SELECT l.id, l.goods_id, l.base_quantity, l.confirmed_base_quantity, d.id AS document_id, d.type, d.status, ' +
      'd.number, d.business_date, d.counterparty_id, d.reversal_of_id, ' +
      'EXISTS (SELECT 1 FROM documents r WHERE r.reversal_of_id = d.id) AS reversed ' +
      'FROM document_lines l JOIN documents d ON d.id = l.document_id WHERE l.id = ?',
  ).get(id) as SourceLine | undefined;
}

/**
 * Lines made from another document name its lines (DOMAIN.md §5): a receipt or delivery its approved,
 * open order's lines; a return the completed receipt's or delivery's lines. The goods and the
 * counterparty must be the source's, and no line may take more than remains of its source line, less
 * what other documents took. A return is dated on or after its origin: it comes back at the cost the
 * origin went out or came in at (§6.4), which does not exist before the origin's date.
 */
export function assertSourceLines(
  sqlite: Database.Database,
  document: { type: DocumentType; businessDate: string; counterpartyId: number | null },
  lines: readonly PreparedLine[],
  documentId: number | null,
): void {
  const { type, counterpartyId } = document;
  const rule = documentTypeRule(type).source;
  if (rule === null) {
    // Gains and losses name their stocktake's lines, but the stocktake writes them itself, not through here.
    const stray = lines.find((line) => line.sourceLineId !== null);
    if (stray) throw lineError(stray.lineNo, 'sourceLineId', '该类单据的明细不能引用原单。');
    return;
  }
  const source = documentTypeRule(rule.type);
  const fromOrder = source.direction === 'order';
  const sourceIds = [
    ...new Set(lines.map((line) => line.sourceLineId).filter((id): id is number => id !== null)),
  ];
  const executed = executedQuantities(sqlite, type, sourceIds, documentId);
  for (const line of lines) {
    if (line.sourceLineId === null) {
      if (rule.required)
        throw lineError(
          line.lineNo,
          'sourceLineId',
          `${documentTypeRule(type).label}须选择原${source.label}的明细（按原单成本退回）。`,
        );
      continue;
    }
    const origin = readSourceLine(sqlite, line.sourceLineId);
    if (!origin || origin.type !== rule.type)
      throw lineError(line.lineNo, 'sourceLineId', `原单明细不是${source.label}的明细。`);
    const usable = fromOrder
      ? origin.status === 'awaiting_warehouse'
      : origin.status === 'completed' && origin.reversal_of_id === null && origin.reversed === 0;
    if (!usable) {
      const state = origin.reversed ? '已被红字冲销' : documentStatusLabels[origin.status];
      throw lineError(
        line.lineNo,
        'sourceLineId',
        `原单 ${origin.number} 当前为【${state}】，不能再${fromOrder ? '执行' : '退货'}。`,
      );
    }
    if (!fromOrder && document.businessDate < origin.business_date)
      throw lineError(
        line.lineNo,
        'sourceLineId',
        `退货日期 ${document.businessDate} 早于原单 ${origin.number} 的日期 ${origin.business_date}，请改日期。`,
      );
    if (origin.goods_id !== line.goodsId)
      throw lineError(line.lineNo, 'goodsId', `商品与原单 ${origin.number} 的明细不一致。`);
    if (counterpartyId !== null && origin.counterparty_id !== counterpartyId)
      throw lineError(
        line.lineNo,
        'sourceLineId',
        `原单 ${origin.number} 属于另一个${source.counterparty === 'customer' ? '客户' : '供应商'}。`,
      );
    const capacity = fromOrder
      ? origin.base_quantity
      : (origin.confirmed_base_quantity ?? origin.base_quantity);
    const taken = executed.get(origin.id) ?? 0;
    const here = lines
      .filter((other) => other.sourceLineId === line.sourceLineId && other.lineNo <= line.lineNo)
      .reduce((sum, other) => sum + other.baseQuantity, 0);
    if (taken + here > capacity) {
      throw lineError(
        line.lineNo,
        'quantity',
        fromOrder
          ? `数量超过原单 ${origin.number} 未执行的数量。`
          : `退货数量超过原单 ${origin.number} 可退数量。`,
      );
    }
  }
}
