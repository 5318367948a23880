import type { ContractStatus } from '../../../shared/contracts/contract-status';

/** Status tags as the document lists colour theirs: waiting gold, in force green, finished cyan, voided red. */
export const contractStatusColors: Readonly<Record<ContractStatus, string>> = {
  draft: 'default',
  submitted: 'gold',
  approved: 'blue',
  executing: 'green',
  ended: 'cyan',
  voided: 'red',
};
