import type { ApiOutput } from '../../../../shared/api';
import { commonColumns } from '../../../components/list/commonColumns';
import type { EntityListConfig, ListQuery } from '../../../components/list/entityListConfig';
import { listQueryInput } from '../../../components/list/listQueryInput';
import { EnumLabel } from '../options/EnumLabel';
import {
  enumLabels,
  useChannelTierOptions,
  useCounterpartyKindOptions,
  type ChannelTier,
  type CounterpartyKind,
} from '../options/useEnumOptions';
import { useOfficeOptions } from '../options/useRecordOptions';
import { counterpartyForm } from './counterpartyForm';
import type { CounterpartyFormValues } from './counterpartyFormValues';

type CounterpartyRow = ApiOutput<'counterparties.list'>['rows'][number];
type CounterpartySort = 'code' | 'name' | 'updatedAt';
interface CounterpartyFilters {
  kind: CounterpartyKind;
  channelTier: ChannelTier;
  officeId: number;
}

const counterpartyQuery = (query: ListQuery<CounterpartyFilters, CounterpartySort>) => ({
  ...listQueryInput(query),
  kind: query.filters.kind,
  channelTier: query.filters.channelTier,
  officeId: query.filters.officeId,
});

/** 往来单位: customers and suppliers, filtered by kind, channel tier and office. */
export const counterpartyList: EntityListConfig<
  CounterpartyRow,
  CounterpartyFilters,
  CounterpartySort,
  CounterpartyFormValues
> = {
  entity: 'counterparties',
  noun: 'nouns.counterparties',
  title: 'page.counterparties',
  listMethod: 'counterparties.list',
  fetchWindow: (client, query, window) =>
    client.call('counterparties.list', { ...counterpartyQuery(query), ...window }),
  exportList: (client, query, columns) =>
    client.call('export.list', { entity: 'counterparties', query: counterpartyQuery(query), columns }),
  searchPlaceholder: 'counterparty.searchPlaceholder',
  filters: [
    {
      key: 'kind',
      label: 'counterparty.kind',
      kind: 'select',
      width: 130,
      useOptions: useCounterpartyKindOptions,
    },
    {
      key: 'channelTier',
      label: 'counterparty.channelTier',
      kind: 'select',
      width: 130,
      useOptions: useChannelTierOptions,
    },
    {
      key: 'officeId',
      label: 'counterparty.office',
      kind: 'select',
      width: 150,
      useOptions: useOfficeOptions,
    },
  ],
  columns: [
    commonColumns.code('counterparty.code', 'code', 90),
    commonColumns.name('counterparty.name', 'name', 200),
    {
      key: 'kind',
      title: 'counterparty.kind',
      width: 76,
      render: (row) => <EnumLabel labels={enumLabels.kind} value={row.kind} />,
    },
    {
      key: 'channelTier',
      title: 'counterparty.channelTier',
      width: 92,
      render: (row) => <EnumLabel labels={enumLabels.tier} value={row.channelTier} />,
    },
    { key: 'parentCode', title: 'counterparty.columns.parentCode', width: 104 },
    { key: 'parentName', title: 'counterparty.columns.parentName', width: 170 },
    { key: 'office', title: 'counterparty.office', width: 100, render: (row) => row.officeName },
    {
      key: 'salesperson',
      title: 'counterparty.salesperson',
      width: 72,
      render: (row) => row.salespersonName,
    },
    { key: 'region', title: 'counterparty.region', width: 110 },
    { key: 'contactName', title: 'counterparty.contact.name', width: 72 },
    { key: 'contactPhone', title: 'counterparty.contact.phone', width: 112 },
    { key: 'creditLimit', title: 'counterparty.columns.creditLimit', width: 104, align: 'right' },
    { key: 'paymentTermDays', title: 'counterparty.columns.paymentTermDays', width: 80, align: 'right' },
    { key: 'openingReceivable', title: 'counterparty.columns.openingReceivable', width: 112, align: 'right' },
    {
      key: 'openingPayable',
      title: 'counterparty.columns.openingPayable',
      width: 112,
      align: 'right',
      hiddenByDefault: true,
    },
    {
      key: 'isInternal',
      title: 'counterparty.isInternal',
      width: 72,
      align: 'center',
      hiddenByDefault: true,
    },
    commonColumns.active(),
    commonColumns.updatedAt('updatedAt'),
  ],
  form: counterpartyForm,
};
