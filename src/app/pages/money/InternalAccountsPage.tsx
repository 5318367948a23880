import { ReloadOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import { useApiQuery } from '../../api/useApi';
import { LoadFailure } from '../../components/LoadFailure';
import { sumYuan } from './moneyFigures';
import { moneyColumn, TotalsLine } from './moneyTable';
import { denseTable } from '../../components/list/denseTable';

type InternalAccount = ApiOutput<'money.internalAccounts'>[number];

/**
 * 内部往来 (DOMAIN.md §6.3, §7): with head office and each other branch, what it owes this branch for
 * goods transferred out to it, what this branch owes it for goods transferred in, and the net.
 */
export function InternalAccountsPage() {
  const { t } = useTranslation();
  const accounts = useApiQuery('money.internalAccounts', {});

  if (accounts.error) return <LoadFailure error={accounts.error} onRetry={() => void accounts.refetch()} />;

  const rows = accounts.data ?? [];
  const columns: TableColumnsType<InternalAccount> = [
    { key: 'code', title: t('fields.code'), dataIndex: 'code', width: 110 },
    { key: 'name', title: t('fields.name'), dataIndex: 'name', width: 220, ellipsis: true },
    { key: 'branchCode', title: t('money.columns.branchCode'), dataIndex: 'branchCode', width: 110 },
    moneyColumn('receivable', t('money.columns.internalReceivable'), (row) => row.receivable, {
      width: 140,
    }),
    moneyColumn('payable', t('money.columns.internalPayable'), (row) => row.payable, { width: 140 }),
    moneyColumn('net', t('money.columns.net'), (row) => row.net, { width: 140 }),
  ];

  return (
    <div data-testid="money-internal">
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('money.internalHint')}</Typography.Text>
        <div style={{ flex: 1 }} />
        <Button
          icon={<ReloadOutlined />}
          loading={accounts.isFetching}
          onClick={() => void accounts.refetch()}
        >
          {t('reports.refresh')}
        </Button>
      </Flex>
      <ConfigProvider theme={denseTable}>
        <Table<InternalAccount>
          bordered
          size="small"
          rowKey="counterpartyId"
          columns={columns}
          dataSource={rows}
          loading={accounts.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('money.noInternalUnits') }}
          summary={() =>
            rows.length > 0 ? (
              <TotalsLine
                leading={3}
                totals={[
                  sumYuan(rows.map((row) => row.receivable)),
                  sumYuan(rows.map((row) => row.payable)),
                  sumYuan(rows.map((row) => row.net)),
                ]}
              />
            ) : null
          }
          data-testid="money-internal-table"
        />
      </ConfigProvider>
    </div>
  );
}
