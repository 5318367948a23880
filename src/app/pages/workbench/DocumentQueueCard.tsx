import { App, Badge, Button, Card, ConfigProvider, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import { useClient } from '../../api/ClientContext';
import { useApiQuery } from '../../api/useApi';
import { documentTypeUi } from '../../components/document/documentTypes';
import { denseTable } from '../../components/list/denseTable';
import { usePermission } from '../../session/usePermission';
import { usePageAccess } from '../../workspace/usePageAccess';

type Listed = ApiOutput<'documents.list'>['rows'][number];

/** How many documents each queue lists; the title counts them all. */
const listed = 8;

/**
 * 待办: the branch's drafts (the clerk's unfinished entry), or the documents submitted and waiting for
 * 审核 — which an approver may approve several at a time. A double click opens the document. Approval
 * in a batch asks nothing back: a document with a warning to read (credit, stock) is left for its own page.
 */
export function DocumentQueueCard({ queue }: { queue: 'drafts' | 'approval' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const access = usePageAccess();
  const mayApprove = usePermission('documents.approve') && queue === 'approval';
  const documents = useApiQuery('documents.list', {
    statuses: [queue === 'drafts' ? 'draft' : 'submitted'],
    limit: listed,
  });
  const [selected, setSelected] = useState<number[]>([]);
  const [approving, setApproving] = useState(false);

  const approveSelected = async () => {
    setApproving(true);
    const refused: string[] = [];
    for (const id of selected) {
      const number = documents.data?.rows.find((row) => row.id === id)?.number ?? String(id);
      try {
        await client.call('documents.approve', { id });
      } catch (error) {
        refused.push(`${number}：${(error as Error).message}`);
      }
    }
    setApproving(false);
    setSelected([]);
    const done = selected.length - refused.length;
    if (done > 0) void message.success(t('workbench.approved', { count: done }));
    if (refused.length > 0) void message.error(refused.join('\n'), 8);
  };

  const open = (row: Listed) => access.open(documentTypeUi[row.type].pageKey, `?id=${row.id}`);
  const columns: TableColumnsType<Listed> = [
    { key: 'number', title: t('workbench.number'), dataIndex: 'number', width: 150 },
    { key: 'type', title: t('workbench.type'), dataIndex: 'typeLabel', width: 100 },
    { key: 'date', title: t('workbench.date'), dataIndex: 'businessDate', width: 100 },
    {
      key: 'counterparty',
      title: t('workbench.counterparty'),
      dataIndex: 'counterpartyName',
      ellipsis: true,
    },
    { key: 'by', title: t('workbench.createdBy'), dataIndex: 'createdByName', width: 90 },
  ];
  const total = documents.data?.total ?? 0;
  return (
    <Card
      size="small"
      data-testid={`workbench-${queue}`}
      title={
        <span>
          {t(queue === 'drafts' ? 'workbench.drafts' : 'workbench.awaitingApproval')}{' '}
          <Badge count={total} showZero color={total > 0 ? '#1677ff' : '#bfbfbf'} />
        </span>
      }
      extra={
        mayApprove && (
          <Button
            size="small"
            type="primary"
            disabled={selected.length === 0}
            loading={approving}
            onClick={() => void approveSelected()}
            data-testid="workbench-approve"
          >
            {t('workbench.approveSelected', { count: selected.length })}
          </Button>
        )
      }
    >
      <ConfigProvider theme={denseTable}>
        <Table<Listed>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={documents.data?.rows ?? []}
          loading={documents.isFetching}
          pagination={false}
          locale={{ emptyText: t(queue === 'drafts' ? 'workbench.noDrafts' : 'workbench.noneAwaiting') }}
          onRow={(row) => ({ onDoubleClick: () => open(row) })}
          {...(mayApprove
            ? {
                rowSelection: {
                  selectedRowKeys: selected,
                  onChange: (keys: React.Key[]) => setSelected(keys.map(Number)),
                },
              }
            : {})}
        />
      </ConfigProvider>
    </Card>
  );
}
