import type Database from 'better-sqlite3';
import { documentTypeRule, type DocumentType } from '../../../shared/documents/document-types';
import type { ServiceContext } from '../context';

interface QueueRow {
  document_id: number;
  type: DocumentType;
  number: string;
  business_date: string;
  counterparty_name: string | null;
  warehouse_id: number;
  warehouse_name: string;
  direction: 'in' | 'out';
  line_count: number;
}

/**
 * 待入库 / 待出库 (DOMAIN.md §5): per document and warehouse, what waits for a keeper, only for the
 * warehouses the signed-in keeper keeps (administrators see every warehouse).
 */
export function warehouseQueue(ctx: ServiceContext, direction?: 'in' | 'out') {
  const sqlite: Database.Database = ctx.db.$client;
  const everyWarehouse = ctx.actor.role === 'admin';
  const kept = everyWarehouse
    ? ''
    : 'AND x.warehouse_id IN (SELECT warehouse_id FROM warehouse_keepers WHERE user_id = ?)';
  const inTypes = ['opening_stock', 'purchase_receipt', 'sales_return', 'stock_gain', 'other_receipt'];
  const rows = sqlite
    .prepare(
      `SELECT x.document_id, d.type, d.number, d.business_date, c.name AS counterparty_name, x.warehouse_id, ` +
        `w.name AS warehouse_name, x.direction, count(*) AS line_count FROM (` +
        `SELECT l.document_id, l.warehouse_id, CASE WHEN d.type IN (${inTypes.map(() => '?').join(',')}) THEN 'in' ELSE 'out' END AS direction ` +
        `FROM document_lines l JOIN documents d ON d.id = l.document_id ` +
        `WHERE d.status = 'awaiting_warehouse' AND l.confirmed_at IS NULL ` +
        `UNION ALL SELECT l.document_id, l.to_warehouse_id, 'in' FROM document_lines l JOIN documents d ON d.id = l.document_id ` +
        `WHERE d.type = 'transfer' AND d.status IN ('awaiting_warehouse', 'in_transit') AND l.confirmed_at IS NOT NULL AND l.received_at IS NULL` +
        `) x JOIN documents d ON d.id = x.document_id JOIN warehouses w ON w.id = x.warehouse_id ` +
        `LEFT JOIN counterparties c ON c.id = d.counterparty_id WHERE 1 = 1 ${kept} ` +
        `GROUP BY x.document_id, x.warehouse_id, x.direction ORDER BY d.business_date, d.id`,
    )
    .all(...inTypes, ...(everyWarehouse ? [] : [ctx.actor.userId])) as QueueRow[];
  return rows
    .filter((row) => direction === undefined || row.direction === direction)
    .map((row) => ({
      documentId: row.document_id,
      type: row.type,
      typeLabel: documentTypeRule(row.type).label,
      number: row.number,
      businessDate: row.business_date,
      counterpartyName: row.counterparty_name,
      warehouseId: row.warehouse_id,
      warehouseName: row.warehouse_name,
      direction: row.direction,
      lineCount: row.line_count,
    }));
}
