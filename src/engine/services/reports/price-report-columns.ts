import type { PriceHistoryReport } from './price-history-report';
import { column, type RowOf } from './report-columns';
import { costColumn, type ReportColumn } from './report-table';

/** The columns 价格跟踪 is exported with, in its page's default order. */

type PriceRow = RowOf<PriceHistoryReport>;
export const priceHistoryColumns: ReportColumn<PriceRow>[] = [
  column('date', '日期', 11),
  column('documentNumber', '单据编号', 20),
  column('documentTypeLabel', '单据类型', 12),
  column('counterpartyCode', '往来单位编码', 14),
  column('counterpartyName', '往来单位', 24),
  column('unitName', '单位', 8),
  column('quantity', '数量', 12, 'quantity'),
  costColumn(column('unitPrice', '单价', 12, 'price'), 'purchaseSide'),
  costColumn(column('unitPriceWithTax', '含税单价', 12, 'price'), 'purchaseSide'),
  column('priceIncludesTaxLabel', '含税', 6),
  column('taxRate', '税率', 8, 'percent'),
  column('discountRate', '折扣率', 8, 'percent'),
];
