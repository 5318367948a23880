import {
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  CarOutlined,
  DatabaseOutlined,
  FieldNumberOutlined,
  PrinterOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  HistoryOutlined,
  HomeOutlined,
  HourglassOutlined,
  InboxOutlined,
  IdcardOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  RiseOutlined,
  SettingOutlined,
  ShoppingOutlined,
  SwapOutlined,
  TableOutlined,
  TeamOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
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
import { channelPages } from '../pages/channel/channelPages';
import { contractPages } from '../pages/contracts/contractPages';
import { documentPages } from '../pages/documents/documentPages';
import { accountsPaths } from '../pages/money/accountsPaths';
import { InternalAccountsPage } from '../pages/money/InternalAccountsPage';
import { MonthClosePage } from '../pages/periods/MonthClosePage';
import { MoneyBalancesPage } from '../pages/money/MoneyBalancesPage';
import { SettlementPage } from '../pages/money/SettlementPage';
import { AuditLogPage } from '../pages/system/AuditLogPage';
import { BranchSettingsPage } from '../pages/settings/BranchSettingsPage';
import {
  AgingPage,
  GrossProfitPage,
  InTransitPage,
  LotExpiryPage,
  OrderExecutionPage,
  PeriodSummaryPage,
  PriceHistoryPage,
  StatementPage,
  StockAlertsPage,
  StockBalancePage,
  StockCardPage,
} from '../pages/reports/ReportPages';
import { NumberingRulesPage } from '../pages/settings/NumberingRulesPage';
import { PrintTemplatesPage } from '../pages/settings/print-templates/PrintTemplatesPage';
import { SystemInfoPage } from '../pages/system/SystemInfoPage';
import { UploadPage } from '../pages/upload/UploadPage';
import { uploadPagePath } from '../pages/upload/uploadPagePath';
import { RolesPage } from '../pages/system/RolesPage';
import { UsersPage } from '../pages/system/UsersPage';
import { WarehouseQueuePage } from '../pages/warehouse/WarehouseQueuePage';

/** The navigation's groups, in the order clerks know from 金蝶 and 用友 clients. */
export const navGroups = [
  'purchase',
  'sales',
  'warehouse',
  'contracts',
  'channel',
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
  /** Receivables, payables and profit: shown only to independent-accounting branches (DOMAIN.md §2, §7). */
  independentOnly?: boolean;
  /** False for a page opened only from another (the contract, from its list's 新建 or a double click). */
  inNavigation?: false;
  component: ComponentType;
}

/**
 * Every page the workspace can open. The navigation is built from this list, so a group with no
 * page here does not appear: nothing empty, nothing fake.
 */
export const pages: PageDefinition[] = [
  // 仓库作业 first under 仓库: it is what the keeper opens the app for.
  {
    key: 'warehouse-queue',
    path: '/warehouse/queue',
    group: 'warehouse',
    title: 'page.warehouseQueue',
    icon: <InboxOutlined />,
    permission: 'warehouse.confirm',
    component: WarehouseQueuePage,
  },
  // 采购 / 销售 / 仓库: the document lists and the one document page per type.
  ...documentPages,
  // 月结 after the stock documents it freezes; 反月结 on the same page, for those granted it.
  {
    key: 'month-close',
    path: '/warehouse/month-close',
    group: 'warehouse',
    title: 'page.monthClose',
    icon: <ScheduleOutlined />,
    permission: 'period.close',
    component: MonthClosePage,
  },
  // 合同 (DOMAIN.md §8): the annual agreements, after the documents they are executed by.
  ...contractPages,
  ...channelPages,
  // 往来 (DOMAIN.md §7): balances first, then 核销, then the statement and aging a clerk reads beside
  // them; only independent-accounting branches keep receivables and payables.
  {
    key: 'money-balances',
    path: accountsPaths.balances,
    group: 'accounts',
    title: 'page.moneyBalances',
    icon: <AccountBookOutlined />,
    permission: 'money.view',
    independentOnly: true,
    component: MoneyBalancesPage,
  },
  {
    key: 'money-settlement',
    path: accountsPaths.settlement,
    group: 'accounts',
    title: 'page.moneySettlement',
    icon: <ReconciliationOutlined />,
    permission: 'money.view',
    independentOnly: true,
    component: SettlementPage,
  },
  {
    key: 'report-statement',
    path: accountsPaths.statement,
    group: 'accounts',
    title: 'page.reportStatement',
    icon: <FileTextOutlined />,
    permission: 'money.view',
    independentOnly: true,
    component: StatementPage,
  },
  {
    key: 'report-aging',
    path: accountsPaths.aging,
    group: 'accounts',
    title: 'page.reportAging',
    icon: <HourglassOutlined />,
    permission: 'money.view',
    independentOnly: true,
    component: AgingPage,
  },
  {
    key: 'internal-accounts',
    path: accountsPaths.internal,
    group: 'accounts',
    title: 'page.internalAccounts',
    icon: <SwapOutlined />,
    permission: 'money.view',
    independentOnly: true,
    component: InternalAccountsPage,
  },
  // 报表: one report page, configured per report.
  {
    key: 'report-stock-balance',
    path: '/reports/stock-balance',
    group: 'reports',
    title: 'page.reportStockBalance',
    icon: <BarChartOutlined />,
    permission: 'stock.view',
    component: StockBalancePage,
  },
  {
    key: 'report-stock-card',
    path: '/reports/stock-card',
    group: 'reports',
    title: 'page.reportStockCard',
    icon: <ProfileOutlined />,
    permission: 'stock.view',
    component: StockCardPage,
  },
  {
    key: 'report-period-summary',
    path: '/reports/period-summary',
    group: 'reports',
    title: 'page.reportPeriodSummary',
    icon: <TableOutlined />,
    permission: 'stock.view',
    component: PeriodSummaryPage,
  },
  {
    key: 'report-in-transit',
    path: '/reports/in-transit',
    group: 'reports',
    title: 'page.reportInTransit',
    icon: <CarOutlined />,
    permission: 'stock.view',
    component: InTransitPage,
  },
  {
    key: 'report-stock-alerts',
    path: '/reports/stock-alerts',
    group: 'reports',
    title: 'page.reportStockAlerts',
    icon: <AlertOutlined />,
    permission: 'stock.view',
    component: StockAlertsPage,
  },
  {
    key: 'report-lot-expiry',
    path: '/reports/lot-expiry',
    group: 'reports',
    title: 'page.reportLotExpiry',
    icon: <FieldTimeOutlined />,
    permission: 'stock.view',
    component: LotExpiryPage,
  },
  {
    key: 'report-gross-profit',
    path: '/reports/gross-profit',
    group: 'reports',
    title: 'page.reportGrossProfit',
    icon: <RiseOutlined />,
    permission: 'profit.view',
    independentOnly: true,
    component: GrossProfitPage,
  },
  // 价格跟踪: the prices on the documents, sales and purchase alike, for every role that reads them.
  {
    key: 'report-price-history',
    path: '/reports/price-history',
    group: 'reports',
    title: 'page.reportPriceHistory',
    icon: <HistoryOutlined />,
    permission: 'documents.view',
    component: PriceHistoryPage,
  },
  // 订单执行情况: what the approved orders still have outstanding, line by line.
  {
    key: 'report-order-execution',
    path: '/reports/order-execution',
    group: 'reports',
    title: 'page.reportOrderExecution',
    icon: <FileDoneOutlined />,
    permission: 'documents.view',
    component: OrderExecutionPage,
  },
  {
    key: 'goods',
    path: '/master-data/goods',
    group: 'masterData',
    title: 'page.goods',
    icon: <ShoppingOutlined />,
    permission: 'masterData.view',
    component: GoodsPage,
  },
  {
    key: 'counterparties',
    path: '/master-data/counterparties',
    group: 'masterData',
    title: 'page.counterparties',
    icon: <TeamOutlined />,
    permission: 'masterData.view',
    component: CounterpartiesPage,
  },
  {
    key: 'warehouses',
    path: '/master-data/warehouses',
    group: 'masterData',
    title: 'page.warehouses',
    icon: <HomeOutlined />,
    permission: 'masterData.view',
    component: WarehousesPage,
  },
  {
    key: 'offices',
    path: '/master-data/offices',
    group: 'masterData',
    title: 'page.offices',
    icon: <ApartmentOutlined />,
    permission: 'masterData.view',
    component: OfficesPage,
  },
  {
    key: 'employees',
    path: '/master-data/employees',
    group: 'masterData',
    title: 'page.employees',
    icon: <IdcardOutlined />,
    permission: 'masterData.view',
    component: EmployeesPage,
  },
  {
    key: 'branch-settings',
    path: '/system/branch',
    group: 'system',
    title: 'page.branchSettings',
    icon: <SettingOutlined />,
    permission: 'system.view',
    component: BranchSettingsPage,
  },
  {
    key: 'numbering-rules',
    path: '/system/numbering',
    group: 'system',
    title: 'page.numberingRules',
    icon: <FieldNumberOutlined />,
    permission: 'settings.edit',
    component: NumberingRulesPage,
  },
  {
    key: 'print-templates',
    path: '/system/print-templates',
    group: 'system',
    title: 'page.printTemplates',
    icon: <PrinterOutlined />,
    permission: 'settings.edit',
    component: PrintTemplatesPage,
  },
  {
    key: 'system-info',
    path: '/system/info',
    group: 'system',
    title: 'page.systemInfo',
    icon: <DatabaseOutlined />,
    permission: 'system.view',
    component: SystemInfoPage,
  },
  // 上传总部 beside 系统信息与备份: both are about where the books' data is kept and carried.
  {
    key: 'upload',
    path: uploadPagePath,
    group: 'system',
    title: 'page.upload',
    icon: <CloudUploadOutlined />,
    permission: 'upload.view',
    component: UploadPage,
  },
  {
    key: 'audit-log',
    path: '/system/audit',
    group: 'system',
    title: 'page.auditLog',
    icon: <AuditOutlined />,
    permission: 'audit.view',
    component: AuditLogPage,
  },
  {
    key: 'users',
    path: '/system/users',
    group: 'system',
    title: 'page.users',
    icon: <UserSwitchOutlined />,
    permission: 'users.edit',
    component: UsersPage,
  },
  {
    key: 'roles',
    path: '/system/roles',
    group: 'system',
    title: 'page.roles',
    icon: <SafetyCertificateOutlined />,
    permission: 'users.edit',
    component: RolesPage,
  },
];

export function pageAt(path: string): PageDefinition | undefined {
  return pages.find((page) => page.path === path);
}
