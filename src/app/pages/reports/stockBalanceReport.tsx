import { defineReport } from '../../components/report/reportConfig';
import { goodsColumns, warehouseColumn } from './goodsColumns';

/** 库存余额: on hand per goods × warehouse at the end of a day, with unit cost and value. */
export const stockBalanceReport = defineReport({
  name: 'stockBalance',
  title: 'page.reportStockBalance',
  filters: ['asOf', 'warehouse', 'search', 'include'],
  include: 'reports.includeZero',
  input: ({ asOf, warehouseId, search, include }) => ({
    asOf,
    warehouseId,
    search: search || undefined,
    includeZero: include,
  }),
  rowKey: (row) => `${row.goodsId}:${row.warehouseId}`,
  columns: () => [
    ...goodsColumns(),
    warehouseColumn(),
    { key: 'quantity', title: 'reports.columns.quantity', width: 100, figure: 'quantity' },
    { key: 'baseUnit', title: 'reports.columns.baseUnit', width: 60 },
    { key: 'mixedQuantity', title: 'reports.columns.mixedQuantity', width: 130, figure: 'text' },
    { key: 'unitCost', title: 'reports.columns.unitCost', width: 100, figure: 'unitCost' },
    { key: 'value', title: 'reports.columns.value', width: 120, figure: 'money' },
    { key: 'reserved', title: 'reports.columns.reserved', width: 90, figure: 'quantity' },
    { key: 'available', title: 'reports.columns.available', width: 100, figure: 'quantity' },
  ],
  closing: (report) => [{ label: 'reports.total', figures: { value: report.totals.value } }],
});
