import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Descriptions, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ClientContext';
import { saveBase64File } from '../../files/saveBase64File';
import type { ImportOutcome, ImportPreview } from './importTypes';

/**
 * Step 4, 导入: all rows or none by default; the valid rows only when the clerk asks for it (and
 * only when there are errors to leave out). Afterwards what was done, and the error report.
 */
export function ImportCommitStep({
  preview,
  validOnly,
  onValidOnly,
  outcome,
}: {
  preview: ImportPreview;
  validOnly: boolean;
  onValidOnly: (validOnly: boolean) => void;
  outcome: ImportOutcome | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [downloading, setDownloading] = useState(false);
  const { counts } = preview;

  const downloadReport = async (logId: number) => {
    setDownloading(true);
    try {
      saveBase64File(await client.call('import.errorReport', { logId }));
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setDownloading(false);
    }
  };

  if (outcome) {
    const committed = outcome.status === 'committed';
    return (
      <Result
        status={committed ? (outcome.errors.length ? 'warning' : 'success') : 'error'}
        title={t(committed ? 'importWizard.done' : 'importWizard.refused')}
        subTitle={
          committed
            ? t('importWizard.doneCounts', {
                created: outcome.created,
                updated: outcome.updated,
                skipped: outcome.skipped,
              }) +
              (outcome.errors.length ? t('importWizard.doneLeftOut', { count: outcome.errors.length }) : '') +
              (outcome.document ? t('importWizard.documentMade', { number: outcome.document.number }) : '')
            : t('importWizard.refusedHelp', { count: outcome.errors.length })
        }
        extra={
          outcome.errors.length > 0 && (
            <Button
              icon={<DownloadOutlined />}
              loading={downloading}
              onClick={() => void downloadReport(outcome.logId)}
              data-testid="download-error-report"
            >
              {t('importWizard.errorReport')}
            </Button>
          )
        }
        data-testid="import-outcome"
      />
    );
  }

  return (
    <div style={{ maxWidth: 640, margin: '8px auto' }}>
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('importWizard.fileName')}>{preview.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('importWizard.willCreate')}>{counts.create}</Descriptions.Item>
        <Descriptions.Item label={t('importWizard.willUpdate')}>{counts.update}</Descriptions.Item>
        <Descriptions.Item label={t('importWizard.willSkip')}>{counts.skip}</Descriptions.Item>
        <Descriptions.Item label={t('importWizard.withErrors')}>{counts.errors}</Descriptions.Item>
      </Descriptions>
      {counts.errors > 0 ? (
        <Alert
          type={validOnly ? 'warning' : 'error'}
          showIcon
          title={t(validOnly ? 'importWizard.validOnlyOn' : 'importWizard.allOrNothing', {
            count: counts.errors,
          })}
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Alert type="info" showIcon title={t('importWizard.oneTransaction')} style={{ marginBottom: 12 }} />
      )}
      <span data-testid="valid-only">
        <Checkbox
          checked={validOnly}
          disabled={counts.errors === 0}
          onChange={(event) => onValidOnly(event.target.checked)}
        >
          {t('importWizard.validOnly')}
        </Checkbox>
      </span>
    </div>
  );
}
