import { KeyOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput, ApiOutput } from '../../../shared/api';
import { useApiMutation, useApiQuery } from '../../api/useApi';
import { DisplayNameField, NewPasswordField, UsernameField } from '../../components/AccountFields';
import { applyFieldErrors } from '../../components/applyFieldErrors';
import { LoadFailure } from '../../components/LoadFailure';
import { pinyinSearch } from '../../components/form/pinyinMatches';

type Account = ApiOutput<'users.accounts'>[number];

/** 用户管理: who may sign in, in which role; passwords and lockouts. Only the administrator sees it. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const accounts = useApiQuery('users.accounts', {});
  // The branch's roles, as its administrator named them (角色与权限).
  const roles = useApiQuery('roles.list', {});
  const create = useApiMutation('users.create');
  const update = useApiMutation('users.update');
  const reset = useApiMutation('users.resetPassword');
  const unlock = useApiMutation('users.unlock');
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [createForm] = Form.useForm<ApiInput<'users.create'>>();
  const [resetForm] = Form.useForm<{ password: string }>();

  if (accounts.error) return <LoadFailure error={accounts.error} onRetry={() => void accounts.refetch()} />;

  const roleOptions = (roles.data?.roles ?? []).map((role) => ({ value: role.code, label: role.name }));
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const submitCreate = async (values: ApiInput<'users.create'>) => {
    try {
      await create.mutateAsync(values);
      message.success(t('users.created', { name: values.displayName }));
      setCreating(false);
      createForm.resetFields();
    } catch (error) {
      if (!applyFieldErrors(createForm, error)) message.error((error as Error).message);
    }
  };

  const submitReset = async ({ password }: { password: string }) => {
    if (!resetting) return;
    try {
      await reset.mutateAsync({ id: resetting.id, password });
      message.success(t('users.passwordReset', { name: resetting.displayName }));
      setResetting(null);
      resetForm.resetFields();
    } catch (error) {
      if (!applyFieldErrors(resetForm, error)) message.error((error as Error).message);
    }
  };

  const isLocked = (account: Account) =>
    account.lockedUntil !== null && dayjs(account.lockedUntil).isAfter(dayjs());

  return (
    <Card
      title={t('page.users')}
      variant="borderless"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      }
    >
      <Table<Account>
        rowKey="id"
        size="small"
        loading={accounts.isFetching}
        dataSource={accounts.data ?? []}
        pagination={false}
        columns={[
          { title: t('users.username'), dataIndex: 'username', width: 140 },
          { title: t('users.displayName'), dataIndex: 'displayName', width: 140 },
          {
            title: t('users.role'),
            dataIndex: 'role',
            width: 150,
            render: (role: string, account) => (
              <Select
                size="small"
                value={role}
                options={roleOptions}
                showSearch={pinyinSearch}
                style={{ width: 120 }}
                onChange={(next: string) =>
                  void run(() => update.mutateAsync({ id: account.id, role: next }), t('settings.saved'))
                }
              />
            ),
          },
          {
            title: t('users.active'),
            dataIndex: 'active',
            width: 90,
            render: (active: boolean, account) => (
              <Switch
                size="small"
                checked={active}
                onChange={(next) =>
                  void run(() => update.mutateAsync({ id: account.id, active: next }), t('settings.saved'))
                }
              />
            ),
          },
          {
            title: t('users.lastLogin'),
            dataIndex: 'lastLoginAt',
            width: 160,
            render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—'),
          },
          {
            title: t('users.state'),
            width: 170,
            render: (_, account) => (
              <>
                {isLocked(account) && (
                  <Tag color="red">
                    {t('users.lockedUntil', { time: dayjs(account.lockedUntil).format('HH:mm') })}
                  </Tag>
                )}
                {account.mustChangePassword && <Tag color="orange">{t('users.mustChangePassword')}</Tag>}
              </>
            ),
          },
          {
            title: t('users.actions'),
            render: (_, account) => (
              <Space>
                <Button size="small" icon={<KeyOutlined />} onClick={() => setResetting(account)}>
                  {t('users.resetPassword')}
                </Button>
                {isLocked(account) && (
                  <Button
                    size="small"
                    icon={<UnlockOutlined />}
                    onClick={() =>
                      void run(() => unlock.mutateAsync({ id: account.id }), t('users.unlocked'))
                    }
                  >
                    {t('users.unlock')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />

      <Modal
        open={creating}
        title={t('users.create')}
        okText={t('settings.save')}
        confirmLoading={create.isPending}
        onOk={() => createForm.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={createForm} layout="vertical" initialValues={{ role: 'clerk' }} onFinish={submitCreate}>
          <UsernameField label={t('users.username')} />
          <DisplayNameField label={t('users.displayName')} />
          <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
            <Select options={roleOptions} showSearch={pinyinSearch} />
          </Form.Item>
          <NewPasswordField label={t('setup.password')} />
        </Form>
      </Modal>

      <Modal
        open={resetting !== null}
        title={t('users.resetPasswordOf', { name: resetting?.displayName ?? '' })}
        okText={t('settings.save')}
        confirmLoading={reset.isPending}
        onOk={() => resetForm.submit()}
        onCancel={() => setResetting(null)}
        destroyOnHidden
      >
        <Form form={resetForm} layout="vertical" onFinish={submitReset}>
          <NewPasswordField label={t('users.newPassword')} />
        </Form>
      </Modal>
    </Card>
  );
}
