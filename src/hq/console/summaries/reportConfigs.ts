import { subtractDigits, sumDigits } from '../../../shared/hq-console/big-figures';
import {
  consoleApiPaths,
  type GoodsSalesRow,
  type GoodsStockRow,
  type SalesSummaryRow,
  type StockSummaryRow,
  type SummaryReport,
} from '../../../shared/hq-console/console-api';
import { zh } from '../text/zh-CN';
import { rateOf, type FigureColumn } from './figureColumn';

/**
 * The two summaries, as configurations of one table (SummaryView): where their rows come from, their
 * figure columns, how their 合计 adds up, and the columns of the goods behind a row.
 */
/** What every summary row has besides its figures. */
export interface SummaryKeyRow {
  branchCode: string;
  branchName: string;
  month: string;
  category: string;
}

/** What every goods row of a drill-down has besides its figures. */
export interface GoodsKeyRow {
  goodsUid: string;
  code: string;
  name: string;
  spec: string;
  baseUnit: string;
  quantity: string;
}

export interface ReportConfig<Row extends SummaryKeyRow, Goods extends GoodsKeyRow> {
  report: SummaryReport;
  title: string;
  note: string;
  path: string;
  figures: FigureColumn<Row>[];
  /** The row under the table (and last in the export), with the words in its first cell. */
  total(rows: readonly Row[]): { label: string; row: Row };
  goodsFigures: FigureColumn<Goods>[];
}

const blankKey = { branchCode: '', branchName: '', month: '', category: '' };

export const stockConfig: ReportConfig<StockSummaryRow, GoodsStockRow> = {
  report: 'stock',
  title: zh.nav.stock,
  note: zh.summary.stockNote,
  path: consoleApiPaths.stock,
  figures: [
    { key: 'value', title: zh.summary.stockValue, width: 18, kind: 'money', value: (row) => row.value },
  ],
  // A balance is as at a day: adding months would count the same stock twice. The total is the last
  // month's, said so.
  total: (rows) => {
    const lastMonth = rows.reduce((last, row) => (row.month > last ? row.month : last), '');
    const closing = rows.filter((row) => row.month === lastMonth);
    return {
      label: zh.summary.closingTotal(lastMonth),
      row: { ...blankKey, value: sumDigits(closing.map((row) => row.value)) },
    };
  },
  goodsFigures: [
    { key: 'value', title: zh.goods.value, width: 16, kind: 'money', value: (row) => row.value },
  ],
};

function salesFigures<Row extends { amount: string; cost: string; margin: string }>(): FigureColumn<Row>[] {
  return [
    { key: 'amount', title: zh.summary.salesAmount, width: 18, kind: 'money', value: (row) => row.amount },
    { key: 'cost', title: zh.summary.salesCost, width: 16, kind: 'money', value: (row) => row.cost },
    { key: 'margin', title: zh.summary.margin, width: 16, kind: 'money', value: (row) => row.margin },
    {
      key: 'marginRate',
      title: zh.summary.marginRate,
      width: 10,
      kind: 'rate',
      value: (row) => rateOf(row.margin, row.amount),
    },
  ];
}

export const salesConfig: ReportConfig<SalesSummaryRow, GoodsSalesRow> = {
  report: 'sales',
  title: zh.nav.sales,
  note: zh.summary.salesNote,
  path: consoleApiPaths.sales,
  figures: salesFigures<SalesSummaryRow>(),
  total: (rows) => {
    const amount = sumDigits(rows.map((row) => row.amount));
    const cost = sumDigits(rows.map((row) => row.cost));
    return {
      label: zh.summary.total,
      row: { ...blankKey, amount, cost, margin: subtractDigits(amount, cost) },
    };
  },
  goodsFigures: salesFigures<GoodsSalesRow>(),
};
