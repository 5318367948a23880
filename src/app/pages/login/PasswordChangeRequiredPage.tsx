import { Alert, Button, Card, Form, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredPanel } from '../../layout/CenteredPanel';
import { ChangePasswordForm, type ChangePasswordValues } from '../../session/ChangePasswordForm';

/**
 * Shown instead of the shell after the administrator reset the password: the engine refuses every
 * other call until the user has chosen their own (PASSWORD_CHANGE_REQUIRED).
 */
export function PasswordChangeRequiredPage({
  displayName,
  onChanged,
  onLogout,
}: {
  displayName: string;
  onChanged: () => void;
  onLogout: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [failure, setFailure] = useState<string | null>(null);

  return (
    <CenteredPanel width={420}>
      <Card style={{ marginTop: '8vh' }} title={t('password.requiredTitle')}>
        <Alert
          type="warning"
          showIcon
          title={t('password.requiredIntro', { name: displayName })}
          style={{ marginBottom: 16 }}
        />
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
        <ChangePasswordForm form={form} onFailed={setFailure} onChanged={onChanged} />
        <Space>
          <Button type="primary" onClick={() => form.submit()} data-testid="change-password-submit">
            {t('password.submit')}
          </Button>
          <Button onClick={onLogout}>{t('header.logout')}</Button>
        </Space>
      </Card>
    </CenteredPanel>
  );
}
