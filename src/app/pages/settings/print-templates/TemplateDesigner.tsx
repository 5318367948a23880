import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  ExportOutlined,
  HistoryOutlined,
  PlusOutlined,
  SaveOutlined,
  StarOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../../shared/api';
import { documentTypes, type DocumentType } from '../../../../shared/documents/document-types';
import type { ApiCallError } from '../../../api/client';
import { useClient } from '../../../api/ClientContext';
import { useApiMutation } from '../../../api/useApi';
import { useDebouncedValue } from '../../../components/list/useDebouncedValue';
import { saveBase64File } from '../../../files/saveBase64File';
import { OrderedKeys } from './OrderedKeys';

const PdfPages = lazy(() =>
  import('../../../printing/PdfPages').then((module) => ({ default: module.PdfPages })),
);

type Catalogue = ApiOutput<'printTemplates.list'>;
type Stored = ApiOutput<'printTemplates.get'>;
type Template = Stored['template'];
/** The form's values: the template, and the type it is made for ('' for every type). */
type Values = Template & { documentType: DocumentType | '' };

/** 联次 labels offices print on their 三联 forms; any other may be typed. */
const copyLabels = ['存根联', '客户联', '仓库联', '记账联', '回单联'];

/**
 * The template as the form holds it, as the engine takes it: what the form does not show (`printable`)
 * from the stored one, an emptied heading or alignment or size as not given, and no total of a column
 * taken out.
 */
function templateOf(
  base: Template,
  values: Partial<Values>,
): { documentType: DocumentType | null; template: Template } {
  const { documentType = '', ...edited } = values;
  const merged = { ...base, ...edited } as Template;
  const given = <T,>(value: T | null | undefined) => (value === null || value === '' ? undefined : value);
  const columns = (merged.columns ?? []).filter(Boolean).map((column) => ({
    field: column.field,
    widthMm: column.widthMm,
    ...(given(column.label?.trim()) ? { label: column.label!.trim() } : {}),
    ...(given(column.align) ? { align: column.align } : {}),
  }));
  const { fontPt, minRowMm, rowsPerPage, ...rest } = merged;
  return {
    documentType: documentType || null,
    template: {
      ...rest,
      ...(given(fontPt) !== undefined ? { fontPt } : {}),
      ...(given(minRowMm) !== undefined ? { minRowMm } : {}),
      ...(given(rowsPerPage) !== undefined ? { rowsPerPage } : {}),
      columns,
      totals: (merged.totals ?? []).filter((key) => columns.some((column) => column.field === key)),
    },
  };
}

/**
 * The template designer: a stored template's paper, header fields, line columns (their order, width,
 * heading and alignment), the options every printed table has, signature boxes and 联次, with a live
 * preview beside it — the engine's own PDF of the template as it stands in the form, on a document
 * named or on the type's 样张. Saving makes a new version; earlier ones can be brought back.
 */
