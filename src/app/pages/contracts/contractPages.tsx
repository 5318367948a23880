import {
  FileProtectOutlined,
  FileTextOutlined,
  GiftOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserDeleteOutlined,
} from '@ant-design/icons';
import type { PageDefinition } from '../../workspace/pages';
import {
  ContractedCustomersPage,
  ContractRewardsPage,
  UncontractedCustomersPage,
} from '../reports/ReportPages';
import { ContractListPage } from './ContractListPage';
import { ContractPage } from './ContractPage';
import { contractPaths } from './contractPaths';
import { SigningBoardPage } from './SigningBoardPage';

// Workspace pages take no props: one small component per kind, made once.
const SalesContractsPage = () => <ContractListPage kind="sales" />;
const PurchaseContractsPage = () => <ContractListPage kind="purchase" />;

/** 合同: the two lists, the one contract page both open into, and the signing tables' progress. */
export const contractPages: PageDefinition[] = [
  {
    key: 'sales-contracts',
    path: contractPaths.list.sales,
    group: 'contracts',
    title: 'page.salesContracts',
    icon: <SolutionOutlined />,
    permission: 'contracts.view',
    component: SalesContractsPage,
  },
  {
    key: 'purchase-contracts',
    path: contractPaths.list.purchase,
    group: 'contracts',
    title: 'page.purchaseContracts',
    icon: <FileProtectOutlined />,
    permission: 'contracts.view',
    component: PurchaseContractsPage,
  },
  {
    key: 'contract',
    path: contractPaths.contract,
    group: 'contracts',
    title: 'page.contract',
    icon: <FileTextOutlined />,
    permission: 'contracts.view',
    inNavigation: false,
    component: ContractPage,
  },
  {
    key: 'signing-board',
    path: contractPaths.signingBoard,
    group: 'contracts',
    title: 'page.signingBoard',
    icon: <ScheduleOutlined />,
    permission: 'contracts.view',
    component: SigningBoardPage,
  },

  // The contract reports sit with the contracts they are about, each the one report page configured.
  {
    key: 'report-contract-rewards',
    path: '/contracts/reports/rewards',
    group: 'contracts',
    title: 'page.reportContractRewards',
    icon: <GiftOutlined />,
    permission: 'contracts.view',
    component: ContractRewardsPage,
  },
  {
    key: 'report-contracted-customers',
    path: '/contracts/reports/contracted',
    group: 'contracts',
    title: 'page.reportContractedCustomers',
    icon: <TeamOutlined />,
    permission: 'contracts.view',
    component: ContractedCustomersPage,
  },
  {
    key: 'report-uncontracted-customers',
    path: '/contracts/reports/uncontracted',
    group: 'contracts',
    title: 'page.reportUncontractedCustomers',
    icon: <UserDeleteOutlined />,
    permission: 'contracts.view',
    component: UncontractedCustomersPage,
  },
];
