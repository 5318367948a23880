import {
  ApartmentOutlined,
  AuditOutlined,
  DatabaseOutlined,
  HomeOutlined,
  IdcardOutlined,
  SettingOutlined,
  ShoppingOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import type { Permission } from '../../shared/permissions';
import type { Messages } from '../i18n/zh-CN';
import {
  CounterpartiesPage,
  EmployeesPage,
  GoodsPage,
  OfficesPage,
  WarehousesPage,
} from '../pages/master-data/MasterDataPages';
import { AuditLogPage } from '../pages/system/AuditLogPage';
import { BranchSettingsPage } from '../pages/settings/BranchSettingsPage';
import { SystemInfoPage } from '../pages/system/SystemInfoPage';
import { UsersPage } from '../pages/system/UsersPage';

/** The navigation's groups, in the order clerks know from 金蝶 and 用友 clients. */
export const navGroups = [
  'purchase',
  'sales',
  'warehouse',
  'contracts',
  'accounts',
  'reports',
  'masterData',
  'system',
] as const;
export type NavGroup = (typeof navGroups)[number];

export interface PageDefinition {
  key: string;
  path: string;
  group: NavGroup;
  title: `page.${keyof Messages['page']}`;
  icon: ReactNode;
  permission: Permission;
  component: ComponentType;
}

/**
 * Every page the workspace can open. The navigation is built from this list, so a group with no
 * page here does not appear: nothing empty, nothing fake.
 */
export const pages: PageDefinition[] = [
  {
    key: 'goods',
    path: '/master-data/goods',
    group: 'masterData',
    title: 'page.goods',
    icon: <ShoppingOutlined />,
    permission: 'masterData.read',
    component: GoodsPage,
  },
  {
    key: 'counterparties',
    path: '/master-data/counterparties',
    group: 'masterData',
    title: 'page.counterparties',
    icon: <TeamOutlined />,
    permission: 'masterData.read',
    component: CounterpartiesPage,
  },
  {
    key: 'warehouses',
    path: '/master-data/warehouses',
    group: 'masterData',
    title: 'page.warehouses',
    icon: <HomeOutlined />,
    permission: 'masterData.read',
    component: WarehousesPage,
  },
  {
    key: 'offices',
    path: '/master-data/offices',
    group: 'masterData',
    title: 'page.offices',
    icon: <ApartmentOutlined />,
    permission: 'masterData.read',
    component: OfficesPage,
  },
  {
    key: 'employees',
    path: '/master-data/employees',
    group: 'masterData',
    title: 'page.employees',
    icon: <IdcardOutlined />,
    permission: 'masterData.read',
    component: EmployeesPage,
  },
  {
    key: 'branch-settings',
    path: '/system/branch',
    group: 'system',
    title: 'page.branchSettings',
    icon: <SettingOutlined />,
    permission: 'system.read',
    component: BranchSettingsPage,
  },
  {
    key: 'system-info',
    path: '/system/info',
    group: 'system',
    title: 'page.systemInfo',
    icon: <DatabaseOutlined />,
    permission: 'system.read',
    component: SystemInfoPage,
  },
  {
    key: 'audit-log',
    path: '/system/audit',
    group: 'system',
    title: 'page.auditLog',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    component: AuditLogPage,
  },
  {
    key: 'users',
    path: '/system/users',
    group: 'system',
    title: 'page.users',
    icon: <UserSwitchOutlined />,
    permission: 'users.manage',
    component: UsersPage,
  },
];

export function pageAt(path: string): PageDefinition | undefined {
  return pages.find((page) => page.path === path);
}
