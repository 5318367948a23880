import { App, Button, Card, Form, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../shared/api';
import { useClient } from '../../api/ClientContext';
import { useApiMutation } from '../../api/useApi';
import { DisplayNameField, NewPasswordField, UsernameField } from '../../components/AccountFields';
import { applyFieldErrors } from '../../components/applyFieldErrors';
import { BranchProfileFields, newBranchDefaults } from '../../components/BranchProfileFields';
import { CenteredPanel } from '../../layout/CenteredPanel';
import { PasswordInput } from '../../components/form/PasswordInput';

type SetupInput = ApiInput<'setup.createBranch'>;
type ProfileValues = SetupInput['profile'];
type AdministratorValues = SetupInput['administrator'];

/** First run: the branch profile, then the administrator; both are created in one call. */
export function SetupPage({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [step, setStep] = useState(0);
  const [profileForm] = Form.useForm<ProfileValues>();
  const [adminForm] = Form.useForm<AdministratorValues>();
  const createBranch = useApiMutation('setup.createBranch');

  const submit = async (administrator: AdministratorValues) => {
    const profile = profileForm.getFieldsValue(true) as ProfileValues;
    try {
      await createBranch.mutateAsync({ profile, administrator });
      // The person who just chose the password is the administrator: sign them straight in.
      const { session } = await client.call('auth.login', {
        username: administrator.username,
        password: administrator.password,
      });
      client.setSession(session);
      message.success(t('setup.done'));
      onDone();
    } catch (error) {
      const onProfile = applyFieldErrors(profileForm, error, ['profile']);
      const onAdmin = applyFieldErrors(adminForm, error, ['administrator']);
      if (onProfile) setStep(0);
      if (!onProfile && !onAdmin) message.error((error as Error).message);
    }
  };

  return (
    <CenteredPanel width={760}>
      <Card>
        <Typography.Title level={3}>
          {t('app.name')} · {t('setup.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        <Steps
          current={step}
          items={[{ title: t('setup.stepBranch') }, { title: t('setup.stepAdmin') }]}
          style={{ marginBottom: 24 }}
        />

        <Form
          form={profileForm}
          layout="horizontal"
          labelWrap
          labelCol={{ span: 7 }}
          wrapperCol={{ span: 17 }}
          initialValues={newBranchDefaults}
          hidden={step !== 0}
          onFinish={() => setStep(1)}
        >
          <BranchProfileFields mode="setup" />
          <Form.Item wrapperCol={{ offset: 7 }}>
            <Button type="primary" htmlType="submit">
              {t('setup.next')}
            </Button>
          </Form.Item>
        </Form>

        <Form
          form={adminForm}
          layout="horizontal"
          labelWrap
          labelCol={{ span: 7 }}
          wrapperCol={{ span: 12 }}
          initialValues={{ username: 'admin', displayName: '' }}
          hidden={step !== 1}
          onFinish={submit}
        >
          <UsernameField label={t('setup.adminUsername')} />
          <DisplayNameField label={t('setup.adminDisplayName')} />
          <NewPasswordField label={t('setup.password')} />
          <Form.Item
            name="passwordConfirm"
            label={t('setup.passwordConfirm')}
            dependencies={['password']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('password') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('setup.passwordMismatch'))),
              }),
            ]}
          >
            <PasswordInput autoComplete="new-password" />
          </Form.Item>
          <Form.Item wrapperCol={{ offset: 7 }}>
            <Button onClick={() => setStep(0)} style={{ marginRight: 8 }}>
              {t('setup.back')}
            </Button>
            <Button type="primary" htmlType="submit" loading={createBranch.isPending}>
              {t('setup.submit')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </CenteredPanel>
  );
}
