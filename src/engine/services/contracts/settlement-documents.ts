import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { DocumentType } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';

/** 返利单 are made by contract settlements (settle-rebate.ts) only: nobody types one. */
export const settlementDocumentTypes: readonly DocumentType[] = ['customer_rebate', 'supplier_rebate'];

export function assertNotTypedByHand(type: DocumentType): void {
  if (settlementDocumentTypes.includes(type)) {
    throw new LedgerError('VALIDATION', '返利单由合同的返利结算生成，不能手工录入。');
  }
}

/** A settlement's document may be reversed only by 反结算: by hand, the contract would still count it paid. */
export function assertNotSettlementDocument(
  sqlite: Database.Database,
  documentId: number,
  number: string,
): void {
  const row = prepared(
    sqlite,
    'SELECT c.number FROM contract_settlements s JOIN contracts c ON c.id = s.contract_id WHERE s.document_id = ? AND s.reversed = 0',
  ).get(documentId) as { number: string } | undefined;
  if (row) {
    throw new LedgerError(
      'CONFLICT',
      `${number} 是合同 ${row.number} 的返利结算生成的，请在合同中反结算，不要直接冲销、作废或删除。`,
    );
  }
}
