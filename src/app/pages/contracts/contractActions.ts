import {
  contractTransitions,
  type ContractAction,
  type ContractStatus,
} from '../../../shared/contracts/contract-status';
import type { Permission } from '../../../shared/permissions';

/** The steps the toolbar offers, in the order a contract goes through them. */
export const contractSteps = ['submit', 'withdraw', 'approve', 'unapprove', 'start', 'end', 'void'] as const;
export type ContractStep = (typeof contractSteps)[number];

/** Who may take each step: the engine checks the same permissions (api/methods/contracts.ts). */
export const stepPermission: Readonly<Record<ContractStep, Permission>> = {
  submit: 'contracts.edit',
  withdraw: 'contracts.edit',
  approve: 'contracts.approve',
  unapprove: 'contracts.approve',
  start: 'contracts.approve',
  end: 'contracts.approve',
  void: 'contracts.approve',
};

/** Whether a contract in this status can take the step, by the one transition table both sides read. */
export function stepAllowed(action: ContractAction, status: ContractStatus): boolean {
  return contractTransitions[action]?.from.includes(status) ?? false;
}

/** A change after approval is a 补充协议, while the contract is in force. */
export const amendable = (status: ContractStatus) => status === 'approved' || status === 'executing';
