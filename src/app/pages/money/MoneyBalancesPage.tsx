import { ReloadOutlined } from '@ant-design/icons';
import {
  Button,
  ConfigProvider,
  Flex,
  Input,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ApiOutput } from '../../../shared/api';
import { useApiQuery } from '../../api/useApi';
import { LoadFailure } from '../../components/LoadFailure';
import { useDebouncedValue } from '../../components/list/useDebouncedValue';
import { Figure } from '../../components/report/figures';
import { MoneySideSwitch, type MoneySide } from '../../components/report/MoneySideSwitch';
import { counterpartyAddress } from '../../components/report/useAddressRequest';
import { useFillHeight } from '../../components/report/useFillHeight';
import { accountsPaths } from './accountsPaths';
import { sumYuan, toFen } from './moneyFigures';
import { moneyColumn, TotalsLine } from './moneyTable';
import { denseTable } from '../../components/list/denseTable';

type Balance = ApiOutput<'money.balances'>[number];

/** The limit, marked when the receivable alone is already past it (DOMAIN.md §7). */
function CreditLimit({ balance }: { balance: Balance }) {
  const { t } = useTranslation();
  if (balance.creditLimit === null) return null;
  const over = toFen(balance.balance) > toFen(balance.creditLimit);
  return (
    <Space size={4}>
      {over && <Tag color="red">{t('money.overLimit')}</Tag>}
      <Figure value={balance.creditLimit} kind="money" />
    </Space>
  );
}

/**
 * 往来余额 (DOMAIN.md §7): every counterparty with something on one side — its balance, what is still
 * to collect or pay, the money received or paid ahead — and the way to its statement and to 核销.
 */
export function MoneyBalancesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [side, setSide] = useState<MoneySide>('receivable');
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 300);
  const balances = useApiQuery('money.balances', { side, search: search || undefined });
  const tableArea = useRef<HTMLDivElement>(null);
  const tableHeight = useFillHeight(tableArea, 36);

  const rows = balances.data ?? [];
  const columns: TableColumnsType<Balance> = [
    { key: 'code', title: t('fields.code'), dataIndex: 'code', width: 110, fixed: 'left' },
    { key: 'name', title: t('fields.name'), dataIndex: 'name', width: 220, fixed: 'left', ellipsis: true },
    moneyColumn('balance', t('money.columns.balance'), (row) => row.balance, { width: 130 }),
    moneyColumn('open', t('money.columns.open'), (row) => row.open, { width: 130 }),
    moneyColumn('prepayment', t(`money.prepayment.${side}`), (row) => row.prepayment, {
      width: 120,
      blankZero: true,
    }),
    // A supplier's credit limit says nothing about what the branch owes it.
    ...(side === 'receivable'
      ? [
          {
            key: 'creditLimit',
            title: t('money.columns.creditLimit'),
            width: 170,
            align: 'right' as const,
            render: (_: unknown, row: Balance) => <CreditLimit balance={row} />,
          },
        ]
      : []),
    {
      key: 'actions',
      title: t('money.columns.actions'),
      width: 150,
      render: (_, row) => (
        <Space size={12}>
          <Typography.Link
            onClick={() =>
              void navigate(counterpartyAddress(accountsPaths.statement, row.counterpartyId, side))
            }
            data-testid={`balance-statement-${row.code}`}
          >
            {t('money.openStatement')}
          </Typography.Link>
          <Typography.Link
            onClick={() =>
              void navigate(counterpartyAddress(accountsPaths.settlement, row.counterpartyId, side))
            }
            data-testid={`balance-settle-${row.code}`}
          >
            {t('money.openSettlement')}
          </Typography.Link>
        </Space>
      ),
    },
  ];
  const totals = [
    sumYuan(rows.map((row) => row.balance)),
    sumYuan(rows.map((row) => row.open)),
    sumYuan(rows.map((row) => row.prepayment)),
    ...(side === 'receivable' ? [null] : []),
    null,
  ];

  return (
    <div data-testid="money-balances">
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <MoneySideSwitch value={side} onChange={setSide} testId="money-side" />
        <Input.Search
          allowClear
          value={searchText}
          placeholder={t('money.searchCounterparty')}
          aria-label={t('money.searchCounterparty')}
          onChange={(event) => setSearchText(event.target.value)}
          style={{ width: 280 }}
          data-testid="money-search"
        />
        <div style={{ flex: 1 }} />
        <Button
          icon={<ReloadOutlined />}
          loading={balances.isFetching}
          onClick={() => void balances.refetch()}
        >
          {t('reports.refresh')}
        </Button>
      </Flex>
      <div ref={tableArea}>
        {balances.error ? (
          <LoadFailure error={balances.error} onRetry={() => void balances.refetch()} />
        ) : (
          <ConfigProvider theme={denseTable}>
            <Table<Balance>
              bordered
              size="small"
              rowKey="counterpartyId"
              columns={columns}
              dataSource={rows}
              loading={balances.isFetching}
              pagination={false}
              scroll={{ x: 'max-content', y: tableHeight - 80 }}
              locale={{ emptyText: t(`money.noBalances.${side}`) }}
              summary={() => (rows.length > 0 ? <TotalsLine leading={2} totals={totals} /> : null)}
              data-testid="money-balances-table"
            />
          </ConfigProvider>
        )}
      </div>
    </div>
  );
}
