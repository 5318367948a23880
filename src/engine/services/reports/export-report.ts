import type { Permission } from '../../domain/access/roles';
import { LedgerError } from '../../../shared/ledger-error';
import { getBranchProfile } from '../branch/branch-profile';
import type { Actor, ServiceContext } from '../context';
import { seesCost } from '../access/cost-figures';
import { activityVerification } from '../channel/activity-verification';
import { daysOfStock } from '../channel/days-of-stock';
import { netShipments, netShipmentGroupingLabels, type NetShipmentsInput } from '../channel/net-shipments';
import { twoSources } from '../channel/two-sources';
import type { ReportKind } from '../../../shared/channel/channel-report';
import { reportKindLabels } from '../../../shared/channel/channel-report';
import { aging, agingGroupingLabels, type AgingInput } from './aging';
import {
  activityColumns,
  daysOfStockColumns,
  netShipmentColumns,
  twoSourcesColumns,
} from './channel-report-columns';
import {
  contractedCustomerColumns,
  contractRewardColumns,
  uncontractedCustomerColumns,
} from './contract-report-columns';
import {
  contractedCustomers,
  contractRewards,
  rewardGroupingLabels,
  uncontractedCustomers,
  type ContractRewardsInput,
} from './contract-rewards';
import { grossProfit, grossProfitGroupingLabels, type GrossProfitInput } from './gross-profit';
import { inTransitStock, type InTransitInput } from './in-transit';
import { lotExpiry, type LotExpiryInput } from './lot-expiry';
import { agingColumns, grossProfitColumns, statementColumns } from './money-report-columns';
import { orderExecutionReport, type OrderExecutionInput } from './order-execution-report';
import { orderExecutionColumns } from './order-report-columns';
import { periodSummary, type PeriodSummaryInput } from './period-summary';
import { priceHistoryReport, type PriceHistoryReportInput } from './price-history-report';
import { priceHistoryColumns } from './price-report-columns';
import {
  inTransitColumns,
  lotExpiryColumns,
  periodSummaryColumns,
  stockAlertColumns,
  stockBalanceColumns,
  stockCardColumns,
} from './report-columns';
import {
  reportTable,
  tableToCsv,
  tableToXlsx,
  type ReportColumn,
  type ReportTable,
  type TableLine,
} from './report-table';
import { stockAlerts, type StockAlertsInput } from './stock-alerts';
import { stockBalance, type StockBalanceInput } from './stock-balance';
import { stockCard, type StockCardInput } from './stock-card';
import { statement, type StatementInput } from './statement';

/** A report that can leave as a file: how it runs, its columns, and the lines of its table. */
interface ExportableReport<Input, Result extends { rows: readonly unknown[] }> {
  label: string;
  /**
   * Who may have it as a file: the permission of the report's own method. Money and profit are not
   * everyone's to read (DOMAIN.md §1), and the export method itself only asks for stock.read.
   */
  permission: Permission;
  run: (ctx: ServiceContext, input: Input) => Result;
  columns: ReportColumn<Result['rows'][number]>[];
  /** The rows with their summary lines (期初, 合计, 期末) where the report has them. */
  lines: (result: Result) => TableLine<Result['rows'][number]>[];
  /** What tells one such file from another in its name, beside the date. */
  subject?: (result: Result) => string;
}

function exportable<Input, Result extends { rows: readonly unknown[] }>(
  definition: ExportableReport<Input, Result>,
): ExportableReport<Input, Result> {
  return definition;
}

const rowsOf = <Row>(rows: readonly Row[]): TableLine<Row>[] => rows.map((row) => ({ row }));

