/** Counterparties and the customer channel (DOMAIN.md §4). */

export const counterpartyKinds = ['customer', 'supplier', 'both'] as const;
export type CounterpartyKind = (typeof counterpartyKinds)[number];

export const counterpartyKindLabels: Record<CounterpartyKind, string> = {
  customer: '客户',
  supplier: '供应商',
  both: '客户及供应商',
};

/** 渠道类型: the tiers of the channel tree, from the dealer down to retail. */
export const channelTiers = [
  'dealer',
  'distributor',
  'special_distributor',
  'signed_wholesaler',
  'direct_wholesaler',
  'retail',
] as const;
export type ChannelTier = (typeof channelTiers)[number];

export const channelTierLabels: Record<ChannelTier, string> = {
  dealer: '经销商',
  distributor: '分销商',
  special_distributor: '特约分销商',
  signed_wholesaler: '签约二批商',
  direct_wholesaler: '直供二批',
  retail: '终端',
};

/** Customers under contract management (DOMAIN.md §8). */
export const contractTiers: readonly ChannelTier[] = [
  'dealer',
  'distributor',
  'special_distributor',
  'signed_wholesaler',
];
