import { DocumentLink } from '../../components/report/DocumentLink';
import { defineReport } from '../../components/report/reportConfig';
import { goodsColumns } from './goodsColumns';

/** 在途库存: transfer lines shipped and not yet received. */
export const inTransitReport = defineReport({
  name: 'inTransit',
  title: 'page.reportInTransit',
  filters: ['warehouse', 'search'],
  input: ({ warehouseId, search }) => ({ warehouseId, search: search || undefined }),
  rowKey: (row) => `${row.lineId}:${row.lot}`,
  columns: () => [
    {
      key: 'documentNumber',
      title: 'reports.columns.transferNumber',
      width: 160,
      fixed: true,
      render: (row) => <DocumentLink type="transfer" id={row.documentId} number={row.documentNumber} />,
    },
    { key: 'date', title: 'reports.columns.transferDate', width: 100 },
    ...goodsColumns(),
    { key: 'fromWarehouseName', title: 'reports.columns.fromWarehouseName', width: 110 },
    { key: 'toWarehouseName', title: 'reports.columns.toWarehouseName', width: 110 },
    { key: 'lot', title: 'reports.columns.lot', width: 110 },
    { key: 'quantity', title: 'reports.columns.inTransitQuantity', width: 100, figure: 'quantity' },
    { key: 'baseUnit', title: 'reports.columns.baseUnit', width: 60 },
    { key: 'mixedQuantity', title: 'reports.columns.mixedQuantity', width: 130 },
    { key: 'value', title: 'reports.columns.inTransitValue', width: 120, figure: 'money' },
  ],
  closing: (report) => [{ label: 'reports.total', figures: { value: report.totals.value } }],
});
