import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Col, Divider, Drawer, Form, Row, Skeleton, Space } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ClientContext';
import { ApiCallError } from '../../api/client';
import type { MessageKey } from '../../i18n/messageKey';
import { applyFieldErrors } from '../applyFieldErrors';
import { LoadFailure } from '../LoadFailure';
import type { EntityFormConfig, FormMode, OpenedRecord, SaveTarget } from './entityFormConfig';
import { FormFieldControl } from './FormFieldControl';

export interface FormTarget {
  /** null: a new record. */
  id: number | null;
}

/**
 * The one form drawer of master data: loads the record, lays out the entity's fields, saves
 * through the entity's method and puts the engine's messages beside the fields they concern.
 */
export function EntityFormDrawer<Values extends object>({
  config,
  noun,
  target,
  readOnly,
  onClose,
}: {
  config: EntityFormConfig<Values>;
  noun: MessageKey;
  target: FormTarget | null;
  readOnly: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={config.width}
      destroyOnHidden
      title={
        target?.id === null
          ? t('form.createTitle', { noun: t(noun) })
          : t(readOnly ? 'form.viewTitle' : 'form.editTitle', { noun: t(noun) })
      }
      styles={{ body: { paddingTop: 8 } }}
    >
      {target && (
        <FormBody
          // A new record or another record starts a fresh form.
          key={target.id ?? 'new'}
          config={config}
          noun={noun}
          id={target.id}
          readOnly={readOnly}
          onClose={onClose}
        />
      )}
    </Drawer>
  );
}

function FormBody<Values extends object>({
  config,
  noun,
  id,
  readOnly,
  onClose,
}: {
  config: EntityFormConfig<Values>;
  noun: MessageKey;
  id: number | null;
  readOnly: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [form] = Form.useForm<Values>();
  const [recordId, setRecordId] = useState(id);
  const [failure, setFailure] = useState<{ message: string; stale: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const mode: FormMode = recordId === null ? 'create' : 'edit';
  const record = useQuery<OpenedRecord<Values>, ApiCallError>({
    queryKey: [config.getMethod, { id: recordId }],
    queryFn: () => config.load(client, recordId!),
    enabled: recordId !== null,
    // The form edits what is there now, never what was read a while ago.
    staleTime: 0,
    gcTime: 0,
  });

  if (record.error) return <LoadFailure error={record.error} onRetry={() => void record.refetch()} />;
  if (recordId !== null && !record.data) return <Skeleton active />;
  const initialValues = record.data?.values ?? config.blank();
  // The save carries the version the form was opened at: one made after someone else's change is
  // refused by the engine (STALE), with who changed the record and when, instead of overwriting it.
  const target: SaveTarget =
    recordId === null ? { id: null } : { id: recordId, version: record.data!.version };

  const save = async (andNew: boolean) => {
    setFailure(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    // The whole store, not only the inputs shown: values with no input of their own (a unit's
    // isBase, the base unit's ratio) are part of the record too.
    const values = form.getFieldsValue(true) as Values;
    setSaving(true);
    try {
      // The list, the record and the pickers it appears in are read again by the client (invalidation.ts).
      await config.save(client, target, { ...initialValues, ...values });
      message.success(t('form.saved', { name: config.describe({ ...initialValues, ...values }) }));
      if (andNew) {
        setRecordId(null);
        form.resetFields();
        form.setFieldsValue(config.blank() as Parameters<typeof form.setFieldsValue>[0]);
      } else onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, config.issuePrefix)) {
        setFailure({
          message: (error as Error).message,
          stale: error instanceof ApiCallError && error.code === 'STALE',
        });
      }
    } finally {
      setSaving(false);
    }
  };

  // Someone else saved the record after it was opened: read it again and start from what is there now.
  const reopen = async () => {
    const fresh = await record.refetch();
    if (!fresh.data) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(fresh.data.values as Parameters<typeof form.setFieldsValue>[0]);
  };

  // Ctrl+S or Ctrl+Enter saves, as in the desktop clients clerks know; Esc closes the drawer.
  const onKeyDown = (event: KeyboardEvent) => {
    if (readOnly || !(event.ctrlKey || event.metaKey)) return;
    if (event.key === 's' || event.key === 'Enter') {
      event.preventDefault();
      void save(false);
    }
  };

  return (
    <div onKeyDown={onKeyDown} data-testid="entity-form">
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure.message}
          style={{ marginBottom: 12 }}
          data-testid="form-error"
          action={
            failure.stale && (
              <Button size="small" onClick={() => void reopen()} data-testid="form-reopen">
                {t('form.reopen')}
              </Button>
            )
          }
          closable={{ onClose: () => setFailure(null) }}
        />
      )}
      <Form<Values>
        form={form}
        initialValues={initialValues}
        disabled={readOnly}
        labelCol={{ flex: '112px' }}
        // Basis 0: inputs share the row's width instead of pushing their label above them.
        wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}
        labelWrap
        colon={false}
        requiredMark
      >
        {config.sections.map((section, index) => (
          <div key={section.title ?? index}>
            {section.title && (
              <Divider titlePlacement="start" size="small" style={{ marginTop: index === 0 ? 0 : 8 }}>
                {t(section.title)}
              </Divider>
            )}
            <Row gutter={16}>
              {section.fields.map((field) =>
                field.kind === 'custom' ? (
                  <Col span={24} key={field.key}>
                    <field.component mode={mode} />
                  </Col>
                ) : (
                  <Col span={field.span ?? 12} key={field.name}>
                    <FormFieldControl field={field} mode={mode} />
                  </Col>
                ),
              )}
            </Row>
          </div>
        ))}
      </Form>
      {!readOnly && (
        // Sticky at the drawer's foot: the buttons stay in reach however long the form is.
        <Space
          style={{
            position: 'sticky',
            bottom: -24,
            display: 'flex',
            justifyContent: 'flex-end',
            margin: '8px -24px -24px',
            padding: '10px 24px',
            background: '#fff',
            borderTop: '1px solid #f0f0f0',
            zIndex: 2,
          }}
        >
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          {mode === 'create' && (
            <Button onClick={() => void save(true)} loading={saving}>
              {t('form.saveAndNew')}
            </Button>
          )}
          <Button type="primary" onClick={() => void save(false)} loading={saving} data-testid="form-save">
            {t('form.save')}
          </Button>
        </Space>
      )}
      {readOnly && <Alert type="info" title={t('form.readOnly', { noun: t(noun) })} />}
    </div>
  );
}
