import { LedgerError } from '../../../shared/ledger-error';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';

/** Receivables, payables and profit are kept only by independent-accounting branches (DOMAIN.md §2). */
export function assertIndependent(ctx: ServiceContext): void {
  if (getBranchProfile(ctx).accountingMode !== 'independent') {
    throw new LedgerError('CONFLICT', '本机构为非独立核算，往来款项由总部核算，不在本机构记账。');
  }
}
