import { Layout, Menu, Typography } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { BranchDrawer } from './components/BranchDrawer';
import { BranchesPage } from './pages/BranchesPage';
import { SummaryPage } from './pages/SummaryPage';
import { salesConfig, stockConfig } from './summaries/reportConfigs';
import { zh } from './text/zh-CN';

const pages = [
  { path: '/branches', label: zh.nav.branches },
  { path: '/stock', label: zh.nav.stock },
  { path: '/sales', label: zh.nav.sales },
] as const;

/** The console's shell: its three pages, and the branch drill-down any of them can open. */
export function App() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {zh.title}
          <Typography.Text style={{ color: 'rgba(255,255,255,0.65)', marginLeft: 8, fontSize: 14 }}>
            {zh.subtitle}
          </Typography.Text>
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[location.pathname]}
          items={pages.map((page) => ({ key: page.path, label: page.label }))}
          onClick={({ key }) => navigate(key)}
          style={{ flex: 1, minWidth: 0 }}
        />
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Routes>
          <Route path="/branches" element={<BranchesPage />} />
          <Route path="/stock" element={<SummaryPage key="stock" config={stockConfig} />} />
          <Route path="/sales" element={<SummaryPage key="sales" config={salesConfig} />} />
          <Route path="*" element={<Navigate to="/branches" replace />} />
        </Routes>
      </Layout.Content>
      <BranchDrawer />
    </Layout>
  );
}
