import type { MessageKey } from '../../i18n/messageKey';
import { defineReport, type ReportColumn, type ReportRow } from '../../components/report/reportConfig';
import { goodsColumns, warehouseColumn } from './goodsColumns';

type SummaryRow = ReportRow<'periodSummary'>;
type Flow =
  | 'purchase'
  | 'salesReturn'
  | 'transferIn'
  | 'gain'
  | 'otherIn'
  | 'in'
  | 'sales'
  | 'purchaseReturn'
  | 'transferOut'
  | 'loss'
  | 'otherOut'
  | 'out';

/** A quantity and its value under one heading; a wide table leaves its zeros blank. */
function pair(flow: Flow, title: MessageKey): ReportColumn<SummaryRow> {
  return {
    key: flow,
    title,
    children: [
      {
        key: `${flow}Quantity`,
        title: 'reports.columns.quantityShort',
        width: 84,
        figure: 'quantity',
        blankZero: true,
      },
      {
        key: `${flow}Value`,
        title: 'reports.columns.valueShort',
        width: 104,
        figure: 'money',
        blankZero: true,
      },
    ],
  };
}

/**
 * 进销存汇总: per goods × warehouse, 期初 / 入库 by kind / 出库 by kind / 期末 over a period. Every row
 * reconciles: opening + in − out + adjustment (+ allocation under 统一核算) = closing.
 */
export const periodSummaryReport = defineReport({
  name: 'periodSummary',
  title: 'page.reportPeriodSummary',
  filters: ['period', 'warehouse', 'search'],
  input: ({ from, to, warehouseId, search }) => ({ from, to, warehouseId, search: search || undefined }),
  rowKey: (row) => `${row.goodsId}:${row.warehouseId}`,
  columns: (report) => [
    ...goodsColumns<SummaryRow>(),
    warehouseColumn<SummaryRow>(),
    { key: 'baseUnit', title: 'reports.columns.baseUnit', width: 56 },
    {
      key: 'opening',
      title: 'reports.columns.opening',
      children: [
        { key: 'openingQuantity', title: 'reports.columns.quantityShort', width: 84, figure: 'quantity' },
        { key: 'openingValue', title: 'reports.columns.valueShort', width: 104, figure: 'money' },
      ],
    },
    {
      key: 'inbound',
      title: 'reports.columns.inbound',
      children: [
        pair('purchase', 'reports.columns.purchase'),
        pair('salesReturn', 'reports.columns.salesReturn'),
        pair('transferIn', 'reports.columns.transferIn'),
        pair('gain', 'reports.columns.gain'),
        pair('otherIn', 'reports.columns.otherIn'),
        pair('in', 'reports.columns.inTotal'),
      ],
    },
    {
      key: 'outbound',
      title: 'reports.columns.outbound',
      children: [
        pair('sales', 'reports.columns.sales'),
        pair('purchaseReturn', 'reports.columns.purchaseReturn'),
        pair('transferOut', 'reports.columns.transferOut'),
        pair('loss', 'reports.columns.loss'),
        pair('otherOut', 'reports.columns.otherOut'),
        pair('out', 'reports.columns.outTotal'),
      ],
    },
    {
      key: 'adjustmentValue',
      title: 'reports.columns.adjustmentValue',
      width: 100,
      figure: 'money',
      blankZero: true,
    },
    // Only under 统一核算 does a warehouse's share of value move without a movement of its own.
    ...(report?.valueAllocated
      ? [
          {
            key: 'allocationValue',
            title: 'reports.columns.allocationValue',
            width: 100,
            figure: 'money',
            blankZero: true,
          } as const,
        ]
      : []),
    {
      key: 'closing',
      title: 'reports.columns.closing',
      children: [
        { key: 'closingQuantity', title: 'reports.columns.quantityShort', width: 84, figure: 'quantity' },
        { key: 'closingValue', title: 'reports.columns.valueShort', width: 104, figure: 'money' },
      ],
    },
  ],
  closing: (report) => [{ label: 'reports.total', figures: report.totals }],
});
