import type { LedgerTx } from '../../db/connection';
import { recordChange } from '../change-log/record-change';
import type { ServiceContext } from '../context';
import { findContract } from './save-contract';

/**
 * Records a contract's change for head office (UPLOAD.md "Change log": "a contract … change"), in the
 * caller's transaction. The contracts section (upload/sections/contracts-section.ts) then sends the contract
 * as it stands; the entry is what makes the next package carry it.
 */
export function recordContractChange(
  tx: LedgerTx,
  ctx: ServiceContext,
  contract: number | { uid: string },
  operation: 'insert' | 'update' | 'delete',
): void {
  const row = typeof contract === 'number' ? findContract(tx, contract) : null;
  recordChange(tx, ctx, {
    entity: 'contract',
    entityUid: row?.uid ?? (contract as { uid: string }).uid,
    operation,
    payload: row ? { number: row.number, status: row.status } : {},
  });
}
