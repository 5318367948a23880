import { App, Button, Card, Descriptions, Form, Input, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/useApi';
import { applyFieldErrors } from '../../components/applyFieldErrors';
import { formatBytes } from '../../components/formatBytes';
import { LoadFailure } from '../../components/LoadFailure';
import { useSession } from '../../session/SessionContext';
import { BackupRestoreCard } from './BackupRestoreCard';
import { VerifyLedgerCard } from './VerifyLedgerCard';

/** 系统信息与备份: what is running on which file, and an online backup to a chosen path. */
export function SystemInfoPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { current } = useSession();
  const info = useApiQuery('system.info', {});
  const backup = useApiMutation('system.backup');
  const [backupForm] = Form.useForm<{ to: string }>();

  if (info.error) return <LoadFailure error={info.error} onRetry={() => void info.refetch()} />;
  if (!info.data) return <Skeleton active />;

  const runBackup = async ({ to }: { to: string }) => {
    try {
      const result = await backup.mutateAsync({ to });
      message.success(t('system.backupDone', { path: result.path, size: formatBytes(result.bytes) }));
    } catch (error) {
      if (!applyFieldErrors(backupForm, error)) message.error((error as Error).message);
    }
  };

  // The branch's own day (dayjs reads the local zone), not the UTC date.
  const suggested =
    info.data.databasePath.replace(/\.db$/, '') + `-backup-${dayjs().format('YYYY-MM-DD')}.db`;

  return (
    <div style={{ maxWidth: 860 }}>
      <Card title={t('page.systemInfo')} variant="borderless">
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('system.branchCode')}>{info.data.branchCode}</Descriptions.Item>
          <Descriptions.Item label={t('system.appVersion')}>{info.data.appVersion}</Descriptions.Item>
          <Descriptions.Item label={t('system.schemaVersion')}>{info.data.schemaVersion}</Descriptions.Item>
          <Descriptions.Item label={t('system.databasePath')}>
            <Typography.Text copyable>{info.data.databasePath}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {current.permissions.includes('backup.create') && (
        <Card title={t('system.backupTitle')} variant="borderless">
          <Typography.Paragraph type="secondary">{t('system.backupIntro')}</Typography.Paragraph>
          <Form form={backupForm} layout="inline" initialValues={{ to: suggested }} onFinish={runBackup}>
            <Form.Item
              name="to"
              label={t('system.backupPath')}
              rules={[{ required: true, whitespace: true }]}
              style={{ flex: 1 }}
            >
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={backup.isPending}>
              {t('system.backupRun')}
            </Button>
          </Form>
        </Card>
      )}
      {current.permissions.includes('backup.create') && <BackupRestoreCard />}
      {current.permissions.includes('audit.view') && <VerifyLedgerCard />}
    </div>
  );
}
