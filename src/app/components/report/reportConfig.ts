import type { ReactNode } from 'react';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/api';
import type { MessageKey } from '../../i18n/messageKey';
import type { ReportKind } from '../../../shared/channel/channel-report';
import type { MoneySide } from './MoneySideSwitch';

/** The reports the engine can run and export: `reports.export`'s `report`, each its own method. */
export type ReportName = ApiInput<'reports.export'>['report'];
export type ReportMethod<Name extends ReportName = ReportName> = Extract<ApiMethod, `reports.${Name}`>;
export type ReportInput<Name extends ReportName> = ApiInput<ReportMethod<Name>>;
export type ReportOutput<Name extends ReportName> = ApiOutput<ReportMethod<Name>>;
export type ReportRow<Name extends ReportName> =
  ReportOutput<Name> extends { rows: readonly (infer Row)[] } ? Row : never;

/** What the filter bar can ask; each report names the ones its method takes. */
export type ReportFilter =
  | 'asOf'
  | 'period'
  | 'warehouse'
  | 'goods'
  | 'search'
  | 'include'
  | 'withinDays'
  | 'counterparty'
  | 'side'
  | 'priceSide'
  | 'groupBy'
  | 'reportKind';

/** 销售价 or 采购价: which documents' prices 价格跟踪 lists. */
export type PriceSide = NonNullable<ApiInput<'reports.priceHistory'>['side']>;
export const priceSides: readonly PriceSide[] = ['sale', 'purchase'];

/** What the 销售 / 采购 switch is called and says: prices (销售价 / 采购价) unless a report names its own. */
export interface PriceSideLabels {
  name: MessageKey;
  sale: MessageKey;
  purchase: MessageKey;
}
export const priceSideLabels: PriceSideLabels = {
  name: 'reports.priceSide',
  sale: 'reports.priceSides.sale',
  purchase: 'reports.priceSides.purchase',
};

export interface ReportFilterValues {
  asOf: string;
  from: string;
  to: string;
  warehouseId: number | undefined;
  goodsId: number | undefined;
  /** Settled search text (typing pauses before it reaches here). */
  search: string;
  /** The `include` checkbox: rows a report leaves out unless asked (zero stock, finished orders). */
  include: boolean;
  withinDays: number;
  counterpartyId: number | undefined;
  /** 应收 or 应付 (DOMAIN.md §7). */
  side: MoneySide;
  priceSide: PriceSide;
  /** One of the report's own `groupings`: the filter bar offers nothing else. */
  groupBy: string;
  /** 周报 or 月报: which of the offices' channel reports (DOMAIN.md §9). */
  reportKind: ReportKind;
}

/** What a report's `groupBy` may be, as its method's input names it. */
export type GroupingOf<Name extends ReportName> =
  ReportInput<Name> extends { groupBy?: infer Grouping extends string } ? Grouping : never;

/** One way a report can group its rows, the first being the one it opens with. */
export interface ReportGrouping<Value extends string = string> {
  value: Value;
  label: MessageKey;
}

/**
 * How a figure is shown: right-aligned in tabular digits, negative in red (红字); money and quantities
 * grouped by thousands; a percent ("40.00%", 毛利率) as the engine wrote it. `blankZero` leaves zeros
 * out of wide tables, where they are noise.
 */
export type FigureKind = 'text' | 'quantity' | 'money' | 'unitCost' | 'integer' | 'percent';

export interface ReportColumn<Row> {
  /** A leaf: the engine's column key (the export takes these, in screen order). A group: any key. */
  key: string;
  title: MessageKey;
  width?: number;
  figure?: FigureKind;
  blankZero?: boolean;
  /** The sign says which way (a movement's value), not that something is wrong: no red. */
  signed?: boolean;
  /** Pinned while the wide table scrolls sideways. */
  fixed?: boolean;
  render?: (row: Row) => ReactNode;
  /** Grouped headers (期初 / 入库 / 出库 / 期末): the leaves under this one. */
  children?: ReportColumn<Row>[];
}

/** A line under or above the rows (期初余额, 合计, 期末余额): figures by leaf key. */
export interface SummaryLine {
  label: MessageKey;
  figures: Readonly<Record<string, string | null | undefined>>;
}

export interface ReportConfig<Name extends ReportName> {
  name: Name;
  /** The page title, also what the export's file is about. */
  title: MessageKey;
  filters: ReportFilter[];
  /** The method's input from the filter bar; null while a required filter (a goods) is missing. */
  input: (filters: ReportFilterValues) => ReportInput<Name> | null;
  /** Shown instead of the table while the input is null. */
  waitingFor?: MessageKey;
  /** The choices of the `groupBy` filter, in the order offered. */
  groupings?: readonly ReportGrouping<GroupingOf<Name>>[];
  /** The `include` filter's checkbox text: what checking it adds to the rows. */
  include?: MessageKey;
  /** The `priceSide` filter's words where the switch is not about prices. */
  priceSideLabels?: PriceSideLabels;
  rowKey: (row: ReportRow<Name>) => string;
  columns: (output: ReportOutput<Name> | undefined) => ReportColumn<ReportRow<Name>>[];
  /** Above the table: what the report is about (the goods of a stock card). */
  heading?: (output: ReportOutput<Name>) => ReactNode;
  /** The first line, before the rows (a stock card's opening balance). */
  opening?: (output: ReportOutput<Name>) => SummaryLine;
  /** The lines kept in view under the rows (合计, 期末余额). */
  closing?: (output: ReportOutput<Name>) => SummaryLine[];
}

/** A report row as the one page handles it: figures by column key. */
export type ReportRecord = Record<string, unknown>;
/** What every report answers: its rows, and whether values are shares under 统一核算. */
export type AnyReportOutput = { rows: readonly ReportRecord[]; valueAllocated?: boolean };

/**
 * Any report's configuration, as the one page holds it: its own row and output types are checked where
 * it is defined (defineReport) and erased here, where every report is handled alike.
 */
export interface AnyReportConfig {
  name: ReportName;
  title: MessageKey;
  filters: ReportFilter[];
  input: (filters: ReportFilterValues) => object | null;
  waitingFor?: MessageKey;
  groupings?: readonly ReportGrouping[];
  include?: MessageKey;
  priceSideLabels?: PriceSideLabels;
  rowKey: (row: ReportRecord) => string;
  columns: (output: AnyReportOutput | undefined) => ReportColumn<ReportRecord>[];
  heading?: (output: AnyReportOutput) => ReactNode;
  opening?: (output: AnyReportOutput) => SummaryLine;
  closing?: (output: AnyReportOutput) => SummaryLine[];
}

export function defineReport<Name extends ReportName>(config: ReportConfig<Name>): AnyReportConfig {
  return config as unknown as AnyReportConfig;
}
