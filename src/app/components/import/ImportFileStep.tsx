import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Radio, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ClientContext';
import { readFileAsBase64 } from '../../files/readFileAsBase64';
import { saveBase64File } from '../../files/saveBase64File';
import type { MessageKey } from '../../i18n/messageKey';
import type { ChosenFile, ImportChoices, ImportEntity } from './importTypes';

/** What "missing references" means for each entity, where the import can create them. */
const missingReferences: Partial<Record<ImportEntity, MessageKey>> = {
  goods: 'importWizard.missing.goods',
  counterparties: 'importWizard.missing.counterparties',
  employees: 'importWizard.missing.employees',
};

/** Step 1: the template, the file, and the choices that decide what the preview shows. */
export function ImportFileStep({
  entity,
  file,
  onFile,
  choices,
  onChoices,
}: {
  entity: ImportEntity;
  file: ChosenFile | null;
  onFile: (file: ChosenFile) => void;
  choices: ImportChoices;
  onChoices: (choices: ImportChoices) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [downloading, setDownloading] = useState(false);
  const missing = missingReferences[entity];

  const downloadTemplate = async () => {
    setDownloading(true);
    try {
      saveBase64File(await client.call('import.template', { entity }));
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div>
      <Flex align="center" gap={12} style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void downloadTemplate()}>
          {t('importWizard.downloadTemplate')}
        </Button>
        <Typography.Text type="secondary">{t('importWizard.templateHelp')}</Typography.Text>
      </Flex>
      <Upload.Dragger
        accept=".xlsx,.xls,.csv"
        multiple={false}
        showUploadList={false}
        beforeUpload={(chosen) => {
          // Read here, in the page: nothing is uploaded anywhere; the engine gets the bytes with the preview.
          void readFileAsBase64(chosen).then(
            (contentBase64) => onFile({ name: chosen.name, contentBase64 }),
            (error: Error) => message.error(error.message),
          );
          return false;
        }}
        data-testid="import-file"
      >
        {file ? (
          <div style={{ padding: '8px 0' }}>
            <FileExcelOutlined style={{ fontSize: 36, color: '#1f7a45' }} />
            <Typography.Paragraph strong style={{ margin: '8px 0 0' }} data-testid="import-file-name">
              {file.name}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('importWizard.chooseAnother')}</Typography.Text>
          </div>
        ) : (
          <div style={{ padding: '8px 0' }}>
            <InboxOutlined style={{ fontSize: 36, color: '#1677ff' }} />
            <Typography.Paragraph style={{ margin: '8px 0 0' }}>
              {t('importWizard.chooseFile')}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('importWizard.fileTypes')}</Typography.Text>
          </div>
        )}
      </Upload.Dragger>
      <Form
        layout="horizontal"
        labelCol={{ flex: '240px' }}
        labelWrap
        style={{ marginTop: 20 }}
        colon={false}
      >
        <Form.Item label={t('importWizard.existing')} style={{ marginBottom: 8 }}>
          <Radio.Group
            value={choices.existing}
            onChange={(event) =>
              onChoices({ ...choices, existing: event.target.value as ImportChoices['existing'] })
            }
            options={[
              { value: 'update', label: t('importWizard.existingUpdate') },
              { value: 'skip', label: t('importWizard.existingSkip') },
            ]}
          />
        </Form.Item>
        {missing && (
          <Form.Item label={t(missing)} style={{ marginBottom: 0 }}>
            <Radio.Group
              value={choices.createMissing}
              onChange={(event) => onChoices({ ...choices, createMissing: event.target.value as boolean })}
              options={[
                { value: true, label: t('importWizard.missingCreate') },
                { value: false, label: t('importWizard.missingRefuse') },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </div>
  );
}
