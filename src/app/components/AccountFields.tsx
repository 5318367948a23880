import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PasswordInput } from './form/PasswordInput';

/** The fields of an account, shared by first-run setup and 用户管理 so both ask the same way. */
export function UsernameField({ label }: { label: string }) {
  return (
    <Form.Item name="username" label={label} rules={[{ required: true, whitespace: true }]}>
      <Input autoComplete="off" />
    </Form.Item>
  );
}

export function DisplayNameField({ label }: { label: string }) {
  return (
    <Form.Item name="displayName" label={label} rules={[{ required: true, whitespace: true }]}>
      <Input />
    </Form.Item>
  );
}

/** A new password: at least 8 characters, as the engine requires (it checks again). */
export function NewPasswordField({ name = 'password', label }: { name?: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} extra={t('setup.passwordHelp')} rules={[{ required: true, min: 8 }]}>
      <PasswordInput autoComplete="new-password" />
    </Form.Item>
  );
}
