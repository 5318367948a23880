import { LedgerError } from '../../../shared/ledger-error';
import type { Movement } from './types';

/**
 * The shape every costing method relies on: quantities are positive integers, receipt values are
 * whole fen and never negative, an adjustment is whole fen. Messages are for the clerk; the caller
 * validated the document already, so reaching these means a bug upstream, said plainly.
 */
export function checkMovement(movement: Movement): void {
  if (movement.kind !== 'adjustment' && !(Number.isSafeInteger(movement.quantity) && movement.quantity > 0)) {
    throw new LedgerError(
      'VALIDATION',
      `${kindLabel[movement.kind]}数量必须是大于零的整数：${movement.quantity}`,
    );
  }
  if (movement.kind === 'receipt' && !(Number.isSafeInteger(movement.value) && movement.value >= 0)) {
    throw new LedgerError('VALIDATION', `入库金额必须是不小于零的整数（分）：${movement.value}`);
  }
  if (movement.kind === 'adjustment' && !Number.isSafeInteger(movement.value)) {
    throw new LedgerError('VALIDATION', `调整金额必须是整数（分）：${movement.value}`);
  }
}

const kindLabel = { receipt: '入库', issue: '出库' } as const;
