import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../shared/api';
import type { OptionSource } from '../../../components/list/entityListConfig';
import type { MessageKey } from '../../../i18n/messageKey';

type CounterpartyInput = ApiInput<'counterparties.save'>['counterparty'];
export type CounterpartyKind = NonNullable<CounterpartyInput['kind']>;
export type ChannelTier = NonNullable<CounterpartyInput['channelTier']>;
export type OfficeKind = NonNullable<ApiInput<'offices.save'>['office']['kind']>;

// Typed by the engine's own unions: a tier the engine adds and the page does not name fails the typecheck.
const kindLabels = {
  customer: 'counterparty.kinds.customer',
  supplier: 'counterparty.kinds.supplier',
  both: 'counterparty.kinds.both',
} as const satisfies Record<CounterpartyKind, MessageKey>;

const tierLabels = {
  dealer: 'counterparty.tiers.dealer',
  distributor: 'counterparty.tiers.distributor',
  special_distributor: 'counterparty.tiers.special_distributor',
  signed_wholesaler: 'counterparty.tiers.signed_wholesaler',
  direct_wholesaler: 'counterparty.tiers.direct_wholesaler',
  retail: 'counterparty.tiers.retail',
} as const satisfies Record<ChannelTier, MessageKey>;

const officeKindLabels = {
  office: 'office.kinds.office',
  department: 'office.kinds.department',
} as const satisfies Record<OfficeKind, MessageKey>;

export const enumLabels = { kind: kindLabels, tier: tierLabels, officeKind: officeKindLabels };

function useOptionsOf(labels: Record<string, MessageKey>): OptionSource {
  const { t } = useTranslation();
  return {
    loading: false,
    options: Object.entries(labels).map(([value, label]) => ({ value, label: t(label) })),
  };
}

/** 客户 / 供应商 / 客户及供应商 */
export const useCounterpartyKindOptions = () => useOptionsOf(kindLabels);
/** 渠道类型: dealer down to retail (DOMAIN.md §4). */
export const useChannelTierOptions = () => useOptionsOf(tierLabels);
/** 办事处 / 部门 */
export const useOfficeKindOptions = () => useOptionsOf(officeKindLabels);
