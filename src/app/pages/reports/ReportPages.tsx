import { ReportPage } from '../../components/report/ReportPage';
import { agingReport } from './agingReport';
import {
  channelActivityReport,
  channelDaysOfStockReport,
  channelNetShipmentsReport,
  channelTwoSourcesReport,
} from './channelReports';
import {
  contractedCustomersReport,
  contractRewardsReport,
  uncontractedCustomersReport,
} from './contractReports';
import { grossProfitReport } from './grossProfitReport';
import { inTransitReport } from './inTransitReport';
import { lotExpiryReport } from './lotExpiryReport';
import { orderExecutionReport } from './orderExecutionReport';
import { periodSummaryReport } from './periodSummaryReport';
import { priceHistoryReport } from './priceHistoryReport';
import { statementReport } from './statementReport';
import { stockAlertsReport } from './stockAlertsReport';
import { stockBalanceReport } from './stockBalanceReport';
import { stockCardReport } from './stockCardReport';

// 报表: each page is the one report page, given its report's configuration.

export const StockBalancePage = () => <ReportPage config={stockBalanceReport} />;
export const StockCardPage = () => <ReportPage config={stockCardReport} />;
export const PeriodSummaryPage = () => <ReportPage config={periodSummaryReport} />;
export const InTransitPage = () => <ReportPage config={inTransitReport} />;
export const StockAlertsPage = () => <ReportPage config={stockAlertsReport} />;
export const LotExpiryPage = () => <ReportPage config={lotExpiryReport} />;
export const StatementPage = () => <ReportPage config={statementReport} />;
export const AgingPage = () => <ReportPage config={agingReport} />;
export const GrossProfitPage = () => <ReportPage config={grossProfitReport} />;
export const PriceHistoryPage = () => <ReportPage config={priceHistoryReport} />;
export const OrderExecutionPage = () => <ReportPage config={orderExecutionReport} />;
export const ContractRewardsPage = () => <ReportPage config={contractRewardsReport} />;
export const ContractedCustomersPage = () => <ReportPage config={contractedCustomersReport} />;
export const UncontractedCustomersPage = () => <ReportPage config={uncontractedCustomersReport} />;
export const ChannelNetShipmentsPage = () => <ReportPage config={channelNetShipmentsReport} />;
export const ChannelDaysOfStockPage = () => <ReportPage config={channelDaysOfStockReport} />;
export const ChannelTwoSourcesPage = () => <ReportPage config={channelTwoSourcesReport} />;
export const ChannelActivityPage = () => <ReportPage config={channelActivityReport} />;
