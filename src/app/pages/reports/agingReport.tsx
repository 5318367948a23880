import {
  defineReport,
  type GroupingOf,
  type ReportColumn,
  type ReportRow,
} from '../../components/report/reportConfig';
import type { MessageKey } from '../../i18n/messageKey';

type AgingRow = ReportRow<'aging'>;
type Bucket = 'notDue' | 'days0To30' | 'days31To60' | 'days61To90' | 'over90';

/** A past-due bucket: a wide row of mostly zeros reads better with the zeros left out. */
const bucket = (key: Bucket, title: MessageKey): ReportColumn<AgingRow> => ({
  key,
  title,
  width: 110,
  figure: 'money',
  blankZero: true,
});

/**
 * 账龄分析 (DOMAIN.md §7): what is open at the end of a day by how long past due (0–30, 31–60, 61–90,
 * over 90 days), per counterparty, salesperson or office; money received ahead is its own column.
 */
export const agingReport = defineReport({
  name: 'aging',
  title: 'page.reportAging',
  filters: ['asOf', 'side', 'groupBy'],
  groupings: [
    { value: 'counterparty', label: 'reports.groupings.counterparty' },
    { value: 'salesperson', label: 'reports.groupings.salesperson' },
    { value: 'office', label: 'reports.groupings.office' },
  ],
  // The filter bar offers only the groupings above.
  input: ({ asOf, side, groupBy }) => ({ asOf, side, groupBy: groupBy as GroupingOf<'aging'> }),
  // Those with no salesperson or office are one row, without an id.
  rowKey: (row) => String(row.id ?? 'unassigned'),
  columns: (report) => [
    { key: 'code', title: 'reports.columns.code', width: 110, fixed: true },
    {
      key: 'name',
      title: `reports.groupings.${report?.groupBy ?? 'counterparty'}`,
      width: 180,
      fixed: true,
    },
    { key: 'balance', title: 'reports.columns.balance', width: 120, figure: 'money' },
    bucket('notDue', 'reports.columns.notDue'),
    bucket('days0To30', 'reports.columns.days0To30'),
    bucket('days31To60', 'reports.columns.days31To60'),
    bucket('days61To90', 'reports.columns.days61To90'),
    bucket('over90', 'reports.columns.over90'),
    {
      key: 'prepayment',
      title: `money.prepayment.${report?.side ?? 'receivable'}`,
      width: 110,
      figure: 'money',
      blankZero: true,
      // Money ahead lowers the balance: negative by nature, not a fault.
      signed: true,
    },
  ],
  closing: (report) => [{ label: 'reports.total', figures: report.totals }],
});
