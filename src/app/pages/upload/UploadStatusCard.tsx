import { Alert, App, Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/useApi';
import { LoadFailure } from '../../components/LoadFailure';
import { usePermission } from '../../session/usePermission';
import { ExportPackagesDialog } from './ExportPackagesDialog';
import { clockSkewText, localTime, uploadHealth, type UploadStatus } from './uploadFigures';

const stateTone = {
  notConfigured: 'secondary',
  allSent: 'success',
  pending: 'warning',
  retrying: 'warning',
  blocked: 'danger',
} as const;

/** The upload's state in words, the last failure with what to do, and 立即上传 / 导出上传包. */
export function UploadStatusCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mayRun = usePermission('upload.run');
  const status = useApiQuery('upload.status', {});
  const run = useApiMutation('upload.run');
  const [exporting, setExporting] = useState(false);

  if (status.error) return <LoadFailure error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data) return <Skeleton active />;

  const uploadNow = async () => {
    try {
      const outcome = await run.mutateAsync({});
      if (outcome.outcome === 'not_configured') message.warning(outcome.message);
      else if (outcome.outcome === 'uploaded') message.success(t('upload.runUploaded', outcome));
      else message.error(t('upload.runFailed', { message: outcome.failure.message }));
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  return (
    <Card
      title={t('upload.statusTitle')}
      variant="borderless"
      data-testid="upload-status"
      extra={
        mayRun && (
          <Space>
            <Button type="primary" loading={run.isPending} onClick={() => void uploadNow()}>
              {t('upload.run')}
            </Button>
            <Button onClick={() => setExporting(true)}>{t('upload.export')}</Button>
          </Space>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <StatusSummary status={status.data} />
        <ClockSkewNotice skewMs={status.data.skewMs} />
        <LastFailure status={status.data} />
      </Space>
      <ExportPackagesDialog open={exporting} onClose={() => setExporting(false)} />
    </Card>
  );
}

function StatusSummary({ status }: { status: UploadStatus }) {
  const { t } = useTranslation();
  const health = uploadHealth(status);
  const none = t('upload.none');
  const state = status.probing && health === 'retrying' ? 'probing' : health;
  return (
    <Descriptions column={2} bordered size="small">
      <Descriptions.Item label={t('upload.state')} span={2}>
        <Typography.Text type={stateTone[health]} data-testid="upload-state">
          {t(`upload.states.${state}`)}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('upload.pendingCount')}>
        {t('upload.packagesUnit', { count: status.pending })}
      </Descriptions.Item>
      <Descriptions.Item label={t('upload.oldestPendingAt')}>
        {localTime(status.oldestPendingAt) ?? none}
      </Descriptions.Item>
      <Descriptions.Item label={t('upload.lastSuccessAt')}>
        {localTime(status.lastSuccessAt) ?? none}
      </Descriptions.Item>
      <Descriptions.Item label={t('upload.failuresInRow')}>
        {t('upload.timesUnit', { count: status.failuresInRow })}
      </Descriptions.Item>
      <Descriptions.Item label={t('upload.nextAttemptAt')}>
        {localTime(status.nextAttemptAt) ?? none}
      </Descriptions.Item>
      <Descriptions.Item label={t('upload.nextScheduled')}>
        {localTime(status.nextScheduled) ?? none}
      </Descriptions.Item>
      <Descriptions.Item label={t('upload.headOffice')} span={2}>
        {status.headOffice
          ? t('upload.headOfficeValue', {
              epoch: status.headOffice.epoch,
              seq: status.headOffice.lastSeq,
              at: localTime(status.headOffice.at),
            })
          : none}
      </Descriptions.Item>
    </Descriptions>
  );
}

function ClockSkewNotice({ skewMs }: { skewMs: number }) {
  const { t } = useTranslation();
  const text = clockSkewText(skewMs, t);
  if (text === null) return null;
  return <Alert type="warning" showIcon title={text} description={t('upload.skewHelp')} />;
}

/** The last failure as the engine explained it; red when it waits for the person, orange when retried. */
function LastFailure({ status }: { status: UploadStatus }) {
  const { t } = useTranslation();
  const error = status.lastError;
  // Once everything is delivered an old failure is history, not something to act on.
  if (!error || uploadHealth(status) === 'allSent') return null;
  return (
    <Alert
      type={status.blocked ? 'error' : 'warning'}
      showIcon
      data-testid="upload-last-error"
      title={
        <>
          <Typography.Text strong>{t('upload.lastError', { at: localTime(error.at) })}</Typography.Text>{' '}
          {error.message}
        </>
      }
      description={
        <Space orientation="vertical" size={2}>
          <span>{t('upload.whatToDo', { action: error.action })}</span>
          {error.detail && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('upload.errorDetail', { detail: error.detail })}
            </Typography.Text>
          )}
        </Space>
      }
    />
  );
}
