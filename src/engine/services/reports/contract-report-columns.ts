import type {
  ContractedCustomersReport,
  ContractRewardsReport,
  UncontractedCustomersReport,
} from './contract-rewards';
import { column, type RowOf } from './report-columns';
import type { ReportColumn } from './report-table';

/** The columns the contract reports leave as files and prints with (contract-rewards.ts). */

type RewardRow = RowOf<ContractRewardsReport>;
export const contractRewardColumns: ReportColumn<RewardRow>[] = [
  column('name', '名称', 30),
  column('contracts', '合同数', 8, 'integer'),
  column('amount', '净出货金额(含税)', 16, 'money'),
  column('earned', '应得返利', 14, 'money'),
  column('paid', '已结算', 14, 'money'),
  column('unpaid', '未结算', 14, 'money'),
  column('rate', '返利率', 10, 'percent'),
];

type ContractedRow = RowOf<ContractedCustomersReport>;
export const contractedCustomerColumns: ReportColumn<ContractedRow>[] = [
  column('officeName', '办事处', 16),
  column('dealer', '经销商', 10, 'integer'),
  column('distributor', '分销商', 10, 'integer'),
  column('special_distributor', '特约分销商', 12, 'integer'),
  column('signed_wholesaler', '签约二批商', 12, 'integer'),
  column('total', '合计', 10, 'integer'),
];

type UncontractedRow = RowOf<UncontractedCustomersReport>;
export const uncontractedCustomerColumns: ReportColumn<UncontractedRow>[] = [
  column('code', '客户编码', 12),
  column('name', '客户名称', 24),
  column('tierLabel', '渠道类型', 12),
  column('officeName', '办事处', 14),
  column('salespersonName', '业务员', 10),
  column('pending', '办理中的合同', 24),
];