export const exportableReports = {
  channelNetShipments: exportable({
    label: '渠道净出货量',
    permission: 'channel.view',
    run: netShipments,
    columns: netShipmentColumns,
    lines: (result) => rowsOf(result.rows),
    subject: (result) =>
      `${reportKindLabels[result.kind]}-${result.from}至${result.to}-按${netShipmentGroupingLabels[result.groupBy]}`,
  }),
  channelDaysOfStock: exportable({
    label: '渠道库存消化天数',
    permission: 'channel.view',
    run: daysOfStock,
    columns: daysOfStockColumns,
    lines: (result) => rowsOf(result.rows),
    subject: (result) => result.period.label,
  }),
  channelTwoSources: exportable({
    label: '出货与进货对比',
    permission: 'channel.view',
    run: twoSources,
    columns: twoSourcesColumns,
    lines: (result) => rowsOf(result.rows),
    subject: (result) => `${reportKindLabels[result.kind]}-${result.from}至${result.to}`,
  }),
  channelActivity: exportable({
    label: '活动期间销量核准',
    permission: 'channel.view',
    run: activityVerification,
    columns: activityColumns,
    lines: (result) => rowsOf(result.rows),
    subject: (result) => `${result.from}至${result.to}`,
  }),
  contractRewards: exportable({
    label: '签约奖励表',
    permission: 'contracts.view',
    run: contractRewards,
    columns: contractRewardColumns,
    lines: (result) => [
      ...rowsOf(result.rows),
      { summary: { name: '合计', ...result.totals, contracts: String(result.totals.contracts) } },
    ],
    subject: (result) => `${result.year}年-按${rewardGroupingLabels[result.groupBy]}`,
  }),
  contractedCustomers: exportable({
    label: '签约客户统计表',
    permission: 'contracts.view',
    run: contractedCustomers,
    columns: contractedCustomerColumns,
    lines: (result) => [
      ...rowsOf(result.rows),
      {
        summary: {
          officeName: '合计',
          ...Object.fromEntries(Object.entries(result.totals).map(([key, count]) => [key, String(count)])),
        },
      },
    ],
    subject: (result) => `${result.year}年`,
  }),
  uncontractedCustomers: exportable({
    label: '未签约客户表',
    permission: 'contracts.view',
    run: uncontractedCustomers,
    columns: uncontractedCustomerColumns,
    lines: (result) => rowsOf(result.rows),
    subject: (result) => `${result.year}年`,
  }),
  stockBalance: exportable({
    label: '库存余额表',
    permission: 'stock.view',
    run: stockBalance,
    columns: stockBalanceColumns,
    lines: (result) => [
      ...rowsOf(result.rows),
      { summary: { goodsCode: '合计', value: result.totals.value } },
    ],
    subject: (result) => result.asOf,
  }),
  stockCard: exportable({
    label: '商品明细账',
    permission: 'stock.view',
    run: stockCard,
    columns: stockCardColumns,
    lines: (result) => {
      const balance = (figures: typeof result.opening) => ({
        runningQuantity: figures.quantity,
        runningUnitCost: figures.unitCost,
        runningValue: figures.value,
      });
      return [
        { summary: { date: result.from, documentNumber: '期初余额', ...balance(result.opening) } },
        ...rowsOf(result.rows),
        {
          summary: {
            date: result.to,
            documentNumber: '本期合计及期末余额',
            inQuantity: result.totals.inQuantity,
            outQuantity: result.totals.outQuantity,
            ...balance(result.closing),
          },
        },
      ];
    },
    subject: (result) => result.goods.code,
  }),
  periodSummary: exportable({
    label: '进销存汇总表',
    permission: 'stock.view',
    run: periodSummary,
    columns: periodSummaryColumns,
    lines: (result) => [...rowsOf(result.rows), { summary: { goodsCode: '合计', ...result.totals } }],
    subject: (result) => `${result.from}至${result.to}`,
  }),
  inTransit: exportable({
    label: '在途库存表',
    permission: 'stock.view',
    run: inTransitStock,
    columns: inTransitColumns,
    lines: (result) => [
      ...rowsOf(result.rows),
      { summary: { documentNumber: '合计', value: result.totals.value } },
    ],
  }),
  stockAlerts: exportable({
    label: '库存预警表',
    permission: 'stock.view',
    run: stockAlerts,
    columns: stockAlertColumns,
    lines: (result) => rowsOf(result.rows),
  }),
  lotExpiry: exportable({
    label: '批次保质期表',
    permission: 'stock.view',
    run: lotExpiry,
    columns: lotExpiryColumns,
    lines: (result) => rowsOf(result.rows),
  }),
  statement: exportable({
    label: '对账单',
    permission: 'money.view',
    run: statement,
    columns: statementColumns,
    lines: (result) => [
      { summary: { date: result.from, documentTypeLabel: '期初余额', balance: result.opening } },
      ...rowsOf(result.rows),
      {
        summary: {
          date: result.to,
          documentTypeLabel: '本期合计及期末余额',
          increase: result.totals.increase,
          decrease: result.totals.decrease,
          balance: result.closing,
        },
      },
    ],
    subject: (result) => `${result.counterparty.code}${result.sideLabel}-${result.from}至${result.to}`,
  }),
  aging: exportable({
    label: '账龄分析表',
    permission: 'money.view',
    run: aging,
    columns: agingColumns,
    lines: (result) => [...rowsOf(result.rows), { summary: { code: '合计', ...result.totals } }],
    subject: (result) => `${result.sideLabel}-按${agingGroupingLabels[result.groupBy]}-${result.asOf}`,
  }),
  grossProfit: exportable({
    label: '毛利表',
    permission: 'profit.view',
    run: grossProfit,
    columns: grossProfitColumns,
    lines: (result) => [...rowsOf(result.rows), { summary: { code: '合计', ...result.totals } }],
    subject: (result) => `按${grossProfitGroupingLabels[result.groupBy]}-${result.from}至${result.to}`,
  }),
  priceHistory: exportable({
    label: '价格跟踪',
    // Prices are on the documents every role reads; they are not money owed (§7) nor profit.
    permission: 'documents.view',
    run: priceHistoryReport,
    columns: priceHistoryColumns,
    lines: (result) => rowsOf(result.rows),
    subject: (result) =>
      [
        `${result.goods.code}${result.sideLabel}`,
        result.counterparty?.code,
        result.from !== null || result.to !== null ? `${result.from ?? ''}至${result.to ?? ''}` : undefined,
      ]
        .filter((part) => part !== undefined)
        .join('-'),
  }),
  orderExecution: exportable({
    label: '订单执行情况',
    // What was ordered and what is left are on the orders every role reads (like 价格跟踪).
    permission: 'documents.view',
    run: orderExecutionReport,
    columns: orderExecutionColumns,
    lines: (result) => [
      ...rowsOf(result.rows),
      { summary: { date: '合计', outstandingAmount: result.totals.outstandingAmount } },
    ],
    subject: (result) =>
      [
        `${result.sideLabel}订单`,
        result.counterparty?.code,
        result.openOnly ? undefined : '含已执行及已结案',
        result.from !== null || result.to !== null ? `${result.from ?? ''}至${result.to ?? ''}` : undefined,
      ]
        .filter((part) => part !== undefined)
        .join('-'),
  }),
};

