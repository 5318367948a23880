import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput, ApiOutput } from '../../../shared/api';
import { useClient } from '../../api/ClientContext';
import { useApiMutation } from '../../api/useApi';
import { CenteredPanel } from '../../layout/CenteredPanel';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { PasswordInput } from '../../components/form/PasswordInput';

export function LoginPage({
  branchName,
  onLoggedIn,
}: {
  branchName: string | null;
  onLoggedIn: (result: ApiOutput<'auth.login'>) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const login = useApiMutation('auth.login');
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (credentials: ApiInput<'auth.login'>) => {
    setFailure(null);
    try {
      const result = await login.mutateAsync(credentials);
      client.setSession(result.session);
      onLoggedIn(result);
    } catch (error) {
      setFailure((error as Error).message);
    }
  };

  return (
    <CenteredPanel width={400}>
      <Card style={{ marginTop: '10vh' }} extra={<LanguageSwitch />} title={t('app.name')}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {branchName ?? t('login.title')}
        </Typography.Title>
        {failure && (
          <Alert
            type="error"
            showIcon
            title={failure}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('login.required', { field: t('login.username') }),
              },
            ]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}
          >
            <PasswordInput prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </CenteredPanel>
  );
}
