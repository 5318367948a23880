import type Database from 'better-sqlite3';
import { documentTypeRule, documentTypes, type DocumentType } from '../../../shared/documents/document-types';
import { counterpartyIdInReach } from '../access/customer-scope';
import type { ServiceContext } from '../context';

interface QueueRow {
  document_id: number;
  type: DocumentType;
  number: string;
  business_date: string;
  counterparty_name: string | null;
  warehouse_id: number;
  warehouse_name: string;
  /** The destination end of a transfer the source has shipped. */
  arrival: 0 | 1;
  line_count: number;
}

/** The types a keeper confirms, by the way their stock moves (DOMAIN.md §5); orders and money wait for no one. */
const keeperTypes = (direction: 'in' | 'out' | 'transfer'): DocumentType[] =>
  documentTypes.filter((type) => {
    const rule = documentTypeRule(type);
    return rule.keeperConfirms && rule.direction === direction;
  });
const queuedTypes = [...keeperTypes('in'), ...keeperTypes('out'), ...keeperTypes('transfer')];
const transferTypes = keeperTypes('transfer');

/**
 * 待入库 / 待出库 (DOMAIN.md §5): per document and warehouse, what waits for a keeper, only for the
 * warehouses the signed-in keeper keeps (a role whose warehouse scope is every warehouse sees all). Which documents wait and
 * which way is the document type's rule: 'in' comes in, 'out' goes out, a transfer goes out at the source
 * and, once shipped, comes in at the destination. A document for a customer out of the keeper's customer
 * scope is not theirs to see here either (customer-scope.ts).
 */
export function warehouseQueue(ctx: ServiceContext, direction?: 'in' | 'out') {
  const sqlite: Database.Database = ctx.db.$client;
  const everyWarehouse = ctx.actor.warehouseScope === 'all';
  const kept = everyWarehouse
    ? ''
    : 'AND x.warehouse_id IN (SELECT warehouse_id FROM warehouse_keepers WHERE user_id = ?)';
  const rows = sqlite
    .prepare(
      `SELECT x.document_id, d.type, d.number, d.business_date, c.name AS counterparty_name, x.warehouse_id, ` +
        `w.name AS warehouse_name, x.arrival, count(*) AS line_count FROM (` +
        `SELECT l.document_id, l.warehouse_id, 0 AS arrival ` +
        `FROM document_lines l JOIN documents d ON d.id = l.document_id ` +
        `WHERE d.type IN (SELECT value FROM json_each(?)) ` +
        `AND d.status = 'awaiting_warehouse' AND l.confirmed_at IS NULL ` +
        `UNION ALL SELECT l.document_id, l.to_warehouse_id, 1 FROM document_lines l JOIN documents d ON d.id = l.document_id ` +
        `WHERE d.type IN (SELECT value FROM json_each(?)) ` +
        `AND d.status IN ('awaiting_warehouse', 'in_transit') AND l.confirmed_at IS NOT NULL AND l.received_at IS NULL` +
        `) x JOIN documents d ON d.id = x.document_id JOIN warehouses w ON w.id = x.warehouse_id ` +
        `LEFT JOIN counterparties c ON c.id = d.counterparty_id WHERE ${counterpartyIdInReach(ctx.actor.customerReach, 'd.counterparty_id')} ${kept} ` +
        `GROUP BY x.document_id, x.warehouse_id, x.arrival ORDER BY d.business_date, d.id, x.arrival`,
    )
    .all(
      JSON.stringify(queuedTypes),
      JSON.stringify(transferTypes),
      ...(everyWarehouse ? [] : [ctx.actor.userId]),
    ) as QueueRow[];
  return rows
    .map((row) => {
      const arrival = row.arrival === 1;
      const way: 'in' | 'out' = arrival || documentTypeRule(row.type).direction === 'in' ? 'in' : 'out';
      return {
        documentId: row.document_id,
        type: row.type,
        typeLabel: documentTypeRule(row.type).label,
        number: row.number,
        businessDate: row.business_date,
        counterpartyName: row.counterparty_name,
        warehouseId: row.warehouse_id,
        warehouseName: row.warehouse_name,
        direction: way,
        // The destination end of a shipped transfer: its lines are those shipped and not yet received.
        arrival,
        lineCount: row.line_count,
      };
    })
    .filter((entry) => direction === undefined || entry.direction === direction);
}
