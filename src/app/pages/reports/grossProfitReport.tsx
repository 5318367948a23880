import {
  defineReport,
  type GroupingOf,
  type ReportColumn,
  type ReportRow,
} from '../../components/report/reportConfig';

type ProfitRow = ReportRow<'grossProfit'>;
type Grouping = GroupingOf<'grossProfit'>;

/**
 * The columns that say what a row is. Only goods have a spec, a unit and a quantity that adds up (other
 * groups mix units); a month or a channel tier is named by its name alone.
 */
function headingColumns(groupBy: Grouping): ReportColumn<ProfitRow>[] {
  const name: ReportColumn<ProfitRow> = {
    key: 'name',
    title: `reports.groupings.${groupBy}`,
    width: 180,
    fixed: true,
  };
  if (groupBy === 'month' || groupBy === 'channelTier') return [name];
  const code: ReportColumn<ProfitRow> = {
    key: 'code',
    title: 'reports.columns.code',
    width: 110,
    fixed: true,
  };
  if (groupBy !== 'goods') return [code, name];
  return [
    code,
    name,
    { key: 'spec', title: 'reports.columns.goodsSpec', width: 90 },
    { key: 'quantity', title: 'reports.columns.salesQuantity', width: 90, figure: 'quantity' },
    { key: 'baseUnit', title: 'reports.columns.baseUnit', width: 56 },
  ];
}

/**
 * 毛利分析 (DOMAIN.md §7): revenue without VAT − cost of goods sold − purchase variance of the documents
 * completed in a period, by goods, customer, salesperson, office, channel tier or month, with the margin.
 */
export const grossProfitReport = defineReport({
  name: 'grossProfit',
  title: 'page.reportGrossProfit',
  filters: ['period', 'groupBy'],
  groupings: [
    { value: 'goods', label: 'reports.groupings.goods' },
    { value: 'customer', label: 'reports.groupings.customer' },
    { value: 'salesperson', label: 'reports.groupings.salesperson' },
    { value: 'office', label: 'reports.groupings.office' },
    { value: 'channelTier', label: 'reports.groupings.channelTier' },
    { value: 'month', label: 'reports.groupings.month' },
  ],
  // The filter bar offers only the groupings above.
  input: ({ from, to, groupBy }) => ({ from, to, groupBy: groupBy as Grouping }),
  rowKey: (row) => row.key,
  columns: (report) => [
    ...headingColumns(report?.groupBy ?? 'goods'),
    { key: 'revenue', title: 'reports.columns.revenue', width: 120, figure: 'money' },
    { key: 'cogs', title: 'reports.columns.cogs', width: 120, figure: 'money' },
    {
      key: 'purchaseVariance',
      title: 'reports.columns.purchaseVariance',
      width: 100,
      figure: 'money',
      blankZero: true,
    },
    { key: 'grossProfit', title: 'reports.columns.grossProfit', width: 120, figure: 'money' },
    { key: 'margin', title: 'reports.columns.margin', width: 80, figure: 'percent' },
  ],
  closing: (report) => [{ label: 'reports.total', figures: report.totals }],
});
