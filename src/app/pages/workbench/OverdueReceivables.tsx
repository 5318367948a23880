import { Card, ConfigProvider, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApi';
import { chartNumber } from '../../components/chart/chartNumber';
import { denseTable } from '../../components/list/denseTable';
import { usePageAccess } from '../../workspace/usePageAccess';

/** The customers listed: the largest amounts past due first. */
const listed = 6;

/** 逾期应收: the customers with receivables past their due date today, from 账龄分析; a click opens it. */
export function OverdueReceivables() {
  const { t } = useTranslation();
  const access = usePageAccess();
  const aging = useApiQuery('reports.aging', { side: 'receivable', groupBy: 'counterparty' });
  const rows = useMemo(
    () =>
      (aging.data?.rows ?? [])
        .map((row) => {
          const overdue = [row.days0To30, row.days31To60, row.days61To90, row.over90]
            .map(chartNumber)
            .reduce((sum, amount) => sum + amount, 0);
          return { key: `${row.id}`, name: row.name, overdue, over90: row.over90 };
        })
        .filter((row) => row.overdue > 0)
        .sort((a, b) => b.overdue - a.overdue)
        .slice(0, listed),
    [aging.data],
  );
  return (
    <Card
      size="small"
      title={t('workbench.overdue')}
      extra={<a onClick={() => access.open('report-aging')}>{t('workbench.openAging')}</a>}
      data-testid="workbench-overdue"
    >
      <ConfigProvider theme={denseTable}>
        <Table
          size="small"
          pagination={false}
          loading={aging.isFetching}
          dataSource={rows}
          locale={{ emptyText: t('workbench.noneOverdue') }}
          columns={[
            { key: 'name', title: t('workbench.customer'), dataIndex: 'name', ellipsis: true },
            {
              key: 'overdue',
              title: t('workbench.overdueAmount'),
              align: 'right',
              width: 110,
              render: (_, row) =>
                row.overdue.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
            },
            { key: 'over90', title: t('workbench.over90'), dataIndex: 'over90', align: 'right', width: 100 },
          ]}
        />
      </ConfigProvider>
    </Card>
  );
}
