import { z } from 'zod';
import { actorMay, type ServiceContext } from '../../services/context';
import { printReport } from '../../services/printing/report-printable';
import { moneySides } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { priceSides } from '../../services/documents/price-history';
import { activityVerification } from '../../services/channel/activity-verification';
import { daysOfStock } from '../../services/channel/days-of-stock';
import { netShipmentGroupings, netShipments } from '../../services/channel/net-shipments';
import { twoSources } from '../../services/channel/two-sources';
import { reportKinds } from '../../../shared/channel/channel-report';
import { aging, agingGroupings } from '../../services/reports/aging';
import {
  contractedCustomers,
  contractRewards,
  rewardGroupings,
  uncontractedCustomers,
} from '../../services/reports/contract-rewards';
import {
  exportReport,
  reportColumns,
  reportNames,
  reportPermission,
  type ReportName,
} from '../../services/reports/export-report';
import { grossProfit, grossProfitGroupings } from '../../services/reports/gross-profit';
import { inTransitStock } from '../../services/reports/in-transit';
import { lotExpiry } from '../../services/reports/lot-expiry';
import { orderExecutionReport } from '../../services/reports/order-execution-report';
import { periodSummary } from '../../services/reports/period-summary';
import { priceHistoryReport } from '../../services/reports/price-history-report';
import { stockAlerts } from '../../services/reports/stock-alerts';
import { stockBalance } from '../../services/reports/stock-balance';
import { stockCard } from '../../services/reports/stock-card';
import { statement } from '../../services/reports/statement';
import { defineMethod } from '../method';
import { pdfFile } from './print';
import { isoDate as isoDateOf } from '../schemas/iso-date';
import { trimmedText } from '../schemas/record-fields';
import { searchText } from '../schemas/search-text';

const isoDate = isoDateOf();
const id = z.number().int().positive();
const search = searchText().optional();

const inOrder = (input: { from: string; to: string }) => input.from <= input.to;
const outOfOrder = { message: '开始日期不能晚于结束日期', path: ['to'] };

const stockBalanceInput = z.object({
  /** Stock at the end of this day; today when omitted. */
  asOf: isoDate.optional(),
  warehouseId: id.optional(),
  goodsId: id.optional(),
  search,
  includeZero: z.boolean().default(false),
});
const stockCardInput = z
  .object({ goodsId: id, warehouseId: id.optional(), from: isoDate, to: isoDate })
  .refine(inOrder, outOfOrder);
const periodSummaryInput = z
  .object({ from: isoDate, to: isoDate, warehouseId: id.optional(), goodsId: id.optional(), search })
  .refine(inOrder, outOfOrder);
const inTransitInput = z.object({ warehouseId: id.optional(), search });
const stockAlertsInput = z.object({ warehouseId: id.optional(), search });
const lotExpiryInput = z.object({
  withinDays: z.number().int().min(0).max(3650).default(30),
  /** The day days are counted from; today when omitted. */
  asOf: isoDate.optional(),
  warehouseId: id.optional(),
  search,
});

const statementInput = z
  .object({ counterpartyId: id, side: z.enum(moneySides).optional(), from: isoDate, to: isoDate })
  .refine(inOrder, outOfOrder);
const agingInput = z.object({
  side: z.enum(moneySides).default('receivable'),
  /** Aging at the end of this day; today when omitted. */
  asOf: isoDate.optional(),
  groupBy: z.enum(agingGroupings).default('counterparty'),
});
const grossProfitInput = z
  .object({ from: isoDate, to: isoDate, groupBy: z.enum(grossProfitGroupings).default('goods') })
  .refine(inOrder, outOfOrder);

