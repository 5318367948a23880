import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { Figure } from '../../components/report/figures';
import { documentColumns, documentTypeColumn } from './documentColumns';
import { defineReport, type ReportOutput, type ReportRow } from '../../components/report/reportConfig';

type StatementRow = ReportRow<'statement'>;

/** Whom the statement is with, which side, and the balances it runs between. */
function StatementHeading({ statement }: { statement: ReportOutput<'statement'> }) {
  const { t } = useTranslation();
  const { counterparty } = statement;
  return (
    <Descriptions
      size="small"
      column={4}
      items={[
        {
          key: 'counterparty',
          label: t('reports.counterparty'),
          children: `${counterparty.code} ${counterparty.name}`,
        },
        { key: 'side', label: t('reports.side'), children: t(`money.sides.${statement.side}`) },
        {
          key: 'opening',
          label: t('reports.opening'),
          children: <Figure value={statement.opening} kind="money" />,
        },
        {
          key: 'closing',
          label: t('reports.closingBalance'),
          children: <Figure value={statement.closing} kind="money" />,
        },
      ]}
      data-testid="statement-heading"
    />
  );
}

/**
 * 对账单 (DOMAIN.md §7): one counterparty's documents over a period in the column of their effect, with
 * the running balance between the opening balance and the closing one — read as the stock card is.
 */
export const statementReport = defineReport({
  name: 'statement',
  title: 'page.reportStatement',
  filters: ['counterparty', 'side', 'period'],
  input: ({ counterpartyId, side, from, to }) =>
    counterpartyId === undefined ? null : { counterpartyId, side, from, to },
  waitingFor: 'reports.pickCounterparty',
  // One row per document: the opening balance is the 期初余额 line, never a row.
  rowKey: (row) => String(row.documentId),
  heading: (statement) => <StatementHeading statement={statement} />,
  columns: () => [
    ...documentColumns<StatementRow>(),
    documentTypeColumn<StatementRow>(130),
    { key: 'summary', title: 'reports.columns.summary', width: 300 },
    // A red-letter reversal's figures are negative in its original's column: red, as 红字 is.
    { key: 'increase', title: 'reports.columns.increase', width: 120, figure: 'money' },
    { key: 'decrease', title: 'reports.columns.decrease', width: 120, figure: 'money' },
    { key: 'balance', title: 'reports.columns.balance', width: 130, figure: 'money' },
  ],
  opening: (statement) => ({ label: 'reports.opening', figures: { balance: statement.opening } }),
  closing: (statement) => [
    {
      label: 'reports.closing',
      figures: {
        increase: statement.totals.increase,
        decrease: statement.totals.decrease,
        balance: statement.closing,
      },
    },
  ],
});
