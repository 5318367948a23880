import { App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/useApi';
import { formatBytes } from '../../components/formatBytes';
import type { MessageKey } from '../../i18n/messageKey';
import { usePermission } from '../../session/usePermission';
import { localTime, packageRows, type OutboxPackage } from './uploadFigures';

const stateColor: Record<OutboxPackage['state'], string> = {
  built: 'processing',
  sending: 'blue',
  acked: 'success',
  rejected: 'error',
  superseded: 'default',
};

/** The last error a package kept, as the engine wrote it (UploadFailure): its plain-Chinese message. */
function errorMessage(pkg: OutboxPackage): string | null {
  const text = pkg.lastError?.message;
  return typeof text === 'string' ? text : null;
}

/** The outbox, newest first: each package's place in the chain, what it holds, and how its sending went. */
export function OutboxTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mayRun = usePermission('upload.run');
  const packages = useApiQuery('upload.packages', { limit: 200 });
  const resend = useApiMutation('upload.resend');

  const resendPackage = async (pkg: OutboxPackage) => {
    try {
      await resend.mutateAsync({ packageId: pkg.packageId });
      message.success(t('upload.resent'));
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  return (
    <Card title={t('upload.packagesTitle')} variant="borderless">
      {packages.error && <Typography.Text type="danger">{packages.error.message}</Typography.Text>}
      <Table<OutboxPackage>
        size="small"
        rowKey="packageId"
        data-testid="upload-packages"
        loading={packages.isLoading}
        dataSource={packages.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('upload.epoch'), dataIndex: 'epoch', width: 60 },
          { title: t('upload.seq'), dataIndex: 'seq', width: 60 },
          {
            title: t('upload.periods'),
            dataIndex: 'periods',
            render: (periods: string[], pkg) => (
              <Space size={4} wrap>
                <span>{periods.join('、') || t('upload.none')}</span>
                {pkg.snapshot && <Tag color="purple">{t('upload.snapshot')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('upload.rows'),
            key: 'rows',
            align: 'right',
            render: (_: unknown, pkg) => (
              <Tooltip
                title={Object.entries(pkg.sectionRows).map(([section, rows]) => (
                  <div key={section}>
                    {t(`upload.sections.${section}` as MessageKey, { defaultValue: section })}：{rows}
                  </div>
                ))}
              >
                <span style={{ borderBottom: '1px dotted' }}>{packageRows(pkg)}</span>
              </Tooltip>
            ),
          },
          {
            title: t('upload.bytes'),
            dataIndex: 'bytes',
            align: 'right',
            render: (bytes: number) => formatBytes(bytes),
          },
          {
            title: t('upload.builtAt'),
            dataIndex: 'builtAt',
            render: (at: string) => localTime(at),
          },
          {
            title: t('upload.packageState'),
            dataIndex: 'state',
            render: (state: OutboxPackage['state']) => (
              <Tag color={stateColor[state]}>{t(`upload.packageStates.${state}`)}</Tag>
            ),
          },
          { title: t('upload.attempts'), dataIndex: 'attempts', align: 'right' },
          {
            title: t('upload.packageError'),
            key: 'error',
            width: 260,
            render: (_: unknown, pkg) => {
              const text = errorMessage(pkg);
              return text ? (
                <Typography.Text type="danger" ellipsis={{ tooltip: text }} style={{ maxWidth: 240 }}>
                  {text}
                </Typography.Text>
              ) : null;
            },
          },
          {
            title: t('upload.ackedAt'),
            dataIndex: 'ackedAt',
            render: (at: string | null) => localTime(at),
          },
          // 重新上传 only where a package head office refused is listed: no empty column otherwise.
          ...(mayRun && packages.data?.some((pkg) => pkg.state === 'rejected')
            ? [
                {
                  title: '',
                  key: 'resend',
                  render: (_: unknown, pkg: OutboxPackage) =>
                    pkg.state === 'rejected' && (
                      <Button size="small" onClick={() => void resendPackage(pkg)}>
                        {t('upload.resend')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