export const reportNames = [
  'channelNetShipments',
  'channelDaysOfStock',
  'channelTwoSources',
  'channelActivity',
  'contractRewards',
  'contractedCustomers',
  'uncontractedCustomers',
  'stockBalance',
  'stockCard',
  'periodSummary',
  'inTransit',
  'stockAlerts',
  'lotExpiry',
  'statement',
  'aging',
  'grossProfit',
  'priceHistory',
  'orderExecution',
] as const satisfies readonly (keyof typeof exportableReports)[];
export type ReportName = (typeof reportNames)[number];

/** Each report with the input its own method takes. */
export type ReportRequest =
  | { report: 'channelNetShipments'; input: NetShipmentsInput }
  | { report: 'channelDaysOfStock'; input: { kind: ReportKind; day: string; officeId?: number | undefined } }
  | {
      report: 'channelTwoSources';
      input: { kind: ReportKind; from: string; to: string; officeId?: number | undefined };
    }
  | {
      report: 'channelActivity';
      input: {
        from: string;
        to: string;
        customerIds?: number[] | undefined;
        goodsIds?: number[] | undefined;
      };
    }
  | { report: 'contractRewards'; input: ContractRewardsInput }
  | { report: 'contractedCustomers'; input: { year: number } }
  | { report: 'uncontractedCustomers'; input: { year: number } }
  | { report: 'stockBalance'; input: StockBalanceInput }
  | { report: 'stockCard'; input: StockCardInput }
  | { report: 'periodSummary'; input: PeriodSummaryInput }
  | { report: 'inTransit'; input: InTransitInput }
  | { report: 'stockAlerts'; input: StockAlertsInput }
  | { report: 'lotExpiry'; input: LotExpiryInput }
  | { report: 'statement'; input: StatementInput }
  | { report: 'aging'; input: AgingInput }
  | { report: 'grossProfit'; input: GrossProfitInput }
  | { report: 'priceHistory'; input: PriceHistoryReportInput }
  | { report: 'orderExecution'; input: OrderExecutionInput };

