import type { ChangesSection } from '../upload-section';

/**
 * Completed documents with their lines (UPLOAD.md "Contents", by setting): each document the package's
 * change-log entries completed, as it stands — number, type, date, counterparty, warehouses and lines
 * in base units with amounts. A red reversal is a document of its own, with negative lines.
 */
export const documentsSection: ChangesSection = {
  shape: 'changes',
  name: 'documents',
  setting: 'sendDocuments',
  *rows({ sqlite, uids }, changes) {
    const header = sqlite.prepare(
      'SELECT d.id, d.uid, d.type, d.number, d.business_date, d.counterparty_id, d.warehouse_id, d.to_warehouse_id, ' +
        'r.uid AS reversal_of, d.total_amount, d.total_with_tax, d.completed_at FROM documents d ' +
        "LEFT JOIN documents r ON r.id = d.reversal_of_id WHERE d.uid = ? AND d.status = 'completed'",
    );
    const lines = sqlite.prepare(
      'SELECT line_no, goods_id, unit_name, unit_ratio, coalesce(confirmed_base_quantity, base_quantity) AS quantity, ' +
        'amount, amount_with_tax, is_gift, lot FROM document_lines WHERE document_id = ? ORDER BY line_no',
    );
    const sent = new Set<string>();
    for (const change of changes) {
      if (change.entity !== 'document' || sent.has(change.entityUid)) continue;
      sent.add(change.entityUid);
      const doc = header.get(change.entityUid) as
        | {
            id: number;
            uid: string;
            type: string;
            number: string;
            business_date: string;
            counterparty_id: number | null;
            warehouse_id: number | null;
            to_warehouse_id: number | null;
            reversal_of: string | null;
            total_amount: number;
            total_with_tax: number;
            completed_at: string | null;
          }
        | undefined;
      if (!doc) continue;
      const docLines = (
        lines.all(doc.id) as {
          line_no: number;
          goods_id: number;
          unit_name: string;
          unit_ratio: number;
          quantity: number;
          amount: number;
          amount_with_tax: number;
          is_gift: number;
          lot: string;
        }[]
      ).map((line) => ({
        lineNo: line.line_no,
        goodsUid: uids.goods(line.goods_id),
        unit: line.unit_name,
        unitRatio: line.unit_ratio,
        quantity: line.quantity,
        amount: line.amount,
        amountWithTax: line.amount_with_tax,
        gift: line.is_gift === 1,
        lot: line.lot,
      }));
      yield {
        uid: doc.uid,
        type: doc.type,
        number: doc.number,
        businessDate: doc.business_date,
        counterpartyUid: uids.counterparty(doc.counterparty_id),
        warehouseUid: doc.warehouse_id === null ? null : uids.warehouse(doc.warehouse_id),
        toWarehouseUid: doc.to_warehouse_id === null ? null : uids.warehouse(doc.to_warehouse_id),
        reversalOfUid: doc.reversal_of,
        completedAt: doc.completed_at,
        lines: docLines.length,
        amount: doc.total_amount,
        amountWithTax: doc.total_with_tax,
        items: docLines,
      };
    }
  },
};
