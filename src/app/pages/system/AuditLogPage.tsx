import { Card, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import { useApiQuery } from '../../api/useApi';
import { LoadFailure } from '../../components/LoadFailure';
import { auditActionNames, describeAuditEntry } from './auditWording';

type AuditRow = ApiOutput<'audit.list'>['rows'][number];
const pageSize = 50;

/** 审计日志: who did what and when — logins, failed logins, settings changes, backups — in words. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [action, setAction] = useState('');
  const audit = useApiQuery('audit.list', {
    action: action || undefined,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });

  if (audit.error) return <LoadFailure error={audit.error} onRetry={() => void audit.refetch()} />;

  const actionNames = auditActionNames(t, i18n);
  const actionName = (key: string) => actionNames.get(key) ?? key;

  return (
    <Card
      title={t('page.auditLog')}
      variant="borderless"
      extra={
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.filterAction')}
          value={action || undefined}
          onChange={(value?: string) => {
            setAction(value ?? '');
            setPage(1);
          }}
          options={[...actionNames].map(([value, label]) => ({ value, label }))}
          style={{ width: 220 }}
          data-testid="audit-action-filter"
        />
      }
    >
      <Table<AuditRow>
        rowKey="id"
        size="small"
        tableLayout="fixed"
        loading={audit.isFetching}
        dataSource={audit.data?.rows ?? []}
        pagination={{
          current: page,
          pageSize,
          total: audit.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('audit.at'),
            dataIndex: 'at',
            width: 170,
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
          },
          { title: t('audit.user'), dataIndex: 'username', width: 110 },
          { title: t('audit.action'), dataIndex: 'action', width: 170, render: actionName },
          { title: t('audit.entity'), dataIndex: 'entityKey', width: 140 },
          {
            title: t('audit.detail'),
            render: (_, row) => (
              <Typography.Text ellipsis={{ tooltip: describeAuditEntry(t, row) }}>
                {describeAuditEntry(t, row)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
