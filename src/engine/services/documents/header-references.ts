import { eq } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { counterparties, documents, employees, offices, warehouses } from '../../db/schema';
import { LedgerError } from '../../../shared/ledger-error';
import type { DocumentDraft } from './prepare-lines';

/** Each record a document's header may point at, with its name in the message. */
const headerReferences = [
  { field: 'counterpartyId', label: '往来单位', table: counterparties, recycled: true },
  { field: 'officeId', label: '办事处/部门', table: offices, recycled: true },
  { field: 'handlerId', label: '经手人', table: employees, recycled: true },
  { field: 'warehouseId', label: '仓库', table: warehouses, recycled: true },
  { field: 'toWarehouseId', label: '调入仓库', table: warehouses, recycled: true },
  { field: 'sourceDocumentId', label: '原单', table: documents, recycled: false },
] as const;

/**
 * Refuses a header that names a record which does not exist or lies in the recycle bin, naming the
 * field: every one of them, whether or not the document's type uses it (a transfer given a customer id,
 * a receipt of money given a warehouse), so nothing reaches the database's foreign keys unchecked.
 */
export function assertHeaderReferences(tx: LedgerTx, input: DocumentDraft): void {
  for (const reference of headerReferences) {
    const id = input[reference.field];
    if (id === null) continue;
    const row = tx.select().from(reference.table).where(eq(reference.table.id, id)).get() as
      { deletedAt?: string | null } | undefined;
    if (!row || (reference.recycled && row.deletedAt != null)) {
      throw new LedgerError('VALIDATION', `${reference.label}（编号 ${id}）不存在。`, {
        field: reference.field,
      });
    }
  }
}
