import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import type { FormListFieldData } from 'antd';
import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../i18n/messageKey';

export interface FormListColumn {
  key: string;
  title: MessageKey;
  width: number;
  align?: 'left' | 'right' | 'center';
  render: (field: FormListFieldData) => ReactNode;
}

/** Form.Items inside a grid cell: no gap below, the message under the input when there is one. */
export const cellItem = { style: { margin: 0 } } as const;

/**
 * Rows of a record edited in place as a small grid (a goods' units, a customer's contacts): add a
 * row, remove a row, every cell a form field the engine's messages can land on.
 */
export function FormListTable({
  name,
  columns,
  newRow,
  addLabel,
  canRemove = () => true,
  help,
  testId,
}: {
  name: string;
  columns: FormListColumn[];
  newRow: () => object;
  addLabel: MessageKey;
  canRemove?: (field: FormListFieldData) => boolean;
  help?: MessageKey;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div style={{ marginBottom: 16 }} data-testid={testId}>
          <Table<FormListFieldData>
            size="small"
            bordered
            pagination={false}
            dataSource={fields}
            rowKey="key"
            locale={{ emptyText: ' ' }}
            columns={[
              ...columns.map((column) => ({
                key: column.key,
                title: t(column.title),
                width: column.width,
                align: column.align,
                render: (_: unknown, field: FormListFieldData) => column.render(field),
              })),
              {
                key: 'remove',
                width: 40,
                align: 'center' as const,
                render: (_: unknown, field: FormListFieldData) =>
                  canRemove(field) ? (
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('form.removeRow')}
                      onClick={() => remove(field.name)}
                    />
                  ) : null,
              },
            ]}
          />
          <Button
            type="dashed"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => add(newRow())}
            style={{ marginTop: 8 }}
          >
            {t(addLabel)}
          </Button>
          {help && (
            <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
              {t(help)}
            </Typography.Text>
          )}
        </div>
      )}
    </Form.List>
  );
}
