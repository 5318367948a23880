import { channelTiers, type ChannelTier } from '../../domain/master-data/channel';
import { rebateTermsSchema, type RebateTerm } from '../../../shared/contracts/rebate-terms';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings/setting-row';

/**
 * 标准返利政策: the rebate terms head office sets for each tier, which a contract imported from a signing
 * table starts with (the table says volumes and prices, not rebate terms). A draft's terms can be changed
 * before it is submitted; once approved, only a 补充协议 changes them.
 */
export type TierRebatePolicy = Partial<Record<ChannelTier, RebateTerm[]>>;

const key = 'contractRebatePolicy';

export function tierRebatePolicy(ctx: ServiceContext): TierRebatePolicy {
  return (readSetting(ctx.db, key) as TierRebatePolicy | undefined) ?? {};
}

export function updateTierRebatePolicy(ctx: ServiceContext, change: Partial<Record<ChannelTier, unknown>>) {
  const checked: TierRebatePolicy = {};
  for (const tier of channelTiers) {
    if (change[tier] === undefined) continue;
    const parsed = rebateTermsSchema.safeParse(change[tier]);
    if (!parsed.success) {
      throw new LedgerError('VALIDATION', `标准返利政策：${parsed.error.issues[0]!.message}`, { tier });
    }
    checked[tier] = parsed.data;
  }
  return ctx.db.transaction((tx) => {
    const before = tierRebatePolicy(ctx);
    const after = { ...before, ...checked };
    writeSetting(tx, key, after, ctx.clock.now().toISOString());
    recordAudit(tx, ctx, {
      action: 'contracts.rebatePolicy',
      entity: 'settings',
      entityKey: key,
      before,
      after,
    });
    return after;
  });
}