const priceHistoryInput = z
  .object({
    goodsId: id,
    side: z.enum(priceSides).default('sale'),
    counterpartyId: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine(
    (input) => input.from === undefined || input.to === undefined || input.from <= input.to,
    outOfOrder,
  );

const orderExecutionInput = z
  .object({
    side: z.enum(priceSides).default('sale'),
    /** Only lines with something still to deliver or receive; false: done and force-closed orders too. */
    openOnly: z.boolean().default(true),
    counterpartyId: id.optional(),
    search,
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine(
    (input) => input.from === undefined || input.to === undefined || input.from <= input.to,
    outOfOrder,
  );

const yearInput = z.object({ year: z.number().int().min(2000).max(2099) });
const contractRewardsInput = yearInput.extend({ groupBy: z.enum(rewardGroupings).default('contract') });

const reportKind = z.enum(reportKinds).default('weekly');
const channelRangeInput = z
  .object({ kind: reportKind, from: isoDate, to: isoDate, officeId: id.optional() })
  .refine(inOrder, outOfOrder);
const netShipmentsInput = z
  .object({
    kind: reportKind,
    from: isoDate,
    to: isoDate,
    groupBy: z.enum(netShipmentGroupings).default('customer'),
    officeId: id.optional(),
  })
  .refine(inOrder, outOfOrder);
const daysOfStockInput = z.object({ kind: reportKind, day: isoDate, officeId: id.optional() });
const activityInput = z
  .object({
    from: isoDate,
    to: isoDate,
    customerIds: z.array(id).max(1000).optional(),
    goodsIds: z.array(id).max(1000).optional(),
  })
  .refine(inOrder, outOfOrder);

/** Visible columns, in the order the clerk sees them; empty: every column. */
const columns = z.array(trimmedText('列名', 60)).max(100).default([]);
const format = z.enum(['xlsx', 'csv']).default('xlsx');
const request = <Name extends string, Input extends z.ZodType>(report: Name, input: Input) =>
  z.object({ report: z.literal(report), input, columns });
/** A report as the page asks for it, with the columns it shows: for its file, and for its print. */
const reportRequest = z.discriminatedUnion('report', [
  request('channelNetShipments', netShipmentsInput),
  request('channelDaysOfStock', daysOfStockInput),
  request('channelTwoSources', channelRangeInput),
  request('channelActivity', activityInput),
  request('contractRewards', contractRewardsInput),
  request('contractedCustomers', yearInput),
  request('uncontractedCustomers', yearInput),
  request('stockBalance', stockBalanceInput),
  request('stockCard', stockCardInput),
  request('periodSummary', periodSummaryInput),
  request('inTransit', inTransitInput),
  request('stockAlerts', stockAlertsInput),
  request('lotExpiry', lotExpiryInput),
  request('statement', statementInput),
  request('aging', agingInput),
  request('grossProfit', grossProfitInput),
  request('priceHistory', priceHistoryInput),
  request('orderExecution', orderExecutionInput),
]);

/**
 * Every signed-in role reads stock; a money or profit report's file or print also needs its own method's
 * permission, which the router cannot know before the input names the report.
 */
function assertMayHave(ctx: ServiceContext, report: ReportName, what: string): void {
  const permission = reportPermission(report);
  if (actorMay(ctx.actor, permission)) return;
  throw new LedgerError('FORBIDDEN', `当前用户没有权限${what}此报表（reports.${report}）。`, { permission });
}

/**
 * Stock reports (DOMAIN.md §6): 库存余额, 商品明细账, 进销存汇总, 在途, 库存预警, 批次 / 保质期; money and
 * profit reports (§7): 对账单, 账龄分析, 毛利; and from the documents (§5): 价格跟踪, the prices agreed,
 * and 订单执行情况, what each order line still has outstanding.
 */
export const reportMethods = {
  /** 净出货量 (DOMAIN.md §9): opening + purchases − closing, per customer with its channel, or by office or tier. */
  'reports.channelNetShipments': defineMethod({
    input: netShipmentsInput,
    access: 'channel.view',
    handler: (ctx, input) => netShipments(ctx, input),
  }),

  /** 库存消化天数: counted stock against the annual signed volume and against the last 4 weeks' net shipments. */
  'reports.channelDaysOfStock': defineMethod({
    input: daysOfStockInput,
    access: 'channel.view',
    handler: (ctx, input) => daysOfStock(ctx, input),
  }),

  /** 两个口径: the branch's deliveries beside the purchases the customers reported. */
  'reports.channelTwoSources': defineMethod({
    input: channelRangeInput,
    access: 'channel.view',
    handler: (ctx, input) => twoSources(ctx, input),
  }),

  /** 活动期间销量核准: a promotion's customers and goods over its dates, for head office's 核准 and 核销. */
  'reports.channelActivity': defineMethod({
    input: activityInput,
    access: 'channel.view',
    handler: (ctx, input) => activityVerification(ctx, input),
  }),

  /** 签约奖励 (DOMAIN.md §8): earned and paid rebates of the year's contracts, by contract, tier, office or salesperson. */
  'reports.contractRewards': defineMethod({
    input: contractRewardsInput,
    access: 'contracts.view',
    handler: (ctx, input) => contractRewards(ctx, input),
  }),

  /** 签约客户统计: customers with a contract in force per office × tier. */
  'reports.contractedCustomers': defineMethod({
    input: yearInput,
    access: 'contracts.view',
    handler: (ctx, input) => contractedCustomers(ctx, input),
  }),

  /** 未签约客户: customers under contract management without a contract in force this year. */
  'reports.uncontractedCustomers': defineMethod({
    input: yearInput,
    access: 'contracts.view',
    handler: (ctx, input) => uncontractedCustomers(ctx, input),
  }),

  'reports.stockBalance': defineMethod({
    input: stockBalanceInput,
    access: 'stock.view',
    handler: (ctx, input) => stockBalance(ctx, input),
  }),

  'reports.stockCard': defineMethod({
    input: stockCardInput,
    access: 'stock.view',
    handler: (ctx, input) => stockCard(ctx, input),
  }),

  'reports.periodSummary': defineMethod({
    input: periodSummaryInput,
    access: 'stock.view',
    handler: (ctx, input) => periodSummary(ctx, input),
  }),

  'reports.inTransit': defineMethod({
    input: inTransitInput,
    access: 'stock.view',
    handler: (ctx, input) => inTransitStock(ctx, input),
  }),

  'reports.stockAlerts': defineMethod({
    input: stockAlertsInput,
    access: 'stock.view',
    handler: (ctx, input) => stockAlerts(ctx, input),
  }),

  'reports.lotExpiry': defineMethod({
    input: lotExpiryInput,
    access: 'stock.view',
    handler: (ctx, input) => lotExpiry(ctx, input),
  }),

  'reports.statement': defineMethod({
    input: statementInput,
    access: 'money.view',
    handler: (ctx, input) => statement(ctx, input),
  }),

  'reports.aging': defineMethod({
    input: agingInput,
    access: 'money.view',
    handler: (ctx, input) => aging(ctx, input),
  }),

  'reports.grossProfit': defineMethod({
    input: grossProfitInput,
    access: 'profit.view',
    handler: (ctx, input) => grossProfit(ctx, input),
  }),

  'reports.priceHistory': defineMethod({
    input: priceHistoryInput,
    access: 'documents.view',
    handler: (ctx, input) => priceHistoryReport(ctx, input),
  }),

  'reports.orderExecution': defineMethod({
    input: orderExecutionInput,
    access: 'documents.view',
    handler: (ctx, input) => orderExecutionReport(ctx, input),
  }),

  /** A report as .xlsx (default) or CSV (UTF-8 with BOM), with the same input its own method takes. */
  'reports.export': defineMethod({
    input: reportRequest.and(z.object({ format })),
    access: 'reports.export',
    handler: (ctx, { columns: keys, format: fileFormat, ...request }) => {
      assertMayHave(ctx, request.report, '导出');
      const file = exportReport(ctx, request, keys, fileFormat);
      return { fileName: file.fileName, base64: file.content.toString('base64'), rows: file.rows };
    },
  }),

  /** The report page as its table, to PDF: the columns shown, in their order (report-printable.ts). */
  'reports.print': defineMethod({
    input: reportRequest,
    access: 'reports.export',
    handler: async (ctx, { columns: keys, ...request }) => {
      assertMayHave(ctx, request.report, '打印');
      return pdfFile(await printReport(ctx, request, keys));
    },
  }),

  /** The columns a report can be exported with, for the column chooser. */
  'reports.columns': defineMethod({
    input: z.object({ report: z.enum(reportNames) }),
    access: 'stock.view',
    handler: (ctx, { report }) => reportColumns(ctx.actor, report),
  }),
};
