import {
  Button,
  Card,
  ConfigProvider,
  Popconfirm,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import { yuanDisplay } from '../../../shared/numbers/yuan-display';
import { toFen } from './moneyFigures';
import { moneyColumn } from './moneyTable';
import { denseTable } from '../../components/list/denseTable';

type Settlement = ApiOutput<'money.settlements'>[number];

const timeOf = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/**
 * 核销记录: each settling action with what it settled against what, newest first. One not yet undone
 * can be undone as a whole (反核销), after a confirmation; an undone one stays listed, marked.
 */
export function SettlementHistory({
  settlements,
  loading,
  mayReverse,
  reversing,
  onReverse,
}: {
  settlements: readonly Settlement[];
  loading: boolean;
  mayReverse: boolean;
  /** The batch being undone, its button busy meanwhile. */
  reversing: string | null;
  onReverse: (settlement: Settlement) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Settlement> = [
    { key: 'settledOn', title: t('money.columns.settledOn'), dataIndex: 'settledOn', width: 100 },
    moneyColumn('amount', t('money.columns.settledAmount'), (settlement) => settlement.amount, {
      width: 110,
    }),
    {
      key: 'debits',
      title: t('money.columns.debitDocuments'),
      width: 170,
      ellipsis: true,
      render: (_, settlement) => settlement.debitDocuments.join('、'),
    },
    {
      key: 'credits',
      title: t('money.columns.creditDocuments'),
      width: 170,
      ellipsis: true,
      render: (_, settlement) => settlement.creditDocuments.join('、'),
    },
    { key: 'by', title: t('money.columns.settledBy'), dataIndex: 'createdByName', width: 90 },
    {
      key: 'at',
      title: t('money.columns.settledAt'),
      width: 130,
      render: (_, settlement) => timeOf(settlement.createdAt),
    },
    {
      key: 'state',
      title: t('money.columns.state'),
      width: 300,
      render: (_, settlement) =>
        settlement.reversedAt !== null ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            <Tag>{t('money.reversed')}</Tag>
            <Typography.Text type="secondary">
              {`${settlement.reversedByName ?? ''} ${timeOf(settlement.reversedAt)}`}
            </Typography.Text>
          </span>
        ) : mayReverse ? (
          <Popconfirm
            title={t('money.reverseConfirm', { amount: yuanDisplay(toFen(settlement.amount)) })}
            okText={t('money.reverse')}
            okButtonProps={{ danger: true, 'data-testid': 'settle-reverse-confirm' }}
            onConfirm={() => onReverse(settlement)}
          >
            <Button
              size="small"
              danger
              loading={reversing === settlement.batchUid}
              data-testid={`settle-reverse-${settlement.batchUid}`}
            >
              {t('money.reverse')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Card size="small" title={t('money.history')} styles={{ body: { padding: 0 } }}>
      <ConfigProvider theme={denseTable}>
        <Table<Settlement>
          size="small"
          rowKey="batchUid"
          columns={columns}
          dataSource={settlements as Settlement[]}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content', y: 240 }}
          locale={{ emptyText: t('money.noHistory') }}
          onRow={(settlement) => (settlement.reversedAt !== null ? { style: { color: '#8c8c8c' } } : {})}
          data-testid="settle-history"
        />
      </ConfigProvider>
    </Card>
  );
}
