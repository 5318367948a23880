import type { ContractKind } from '../../../shared/contracts/contract-status';

/** Where the contract pages live: a list per kind, and the one contract page both open into. */
export const contractPaths = {
  list: { sales: '/contracts/sales', purchase: '/contracts/purchase' } satisfies Record<ContractKind, string>,
  contract: '/contracts/contract',
  signingBoard: '/contracts/signing',
};

/** What a list (or a test) asks the contract page to show. */
export type ContractRequest = { id: number } | { new: ContractKind };

/** The contract page's address for a request: `?id=` opens a contract, `?new=sales` starts one. */
export function contractAddress(request: ContractRequest): string {
  return 'id' in request
    ? `${contractPaths.contract}?id=${request.id}`
    : `${contractPaths.contract}?new=${request.new}`;
}

export function readContractRequest(search: string): ContractRequest | null {
  const params = new URLSearchParams(search);
  const id = Number(params.get('id'));
  if (Number.isInteger(id) && id > 0) return { id };
  const kind = params.get('new');
  return kind === 'sales' || kind === 'purchase' ? { new: kind } : null;
}
