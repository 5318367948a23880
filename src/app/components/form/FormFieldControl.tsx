import { Form, Input, InputNumber, Select, Switch, TreeSelect } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { withChosenLabels } from '../list/treeOptions';
import type { FormField, FormMode } from './entityFormConfig';
import { SearchSelect } from './SearchSelect';

type ValueField<Values> = Exclude<FormField<Values>, { kind: 'custom' }>;
type OptionsField<Values> = Extract<ValueField<Values>, { kind: 'select' | 'tree' }>;

/** The input itself; Form.Item hands it `value` and `onChange`, passed on as `controlled`. */
function Control<Values>({
  field,
  disabled,
  ...controlled
}: {
  field: ValueField<Values>;
  disabled: boolean;
}): ReactNode {
  const { t } = useTranslation();
  switch (field.kind) {
    case 'text':
      return (
        <Input
          {...controlled}
          maxLength={field.maxLength}
          placeholder={field.placeholder ? t(field.placeholder) : undefined}
          disabled={disabled}
          autoFocus={field.autoFocus}
        />
      );
    case 'textarea':
      return (
        <Input.TextArea
          {...controlled}
          maxLength={field.maxLength}
          autoSize={{ minRows: 1, maxRows: 4 }}
          disabled={disabled}
        />
      );
    case 'decimal':
      return (
        <Input
          {...controlled}
          inputMode="decimal"
          suffix={field.suffix ? t(field.suffix) : undefined}
          placeholder={field.placeholder ? t(field.placeholder) : undefined}
          disabled={disabled}
          style={{ maxWidth: 200 }}
        />
      );
    case 'integer':
      return (
        <InputNumber
          {...controlled}
          min={field.min ?? 0}
          precision={0}
          suffix={field.suffix ? t(field.suffix) : undefined}
          placeholder={field.placeholder ? t(field.placeholder) : undefined}
          disabled={disabled}
          style={{ width: 160 }}
        />
      );
    case 'switch':
      return (
        <Switch
          {...controlled}
          checkedChildren={field.checked ? t(field.checked) : undefined}
          unCheckedChildren={field.unchecked ? t(field.unchecked) : undefined}
          disabled={disabled}
        />
      );
    case 'select':
      return <OptionsSelect {...controlled} field={field} disabled={disabled} />;
    case 'tree':
      return <OptionsTree {...controlled} field={field} disabled={disabled} />;
    case 'search':
      return (
        <SearchSelect
          {...controlled}
          search={field.search}
          labelField={field.labelField}
          placeholder={field.placeholder ? t(field.placeholder) : undefined}
          disabled={disabled}
        />
      );
  }
}

function OptionsSelect<Values>({
  field,
  disabled,
  ...controlled
}: {
  field: OptionsField<Values>;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const source = field.useOptions();
  return (
    <Select
      {...controlled}
      options={source.options}
      loading={source.loading}
      mode={field.multiple ? 'multiple' : undefined}
      allowClear={field.allowClear ?? !field.required}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={field.placeholder ? t(field.placeholder) : undefined}
      disabled={disabled}
    />
  );
}

function OptionsTree<Values>({
  field,
  disabled,
  ...controlled
}: {
  field: OptionsField<Values>;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const source = field.useOptions();
  return (
    <TreeSelect
      {...controlled}
      treeData={withChosenLabels(source.options)}
      loading={source.loading}
      allowClear={field.allowClear ?? !field.required}
      showSearch={{ treeNodeFilterProp: 'label' }}
      treeDefaultExpandAll
      treeNodeLabelProp="chosenLabel"
      placeholder={field.placeholder ? t(field.placeholder) : undefined}
      disabled={disabled}
    />
  );
}

/** One field of a master-data form: its label, its control, and the engine's message under it. */
export function FormFieldControl<Values>({ field, mode }: { field: ValueField<Values>; mode: FormMode }) {
  const { t } = useTranslation();
  const locked = field.lockedOnEdit === true && mode === 'edit';
  const item = (disabled: boolean) => (
    <Form.Item
      name={field.name as string}
      label={t(field.label)}
      extra={field.extra ? t(field.extra) : undefined}
      valuePropName={field.kind === 'switch' ? 'checked' : 'value'}
      rules={field.required ? [{ required: true, whitespace: field.kind === 'text' }] : undefined}
    >
      <Control field={field} disabled={disabled || locked} />
    </Form.Item>
  );
  const condition = field.enabledWhen;
  if (!condition) return item(false);
  return (
    <Form.Item noStyle dependencies={[condition.field]}>
      {({ getFieldValue }) => item(!condition.is(getFieldValue(condition.field)))}
    </Form.Item>
  );
}
