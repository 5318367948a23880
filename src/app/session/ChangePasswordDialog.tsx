import { Alert, App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm, type ChangePasswordValues } from './ChangePasswordForm';

/** 修改密码 from the header, for the person signed in. */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setFailure(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('password.submit')}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      data-testid="change-password-dialog"
    >
      <Typography.Paragraph type="secondary">{t('password.intro')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <ChangePasswordForm
        form={form}
        onFailed={setFailure}
        onChanged={() => {
          message.success(t('password.changed'));
          close();
        }}
      />
    </Modal>
  );
}
