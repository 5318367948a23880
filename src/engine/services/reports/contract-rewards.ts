import { channelTierLabels, contractTiers, type ChannelTier } from '../../domain/master-data/channel';
import { contractStatusLabels, type ContractStatus } from '../../../shared/contracts/contract-status';
import { add } from '../../../shared/numbers/integer-math';
import { counterpartyInReach } from '../access/customer-scope';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { contractRebates } from '../contracts/contract-rebates';
import { paidSoFar, percentText } from '../contracts/contract-execution';
import { findContract } from '../contracts/save-contract';
import { moneyText } from './report-figures';
import { unassignedName } from './party-lookups';

/**
 * 签约奖励 (DOMAIN.md §8, issue 14 "Reports"): what the year's sales contracts in force have earned and what
 * was paid, by contract, tier, office or salesperson — the figures head office pays rewards from. Earned is
 * counted through the contract's end or today, whichever is first; conditions are read today.
 */
export const rewardGroupings = ['contract', 'tier', 'office', 'salesperson'] as const;
export type RewardGrouping = (typeof rewardGroupings)[number];
export const rewardGroupingLabels: Readonly<Record<RewardGrouping, string>> = {
  contract: '合同',
  tier: '渠道类型',
  office: '办事处',
  salesperson: '业务员',
};

export interface ContractRewardsInput {
  year: number;
  groupBy: RewardGrouping;
}

interface InForce {
  id: number;
  number: string;
  counterpartyName: string;
  channelTier: ChannelTier | null;
  officeName: string | null;
  salespersonName: string | null;
  status: ContractStatus;
}

interface Totals {
  contracts: number;
  amount: number;
  earned: number;
  paid: number;
}

export function contractRewards(ctx: ServiceContext, input: ContractRewardsInput) {
  const sqlite = ctx.db.$client;
  const today = ctx.clock.today();
  const scale = 10 ** getBranchProfile(ctx).quantityDecimals;
  const contracts = sqlite
    .prepare(
      'SELECT c.id, c.number, p.name AS counterpartyName, c.channel_tier AS channelTier, o.name AS officeName, ' +
        'e.name AS salespersonName, c.status FROM contracts c JOIN counterparties p ON p.id = c.counterparty_id ' +
        'LEFT JOIN offices o ON o.id = c.office_id LEFT JOIN employees e ON e.id = c.salesperson_id ' +
        "WHERE c.kind = 'sales' AND c.status IN ('approved', 'executing', 'ended') AND c.period_start <= ? AND c.period_end >= ? " +
        `AND ${counterpartyInReach(ctx.actor.customerReach, 'p')} ORDER BY c.number`,
    )
    .all(`${input.year}-12-31`, `${input.year}-01-01`) as InForce[];
  const groups = new Map<string, { key: string; name: string; totals: Totals }>();
  const grand: Totals = { contracts: 0, amount: 0, earned: 0, paid: 0 };
  for (const contract of contracts) {
    const row = findContract(ctx.db, contract.id);
    const through = today < row.periodEnd ? today : row.periodEnd;
    const outcome = contractRebates(sqlite, row, through, today, scale);
    const amount = outcome.shipments.reduce((sum, shipment) => add(sum, shipment.amount), 0);
    const paid = paidSoFar(sqlite, contract.id);
    const [key, name] = groupOf(contract, input.groupBy);
    const group = groups.get(key) ?? { key, name, totals: { contracts: 0, amount: 0, earned: 0, paid: 0 } };
    for (const totals of [group.totals, grand]) {
      totals.contracts += 1;
      totals.amount = add(totals.amount, amount);
      totals.earned = add(totals.earned, outcome.earned);
      totals.paid = add(totals.paid, paid);
    }
    groups.set(key, group);
  }
  const shown = (totals: Totals) => ({
    contracts: totals.contracts,
    amount: moneyText(totals.amount),
    earned: moneyText(totals.earned),
    paid: moneyText(totals.paid),
    unpaid: moneyText(totals.earned - totals.paid),
    rate: percentText(totals.earned, totals.amount),
  });
  return {
    year: input.year,
    groupBy: input.groupBy,
    groupLabel: rewardGroupingLabels[input.groupBy],
    rows: [...groups.values()].map((group) => ({ key: group.key, name: group.name, ...shown(group.totals) })),
    totals: shown(grand),
  };
}

function groupOf(contract: InForce, groupBy: RewardGrouping): [string, string] {
  switch (groupBy) {
    case 'contract':
      return [
        contract.number,
        `${contract.number} ${contract.counterpartyName}（${contractStatusLabels[contract.status]}）`,
      ];
    case 'tier':
      return [
        contract.channelTier ?? '',
        contract.channelTier ? channelTierLabels[contract.channelTier] : unassignedName,
      ];
    case 'office':
      return [contract.officeName ?? '', contract.officeName ?? unassignedName];
    case 'salesperson':
      return [contract.salespersonName ?? '', contract.salespersonName ?? unassignedName];
  }
}

