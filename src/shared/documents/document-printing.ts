import type { Permission } from '../permissions';
import { documentTypeRule, type DocumentType } from './document-types';

/**
 * Who prints what: 单据·打印 (documents.print) any document; the keeper's warehouse.print the slips of
 * what moves stock (入库单, 出库单, 调拨单, 盘点表 …). The engine refuses by it; the page shows 打印 by it.
 */
export function mayPrintDocument(holds: (permission: Permission) => boolean, type: DocumentType): boolean {
  return (
    holds('documents.print') || (holds('warehouse.print') && documentTypeRule(type).movementKind !== null)
  );
}
