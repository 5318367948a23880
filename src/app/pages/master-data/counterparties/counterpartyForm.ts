import type { EntityFormConfig } from '../../../components/form/entityFormConfig';
import { useChannelTierOptions, useCounterpartyKindOptions } from '../options/useEnumOptions';
import { useEmployeeOptions, useOfficeOptions } from '../options/useRecordOptions';
import { CounterpartyContactsEditor } from './CounterpartyContactsEditor';
import {
  blankCounterparty,
  counterpartyToValues,
  valuesToCounterpartyInput,
  type CounterpartyFormValues,
} from './counterpartyFormValues';

const inChannel = { field: 'kind', is: (kind: unknown) => kind !== 'supplier' } as const;

export const counterpartyForm: EntityFormConfig<CounterpartyFormValues> = {
  width: 920,
  getMethod: 'counterparties.get',
  load: async (client, id) => {
    const view = await client.call('counterparties.get', { id });
    return { values: counterpartyToValues(view), version: view.version };
  },
  blank: blankCounterparty,
  save: (client, target, values) =>
    client.call('counterparties.save', { ...target, counterparty: valuesToCounterpartyInput(values) }),
  issuePrefix: ['counterparty'],
  describe: (values) => `${values.code} ${values.name}`,
  sections: [
    {
      fields: [
        {
          kind: 'text',
          name: 'code',
          label: 'counterparty.code',
          required: true,
          maxLength: 30,
          autoFocus: true,
        },
        { kind: 'text', name: 'name', label: 'counterparty.name', required: true, maxLength: 60 },
        {
          kind: 'select',
          name: 'kind',
          label: 'counterparty.kind',
          required: true,
          useOptions: useCounterpartyKindOptions,
        },
        {
          kind: 'select',
          name: 'channelTier',
          label: 'counterparty.channelTier',
          useOptions: useChannelTierOptions,
          enabledWhen: inChannel,
        },
        {
          kind: 'search',
          name: 'parentId',
          label: 'counterparty.parent',
          labelField: 'parentLabel',
          placeholder: 'counterparty.parentPlaceholder',
          enabledWhen: inChannel,
          search: async (client, term) =>
            (await client.call('counterparties.search', { term, kind: 'customer', limit: 20 })).map(
              (match) => ({
                value: match.id,
                label: `${match.code} ${match.name}`,
              }),
            ),
        },
        { kind: 'select', name: 'officeId', label: 'counterparty.office', useOptions: useOfficeOptions },
        {
          kind: 'select',
          name: 'salespersonId',
          label: 'counterparty.salesperson',
          useOptions: useEmployeeOptions,
        },
        { kind: 'text', name: 'region', label: 'counterparty.region', maxLength: 30 },
        { kind: 'text', name: 'address', label: 'counterparty.address', maxLength: 120, span: 24 },
      ],
    },
    {
      title: 'counterparty.sectionCredit',
      fields: [
        {
          kind: 'decimal',
          name: 'creditLimit',
          label: 'counterparty.creditLimit',
          suffix: 'common.yuan',
          extra: 'counterparty.creditLimitHelp',
        },
        {
          kind: 'integer',
          name: 'paymentTermDays',
          label: 'counterparty.paymentTermDays',
          suffix: 'common.days',
        },
        {
          kind: 'decimal',
          name: 'openingReceivable',
          label: 'counterparty.openingReceivable',
          suffix: 'common.yuan',
        },
        {
          kind: 'decimal',
          name: 'openingPayable',
          label: 'counterparty.openingPayable',
          suffix: 'common.yuan',
        },
      ],
    },
    {
      title: 'counterparty.sectionInvoice',
      fields: [
        { kind: 'text', name: 'invoiceTitle', label: 'counterparty.invoiceTitle', maxLength: 60 },
        { kind: 'text', name: 'taxId', label: 'counterparty.taxId', maxLength: 20 },
        { kind: 'text', name: 'bankName', label: 'counterparty.bankName', maxLength: 60 },
        { kind: 'text', name: 'bankAccount', label: 'counterparty.bankAccount', maxLength: 40 },
        {
          kind: 'switch',
          name: 'isInternal',
          label: 'counterparty.isInternal',
          extra: 'counterparty.isInternalHelp',
        },
        {
          kind: 'text',
          name: 'internalBranchCode',
          label: 'counterparty.internalBranchCode',
          maxLength: 12,
          placeholder: 'counterparty.internalBranchCodePlaceholder',
          enabledWhen: { field: 'isInternal', is: (value) => value === true },
        },
      ],
    },
    {
      title: 'counterparty.sectionContacts',
      fields: [{ kind: 'custom', key: 'contacts', component: CounterpartyContactsEditor }],
    },
    {
      title: 'form.sectionOther',
      fields: [
        {
          kind: 'switch',
          name: 'active',
          label: 'fields.active',
          checked: 'list.active',
          unchecked: 'list.disabled',
          span: 8,
        },
        { kind: 'textarea', name: 'remark', label: 'fields.remark', maxLength: 200, span: 16 },
      ],
    },
  ],
};
