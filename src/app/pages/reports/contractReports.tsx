import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { defineReport, type ReportFilterValues } from '../../components/report/reportConfig';

/**
 * The contract reports (DOMAIN.md §8) are of a year: the year of the 截至日期 the filter bar asks, so the
 * bar needs nothing of its own for them, and opening one shows this year's contracts.
 */
const yearOf = ({ asOf }: ReportFilterValues) => ({ year: Number(asOf.slice(0, 4)) });

function YearHeading({ year }: { year: number }) {
  const { t } = useTranslation();
  return <Typography.Text type="secondary">{t('contracts.reports.year', { year })}</Typography.Text>;
}

/** 签约奖励: what the year's sales contracts in force earned and what was paid, grouped as asked. */
export const contractRewardsReport = defineReport({
  name: 'contractRewards',
  title: 'page.reportContractRewards',
  filters: ['asOf', 'groupBy'],
  groupings: [
    { value: 'contract', label: 'contracts.reports.groupings.contract' },
    { value: 'tier', label: 'contracts.reports.groupings.tier' },
    { value: 'office', label: 'contracts.reports.groupings.office' },
    { value: 'salesperson', label: 'contracts.reports.groupings.salesperson' },
  ],
  input: (filters) => ({
    ...yearOf(filters),
    groupBy: filters.groupBy as 'contract' | 'tier' | 'office' | 'salesperson',
  }),
  rowKey: (row) => row.key,
  heading: (report) => <YearHeading year={report.year} />,
  columns: () => [
    { key: 'name', title: 'contracts.reports.columns.name', width: 300 },
    { key: 'contracts', title: 'contracts.reports.columns.contracts', width: 80, figure: 'integer' },
    { key: 'amount', title: 'contracts.reports.columns.amount', width: 150, figure: 'money' },
    { key: 'earned', title: 'contracts.reports.columns.earned', width: 120, figure: 'money' },
    { key: 'paid', title: 'contracts.reports.columns.paid', width: 120, figure: 'money' },
    { key: 'unpaid', title: 'contracts.reports.columns.unpaid', width: 120, figure: 'money' },
    { key: 'rate', title: 'contracts.reports.columns.rate', width: 90, figure: 'percent' },
  ],
  closing: (report) => [
    {
      label: 'contracts.reports.columns.total',
      figures: { ...report.totals, contracts: String(report.totals.contracts) },
    },
  ],
});

/** 签约客户统计: per office, the customers of each contract tier with a contract in force. */
export const contractedCustomersReport = defineReport({
  name: 'contractedCustomers',
  title: 'page.reportContractedCustomers',
  filters: ['asOf'],
  input: yearOf,
  rowKey: (row) => row.officeName,
  heading: (report) => <YearHeading year={report.year} />,
  columns: () => [
    { key: 'officeName', title: 'contracts.reports.columns.officeName', width: 180 },
    { key: 'dealer', title: 'contracts.reports.columns.dealer', width: 100, figure: 'integer' },
    { key: 'distributor', title: 'contracts.reports.columns.distributor', width: 100, figure: 'integer' },
    {
      key: 'special_distributor',
      title: 'contracts.reports.columns.special_distributor',
      width: 110,
      figure: 'integer',
    },
    {
      key: 'signed_wholesaler',
      title: 'contracts.reports.columns.signed_wholesaler',
      width: 110,
      figure: 'integer',
    },
    { key: 'total', title: 'contracts.reports.columns.total', width: 90, figure: 'integer' },
  ],
  closing: (report) => [
    {
      label: 'contracts.reports.columns.total',
      figures: Object.fromEntries(Object.entries(report.totals).map(([key, count]) => [key, String(count)])),
    },
  ],
});

/** 未签约客户: customers of a contract tier with no contract in force this year, and any on its way. */
export const uncontractedCustomersReport = defineReport({
  name: 'uncontractedCustomers',
  title: 'page.reportUncontractedCustomers',
  filters: ['asOf'],
  input: yearOf,
  rowKey: (row) => row.code,
  heading: (report) => <YearHeading year={report.year} />,
  columns: () => [
    { key: 'code', title: 'contracts.reports.columns.code', width: 110 },
    { key: 'name', title: 'contracts.reports.columns.customerName', width: 200 },
    { key: 'tierLabel', title: 'contracts.reports.columns.tierLabel', width: 100 },
    { key: 'officeName', title: 'contracts.reports.columns.officeName', width: 130 },
    { key: 'salespersonName', title: 'contracts.reports.columns.salespersonName', width: 90 },
    { key: 'pending', title: 'contracts.reports.columns.pending', width: 220 },
  ],
});
