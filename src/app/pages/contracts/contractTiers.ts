import type { ApiOutput } from '../../../shared/api';

export type ChannelTier = keyof ApiOutput<'contracts.requirements'>;

/**
 * The tiers under contract management (DOMAIN.md §8): those with a signing table, required content and a
 * standard rebate policy. The engine keeps the same list in domain/master-data/channel.ts (contractTiers).
 */
export const contractTiers = [
  'dealer',
  'distributor',
  'special_distributor',
  'signed_wholesaler',
] as const satisfies readonly ChannelTier[];
