import { Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../shared/api';
import { useApiMutation } from '../api/useApi';
import { NewPasswordField } from '../components/AccountFields';
import { applyFieldErrors } from '../components/applyFieldErrors';
import { PasswordInput } from '../components/form/PasswordInput';

export type ChangePasswordValues = ApiInput<'auth.changePassword'> & { newPasswordConfirm: string };

/**
 * 修改密码: the current password, the new one twice. The engine checks the current password and the
 * policy again and ends every other session; the client keeps the session it answers (client.ts).
 */
export function ChangePasswordForm({
  form,
  onChanged,
  onFailed,
}: {
  form: FormInstance<ChangePasswordValues>;
  onChanged: () => void;
  /** A refusal that belongs to no field (a lockout, say). */
  onFailed: (message: string) => void;
}) {
  const { t } = useTranslation();
  const change = useApiMutation('auth.changePassword');

  const submit = async ({ currentPassword, newPassword }: ChangePasswordValues) => {
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      form.resetFields();
      onChanged();
    } catch (error) {
      if (!applyFieldErrors(form, error)) onFailed((error as Error).message);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={change.isPending}>
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('login.required', { field: t('password.current') }) }]}
      >
        <PasswordInput autoComplete="current-password" autoFocus />
      </Form.Item>
      <NewPasswordField name="newPassword" label={t('password.new')} />
      <Form.Item
        name="newPasswordConfirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('login.required', { field: t('password.confirm') }) },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('setup.passwordMismatch'))),
          }),
        ]}
      >
        <PasswordInput autoComplete="new-password" />
      </Form.Item>
    </Form>
  );
}
