import { Table, type TableColumnType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Figure } from '../../components/report/figures';
import { summaryLineStyle } from '../../components/report/reportTable';

/** A column of yuan figures: right-aligned, grouped by thousands, negative in red. */
export function moneyColumn<Row>(
  key: string,
  title: string,
  value: (row: Row) => string | null,
  options: { width?: number; blankZero?: boolean } = {},
): TableColumnType<Row> {
  return {
    key,
    title,
    width: options.width ?? 120,
    align: 'right',
    render: (_: unknown, row: Row) => (
      <Figure value={value(row)} kind="money" blankZero={options.blankZero} />
    ),
  };
}

/**
 * The 合计 line kept under a money table: the label across the leading columns, then one cell per
 * following column — its sum, or nothing where a sum would mean nothing (a credit limit, the actions).
 */
export function TotalsLine({ leading, totals }: { leading: number; totals: readonly (string | null)[] }) {
  const { t } = useTranslation();
  return (
    <Table.Summary fixed="bottom">
      <Table.Summary.Row style={summaryLineStyle}>
        <Table.Summary.Cell index={0} colSpan={leading}>
          {t('reports.total')}
        </Table.Summary.Cell>
        {totals.map((total, index) => (
          <Table.Summary.Cell key={index} index={leading + index} align="right">
            {total === null ? null : <Figure value={total} kind="money" />}
          </Table.Summary.Cell>
        ))}
      </Table.Summary.Row>
    </Table.Summary>
  );
}
