import { FolderOpenOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ApiOutput } from '../../../shared/api';
import {
  contractStatuses,
  type ContractKind,
  type ContractStatus,
} from '../../../shared/contracts/contract-status';
import { useApiQuery } from '../../api/useApi';
import { LoadFailure } from '../../components/LoadFailure';
import { CounterpartyPicker } from '../../components/report/CounterpartyPicker';
import { useAvailableHeight } from '../../components/list/useAvailableHeight';
import { usePermission } from '../../session/usePermission';
import { contractAddress } from './contractPaths';
import { contractStatusColors } from './contractStatusColors';
import { denseTable } from '../../components/list/denseTable';

type Row = ApiOutput<'contracts.list'>[number];

/**
 * 销售合同 / 采购合同: the contracts of one kind, filtered by the year they are in force, status and
 * counterparty; a click on the number, a double click or Enter opens the contract, 新建 starts one.
 */
export function ContractListPage({ kind }: { kind: ContractKind }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mayEdit = usePermission('contracts.edit');
  const [year, setYear] = useState<Dayjs | null>(null);
  const [status, setStatus] = useState<ContractStatus | undefined>();
  const [counterpartyId, setCounterpartyId] = useState<number | undefined>();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const tableArea = useRef<HTMLDivElement>(null);
  const tableHeight = useAvailableHeight(tableArea, 60);

  const list = useApiQuery('contracts.list', {
    kind,
    status,
    counterpartyId,
    year: year ? year.year() : undefined,
  });
  const rows = list.data ?? [];
  const selected = rows.find((row) => row.id === selectedId) ?? null;
  const open = (row: Row) => void navigate(contractAddress({ id: row.id }));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('input, .ant-select, .ant-picker')) return;
    const index = selected ? rows.indexOf(selected) : -1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = rows[Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
      if (next) setSelectedId(next.id);
    } else if (event.key === 'Enter' && selected) {
      event.preventDefault();
      open(selected);
    }
  };

  const columns: TableColumnsType<Row> = [
    {
      key: 'number',
      title: t('contracts.number'),
      width: 160,
      render: (_, row) => <Typography.Link onClick={() => open(row)}>{row.number}</Typography.Link>,
    },
    {
      key: 'counterparty',
      title: t(kind === 'sales' ? 'contracts.customer' : 'contracts.supplier'),
      ellipsis: true,
      render: (_, row) => `${row.counterpartyCode} ${row.counterpartyName}`,
    },
    ...(kind === 'sales'
      ? [{ key: 'tier', title: t('contracts.channelTier'), width: 100, dataIndex: 'channelTierLabel' }]
      : []),
    {
      key: 'period',
      title: t('contracts.period'),
      width: 190,
      render: (_, row) => `${row.periodStart} ~ ${row.periodEnd}`,
    },
    { key: 'signedOn', title: t('contracts.signedOn'), width: 100, dataIndex: 'signedOn' },
    {
      key: 'status',
      title: t('contracts.status'),
      width: 130,
      render: (_, row) => (
        <Flex gap={4}>
          <Tag color={contractStatusColors[row.status]} style={{ marginInlineEnd: 0 }}>
            {t(`contracts.statuses.${row.status}`)}
          </Tag>
          {row.amendmentNo > 0 && (
            <Tag style={{ marginInlineEnd: 0 }}>
              {t('contracts.amendedTimes', { count: row.amendmentNo })}
            </Tag>
          )}
        </Flex>
      ),
    },
    { key: 'office', title: t('contracts.office'), width: 120, dataIndex: 'officeName', ellipsis: true },
    {
      key: 'salesperson',
      title: t('contracts.salesperson'),
      width: 90,
      dataIndex: 'salespersonName',
      ellipsis: true,
    },
  ];

  if (list.error && !list.data) return <LoadFailure error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <div
      tabIndex={-1}
      onKeyDown={onKeyDown}
      style={{ outline: 'none' }}
      data-testid={`contract-list-${kind}`}
    >
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        {mayEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate(contractAddress({ new: kind }))}
            data-testid={`new-${kind}-contract`}
          >
            {t('contracts.newOf', { kind: t(`contracts.kinds.${kind}`) })}
          </Button>
        )}
        <Button icon={<FolderOpenOutlined />} disabled={!selected} onClick={() => selected && open(selected)}>
          {t('contracts.open')}
        </Button>
        <DatePicker
          picker="year"
          value={year}
          onChange={setYear}
          placeholder={t('contracts.allYears')}
          aria-label={t('contracts.year')}
          style={{ width: 120 }}
          data-testid="contract-list-year"
        />
        <Select<ContractStatus>
          allowClear
          value={status}
          placeholder={t('contracts.allStatuses')}
          aria-label={t('contracts.status')}
          onChange={setStatus}
          options={contractStatuses.map((option) => ({
            value: option,
            label: t(`contracts.statuses.${option}`),
          }))}
          style={{ width: 130 }}
          data-testid="contract-list-status"
        />
        <CounterpartyPicker
          value={counterpartyId}
          onChange={(id) => setCounterpartyId(id)}
          testId="contract-list-counterparty"
        />
      </Flex>
      <div ref={tableArea}>
        <ConfigProvider theme={denseTable}>
          <Table<Row>
            size="small"
            bordered
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={list.isFetching}
            scroll={{ x: 1000, y: tableHeight - 40 }}
            pagination={{
              pageSize: 50,
              showSizeChanger: false,
              size: 'small',
              showTotal: (total) => t('contracts.total', { count: total }),
            }}
            locale={{ emptyText: t('contracts.none') }}
            rowClassName={(row) => (row.id === selectedId ? 'ant-table-row-selected' : '')}
            onRow={(row) => ({
              onClick: () => setSelectedId(row.id),
              onDoubleClick: () => open(row),
            })}
          />
        </ConfigProvider>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('list.keyboardHelp')}
      </Typography.Text>
    </div>
  );
}
