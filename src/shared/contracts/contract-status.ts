/**
 * 年度协议 (DOMAIN.md §8): an agreement with a customer (销售合同: dealers, distributors, signed secondary
 * wholesalers) or a supplier (采购合同) over a period, and the steps it goes through. Each step is an event
 * with who and when (contract_events); a change after approval is a numbered 补充协议, never an edit.
 */

export const contractKinds = ['sales', 'purchase'] as const;
export type ContractKind = (typeof contractKinds)[number];

export const contractKindLabels: Readonly<Record<ContractKind, string>> = {
  sales: '销售合同',
  purchase: '采购合同',
};

export const contractStatuses = ['draft', 'submitted', 'approved', 'executing', 'ended', 'voided'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

export const contractStatusLabels: Readonly<Record<ContractStatus, string>> = {
  draft: '草稿',
  submitted: '已提交',
  approved: '已审核',
  executing: '执行中',
  ended: '已结束',
  voided: '作废',
};

export const contractActions = [
  'create',
  'edit',
  'submit',
  'withdraw',
  'approve',
  'unapprove',
  'start',
  'end',
  'void',
  'amend',
  'settle',
  'unsettle',
] as const;
export type ContractAction = (typeof contractActions)[number];

export const contractActionLabels: Readonly<Record<ContractAction, string>> = {
  create: '新建',
  edit: '修改',
  submit: '提交',
  withdraw: '撤回',
  approve: '审核',
  unapprove: '反审核',
  start: '开始执行',
  end: '结束',
  void: '作废',
  amend: '补充协议',
  settle: '结算',
  unsettle: '反结算',
};

/** The steps each action takes; anything else is refused with the contract's status named. */
export const contractTransitions: Readonly<
  Partial<Record<ContractAction, { from: readonly ContractStatus[]; to: ContractStatus }>>
> = {
  submit: { from: ['draft'], to: 'submitted' },
  withdraw: { from: ['submitted'], to: 'draft' },
  approve: { from: ['submitted'], to: 'approved' },
  unapprove: { from: ['approved'], to: 'submitted' },
  start: { from: ['approved'], to: 'executing' },
  end: { from: ['executing'], to: 'ended' },
  void: { from: ['draft', 'submitted', 'approved'], to: 'voided' },
};

/** Statuses whose figures count: the agreement is in force (approved, executing) or was (ended). */
export const contractInForce: readonly ContractStatus[] = ['approved', 'executing', 'ended'];

export const settlementKinds = ['interim', 'final'] as const;
export type SettlementKind = (typeof settlementKinds)[number];
export const settlementKindLabels: Readonly<Record<SettlementKind, string>> = {
  interim: '中期结算',
  final: '年终结算',
};

/** How a rebate is paid: 折让 (a credit on the receivable or payable) or 货补 (goods at zero price). */
export const payoutKinds = ['credit', 'goods'] as const;
export type PayoutKind = (typeof payoutKinds)[number];
export const payoutKindLabels: Readonly<Record<PayoutKind, string>> = {
  credit: '折让',
  goods: '货补',
};
