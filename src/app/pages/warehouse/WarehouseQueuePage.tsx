import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Space, Table, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApi';
import { LoadFailure } from '../../components/LoadFailure';
import { DocumentLink } from '../../components/report/DocumentLink';
import { usePrintDocuments } from '../../printing/usePrintDocuments';
import { usePermission } from '../../session/usePermission';
import { ConfirmWarehouseDialog } from './ConfirmWarehouseDialog';
import type { QueueEntry } from './linesToConfirm';

type Direction = QueueEntry['direction'];

/**
 * 仓库作业 (DOMAIN.md §5): what waits for the signed-in keeper in the warehouses they keep, 待入库 and
 * 待出库; each entry is confirmed with the quantities and lots that actually moved. 打印全部 prints the
 * tab's documents as one file: the slips to pick by or to receive against.
 */
export function WarehouseQueuePage() {
  const { t } = useTranslation();
  // Work arrives while the keeper has the queue open (a clerk approves a document): look again now and then.
  const queue = useApiQuery('warehouse.queue', {}, { refetchInterval: 15_000 });
  const [refreshing, setRefreshing] = useState(false);
  const [direction, setDirection] = useState<Direction>('in');
  const [confirming, setConfirming] = useState<QueueEntry | null>(null);
  // Everything in the queue moves stock: the keeper's 仓库打印 prints it (document-printing.ts).
  const mayPrintSlips = usePermission('warehouse.print');
  const mayPrint = usePermission('documents.print') || mayPrintSlips;
  const printDocuments = usePrintDocuments();
  const [printing, setPrinting] = useState(false);

  if (queue.error) return <LoadFailure error={queue.error} onRetry={() => void queue.refetch()} />;

  const entries = queue.data ?? [];
  const of = (wanted: Direction) => entries.filter((entry) => entry.direction === wanted);

  const table = (wanted: Direction) => (
    <Table<QueueEntry>
      rowKey={(entry) => `${entry.documentId}-${entry.warehouseId}-${entry.direction}`}
      size="small"
      loading={queue.isPending}
      dataSource={of(wanted)}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: <Empty description={t('warehouseQueue.empty')} /> }}
      onRow={(entry) => ({ onDoubleClick: () => setConfirming(entry) })}
      data-testid={`queue-${wanted}`}
      columns={[
        {
          title: t('warehouseQueue.number'),
          dataIndex: 'number',
          width: 170,
          render: (number: string, entry) => (
            <DocumentLink type={entry.type} id={entry.documentId} number={number} />
          ),
        },
        { title: t('warehouseQueue.type'), dataIndex: 'typeLabel', width: 120 },
        { title: t('warehouseQueue.businessDate'), dataIndex: 'businessDate', width: 120 },
        {
          title: t('warehouseQueue.counterparty'),
          dataIndex: 'counterpartyName',
          ellipsis: true,
          render: (name: string | null) => name ?? '',
        },
        { title: t('warehouseQueue.warehouse'), dataIndex: 'warehouseName', width: 140 },
        { title: t('warehouseQueue.lineCount'), dataIndex: 'lineCount', width: 90, align: 'right' },
        {
          title: t('warehouseQueue.actions'),
          key: 'actions',
          width: 110,
          fixed: 'right',
          render: (_, entry) => (
            <Button
              size="small"
              type="primary"
              onClick={() => setConfirming(entry)}
              data-testid={`queue-confirm-${entry.number}-${entry.warehouseId}`}
            >
              {t(entry.direction === 'in' ? 'warehouseQueue.confirmIn' : 'warehouseQueue.confirmOut')}
            </Button>
          ),
        },
      ]}
    />
  );

  const label = (wanted: Direction) => (
    <Space size={6}>
      {t(wanted === 'in' ? 'warehouseQueue.inbound' : 'warehouseQueue.outbound')}
      <Badge
        count={of(wanted).length}
        showZero
        color={of(wanted).length > 0 ? '#1677ff' : '#bfbfbf'}
        data-testid={`queue-count-${wanted}`}
      />
    </Space>
  );

  return (
    <>
      <Tabs
        activeKey={direction}
        onChange={(key) => setDirection(key as Direction)}
        tabBarExtraContent={
          <Space>
            {mayPrint && (
              <Button
                icon={<PrinterOutlined />}
                disabled={of(direction).length === 0}
                loading={printing}
                onClick={() => {
                  setPrinting(true);
                  // A document in two of the keeper's warehouses is one entry each: printed once.
                  const numbers = [...new Set(of(direction).map((entry) => entry.number))];
                  void printDocuments(numbers).finally(() => setPrinting(false));
                }}
                data-testid="queue-print"
              >
                {t('warehouseQueue.printAll')}
              </Button>
            )}
            <Button
              icon={<ReloadOutlined />}
              // Only the keeper's own refresh spins: the periodic look in the background stays quiet.
              loading={refreshing}
              onClick={() => {
                setRefreshing(true);
                void queue.refetch().finally(() => setRefreshing(false));
              }}
              data-testid="queue-refresh"
            >
              {t('warehouseQueue.refresh')}
            </Button>
          </Space>
        }
        items={(['in', 'out'] as const).map((wanted) => ({
          key: wanted,
          label: label(wanted),
          children: table(wanted),
        }))}
      />
      {confirming && <ConfirmWarehouseDialog entry={confirming} onClose={() => setConfirming(null)} />}
    </>
  );
}
