import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { documentExecutionColors } from '../../components/document/documentTypes';
import { documentColumns } from './documentColumns';
import { defineReport, type ReportRow } from '../../components/report/reportConfig';

type OrderRow = ReportRow<'orderExecution'>;

function ExecutionTag({ row }: { row: OrderRow }) {
  const { t } = useTranslation();
  return (
    <Tag color={documentExecutionColors[row.execution]} style={{ marginInlineEnd: 0 }}>
      {t(`document.execution.${row.execution}`)}
    </Tag>
  );
}

/**
 * 订单执行情况: per line of the approved sales or purchase orders, what was ordered, what deliveries or
 * receipts made from it took and what is still outstanding, oldest order first — the lines still open,
 * or with the box ticked also those done and the force-closed orders. No period: an order waiting
 * since last quarter is the one to chase (the API and CLI take one).
 */
export const orderExecutionReport = defineReport({
  name: 'orderExecution',
  title: 'page.reportOrderExecution',
  filters: ['counterparty', 'priceSide', 'search', 'include'],
  priceSideLabels: {
    name: 'reports.orderSide',
    sale: 'reports.orderSides.sale',
    purchase: 'reports.orderSides.purchase',
  },
  include: 'reports.includeFinishedOrders',
  input: ({ priceSide, counterpartyId, search, include }) => ({
    side: priceSide,
    openOnly: !include,
    counterpartyId,
    search: search || undefined,
  }),
  rowKey: (row) => String(row.lineId),
  // What is outstanding is in view without scrolling; codes and base-unit figures follow.
  columns: () => [
    ...documentColumns<OrderRow>('reports.columns.orderNumber'),
    {
      key: 'executionLabel',
      title: 'reports.columns.execution',
      width: 90,
      render: (row) => <ExecutionTag row={row} />,
    },
    { key: 'counterpartyName', title: 'reports.columns.counterpartyName', width: 150 },
    { key: 'goodsName', title: 'reports.columns.goodsName', width: 130 },
    { key: 'warehouseName', title: 'reports.columns.warehouseName', width: 80 },
    { key: 'mixedOrdered', title: 'reports.columns.mixedOrdered', width: 80 },
    { key: 'mixedExecuted', title: 'reports.columns.mixedExecuted', width: 80 },
    { key: 'mixedOutstanding', title: 'reports.columns.mixedOutstanding', width: 80 },
    { key: 'outstandingAmount', title: 'reports.columns.outstandingAmount', width: 150, figure: 'money' },
    { key: 'counterpartyCode', title: 'reports.columns.counterpartyCode', width: 112 },
    { key: 'goodsCode', title: 'reports.columns.goodsCode', width: 110 },
    { key: 'goodsSpec', title: 'reports.columns.goodsSpec', width: 100 },
    { key: 'baseUnit', title: 'reports.columns.baseUnit', width: 60 },
    { key: 'ordered', title: 'reports.columns.ordered', width: 90, figure: 'quantity' },
    { key: 'executed', title: 'reports.columns.executed', width: 90, figure: 'quantity' },
    { key: 'outstanding', title: 'reports.columns.outstanding', width: 90, figure: 'quantity' },
  ],
  closing: (report) => [
    { label: 'reports.total', figures: { outstandingAmount: report.totals.outstandingAmount } },
  ],
});
