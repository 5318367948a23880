import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Empty, Layout, Menu, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ChangePasswordDialog } from '../session/ChangePasswordDialog';
import { useSession } from '../session/SessionContext';
import { navGroups, pages, type PageDefinition } from '../workspace/pages';
import { useOpenTabs } from '../workspace/useOpenTabs';
import { LanguageSwitch } from './LanguageSwitch';
import { UploadBadge } from './UploadBadge';

/** The signed-in app: navigation on the left, branch and user above, opened pages as tabs. */
export function AppShell() {
  const { t } = useTranslation();
  const { current, logout } = useSession();
  const independent = current.branch.accountingMode === 'independent';
  const allowed = useMemo(() => {
    const granted = new Set<string>(current.permissions);
    return (page: PageDefinition) =>
      granted.has(page.permission) && (independent || page.independentOnly !== true);
  }, [current.permissions, independent]);
  const tabs = useOpenTabs(allowed);
  const navigate = useNavigate();
  const [changingPassword, setChangingPassword] = useState(false);
  // The next person to sign in starts on an empty workspace, not on the pages left open before.
  const signOut = async () => {
    await navigate('/');
    await logout();
  };

  const menuItems = navGroups
    .map((group) => ({
      group,
      items: pages.filter((page) => page.group === group && page.inNavigation !== false && allowed(page)),
    }))
    .filter(({ items }) => items.length > 0)
    .map(({ group, items }) => ({
      key: group,
      type: 'group' as const,
      label: t(`nav.${group}`),
      children: items.map((page) => ({ key: page.key, icon: page.icon, label: t(page.title) })),
    }));

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          padding: '0 16px',
          background: '#001529',
          color: '#fff',
        }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
          {t('app.name')}
        </Typography.Text>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }} data-testid="header-branch">
          {current.branch.name}（{current.branch.code}）
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Space size="middle">
          <UploadBadge />
          <div style={{ background: '#fff', borderRadius: 6, lineHeight: 'normal', padding: 2 }}>
            <LanguageSwitch />
          </div>
          <Typography.Text style={{ color: '#fff' }} data-testid="header-user">
            <UserOutlined /> {current.user.displayName} · {current.user.roleName}
          </Typography.Text>
          <Button
            icon={<KeyOutlined />}
            onClick={() => setChangingPassword(true)}
            data-testid="change-password"
          >
            {t('header.changePassword')}
          </Button>
          <Button icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="logout">
            {t('header.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={208}
          theme="light"
          style={{ borderRight: '1px solid #f0f0f0', overflow: 'auto' }}
        >
          <Menu
            mode="inline"
            selectedKeys={tabs.activeKey ? [tabs.activeKey] : []}
            items={menuItems}
            onClick={({ key }) => {
              const page = pages.find((candidate) => candidate.key === key);
              if (page) tabs.openPage(page);
            }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: '8px 16px', overflow: 'auto', background: '#fff' }}>
          {tabs.open.length === 0 ? (
            <Empty style={{ marginTop: '20vh' }} description={t('workspace.empty')} />
          ) : (
            <Tabs
              type="editable-card"
              hideAdd
              activeKey={tabs.activeKey}
              onChange={(key) => {
                const page = tabs.open.find((tab) => tab.key === key);
                if (page) tabs.openPage(page);
              }}
              onEdit={(key, action) => {
                if (action === 'remove' && typeof key === 'string') tabs.close([key]);
              }}
              items={tabs.open.map((page) => ({
                key: page.key,
                label: (
                  <Dropdown
                    trigger={['contextMenu']}
                    menu={{
                      items: [
                        { key: 'others', label: t('workspace.closeOthers') },
                        { key: 'all', label: t('workspace.closeAll') },
                      ],
                      onClick: ({ key }) =>
                        tabs.close(
                          tabs.open
                            .filter((tab) => key === 'all' || tab.key !== page.key)
                            .map((tab) => tab.key),
                        ),
                    }}
                  >
                    <span>{t(page.title)}</span>
                  </Dropdown>
                ),
                children: <page.component />,
              }))}
            />
          )}
        </Layout.Content>
      </Layout>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
}
