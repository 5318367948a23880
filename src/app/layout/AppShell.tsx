import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ChangePasswordDialog } from '../session/ChangePasswordDialog';
import { useSession } from '../session/SessionContext';
import { WorkbenchPage } from '../pages/workbench/WorkbenchPage';
import { useOpenTabs } from '../workspace/useOpenTabs';
import { usePageAccess } from '../workspace/usePageAccess';
import { LanguageSwitch } from './LanguageSwitch';
import { NavigationMenu } from './NavigationMenu';
import { UploadBadge } from './UploadBadge';

/** The tab of the workbench, which is not a page of the navigation: it is always open. */
const workbenchKey = 'workbench';

/** The signed-in app: navigation on the left, branch and user above, the workbench and opened pages as tabs. */
export function AppShell() {
  const { t, i18n } = useTranslation();
  const { current, logout } = useSession();
  const { allowed } = usePageAccess();
  const tabs = useOpenTabs(allowed);
  const navigate = useNavigate();
  const [changingPassword, setChangingPassword] = useState(false);
  // The next person to sign in starts on an empty workspace, not on the pages left open before.
  const signOut = async () => {
    await navigate('/');
    await logout();
  };

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
          // English titles run longer than Chinese ones: the menu is wider rather than cut off.
          width={i18n.language.startsWith('en') ? 248 : 216}
          theme="light"
          style={{ borderRight: '1px solid #f0f0f0', overflow: 'hidden' }}
        >
          <NavigationMenu allowed={allowed} activeKey={tabs.activeKey} onOpen={tabs.openPage} />
        </Layout.Sider>
        <Layout.Content style={{ padding: '8px 16px', overflow: 'auto', background: '#fff' }}>
          <Tabs
            type="editable-card"
            hideAdd
            activeKey={tabs.activeKey ?? workbenchKey}
            onChange={(key) => {
              if (key === workbenchKey) return void navigate('/');
              const page = tabs.open.find((tab) => tab.key === key);
              if (page) tabs.openPage(page);
            }}
            onEdit={(key, action) => {
              if (action === 'remove' && typeof key === 'string') tabs.close([key]);
            }}
            items={[
              // 工作台 stays first and cannot be closed: the place every other page is opened from.
              {
                key: workbenchKey,
                label: t('workspace.workbench'),
                closable: false,
                // Unmounted while another tab is shown: its reports (twelve months of gross profit, the
                // aging, the alerts) are read when it is looked at, not again after every save elsewhere.
                destroyOnHidden: true,
                children: <WorkbenchPage />,
              },
              ...tabs.open.map((page) => ({
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
              })),
            ]}
          />
        </Layout.Content>
      </Layout>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
}