export type ReportFileFormat = 'xlsx' | 'csv';

/** The permission a report's file needs: that of the report's own method. */
export function reportPermission(report: ReportName): Permission {
  return exportableReports[report].permission;
}

/**
 * The columns the actor may have in the file: without cost.view, none holding cost figures. A
 * purchase-side column goes where the input names the purchase side, and stays offered to the chooser,
 * which does not know the side yet (the file then leaves it out).
 */
function columnsFor<Row>(
  actor: Actor,
  columns: readonly ReportColumn<Row>[],
  input: { side?: string } | null,
): ReportColumn<Row>[] {
  if (seesCost(actor)) return [...columns];
  return columns.filter(
    (column) =>
      column.cost === undefined ||
      (column.cost === 'purchaseSide' && input !== null && input.side !== 'purchase'),
  );
}

/** The columns a report can be exported with, for the column chooser. */
export function reportColumns(actor: Actor, report: ReportName): { key: string; label: string }[] {
  const columns = exportableReports[report].columns as ReportColumn<unknown>[];
  return columns
    .filter((column) => seesCost(actor) || column.cost !== 'always')
    .map(({ key, label }) => ({ key, label }));
}

function chosenColumns<Row>(available: readonly ReportColumn<Row>[], keys: readonly string[]) {
  if (keys.length === 0) return [...available];
  return keys.map((key) => {
    const column = available.find((candidate) => candidate.key === key);
    if (!column) {
      throw new LedgerError(
        'VALIDATION',
        `导出的列【${key}】不存在，可选：${available.map((c) => c.key).join('、')}。`,
      );
    }
    return column;
  });
}

/** A file name every system accepts: what Windows forbids becomes "_". */
function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_');
}

/**
 * A report as the clerk sees it — the same input, the visible columns in their order, with its summary
 * lines — as a table (report-table.ts), and what its file is called, less the extension. The one reading
 * both its file (exportReport) and its print (report-printable.ts) are made from.
 */
export function reportAsTable(
  ctx: ServiceContext,
  request: ReportRequest,
  columnKeys: readonly string[] = [],
): { table: ReportTable; fileStem: string; subject: string | null; rows: number } {
  const definition = exportableReports[request.report] as unknown as ExportableReport<
    unknown,
    { rows: unknown[] }
  >;
  const result = definition.run(ctx, request.input);
  const table = reportTable(
    definition.label,
    chosenColumns(columnsFor(ctx.actor, definition.columns, request.input as { side?: string }), columnKeys),
    definition.lines(result),
  );
  const stamp = ctx.clock.today().replace(/-/g, '');
  const subject = definition.subject ? definition.subject(result) : null;
  const fileStem = safeFileName(`${definition.label}${subject ? `-${subject}` : ''}-${stamp}`);
  return { table, fileStem, subject, rows: result.rows.length };
}

/** A report as .xlsx (number formats, widths, frozen header, no formulas) or CSV. */
export function exportReport(
  ctx: ServiceContext,
  request: ReportRequest,
  columnKeys: readonly string[] = [],
  format: ReportFileFormat = 'xlsx',
): { fileName: string; content: Buffer; rows: number } {
  const { table, fileStem, rows } = reportAsTable(ctx, request, columnKeys);
  const content =
    format === 'xlsx'
      ? tableToXlsx(table, getBranchProfile(ctx).quantityDecimals)
      : Buffer.from(tableToCsv(table), 'utf8');
  return { fileName: `${fileStem}.${format}`, content, rows };
}
