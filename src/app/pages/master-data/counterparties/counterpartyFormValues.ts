import type { ApiInput, ApiOutput } from '../../../../shared/api';
import type { ChannelTier, CounterpartyKind } from '../options/useEnumOptions';

type CounterpartyView = ApiOutput<'counterparties.get'>;
type CounterpartyInput = ApiInput<'counterparties.save'>['counterparty'];

export interface ContactValues {
  name: string;
  phone: string;
  role: string;
}

/** The counterparty form's values: money as the exact text shown ("500000.00"). */
export interface CounterpartyFormValues {
  code: string;
  name: string;
  kind: CounterpartyKind;
  channelTier: ChannelTier | null;
  parentId: number | null;
  /** "KH0001 朝阳区宏达商贸有限公司": what the parent picker shows before any search. */
  parentLabel: string | null;
  officeId: number | null;
  salespersonId: number | null;
  region: string;
  address: string;
  creditLimit: string;
  paymentTermDays: number | null;
  openingReceivable: string;
  openingPayable: string;
  invoiceTitle: string;
  taxId: string;
  bankName: string;
  bankAccount: string;
  isInternal: boolean;
  internalBranchCode: string;
  remark: string;
  active: boolean;
  contacts: ContactValues[];
}

export function blankCounterparty(): CounterpartyFormValues {
  return {
    code: '',
    name: '',
    kind: 'customer',
    channelTier: null,
    parentId: null,
    parentLabel: null,
    officeId: null,
    salespersonId: null,
    region: '',
    address: '',
    creditLimit: '',
    paymentTermDays: null,
    openingReceivable: '',
    openingPayable: '',
    invoiceTitle: '',
    taxId: '',
    bankName: '',
    bankAccount: '',
    isInternal: false,
    internalBranchCode: '',
    remark: '',
    active: true,
    contacts: [],
  };
}

export const blankContact = (): ContactValues => ({ name: '', phone: '', role: '' });

export function counterpartyToValues(view: CounterpartyView): CounterpartyFormValues {
  return {
    code: view.code,
    name: view.name,
    kind: view.kind,
    channelTier: view.channelTier,
    parentId: view.parentId,
    parentLabel: view.parentCode ? `${view.parentCode} ${view.parentName ?? ''}` : null,
    officeId: view.officeId,
    salespersonId: view.salespersonId,
    region: view.region,
    address: view.address,
    creditLimit: view.creditLimit ?? '',
    paymentTermDays: view.paymentTermDays,
    openingReceivable: view.openingReceivable,
    openingPayable: view.openingPayable,
    invoiceTitle: view.invoiceTitle,
    taxId: view.taxId,
    bankName: view.bankName,
    bankAccount: view.bankAccount,
    isInternal: view.isInternal,
    internalBranchCode: view.internalBranchCode ?? '',
    remark: view.remark,
    active: view.active,
    contacts: view.contacts,
  };
}

export function valuesToCounterpartyInput(values: CounterpartyFormValues): CounterpartyInput {
  const { parentLabel: _parentLabel, ...record } = values;
  // A pure supplier is outside the channel: no tier, no parent customer.
  const inChannel = values.kind !== 'supplier';
  return {
    ...record,
    channelTier: inChannel ? values.channelTier : null,
    parentId: inChannel ? values.parentId : null,
    creditLimit: values.creditLimit || null,
    internalBranchCode: values.isInternal ? values.internalBranchCode || null : null,
  };
}