export function TemplateDesigner({
  stored,
  catalogue,
  onSaved,
  onDeleted,
}: {
  stored: Stored;
  catalogue: Catalogue;
  onSaved: (template: Stored) => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation('printTemplates.save');
  const setDefault = useApiMutation('printTemplates.setDefault');
  const remove = useApiMutation('printTemplates.delete');
  const restore = useApiMutation('printTemplates.restore');
  const [historyOpen, setHistoryOpen] = useState(false);
  const [target, setTarget] = useState<{ kind: 'sample' } | { kind: 'document'; number: string }>({
    kind: 'sample',
  });
  const [numberText, setNumberText] = useState('');

  const initial: Values = { ...stored.template, documentType: stored.documentType ?? '' };
  // The form takes the stored template when a version arrives (saved, restored), not on every render:
  // `initial` is a new object each time.
  useEffect(() => form.setFieldsValue(initial), [stored.id, stored.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const values = useDebouncedValue(watched, 400);
  const { documentType, template } = templateOf(stored.template, values ?? initial);
  const previewType: DocumentType = documentType ?? 'sales_delivery';
  const preview = useQuery<ApiOutput<'printTemplates.preview'>, ApiCallError>({
    queryKey: ['printTemplates.preview', template, previewType, target],
    queryFn: () =>
      client.call('printTemplates.preview', {
        template,
        type: previewType,
        ...(target.kind === 'document' ? { number: target.number } : {}),
      }),
    enabled: values !== undefined,
    placeholderData: (previous) => previous,
    retry: false,
  });

  const columnFields = catalogue.fields.columns;
  const paper = catalogue.papers.find((one) => one.name === template.paper);
  const available = paper
    ? paper.widthMm - (template.marginsMm?.left ?? 0) - (template.marginsMm?.right ?? 0)
    : 0;
  const columnsWidth = (template.columns ?? []).reduce((sum, column) => sum + (column?.widthMm ?? 0), 0);
  const totalledInTemplate = (template.columns ?? [])
    .map((column) => column?.field)
    .filter((field): field is string => !!field && !!columnFields[field]?.totalled);

  const submit = async (formValues: Values) => {
    try {
      const saved = await save.mutateAsync({
        id: stored.id,
        version: stored.version,
        ...templateOf(stored.template, formValues),
      });
      void message.success(t('printTemplates.saved', { name: saved.name, version: saved.version }));
      onSaved(saved);
    } catch (error) {
      void message.error((error as Error).message);
    }
  };

  const act = async (run: () => Promise<Stored | void>, done: string) => {
    try {
      const result = await run();
      void message.success(done);
      if (result) onSaved(result);
    } catch (error) {
      void message.error((error as Error).message);
    }
  };

  return (
    <Row gutter={16} wrap={false} data-testid="template-designer">
      <Col flex="520px" style={{ maxHeight: 'calc(100vh - 190px)', overflow: 'auto', paddingRight: 8 }}>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="template-save"
          >
            {t('printTemplates.save')}
          </Button>
          <Button
            icon={<StarOutlined />}
            onClick={() =>
              void act(
                () => setDefault.mutateAsync({ id: stored.id, isDefault: !stored.isDefault }),
                stored.isDefault ? t('printTemplates.notDefaultDone') : t('printTemplates.defaultDone'),
              )
            }
            data-testid="template-default"
          >
            {stored.isDefault ? t('printTemplates.unsetDefault') : t('printTemplates.setDefault')}
          </Button>
          <Button
            icon={<ExportOutlined />}
            onClick={() =>
              void act(async () => {
                saveBase64File(await client.call('printTemplates.export', { id: stored.id }));
              }, t('printTemplates.exported'))
            }
            data-testid="template-export"
          >
            {t('printTemplates.export')}
          </Button>
          <Button
            icon={<HistoryOutlined />}
            onClick={() => setHistoryOpen(true)}
            data-testid="template-history"
          >
            {t('printTemplates.history', { version: stored.version })}
          </Button>
          <Popconfirm
            title={t('printTemplates.deleteConfirm', { name: stored.name })}
            onConfirm={() =>
              void act(
                async () => {
                  await remove.mutateAsync({ id: stored.id });
                  onDeleted();
                },
                t('printTemplates.deleted', { name: stored.name }),
              )
            }
          >
            <Button danger icon={<DeleteOutlined />} aria-label={t('printTemplates.delete')} />
          </Popconfirm>
        </Flex>
        {stored.isDefault && (
          <Tag color="gold" style={{ marginBottom: 8 }}>
            {t('printTemplates.isDefaultOf', {
              type: stored.documentType
                ? t(`document.types.${stored.documentType}`)
                : t('printTemplates.allTypes'),
            })}
          </Tag>
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          size="small"
          initialValues={initial}
          onFinish={(formValues) => void submit(formValues)}
          requiredMark={false}
        >
          <Row gutter={8}>
            <Col span={14}>
              <Form.Item name="name" label={t('printTemplates.name')} rules={[{ required: true, max: 40 }]}>
                <Input data-testid="template-name" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="documentType" label={t('printTemplates.documentType')}>
                <Select
                  options={[
                    { value: '', label: t('printTemplates.allTypes') },
                    ...documentTypes.map((type) => ({ value: type, label: t(`document.types.${type}`) })),
                  ]}
                  data-testid="template-document-type"
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={8}>
            <Col span={14}>
              <Form.Item name="paper" label={t('printTemplates.paper')}>
                <Select
                  options={catalogue.papers.map((one) => ({
                    value: one.name,
                    label: t(`printTemplates.papers.${one.name}`, {
                      size: `${one.widthMm} × ${one.heightMm} mm`,
                    }),
                  }))}
                  data-testid="template-paper"
                />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name="fontPt" label={t('printTemplates.fontPt')}>
                <InputNumber min={7} max={14} step={0.5} placeholder="9" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name="minRowMm" label={t('printTemplates.minRowMm')}>
                <InputNumber min={4} max={30} step={0.5} placeholder="5.5" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="rowsPerPage"
            label={t('printTemplates.rowsPerPage')}
            extra={t('printTemplates.rowsPerPageHelp')}
          >
            <InputNumber
              min={1}
              max={200}
              placeholder={t('printTemplates.rowsAsFit')}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Typography.Text type="secondary">{t('printTemplates.margins')}</Typography.Text>
          <Row gutter={8}>
            {(['top', 'right', 'bottom', 'left'] as const).map((side) => (
              <Col span={6} key={side}>
                <Form.Item name={['marginsMm', side]} label={t(`printTemplates.sides.${side}`)}>
                  <InputNumber min={0} max={50} step={0.5} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>

          <Divider titlePlacement="start" plain>
            {t('printTemplates.header')}
          </Divider>
          <Form.Item name="fieldsPerRow" label={t('printTemplates.fieldsPerRow')}>
            <InputNumber min={1} max={6} />
          </Form.Item>
          <Form.Item name="fields">
            <OrderedKeys
              options={catalogue.fields.header}
              addLabel={t('printTemplates.addField')}
              testId="template-fields"
            />
          </Form.Item>

          <Divider titlePlacement="start" plain>
            {t('printTemplates.columns')}
          </Divider>
          <Typography.Text
            type={columnsWidth > available ? 'danger' : 'secondary'}
            data-testid="template-width"
          >
            {t('printTemplates.widthSum', { sum: Math.round(columnsWidth * 10) / 10, available })}
          </Typography.Text>
          <Form.List name="columns">
            {(items, { add, remove: removeColumn, move }) => (
              <Flex vertical gap={4} style={{ marginTop: 4 }} data-testid="template-columns">
                {items.map((item, index) => (
                  <Flex key={item.key} gap={4} align="start" data-testid="template-column">
                    <Form.Item name={[item.name, 'field']} style={{ width: 120, marginBottom: 0 }}>
                      <Select
                        options={Object.entries(columnFields).map(([key, column]) => ({
                          value: key,
                          label: column.label,
                        }))}
                        aria-label={t('printTemplates.columnField')}
                      />
                    </Form.Item>
                    <Form.Item name={[item.name, 'label']} style={{ width: 110, marginBottom: 0 }}>
                      <Input placeholder={t('printTemplates.columnLabel')} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'widthMm']} style={{ width: 76, marginBottom: 0 }}>
                      <InputNumber
                        min={1}
                        max={400}
                        suffix="mm"
                        aria-label={t('printTemplates.columnWidth')}
                      />
                    </Form.Item>
                    <Form.Item name={[item.name, 'align']} style={{ width: 64, marginBottom: 0 }}>
                      <Select
                        allowClear
                        placeholder={t('printTemplates.alignAuto')}
                        options={(['left', 'center', 'right'] as const).map((align) => ({
                          value: align,
                          label: t(`printTemplates.align.${align}`),
                        }))}
                      />
                    </Form.Item>
                    <Space.Compact>
                      <Button
                        size="small"
                        icon={<ArrowUpOutlined />}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                        aria-label="↑"
                      />
                      <Button
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={index === items.length - 1}
                        onClick={() => move(index, index + 1)}
                        aria-label="↓"
                      />
                      <Button
                        size="small"
                        icon={<DeleteOutlined />}
                        disabled={items.length === 1}
                        onClick={() => removeColumn(item.name)}
                        aria-label={t('printTemplates.removeColumn')}
                      />
                    </Space.Compact>
                  </Flex>
                ))}
                <Button
                  size="small"
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ field: 'remark', widthMm: 20 })}
                  data-testid="template-add-column"
                >
                  {t('printTemplates.addColumn')}
                </Button>
              </Flex>
            )}
          </Form.List>

          <Divider titlePlacement="start" plain>
            {t('printTemplates.options')}
          </Divider>
          <Form.Item name="totals" label={t('printTemplates.totals')}>
            <Checkbox.Group
              options={[...new Set(totalledInTemplate)].map((key) => ({
                value: key,
                label: columnFields[key]!.label,
              }))}
            />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item name="pageSubtotal" label={t('printTemplates.pageSubtotal')} valuePropName="checked">
              <Switch size="small" />
            </Form.Item>
            <Form.Item name="carry" label={t('printTemplates.carry')} valuePropName="checked">
              <Switch size="small" />
            </Form.Item>
            <Form.Item name="capitalAmount" label={t('printTemplates.capitalAmount')} valuePropName="checked">
              <Switch size="small" />
            </Form.Item>
          </Flex>
          <Form.Item name="quantity" label={t('printTemplates.quantity')}>
            <Radio.Group
              options={[
                { value: 'mixed', label: t('printTemplates.quantityMixed') },
                { value: 'line-unit', label: t('printTemplates.quantityLineUnit') },
              ]}
            />
          </Form.Item>
          <Form.Item name="signatures" label={t('printTemplates.signatures')}>
            <OrderedKeys
              options={catalogue.fields.signatures}
              addLabel={t('printTemplates.addSignature')}
              testId="template-signatures"
            />
          </Form.Item>
          <Form.Item name="copies" label={t('printTemplates.copies')} extra={t('printTemplates.copiesHelp')}>
            <Select
              mode="tags"
              options={copyLabels.map((label) => ({ value: label, label }))}
              data-testid="template-copies"
            />
          </Form.Item>
        </Form>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('printTemplates.preview')}</Typography.Text>
          <Radio.Group
            size="small"
            value={target.kind}
            onChange={(event) =>
              setTarget(
                event.target.value === 'sample' || !numberText.trim()
                  ? { kind: 'sample' }
                  : { kind: 'document', number: numberText.trim() },
              )
            }
            options={[
              { value: 'sample', label: t('printTemplates.onSample') },
              { value: 'document', label: t('printTemplates.onDocument') },
            ]}
          />
          <Input.Search
            size="small"
            style={{ width: 220 }}
            placeholder={t('printTemplates.documentNumber')}
            value={numberText}
            onChange={(event) => setNumberText(event.target.value)}
            onSearch={(text) =>
              setTarget(text.trim() ? { kind: 'document', number: text.trim() } : { kind: 'sample' })
            }
            enterButton={t('printTemplates.show')}
            data-testid="template-preview-number"
          />
          {preview.data && (
            <Typography.Text type="secondary" data-testid="template-preview-pages">
              {t('printTemplates.pages', { pages: preview.data.pages })}
            </Typography.Text>
          )}
        </Flex>
        {preview.error && (
          <Alert
            type="error"
            showIcon
            title={preview.error.message}
            style={{ marginBottom: 8 }}
            data-testid="template-preview-error"
          />
        )}
        <div style={{ maxHeight: 'calc(100vh - 230px)', overflow: 'auto' }}>
          {preview.data && (
            <Suspense fallback={<div style={{ height: 200 }} />}>
              <PdfPages contentBase64={preview.data.contentBase64} fitWidth />
            </Suspense>
          )}
        </div>
      </Col>
      <Drawer
        open={historyOpen}
        onClose={() => setHistoryOpen(false)}
        title={t('printTemplates.historyTitle', { name: stored.name })}
        size={420}
      >
        <List
          dataSource={stored.versions}
          data-testid="template-versions"
          renderItem={(version) => (
            <List.Item
              actions={
                version.version === stored.version
                  ? [<Tag key="current">{t('printTemplates.current')}</Tag>]
                  : [
                      <Popconfirm
                        key="restore"
                        title={t('printTemplates.restoreConfirm', { version: version.version })}
                        onConfirm={() =>
                          void act(
                            () =>
                              restore.mutateAsync({
                                id: stored.id,
                                version: version.version,
                                openedVersion: stored.version,
                              }),
                            t('printTemplates.restored', { version: version.version }),
                          )
                        }
                      >
                        <Button size="small">{t('printTemplates.restore')}</Button>
                      </Popconfirm>,
                    ]
              }
            >
              <List.Item.Meta
                title={t('printTemplates.versionTitle', { version: version.version, note: version.note })}
                description={`${version.savedBy} · ${new Date(version.savedAt).toLocaleString()}`}
              />
            </List.Item>
          )}
        />
      </Drawer>
    </Row>
  );
}
