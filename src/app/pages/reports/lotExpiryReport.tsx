import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Figure } from '../../components/report/figures';
import { defineReport } from '../../components/report/reportConfig';
import { goodsColumns, warehouseColumn } from './goodsColumns';

/** Days to expiry; expired lots in red, those due within a week in amber. */
function DaysLeft({ days }: { days: number }) {
  const { t } = useTranslation();
  if (days < 0)
    return <Typography.Text type="danger">{t('reports.expired', { days: -days })}</Typography.Text>;
  if (days === 0) return <Typography.Text type="danger">{t('reports.today')}</Typography.Text>;
  return days <= 7 ? (
    <Typography.Text type="warning">
      <Figure value={days} kind="integer" />
    </Typography.Text>
  ) : (
    <Figure value={days} kind="integer" />
  );
}

/** 批次保质期: lots on hand expiring within the coming days, and those already expired, soonest first. */
export const lotExpiryReport = defineReport({
  name: 'lotExpiry',
  title: 'page.reportLotExpiry',
  filters: ['withinDays', 'asOf', 'warehouse', 'search'],
  input: ({ withinDays, asOf, warehouseId, search }) => ({
    withinDays,
    asOf,
    warehouseId,
    search: search || undefined,
  }),
  rowKey: (row) => `${row.goodsId}:${row.warehouseId}:${row.lot}`,
  columns: () => [
    ...goodsColumns(),
    warehouseColumn(),
    { key: 'lot', title: 'reports.columns.lot', width: 120 },
    { key: 'expiryDate', title: 'reports.columns.expiryDate', width: 100 },
    {
      key: 'daysLeft',
      title: 'reports.columns.daysLeft',
      width: 120,
      figure: 'integer',
      render: (row) => <DaysLeft days={row.daysLeft} />,
    },
    { key: 'quantity', title: 'reports.columns.quantity', width: 100, figure: 'quantity' },
    { key: 'baseUnit', title: 'reports.columns.baseUnit', width: 60 },
    { key: 'mixedQuantity', title: 'reports.columns.mixedQuantity', width: 130 },
    { key: 'value', title: 'reports.columns.value', width: 120, figure: 'money' },
  ],
});
