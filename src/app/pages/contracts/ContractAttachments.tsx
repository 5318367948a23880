import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, ConfigProvider, Flex, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ClientContext';
import { formatBytes } from '../../components/formatBytes';
import { readFileAsBase64 } from '../../files/readFileAsBase64';
import { saveBase64File } from '../../files/saveBase64File';
import { usePermission } from '../../session/usePermission';
import type { ContractView } from './contractDraft';
import { denseTable } from '../../components/list/denseTable';
import { localTime } from '../../components/format/localTime';

type Attachment = ContractView['attachments'][number];

/**
 * 附件: the scanned paper contract and whatever else belongs with it, kept with its SHA-256 so a copy
 * produced later can be told from the one filed.
 */
export function ContractAttachments({ view }: { view: ContractView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const mayEdit = usePermission('contracts.edit');
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      await client.call('contracts.attach', {
        id: view.id,
        fileName: file.name,
        mediaType: file.type || 'application/octet-stream',
        contentBase64: await readFileAsBase64(file),
      });
      void message.success(t('contracts.attachments.uploaded', { fileName: file.name }));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setUploading(false);
    }
  };

  const download = async (attachment: Attachment) => {
    try {
      saveBase64File(await client.call('contracts.attachment', { id: view.id, attachmentId: attachment.id }));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Flex vertical gap={8}>
      {mayEdit && (
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading} data-testid="contract-attach">
            {t('contracts.attachments.upload')}
          </Button>
        </Upload>
      )}
      <ConfigProvider theme={denseTable}>
        <Table<Attachment>
          size="small"
          bordered
          rowKey="id"
          pagination={false}
          dataSource={view.attachments}
          locale={{ emptyText: t('contracts.attachments.none') }}
          data-testid="contract-attachments"
          columns={[
            {
              key: 'fileName',
              title: t('contracts.attachments.fileName'),
              dataIndex: 'fileName',
              ellipsis: true,
            },
            {
              key: 'size',
              title: t('contracts.attachments.size'),
              width: 90,
              align: 'right',
              render: (_, attachment) => formatBytes(attachment.byteSize),
            },
            {
              key: 'sha256',
              title: t('contracts.attachments.sha256'),
              width: 300,
              render: (_, attachment) => (
                <Typography.Text code copyable={{ text: attachment.sha256 }} style={{ fontSize: 11 }}>
                  {attachment.sha256.slice(0, 32)}…
                </Typography.Text>
              ),
            },
            {
              key: 'addedBy',
              title: t('contracts.attachments.addedBy'),
              width: 100,
              dataIndex: 'addedByName',
            },
            {
              key: 'addedAt',
              title: t('contracts.attachments.addedAt'),
              width: 160,
              dataIndex: 'addedAt',
              render: localTime,
            },
            {
              key: 'download',
              width: 90,
              render: (_, attachment) => (
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(attachment)}>
                  {t('contracts.attachments.download')}
                </Button>
              ),
            },
          ]}
        />
      </ConfigProvider>
    </Flex>
  );
}
