import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { defineReport, type ReportRow } from '../../components/report/reportConfig';
import { goodsColumns, warehouseColumn } from './goodsColumns';

function AlertTag({ status }: { status: ReportRow<'stockAlerts'>['status'] }) {
  const { t } = useTranslation();
  return <Tag color={status === 'below' ? 'red' : 'orange'}>{t(`reports.alertStatus.${status}`)}</Tag>;
}

/** 库存预警: goods × warehouses below their lower stock line or above their upper one, now. */
export const stockAlertsReport = defineReport({
  name: 'stockAlerts',
  title: 'page.reportStockAlerts',
  filters: ['warehouse', 'search'],
  input: ({ warehouseId, search }) => ({ warehouseId, search: search || undefined }),
  rowKey: (row) => `${row.goodsId}:${row.warehouseId}`,
  columns: () => [
    ...goodsColumns(),
    warehouseColumn(),
    {
      key: 'statusLabel',
      title: 'reports.columns.status',
      width: 100,
      render: (row) => <AlertTag status={row.status} />,
    },
    { key: 'onHand', title: 'reports.columns.onHand', width: 100, figure: 'quantity' },
    { key: 'baseUnit', title: 'reports.columns.baseUnit', width: 60 },
    { key: 'mixedOnHand', title: 'reports.columns.mixedQuantity', width: 130 },
    { key: 'onOrder', title: 'reports.columns.onOrder', width: 90, figure: 'quantity' },
    { key: 'lower', title: 'reports.columns.lower', width: 90, figure: 'quantity' },
    { key: 'upper', title: 'reports.columns.upper', width: 90, figure: 'quantity' },
    { key: 'suggestedQuantity', title: 'reports.columns.suggestedQuantity', width: 100, figure: 'quantity' },
    { key: 'mixedSuggested', title: 'reports.columns.mixedSuggested', width: 130 },
  ],
});
