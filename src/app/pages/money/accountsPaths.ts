/**
 * Where the 往来 pages live: 往来余额 opens the statement and the 核销 page of one counterparty by
 * these addresses (with `?counterpartyId=&side=`), and the workspace registers the pages at them.
 */
export const accountsPaths = {
  balances: '/accounts/balances',
  settlement: '/accounts/settlement',
  internal: '/accounts/internal',
  statement: '/accounts/statement',
  aging: '/accounts/aging',
} as const;
