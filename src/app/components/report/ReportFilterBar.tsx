import { Checkbox, DatePicker, Input, InputNumber, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { reportKinds, type ReportKind } from '../../../shared/channel/channel-report';
import { useWarehouses } from '../../pages/master-data/options/useRecordOptions';
import { CounterpartyPicker } from './CounterpartyPicker';
import { GoodsPicker } from './GoodsPicker';
import { MoneySideSwitch, sideOfCounterparty } from './MoneySideSwitch';
import type { MessageKey } from '../../i18n/messageKey';
import {
  priceSideLabels as pricesLabels,
  priceSides,
  type PriceSide,
  type PriceSideLabels,
  type ReportFilter,
  type ReportFilterValues,
  type ReportGrouping,
} from './reportConfig';
import { DateInput } from '../form/DateInput';

const dateFormat = 'YYYY-MM-DD';

/** What the person has set, before the search text settles. */
export type FilterDraft = Omit<ReportFilterValues, 'search'> & { searchText: string };

/** A supplier is looked at for what the branch paid it, a customer for what it was charged. */
function priceSideOfCounterparty(kind: string | undefined, current: PriceSide): PriceSide {
  if (kind === 'supplier') return 'purchase';
  if (kind === 'customer') return 'sale';
  return current;
}

/** The controls of the filters a report takes, in one order for every report. */
export function ReportFilterBar({
  filters,
  groupings = [],
  include,
  priceSideLabels = pricesLabels,
  value,
  onChange,
}: {
  filters: readonly ReportFilter[];
  groupings?: readonly ReportGrouping[];
  /** The text of the `include` checkbox. */
  include?: MessageKey | undefined;
  priceSideLabels?: PriceSideLabels | undefined;
  value: FilterDraft;
  onChange: (change: Partial<FilterDraft>) => void;
}) {
  const { t } = useTranslation();
  const warehouses = useWarehouses();
  const has = (filter: ReportFilter) => filters.includes(filter);

  return (
    <Space size={8} wrap>
      {has('counterparty') && (
        <CounterpartyPicker
          value={value.counterpartyId}
          onChange={(counterpartyId, kind) =>
            onChange({
              counterpartyId,
              side: sideOfCounterparty(kind, value.side),
              priceSide: priceSideOfCounterparty(kind, value.priceSide),
            })
          }
          testId="report-counterparty"
        />
      )}
      {has('side') && (
        <MoneySideSwitch value={value.side} onChange={(side) => onChange({ side })} testId="report-side" />
      )}
      {has('priceSide') && (
        <Segmented<PriceSide>
          value={value.priceSide}
          onChange={(priceSide) => onChange({ priceSide })}
          options={priceSides.map((side) => ({ value: side, label: t(priceSideLabels[side]) }))}
          aria-label={t(priceSideLabels.name)}
          data-testid="report-price-side"
        />
      )}
      {has('reportKind') && (
        <Segmented<ReportKind>
          value={value.reportKind}
          onChange={(reportKind) => onChange({ reportKind })}
          options={reportKinds.map((kind) => ({ value: kind, label: t(`channel.kinds.${kind}`) }))}
          aria-label={t('channel.kind')}
          data-testid="report-kind"
        />
      )}
      {has('goods') && <GoodsPicker value={value.goodsId} onChange={(goodsId) => onChange({ goodsId })} />}
      {has('asOf') && (
        <DateInput
          value={dayjs(value.asOf)}
          allowClear={false}
          prefix={t('reports.asOf')}
          onChange={(date) => date && onChange({ asOf: date.format(dateFormat) })}
          data-testid="report-as-of"
        />
      )}
      {has('period') && (
        <DatePicker.RangePicker
          value={[dayjs(value.from), dayjs(value.to)]}
          allowClear={false}
          prefix={t('reports.period')}
          onChange={(range) => {
            const [from, to] = range ?? [];
            if (from && to) onChange({ from: from.format(dateFormat), to: to.format(dateFormat) });
          }}
          data-testid="report-period"
        />
      )}
      {has('withinDays') && (
        <Space.Compact>
          <InputNumber<number>
            min={0}
            max={3650}
            precision={0}
            value={value.withinDays}
            prefix={t('reports.withinDays')}
            onChange={(days) => days !== null && onChange({ withinDays: days })}
            style={{ width: 150 }}
            data-testid="report-within-days"
          />
          <Space.Addon>{t('reports.withinDaysSuffix')}</Space.Addon>
        </Space.Compact>
      )}
      {has('groupBy') && (
        <Select<string>
          value={value.groupBy}
          prefix={t('reports.groupBy')}
          aria-label={t('reports.groupBy')}
          options={groupings.map((grouping) => ({ value: grouping.value, label: t(grouping.label) }))}
          onChange={(groupBy) => onChange({ groupBy })}
          style={{ width: 200 }}
          data-testid="report-group-by"
        />
      )}
      {has('warehouse') && (
        <Select<number>
          value={value.warehouseId}
          allowClear
          placeholder={t('reports.allWarehouses')}
          aria-label={t('reports.warehouse')}
          loading={warehouses.isPending}
          options={(warehouses.data?.rows ?? []).map((warehouse) => ({
            value: warehouse.id,
            label: `${warehouse.name}（${warehouse.code}）`,
          }))}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(warehouseId) => onChange({ warehouseId })}
          style={{ width: 180 }}
          data-testid="report-warehouse"
        />
      )}
      {has('search') && (
        <Input.Search
          allowClear
          value={value.searchText}
          placeholder={t('reports.search')}
          aria-label={t('reports.search')}
          onChange={(event) => onChange({ searchText: event.target.value })}
          style={{ width: 280 }}
          data-testid="report-search"
        />
      )}
      {has('include') && include && (
        <Checkbox
          checked={value.include}
          onChange={(event) => onChange({ include: event.target.checked })}
          data-testid="report-include"
        >
          {t(include)}
        </Checkbox>
      )}
    </Space>
  );
}