/**
 * 签约客户统计: per office, how many customers of each contract tier have a contract in force this year — the
 * seeds' table of signed dealers, distributors and secondary wholesalers per office.
 */
export function contractedCustomers(ctx: ServiceContext, input: { year: number }) {
  const rows = ctx.db.$client
    .prepare(
      'SELECT coalesce(o.name, ?) AS officeName, c.channel_tier AS tier, count(DISTINCT c.counterparty_id) AS customers ' +
        'FROM contracts c JOIN counterparties p ON p.id = c.counterparty_id LEFT JOIN offices o ON o.id = c.office_id ' +
        "WHERE c.kind = 'sales' AND c.status IN ('approved', 'executing', 'ended') AND c.period_start <= ? AND c.period_end >= ? " +
        `AND ${counterpartyInReach(ctx.actor.customerReach, 'p')} GROUP BY o.name, c.channel_tier ORDER BY o.name`,
    )
    .all(unassignedName, `${input.year}-12-31`, `${input.year}-01-01`) as {
    officeName: string;
    tier: ChannelTier | null;
    customers: number;
  }[];
  const byOffice = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const counts = byOffice.get(row.officeName) ?? Object.fromEntries(contractTiers.map((tier) => [tier, 0]));
    if (row.tier && contractTiers.includes(row.tier))
      counts[row.tier] = (counts[row.tier] ?? 0) + row.customers;
    byOffice.set(row.officeName, counts);
  }
  const total = (counts: Record<string, number>) =>
    contractTiers.reduce((sum, tier) => sum + (counts[tier] ?? 0), 0);
  const list = [...byOffice.entries()].map(([officeName, counts]) => ({
    officeName,
    dealer: counts.dealer ?? 0,
    distributor: counts.distributor ?? 0,
    special_distributor: counts.special_distributor ?? 0,
    signed_wholesaler: counts.signed_wholesaler ?? 0,
    total: total(counts),
  }));
  type Counted = 'dealer' | 'distributor' | 'special_distributor' | 'signed_wholesaler' | 'total';
  const sum = (key: Counted) => list.reduce((acc, row) => acc + row[key], 0);
  return {
    year: input.year,
    rows: list,
    totals: {
      dealer: sum('dealer'),
      distributor: sum('distributor'),
      special_distributor: sum('special_distributor'),
      signed_wholesaler: sum('signed_wholesaler'),
      total: sum('total'),
    },
  };
}

/**
 * 未签约客户: customers of a contract tier with no contract in force this year — the missing or late signed
 * volumes that make rewards late. A contract still on its way (草稿, 已提交) is named beside the customer.
 */
export function uncontractedCustomers(ctx: ServiceContext, input: { year: number }) {
  const rows = ctx.db.$client
    .prepare(
      'SELECT p.code, p.name, p.channel_tier AS tier, o.name AS officeName, e.name AS salespersonName, ' +
        "(SELECT c.number || ' ' || c.status FROM contracts c WHERE c.counterparty_id = p.id AND c.kind = 'sales' " +
        "AND c.status IN ('draft', 'submitted') AND c.period_start <= ? AND c.period_end >= ? ORDER BY c.id DESC LIMIT 1) AS pending " +
        'FROM counterparties p LEFT JOIN offices o ON o.id = p.office_id LEFT JOIN employees e ON e.id = p.salesperson_id ' +
        `WHERE p.deleted_at IS NULL AND p.active = 1 AND p.kind <> 'supplier' AND p.channel_tier IN (${contractTiers.map(() => '?').join(', ')}) ` +
        "AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c.counterparty_id = p.id AND c.kind = 'sales' " +
        "AND c.status IN ('approved', 'executing', 'ended') AND c.period_start <= ? AND c.period_end >= ?) " +
        `AND ${counterpartyInReach(ctx.actor.customerReach, 'p')} ORDER BY o.name, p.code`,
    )
    .all(
      `${input.year}-12-31`,
      `${input.year}-01-01`,
      ...contractTiers,
      `${input.year}-12-31`,
      `${input.year}-01-01`,
    ) as {
    code: string;
    name: string;
    tier: ChannelTier;
    officeName: string | null;
    salespersonName: string | null;
    pending: string | null;
  }[];
  return {
    year: input.year,
    rows: rows.map((row) => {
      const [number, status] = row.pending?.split(' ') ?? [];
      return {
        code: row.code,
        name: row.name,
        tierLabel: channelTierLabels[row.tier],
        officeName: row.officeName ?? unassignedName,
        salespersonName: row.salespersonName ?? unassignedName,
        pending: number ? `${number}（${contractStatusLabels[status as ContractStatus]}）` : '无',
      };
    }),
  };
}

export type ContractRewardsReport = ReturnType<typeof contractRewards>;
export type ContractedCustomersReport = ReturnType<typeof contractedCustomers>;
export type UncontractedCustomersReport = ReturnType<typeof uncontractedCustomers>;
