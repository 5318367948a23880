import { counterpartySpec } from '../../domain/master-data/counterparty-spec';
import type { listCounterparties } from '../master-data/counterparties-list';
import { integer, money, specColumn, text, timestamp, yesNo, type ExportColumn } from './export-column';

type CounterpartyListRow = ReturnType<typeof listCounterparties>['rows'][number];

const column = (
  key: string,
  cell: (row: CounterpartyListRow) => ReturnType<ExportColumn<CounterpartyListRow>['cell']>,
) => specColumn(counterpartySpec, key, cell);

/** The counterparty list's columns; the money columns are numbers Excel can sum. */
export const counterpartyColumns: ExportColumn<CounterpartyListRow>[] = [
  column('code', (row) => text(row.code)),
  column('name', (row) => text(row.name)),
  column('kind', (row) => text(row.kindLabel)),
  column('channelTier', (row) => text(row.channelTierLabel)),
  column('parentCode', (row) => text(row.parentCode)),
  { key: 'parentName', label: '上级客户名称', width: 24, cell: (row) => text(row.parentName) },
  column('office', (row) => text(row.officeName)),
  column('salesperson', (row) => text(row.salespersonName)),
  column('region', (row) => text(row.region)),
  column('contactName', (row) => text(row.contactName)),
  column('contactPhone', (row) => text(row.contactPhone)),
  column('creditLimit', (row) => money(row.creditLimit)),
  column('paymentTermDays', (row) => integer(row.paymentTermDays)),
  column('openingReceivable', (row) => money(row.openingReceivable)),
  column('openingPayable', (row) => money(row.openingPayable)),
  column('isInternal', (row) => yesNo(counterpartySpec, 'isInternal', row.isInternal)),
  column('active', (row) => yesNo(counterpartySpec, 'active', row.active)),
  { key: 'updatedAt', label: '修改时间', width: 17, cell: (row) => timestamp(row.updatedAt) },
];
