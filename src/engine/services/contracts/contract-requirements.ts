import { channelTierLabels, contractTiers, type ChannelTier } from '../../domain/master-data/channel';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings/setting-row';

/**
 * What each tier's contract must contain (DOMAIN.md §8: "each tier has its own required contract content"),
 * checked when the contract is submitted. Kept in the settings table, editable per branch; a purchase
 * contract (no tier) needs its signed volume only.
 */
export const contractRequirementKeys = [
  'signedVolume',
  'monthlyVolume',
  'agreedPrice',
  'rebateTerms',
  'terms',
  'office',
  'salesperson',
  'signedOn',
  'attachment',
] as const;
export type ContractRequirement = (typeof contractRequirementKeys)[number];

export const contractRequirementLabels: Readonly<Record<ContractRequirement, string>> = {
  signedVolume: '签约量',
  monthlyVolume: '分月签约量',
  agreedPrice: '协议价',
  rebateTerms: '返利条款',
  terms: '合同条款',
  office: '办事处',
  salesperson: '业务员',
  signedOn: '签约日期',
  attachment: '合同扫描件',
};

export type ContractRequirements = Record<ChannelTier, ContractRequirement[]>;

const key = 'contractRequirements';

/** The seeds' practice: a dealer's agreement is the fullest, a secondary wholesaler's the barest. */
const defaults: ContractRequirements = {
  dealer: ['signedVolume', 'agreedPrice', 'rebateTerms', 'office', 'salesperson', 'signedOn'],
  distributor: ['signedVolume', 'rebateTerms', 'office', 'signedOn'],
  special_distributor: ['signedVolume', 'rebateTerms', 'office', 'signedOn'],
  signed_wholesaler: ['signedVolume', 'office', 'signedOn'],
  direct_wholesaler: ['signedVolume'],
  retail: ['signedVolume'],
};

export function contractRequirements(ctx: ServiceContext): ContractRequirements {
  return { ...defaults, ...(readSetting(ctx.db, key) as Partial<ContractRequirements> | undefined) };
}

export function updateContractRequirements(
  ctx: ServiceContext,
  change: Partial<ContractRequirements>,
): ContractRequirements {
  return ctx.db.transaction((tx) => {
    const before = contractRequirements(ctx);
    const after = { ...before, ...change };
    const now = ctx.clock.now().toISOString();
    writeSetting(tx, key, after, now);
    recordAudit(tx, ctx, {
      action: 'contracts.requirements',
      entity: 'settings',
      entityKey: key,
      before,
      after,
    });
    return after;
  });
}

/** What a contract has, as the requirements name it. */
export type ContractContent = Readonly<Record<ContractRequirement, boolean>>;

/** Refuses a submission missing what its tier requires, naming every missing part: 分销商合同缺少【签约量】. */
export function assertRequiredContent(
  ctx: ServiceContext,
  tier: ChannelTier | null,
  content: ContractContent,
): void {
  const required = tier ? contractRequirements(ctx)[tier] : (['signedVolume'] as ContractRequirement[]);
  const missing = required.filter((requirement) => !content[requirement]);
  if (missing.length === 0) return;
  const who = tier ? channelTierLabels[tier] : '采购';
  throw new LedgerError(
    'VALIDATION',
    `${who}合同缺少${missing.map((m) => `【${contractRequirementLabels[m]}】`).join('')}，请补齐后再提交。`,
    { missing },
  );
}

export function isContractTier(tier: ChannelTier | null): boolean {
  return tier !== null && contractTiers.includes(tier);
}
