import { Form, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import { useApiMutation } from '../../api/useApi';
import { applyFieldErrors } from '../../components/applyFieldErrors';
import { formatBytes } from '../../components/formatBytes';

type ExportedFile = ApiOutput<'upload.export'>[number];

/**
 * 导出上传包: for a branch without network, the packages head office has not received, written as files
 * into a folder on the machine running the engine (hence a typed path, not a browser download).
 */
export function ExportPackagesDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const exportPackages = useApiMutation('upload.export');
  const [form] = Form.useForm<{ folder: string }>();
  const [written, setWritten] = useState<ExportedFile[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const runExport = async ({ folder }: { folder: string }) => {
    setFailure(null);
    try {
      setWritten(await exportPackages.mutateAsync({ folder }));
    } catch (error) {
      if (!applyFieldErrors(form, error)) setFailure((error as Error).message);
    }
  };

  const close = () => {
    setWritten(null);
    setFailure(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      width={720}
      title={t('upload.exportTitle')}
      // Once written, the dialog's work is done: its button closes it.
      okText={written ? t('upload.exportClose') : t('upload.exportRun')}
      okButtonProps={{ loading: exportPackages.isPending }}
      onOk={() => (written ? close() : form.submit())}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('upload.exportIntro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void runExport(values)}>
        <Form.Item
          name="folder"
          label={t('upload.exportFolder')}
          rules={[{ required: true, whitespace: true }]}
          validateStatus={failure ? 'error' : undefined}
          help={failure ?? undefined}
        >
          <Input data-testid="export-folder" />
        </Form.Item>
      </Form>
      {written && (
        <Table<ExportedFile>
          size="small"
          rowKey="file"
          pagination={false}
          data-testid="exported-files"
          title={() => t('upload.exportDone', { count: written.length })}
          dataSource={written}
          columns={[
            { title: t('upload.exportFile'), dataIndex: 'file', ellipsis: true },
            { title: t('upload.epoch'), dataIndex: 'epoch', width: 60 },
            { title: t('upload.seq'), dataIndex: 'seq', width: 60 },
            {
              title: t('upload.bytes'),
              dataIndex: 'bytes',
              width: 90,
              render: (bytes: number) => formatBytes(bytes),
            },
          ]}
        />
      )}
    </Modal>
  );
}
