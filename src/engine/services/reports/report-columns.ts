import type { InTransitReport } from './in-transit';
import type { LotExpiryReport } from './lot-expiry';
import type { PeriodSummaryReport } from './period-summary';
import { costColumn, type ReportColumn } from './report-table';
import type { StockAlertsReport } from './stock-alerts';
import type { StockBalanceReport } from './stock-balance';
import type { StockCardReport } from './stock-card';

/** The columns each stock report is exported with, in its page's default order; the clerk picks and orders them. */

export type RowOf<Report extends { rows: readonly unknown[] }> = Report['rows'][number];

export function column<Row>(
  key: keyof Row & string,
  label: string,
  width: number,
  format: ReportColumn<Row>['format'] = 'text',
): ReportColumn<Row> {
  return { key, label, width, format, value: (row) => row[key] as string | number | null };
}

function goodsColumns<Row extends { goodsCode: string; goodsName: string; goodsSpec: string }>() {
  return [
    column<Row>('goodsCode', '商品编码', 14),
    column<Row>('goodsName', '商品名称', 24),
    column<Row>('goodsSpec', '规格型号', 14),
  ];
}

type BalanceRow = RowOf<StockBalanceReport>;
export const stockBalanceColumns: ReportColumn<BalanceRow>[] = [
  ...goodsColumns<BalanceRow>(),
  column('warehouseName', '仓库', 12),
  column('quantity', '库存数量', 12, 'quantity'),
  column('baseUnit', '基本单位', 8),
  column('mixedQuantity', '库存数量（多单位）', 18),
  costColumn(column('unitCost', '单位成本', 12, 'unitCost')),
  costColumn(column('value', '库存金额', 14, 'money')),
  column('reserved', '预留数量', 12, 'quantity'),
  column('available', '可用数量', 12, 'quantity'),
];

type CardRow = RowOf<StockCardReport>;
export const stockCardColumns: ReportColumn<CardRow>[] = [
  column('date', '日期', 11),
  column('documentNumber', '单据编号', 20),
  column('documentTypeLabel', '单据类型', 12),
  column('kindLabel', '业务类型', 10),
  column('warehouseName', '仓库', 12),
  column('lot', '批号', 12),
  column('inQuantity', '收入数量', 12, 'quantity'),
  column('outQuantity', '发出数量', 12, 'quantity'),
  costColumn(column('value', '金额', 14, 'money')),
  column('runningQuantity', '结存数量', 12, 'quantity'),
  costColumn(column('runningUnitCost', '结存单价', 12, 'unitCost')),
  costColumn(column('runningValue', '结存金额', 14, 'money')),
];

type SummaryRow = RowOf<PeriodSummaryReport>;
const flowColumns = (
  [
    ['purchase', '采购入库'],
    ['salesReturn', '销售退货'],
    ['transferIn', '调拨入库'],
    ['gain', '盘盈入库'],
    ['otherIn', '其他入库'],
    ['in', '入库合计'],
    ['sales', '销售出库'],
    ['purchaseReturn', '采购退货'],
    ['transferOut', '调拨出库'],
    ['loss', '盘亏出库'],
    ['otherOut', '其他出库'],
    ['out', '出库合计'],
  ] as const
).flatMap(([flow, label]) => [
  column<SummaryRow>(`${flow}Quantity`, `${label}数量`, 12, 'quantity'),
  costColumn(column<SummaryRow>(`${flow}Value`, `${label}金额`, 14, 'money')),
]);
export const periodSummaryColumns: ReportColumn<SummaryRow>[] = [
  ...goodsColumns<SummaryRow>(),
  column('warehouseName', '仓库', 12),
  column('baseUnit', '基本单位', 8),
  column('openingQuantity', '期初数量', 12, 'quantity'),
  costColumn(column('openingValue', '期初金额', 14, 'money')),
  ...flowColumns,
  costColumn(column('adjustmentValue', '成本调整金额', 14, 'money')),
  costColumn(column('allocationValue', '统一核算分摊差额', 14, 'money')),
  column('closingQuantity', '期末数量', 12, 'quantity'),
  costColumn(column('closingValue', '期末金额', 14, 'money')),
];

type TransitRow = RowOf<InTransitReport>;
export const inTransitColumns: ReportColumn<TransitRow>[] = [
  column('documentNumber', '调拨单号', 20),
  column('date', '日期', 11),
  ...goodsColumns<TransitRow>(),
  column('fromWarehouseName', '调出仓库', 12),
  column('toWarehouseName', '调入仓库', 12),
  column('lot', '批号', 12),
  column('quantity', '在途数量', 12, 'quantity'),
  column('baseUnit', '基本单位', 8),
  column('mixedQuantity', '在途数量（多单位）', 18),
  costColumn(column('value', '在途金额', 14, 'money')),
];

type AlertRow = RowOf<StockAlertsReport>;
export const stockAlertColumns: ReportColumn<AlertRow>[] = [
  ...goodsColumns<AlertRow>(),
  column('warehouseName', '仓库', 12),
  column('statusLabel', '预警', 10),
  column('onHand', '库存数量', 12, 'quantity'),
  column('baseUnit', '基本单位', 8),
  column('mixedOnHand', '库存数量（多单位）', 18),
  column('onOrder', '在订数量', 12, 'quantity'),
  column('lower', '库存下限', 12, 'quantity'),
  column('upper', '库存上限', 12, 'quantity'),
  column('suggestedQuantity', '建议数量', 12, 'quantity'),
  column('mixedSuggested', '建议数量（多单位）', 18),
];

type LotRow = RowOf<LotExpiryReport>;
export const lotExpiryColumns: ReportColumn<LotRow>[] = [
  ...goodsColumns<LotRow>(),
  column('warehouseName', '仓库', 12),
  column('lot', '批号', 14),
  column('expiryDate', '有效期至', 11),
  column('daysLeft', '剩余天数', 10, 'integer'),
  column('quantity', '库存数量', 12, 'quantity'),
  column('baseUnit', '基本单位', 8),
  column('mixedQuantity', '库存数量（多单位）', 18),
  costColumn(column('value', '库存金额', 14, 'money')),
];
