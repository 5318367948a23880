import type { OrderExecutionReport } from './order-execution-report';
import { column, type RowOf } from './report-columns';
import { costColumn, type ReportColumn } from './report-table';

/**
 * The columns 订单执行情况 is exported with, in its page's default order: what is outstanding first, in
 * the goods' units and in money, then codes and base-unit figures for sorting and summing.
 */

type OrderRow = RowOf<OrderExecutionReport>;
export const orderExecutionColumns: ReportColumn<OrderRow>[] = [
  column('date', '日期', 11),
  column('documentNumber', '订单编号', 20),
  column('executionLabel', '执行状态', 10),
  column('counterpartyName', '往来单位', 24),
  column('goodsName', '商品名称', 24),
  column('warehouseName', '仓库', 12),
  column('mixedOrdered', '订货', 12),
  column('mixedExecuted', '已执行', 12),
  column('mixedOutstanding', '未执行', 12),
  costColumn(column('outstandingAmount', '未执行金额（含税）', 16, 'money'), 'purchaseSide'),
  column('counterpartyCode', '往来单位编码', 14),
  column('goodsCode', '商品编码', 14),
  column('goodsSpec', '规格型号', 14),
  column('baseUnit', '基本单位', 8),
  column('ordered', '订货数量', 12, 'quantity'),
  column('executed', '已执行数量', 12, 'quantity'),
  column('outstanding', '未执行数量', 12, 'quantity'),
];
