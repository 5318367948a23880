import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput, ApiOutput } from '../../../shared/api';
import type { Permission } from '../../../shared/permissions';
import { useApiMutation, useApiQuery } from '../../api/useApi';
import { applyFieldErrors } from '../../components/applyFieldErrors';
import { LoadFailure } from '../../components/LoadFailure';
import type { MessageKey } from '../../i18n/messageKey';

type RoleRow = ApiOutput<'roles.list'>['roles'][number];
type Catalogue = ApiOutput<'roles.list'>['catalogue'];
type RoleValues = ApiInput<'roles.save'>['role'];

const areaKey = (area: string) => `roles.areas.${area}` as MessageKey;
const actionKey = (permission: string) => `roles.actions.${permission.split('.')[1]}` as MessageKey;

/**
 * 角色与权限: the branch's roles as editable permission sets — per area, the actions its holders may
 * take — which warehouses a role's keepers act on, and which customers its holders see (客户范围). The engine checks every call against them; this
 * page only edits them.
 */
export function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useApiQuery('roles.list', {});
  const remove = useApiMutation('roles.delete');
  const [editing, setEditing] = useState<RoleRow | 'new' | null>(null);

  if (list.error) return <LoadFailure error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <Card
      title={t('page.roles')}
      variant="borderless"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="role-new"
        >
          {t('roles.create')}
        </Button>
      }
    >
      <Table<RoleRow>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.roles ?? []}
        pagination={false}
        data-testid="roles-table"
        columns={[
          { title: t('roles.name'), dataIndex: 'name', width: 120 },
          { title: t('roles.code'), dataIndex: 'code', width: 120 },
          {
            title: t('roles.permissionCount'),
            width: 110,
            render: (_, role) => (role.fixed ? t('roles.all') : role.permissions.length),
          },
          {
            title: t('roles.warehouseScope'),
            dataIndex: 'warehouseScope',
            width: 140,
            render: (scope: string) => t(`roles.scope.${scope}` as MessageKey),
          },
          {
            title: t('roles.customerScope'),
            dataIndex: 'customerScope',
            width: 110,
            render: (scope: string) => t(`roles.customerScopes.${scope}` as MessageKey),
          },
          { title: t('roles.holders'), dataIndex: 'holders', width: 90 },
          {
            title: '',
            width: 170,
            render: (_, role) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(role)}>
                  {t('roles.edit')}
                </Button>
                {!role.shipped && (
                  <Popconfirm
                    title={t('roles.deleteConfirm', { name: role.name })}
                    onConfirm={async () => {
                      try {
                        await remove.mutateAsync({ id: role.id });
                        message.success(t('roles.deleted', { name: role.name }));
                      } catch (error) {
                        message.error((error as Error).message);
                      }
                    }}
                  >
                    <Button size="small" danger icon={<DeleteOutlined />} />
                  </Popconfirm>
                )}
                {role.shipped && <Tag>{t('roles.shipped')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && list.data && (
        <RoleDrawer
          role={editing === 'new' ? null : editing}
          catalogue={list.data.catalogue}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

function RoleDrawer({
  role,
  catalogue,
  onClose,
}: {
  role: RoleRow | null;
  catalogue: Catalogue;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useApiMutation('roles.save');
  const [form] = Form.useForm<RoleValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const initial: RoleValues = role
    ? {
        code: role.code,
        name: role.name,
        permissions: role.permissions,
        warehouseScope: role.warehouseScope,
        customerScope: role.customerScope,
      }
    : { code: '', name: '', permissions: [], warehouseScope: 'all', customerScope: 'all' };
  // The ticks are the drawer's own state, not a form field: a tick must show the moment it is clicked,
  // and a watched form field re-renders a moment later, so a checkbox held to it flickers back first.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(initial.permissions));
  const chosenInCatalogueOrder = () =>
    catalogue.flatMap((area) => area.permissions).filter((permission) => chosen.has(permission));

  const toggle = (permission: Permission, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(permission);
    else next.delete(permission);
    setChosen(next);
  };

  const submit = async () => {
    setFailure(null);
    const values = await form.validateFields();
    try {
      await save.mutateAsync({
        id: role?.id ?? null,
        version: role?.version,
        role: { ...values, permissions: chosenInCatalogueOrder() },
      });
      message.success(t('roles.saved', { name: values.name }));
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, ['role'])) setFailure((error as Error).message);
    }
  };

  return (
    <Drawer
      open
      size={720}
      title={role ? t('roles.editTitle', { name: role.name }) : t('roles.create')}
      onClose={onClose}
      extra={
        <Button type="primary" onClick={() => void submit()} loading={save.isPending} data-testid="role-save">
          {t('form.save')}
        </Button>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      {role?.fixed && (
        <Alert type="info" showIcon title={t('roles.fixedHelp')} style={{ marginBottom: 12 }} />
      )}
      <Form<RoleValues> form={form} initialValues={initial} layout="inline" style={{ rowGap: 12 }}>
        <Form.Item name="name" label={t('roles.name')} rules={[{ required: true }]}>
          <Input maxLength={20} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="code" label={t('roles.code')} rules={[{ required: true }]}>
          <Input maxLength={30} disabled={role !== null} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="warehouseScope" label={t('roles.warehouseScope')}>
          <Select
            style={{ width: 170 }}
            options={['kept', 'all'].map((scope) => ({
              value: scope,
              label: t(`roles.scope.${scope}` as MessageKey),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="customerScope"
          label={t('roles.customerScope')}
          tooltip={t('roles.customerScopeHelp')}
        >
          <Select
            style={{ width: 120 }}
            data-testid="role-customer-scope"
            options={['own', 'office', 'all'].map((scope) => ({
              value: scope,
              label: t(`roles.customerScopes.${scope}` as MessageKey),
            }))}
          />
        </Form.Item>
      </Form>
      <Table
        style={{ marginTop: 16 }}
        size="small"
        rowKey="area"
        pagination={false}
        dataSource={catalogue}
        data-testid="role-permissions"
        columns={[
          {
            title: t('roles.area'),
            dataIndex: 'area',
            width: 130,
            render: (area: string) => t(areaKey(area)),
          },
          {
            title: t('roles.actionsTitle'),
            render: (_, area: Catalogue[number]) => (
              <Space wrap size={[12, 4]}>
                {area.permissions.map((permission) => (
                  <Checkbox
                    key={permission}
                    checked={role?.fixed || chosen.has(permission)}
                    disabled={role?.fixed}
                    onChange={(event) => toggle(permission, event.target.checked)}
                    data-testid={`permission-${permission}`}
                  >
                    {t(actionKey(permission))}
                  </Checkbox>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
