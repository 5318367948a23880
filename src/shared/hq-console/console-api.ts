import type { FigureDigits } from './big-figures';

/**
 * The head-office console's JSON API (`GET /console/api/…`), as the receiver answers it and the console
 * page reads it. Figures are decimal digits (big-figures.ts): money in fen, quantities already in base
 * units as decimal text.
 */

/** What the branches page says of a branch, most urgent first; `ok` only when nothing else applies. */
export const branchFlags = ['disabled', 'never_uploaded', 'rejected', 'gaps', 'lagging', 'ok'] as const;
export type BranchFlag = (typeof branchFlags)[number];

/** The period sections whose holes the console reports: the ones its summaries are made of. */
export const consolidatedSections = ['stock_balances', 'trade'] as const;
export type ConsolidatedSection = (typeof consolidatedSections)[number];

/** Days between two held periods of a section that head office holds nothing for. */
export interface PeriodGap {
  section: ConsolidatedSection;
  from: string;
  to: string;
  /** The missing periods as people name them: "2026-09", or "2026-09-01～2026-09-14" for days and weeks. */
  label: string;
}

export interface BranchOverview {
  code: string;
  name: string;
  disabled: boolean;
  registeredAt: string;
  epoch: number;
  lastSeq: number;
  packages: number;
  /** When head office applied the branch's newest package (its receipt's applied_at). */
  lastUploadAt: string | null;
  /** Hours since lastUploadAt, whole; null before the first upload. */
  lagHours: number | null;
  /** The newest business period held for the consolidated sections. */
  latestPeriod: { key: string; kind: string; to: string } | null;
  rejections: number;
  latestRejection: { at: string; error: string; message: string } | null;
  gaps: PeriodGap[];
  flags: BranchFlag[];
}

export interface OverviewAnswer {
  asOf: string;
  /** A branch whose last upload is older than this is 滞后. */
  lagThresholdHours: number;
  branches: BranchOverview[];
}

/** Months as `YYYY-MM`, both ends included. */
export interface MonthRange {
  from: string;
  to: string;
}

export interface SummaryAnswer<Row> {
  /** The months shown: the asked range, or by default the last 12 months held. Null when nothing is held. */
  range: MonthRange | null;
  /** The first and last month head office holds anything for. */
  available: MonthRange | null;
  rows: Row[];
}

interface SummaryKey {
  branchCode: string;
  branchName: string;
  month: string;
  /** The goods' top-level category by name (未分类 without one). */
  category: string;
}

/** 库存汇总: stock value at the month's last held balance. */
export interface StockSummaryRow extends SummaryKey {
  value: FigureDigits;
}

/** 销售汇总: sales without tax, their cost, and the margin between them. */
export interface SalesSummaryRow extends SummaryKey {
  amount: FigureDigits;
  cost: FigureDigits;
  margin: FigureDigits;
}

export type SummaryReport = 'stock' | 'sales';

interface GoodsKey {
  goodsUid: string;
  code: string;
  name: string;
  spec: string;
  baseUnit: string;
  /** In the base unit, decimal text. */
  quantity: string;
}

export interface GoodsStockRow extends GoodsKey {
  value: FigureDigits;
}

export interface GoodsSalesRow extends GoodsKey {
  amount: FigureDigits;
  cost: FigureDigits;
  margin: FigureDigits;
}

/** The goods behind one row of a summary: a branch, a month, a category. */
export interface GoodsAnswer<Row> {
  branchCode: string;
  month: string;
  category: string;
  rows: Row[];
}

/** The label of goods without a category, and of a category the branch has not sent. */
export const uncategorized = '未分类';

export const consoleApiPaths = {
  overview: '/console/api/overview',
  stock: '/console/api/stock',
  sales: '/console/api/sales',
  goods: (branchCode: string) => `/console/api/branches/${encodeURIComponent(branchCode)}/goods`,
} as const;
