import { Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../form/DateInput';

export interface ReasonAnswer {
  reason: string;
  businessDate: string;
}

/**
 * Asks why (作废) or when and why (红字冲销: the reversal's business date, DOMAIN.md §5) before an
 * action that cannot be taken back.
 */
export function ReasonDialog({
  open,
  title,
  help,
  askDate,
  okText,
  onOk,
  onCancel,
}: {
  open: boolean;
  title: string;
  help: string;
  askDate: boolean;
  okText: string;
  onOk: (answer: ReasonAnswer) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ businessDate: Dayjs; reason: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values: { businessDate?: Dayjs; reason?: string } = await form.validateFields();
    setBusy(true);
    try {
      await onOk({
        reason: values.reason ?? '',
        businessDate: (values.businessDate ?? dayjs()).format('YYYY-MM-DD'),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
      afterOpenChange={(opened) => opened && form.resetFields()}
    >
      <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ businessDate: dayjs(), reason: '' }}
        preserve={false}
      >
        {askDate && (
          <Form.Item name="businessDate" label={t('document.reverseDate')} rules={[{ required: true }]}>
            <DateInput allowClear={false} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('document.reason')}>
          <Input maxLength={200} autoFocus onPressEnter={() => void submit()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
