/**
 * The branch profile (本机构设置), DOMAIN.md §2: what a branch is and the rules its books follow.
 */

export const accountingModes = ['independent', 'non_independent'] as const;
export type AccountingMode = (typeof accountingModes)[number];

export const costingScopes = ['per_warehouse', 'per_branch'] as const;
export type CostingScope = (typeof costingScopes)[number];

export const costingMethods = ['moving_average', 'fifo', 'lifo', 'specific', 'monthly_average'] as const;
export type CostingMethod = (typeof costingMethods)[number];

export const negativeStockPolicies = ['forbid', 'allow'] as const;
export type NegativeStockPolicy = (typeof negativeStockPolicies)[number];

export const taxpayerTypes = ['general', 'small'] as const;
export type TaxpayerType = (typeof taxpayerTypes)[number];

/** Amounts are always kept in fen (DOMAIN.md §3); only quantity and unit price precision are chosen. */
export const quantityDecimalsRange = { min: 0, max: 4 } as const;
export const priceDecimalsRange = { min: 2, max: 6 } as const;

export interface BranchProfile {
  code: string;
  name: string;
  taxId: string;
  address: string;
  phone: string;
  accountingMode: AccountingMode;
  costingScope: CostingScope;
  defaultCostingMethod: CostingMethod;
  allowCostingMethodOverride: boolean;
  negativeStock: NegativeStockPolicy;
  taxpayerType: TaxpayerType;
  quantityDecimals: number;
  priceDecimals: number;
  approvalRequired: boolean;
}

/**
 * Fields that cannot change once the branch has posted its first document.
 * DOMAIN.md §2: the costing scope is "chosen once, before the first posting". Switching the
 * accounting mode afterwards would leave receivables and profit half-kept, and the quantity
 * precision scales every stored quantity (§3), so both are fixed at the same moment.
 * The default costing method may change only at a month boundary (§6.2): that rule belongs to
 * month close and is enforced there, not here.
 */
export const fieldsFixedAfterFirstPosting = [
  'costingScope',
  'accountingMode',
  'quantityDecimals',
] as const satisfies readonly (keyof BranchProfile)[];
export type FieldFixedAfterFirstPosting = (typeof fieldsFixedAfterFirstPosting)[number];

/** The branch code is the identity head office knows the branch by (UPLOAD.md): it never changes. */
export const branchCodePattern = /^[A-Z0-9]{2,12}$/;

/** Names the fixed fields a change would alter; empty when the change is allowed. */
export function fixedFieldsTouched(
  current: BranchProfile,
  change: Partial<BranchProfile>,
  firstPostedAt: string | null,
): FieldFixedAfterFirstPosting[] {
  if (firstPostedAt === null) return [];
  return fieldsFixedAfterFirstPosting.filter(
    (field) => change[field] !== undefined && change[field] !== current[field],
  );
}
