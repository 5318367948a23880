import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { cellItem, FormListTable } from '../../../components/form/FormListTable';
import { blankContact } from './counterpartyFormValues';

/** 联系人: name, phone and role, as many as the customer has. */
export function CounterpartyContactsEditor() {
  const { t } = useTranslation();
  const cell = (key: 'name' | 'phone' | 'role', width: number, maxLength: number) => ({
    key,
    title: `counterparty.contact.${key}` as const,
    width,
    render: (field: { name: number }) => (
      <Form.Item
        {...cellItem}
        name={[field.name, key]}
        rules={
          key === 'name'
            ? [{ required: true, whitespace: true, message: t('counterparty.contact.nameRequired') }]
            : []
        }
      >
        <Input maxLength={maxLength} aria-label={t(`counterparty.contact.${key}`)} />
      </Form.Item>
    ),
  });
  return (
    <FormListTable
      name="contacts"
      testId="contacts-editor"
      newRow={blankContact}
      addLabel="counterparty.contact.add"
      columns={[cell('name', 140, 20), cell('phone', 180, 40), cell('role', 140, 20)]}
    />
  );
}
