import type { AgingReport } from './aging';
import type { GrossProfitReport } from './gross-profit';
import { column, type RowOf } from './report-columns';
import { costColumn, type ReportColumn } from './report-table';
import type { StatementReport } from './statement';

/** The columns the money and profit reports (DOMAIN.md §7) are exported with, in their page's default order. */

type StatementRow = RowOf<StatementReport>;
export const statementColumns: ReportColumn<StatementRow>[] = [
  column('date', '日期', 11),
  column('documentNumber', '单据编号', 20),
  column('documentTypeLabel', '单据类型', 12),
  column('summary', '摘要', 30),
  column('increase', '增加', 14, 'money'),
  column('decrease', '减少', 14, 'money'),
  column('balance', '余额', 14, 'money'),
];

type AgingRow = RowOf<AgingReport>;
export const agingColumns: ReportColumn<AgingRow>[] = [
  column('code', '编码', 14),
  column('name', '名称', 24),
  column('balance', '余额', 14, 'money'),
  column('notDue', '未到期', 14, 'money'),
  column('days0To30', '逾期0–30天', 14, 'money'),
  column('days31To60', '逾期31–60天', 14, 'money'),
  column('days61To90', '逾期61–90天', 14, 'money'),
  column('over90', '逾期90天以上', 14, 'money'),
  column('prepayment', '预收/预付', 14, 'money'),
];

type ProfitRow = RowOf<GrossProfitReport>;
export const grossProfitColumns: ReportColumn<ProfitRow>[] = [
  column('code', '编码', 14),
  column('name', '名称', 24),
  column('spec', '规格型号', 14),
  column('quantity', '销售数量', 12, 'quantity'),
  column('baseUnit', '基本单位', 8),
  column('revenue', '销售收入', 14, 'money'),
  costColumn(column('cogs', '销售成本', 14, 'money')),
  costColumn(column('purchaseVariance', '采购差异', 14, 'money')),
  costColumn(column('grossProfit', '毛利', 14, 'money')),
  costColumn(column('margin', '毛利率', 10, 'percent')),
];
