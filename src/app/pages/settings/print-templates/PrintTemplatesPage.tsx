import { ArrowLeftOutlined, CopyOutlined, EditOutlined, ImportOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Modal, Select, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../../shared/api';
import { documentTypes, type DocumentType } from '../../../../shared/documents/document-types';
import { useApiMutation, useApiQuery } from '../../../api/useApi';
import { LoadFailure } from '../../../components/LoadFailure';
import { readFileAsBase64 } from '../../../files/readFileAsBase64';
import { PrintAppearanceCard } from './PrintAppearanceCard';
import { TemplateDesigner } from './TemplateDesigner';

type Catalogue = ApiOutput<'printTemplates.list'>;
type Stored = ApiOutput<'printTemplates.get'>;
/** What a new template is copied from: a shipped one by key, or one of the branch's by id. */
type Source = { templateKey: Catalogue['shipped'][number]['key'] } | { templateId: number };

/**
 * 打印模板: the branch's own templates (each its type's default or not) and the shipped ones to copy
 * from; a template file from head office or another branch imported here. Choosing one opens the
 * designer with its live preview.
 */
export function PrintTemplatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useApiQuery('printTemplates.list', {});
  const importFile = useApiMutation('printTemplates.import');
  const [selected, setSelected] = useState<number | null>(null);
  const [copying, setCopying] = useState<{ source: Source; name: string; type: DocumentType | null } | null>(
    null,
  );
  const current = useApiQuery('printTemplates.get', { id: selected ?? 0 }, { enabled: selected !== null });

  if (list.error) return <LoadFailure error={list.error} onRetry={() => void list.refetch()} />;
  const catalogue = list.data;
  const typeLabel = (type: DocumentType | null) =>
    type === null ? t('printTemplates.allTypes') : t(`document.types.${type}`);

  const open = (template: Stored) => setSelected(template.id);

  return (
    <Card
      title={t('page.printTemplates')}
      variant="borderless"
      extra={
        <Upload
          accept=".json"
          showUploadList={false}
          beforeUpload={(file) => {
            void readFileAsBase64(file).then(async (contentBase64) => {
              try {
                const imported = await importFile.mutateAsync({ fileName: file.name, contentBase64 });
                void message.success(
                  t(`printTemplates.imported.${imported.outcome}`, { name: imported.name }),
                );
                open(imported);
              } catch (error) {
                void message.error((error as Error).message, 8);
              }
            });
            return false;
          }}
        >
          <Button icon={<ImportOutlined />} loading={importFile.isPending} data-testid="template-import">
            {t('printTemplates.import')}
          </Button>
        </Upload>
      }
    >
      {selected !== null && catalogue && current.data ? (
        <>
          <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
            <Button
              icon={<ArrowLeftOutlined />}
              onClick={() => setSelected(null)}
              data-testid="templates-back"
            >
              {t('printTemplates.all')}
            </Button>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {current.data.name}
            </Typography.Title>
            <Button
              icon={<CopyOutlined />}
              onClick={() =>
                setCopying({
                  source: { templateId: current.data.id },
                  name: `${current.data.name}（副本）`,
                  type: current.data.documentType,
                })
              }
              data-testid="template-copy-current"
            >
              {t('printTemplates.copyCurrent')}
            </Button>
          </Flex>
          <TemplateDesigner
            key={current.data.id}
            stored={current.data}
            catalogue={catalogue}
            onSaved={(saved) => open(saved)}
            onDeleted={() => setSelected(null)}
          />
        </>
      ) : (
        <>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            loading={list.isFetching}
            dataSource={catalogue?.stored ?? []}
            locale={{ emptyText: t('printTemplates.none') }}
            data-testid="templates-table"
            columns={[
              {
                title: t('printTemplates.name'),
                dataIndex: 'name',
                render: (name: string, row) => (
                  <span>
                    {name} {row.isDefault && <Tag color="gold">{t('printTemplates.default')}</Tag>}
                  </span>
                ),
              },
              {
                title: t('printTemplates.documentType'),
                dataIndex: 'documentType',
                width: 160,
                render: (type: DocumentType | null) => typeLabel(type),
              },
              { title: t('printTemplates.version'), dataIndex: 'version', width: 80 },
              {
                title: t('printTemplates.updatedAt'),
                dataIndex: 'updatedAt',
                width: 170,
                render: (at: string) => new Date(at).toLocaleString(),
              },
              {
                title: '',
                width: 90,
                render: (_, row) => (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setSelected(row.id)}
                    data-testid={`template-edit-${row.name}`}
                  >
                    {t('printTemplates.design')}
                  </Button>
                ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('printTemplates.shipped')}
          </Typography.Title>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={catalogue?.shipped ?? []}
            data-testid="shipped-templates-table"
            columns={[
              { title: t('printTemplates.name'), dataIndex: 'name' },
              {
                title: t('printTemplates.documentType'),
                width: 160,
                render: (_, row) =>
                  row.types.length === 1 ? typeLabel(row.types[0]!) : t('printTemplates.otherTypes'),
              },
              {
                title: '',
                width: 90,
                render: (_, row) => (
                  <Button
                    size="small"
                    icon={<CopyOutlined />}
                    onClick={() =>
                      setCopying({
                        source: { templateKey: row.key },
                        name: `${row.name}（副本）`,
                        type: row.types.length === 1 ? row.types[0]! : null,
                      })
                    }
                    data-testid={`template-copy-${row.key}`}
                  >
                    {t('printTemplates.copy')}
                  </Button>
                ),
              },
            ]}
          />
          <PrintAppearanceCard />
        </>
      )}
      <CopyDialog
        copying={copying}
        onClose={() => setCopying(null)}
        onCopied={(copy) => {
          setCopying(null);
          open(copy);
        }}
      />
    </Card>
  );
}

/** 复制为新模板: its name and the type it is made for. */
function CopyDialog({
  copying,
  onClose,
  onCopied,
}: {
  copying: { source: Source; name: string; type: DocumentType | null } | null;
  onClose: () => void;
  onCopied: (copy: Stored) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mutation = useApiMutation('printTemplates.copy');
  const [form] = Form.useForm<{ name: string; documentType: DocumentType | '' }>();
  return (
    <Modal
      open={copying !== null}
      title={t('printTemplates.copyTitle')}
      onCancel={onClose}
      okText={t('printTemplates.copy')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      data-testid="template-copy-dialog"
    >
      {copying && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ name: copying.name, documentType: copying.type ?? '' }}
          onFinish={async (values) => {
            try {
              const made = await mutation.mutateAsync({
                ...copying.source,
                name: values.name,
                documentType: values.documentType || null,
              });
              void message.success(t('printTemplates.copied', { name: made.name }));
              onCopied(made);
            } catch (error) {
              void message.error((error as Error).message);
            }
          }}
        >
          <Form.Item name="name" label={t('printTemplates.name')} rules={[{ required: true, max: 40 }]}>
            <Input data-testid="template-copy-name" />
          </Form.Item>
          <Form.Item name="documentType" label={t('printTemplates.documentType')}>
            <Select
              options={[
                { value: '', label: t('printTemplates.allTypes') },
                ...documentTypes.map((type) => ({ value: type, label: t(`document.types.${type}`) })),
              ]}
              data-testid="template-copy-type"
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
