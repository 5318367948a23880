import { scaledDigits, subtractDigits, sumDigits } from '../../shared/hq-console/big-figures';
import type {
  GoodsAnswer,
  GoodsSalesRow,
  GoodsStockRow,
  MonthRange,
  SalesSummaryRow,
  StockSummaryRow,
  SummaryAnswer,
} from '../../shared/hq-console/console-api';
import type { CategorySum, GoodsSum } from '../store/console-reads';
import type { HqStore } from '../store/hq-store';
import { categoryGroups, compareCategories, type CategoryGroups } from './category-groups';
import { heldMonths, monthRangeOf } from './month-range';

export interface SummaryQuery {
  from: string | null;
  to: string | null;
  branch: string | null;
}

const sectionOfReport = { stock: 'stock_balances', sales: 'trade' } as const;

async function rangeOf(
  store: HqStore,
  report: keyof typeof sectionOfReport,
  query: SummaryQuery,
): Promise<{ range: MonthRange | null; available: MonthRange | null }> {
  const held = (await store.console.heldPeriods([sectionOfReport[report]])).filter(
    (period) => query.branch === null || period.branch === query.branch,
  );
  const available = heldMonths(held);
  return { range: monthRangeOf(query, available), available };
}

/**
 * Sums of category uids merged into their category group, per branch × month × group: two uids of one
 * branch may share a top-level name. `figures` names the fields to add up.
 */
function mergeByGroup<Field extends string>(
  rows: readonly (CategorySum & Record<Field, string>)[],
  figures: readonly Field[],
  groupOf: CategoryGroups['groupOf'],
): { branch: string; month: string; category: string; sums: Record<Field, string> }[] {
  type Part = CategorySum & Record<Field, string>;
  const merged = new Map<string, { branch: string; month: string; category: string; parts: Part[] }>();
  for (const row of rows) {
    const category = groupOf(row.branch, row.categoryUid);
    const key = `${row.branch}\u0000${row.month}\u0000${category}`;
    const entry = merged.get(key) ?? { branch: row.branch, month: row.month, category, parts: [] };
    entry.parts.push(row);
    merged.set(key, entry);
  }
  return [...merged.values()]
    .sort(
      (a, b) =>
        a.branch.localeCompare(b.branch) ||
        a.month.localeCompare(b.month) ||
        compareCategories(a.category, b.category),
    )
    .map(({ parts, ...key }) => ({
      ...key,
      sums: Object.fromEntries(
        figures.map((figure) => [figure, sumDigits(parts.map((part) => part[figure]))]),
      ) as Record<Field, string>,
    }));
}

async function branchNames(store: HqStore): Promise<Map<string, string>> {
  return new Map((await store.listBranches()).map((branch) => [branch.code, branch.name]));
}

/**
 * A summary's rows: the month range asked for (or the last held), the figures `read` sums per category
 * uid, merged into category groups, with the branch's name beside its code.
 */
async function summaryOf<Field extends string, Row>(
  store: HqStore,
  report: keyof typeof sectionOfReport,
  query: SummaryQuery,
  read: (filter: {
    fromMonth: string;
    toMonth: string;
    branch?: string;
  }) => Promise<(CategorySum & Record<Field, string>)[]>,
  figures: readonly Field[],
  toRow: (
    key: { branchCode: string; branchName: string; month: string; category: string },
    sums: Record<Field, string>,
  ) => Row,
): Promise<SummaryAnswer<Row>> {
  const { range, available } = await rangeOf(store, report, query);
  if (!range) return { range, available, rows: [] };
  const [sums, groups, names] = await Promise.all([
    read({ fromMonth: range.from, toMonth: range.to, ...(query.branch ? { branch: query.branch } : {}) }),
    categoryGroups(store, query.branch ?? undefined),
    branchNames(store),
  ]);
  const rows = mergeByGroup(sums, figures, groups.groupOf).map(({ branch, month, category, sums: s }) =>
    toRow({ branchCode: branch, branchName: names.get(branch) ?? branch, month, category }, s),
  );
  return { range, available, rows };
}

/** 库存汇总: stock value by branch × month × category. */
export function stockSummary(store: HqStore, query: SummaryQuery): Promise<SummaryAnswer<StockSummaryRow>> {
  return summaryOf(
    store,
    'stock',
    query,
    (filter) => store.console.stockByCategory(filter),
    ['value'],
    (key, s) => ({
      ...key,
      value: s.value,
    }),
  );
}

/** 销售汇总: sales, cost and margin by branch × month × category. */
export function salesSummary(store: HqStore, query: SummaryQuery): Promise<SummaryAnswer<SalesSummaryRow>> {
  return summaryOf(
    store,
    'sales',
    query,
    (filter) => store.console.salesByCategory(filter),
    ['amount', 'cost'],
    (key, s) => ({ ...key, amount: s.amount, cost: s.cost, margin: subtractDigits(s.amount, s.cost) }),
  );
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The goods' own fields, and its quantity in the base unit (the branch's scale, package-format.ts). */
function goodsKey(sum: GoodsSum, quantityScale: number) {
  return {
    goodsUid: sum.goodsUid,
    code: text(sum.goods?.code),
    name: text(sum.goods?.name) || sum.goodsUid,
    spec: text(sum.goods?.spec),
    baseUnit: text(sum.goods?.baseUnit),
    quantity: scaledDigits(sum.quantity, quantityScale),
  };
}

export interface GoodsQuery {
  branch: string;
  month: string;
  category: string;
}

async function goodsContext(store: HqStore, query: GoodsQuery) {
  const [groups, scale] = await Promise.all([
    categoryGroups(store, query.branch),
    store.console.quantityScale(query.branch),
  ]);
  const quantityScale = scale ?? 0;
  const inCategory = (sum: GoodsSum) => {
    const categoryUid = typeof sum.goods?.categoryUid === 'string' ? sum.goods.categoryUid : null;
    return groups.groupOf(query.branch, categoryUid) === query.category;
  };
  return { quantityScale, inCategory };
}

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);

/** The goods behind a 库存汇总 row: quantity on hand and value, at the month's last held balance. */
export async function stockGoods(store: HqStore, query: GoodsQuery): Promise<GoodsAnswer<GoodsStockRow>> {
  const { quantityScale, inCategory } = await goodsContext(store, query);
  const rows = (await store.console.stockByGoods(query.branch, query.month))
    .filter(inCategory)
    .map((sum) => ({ ...goodsKey(sum, quantityScale), value: sum.value }))
    .sort(byCode);
  return { branchCode: query.branch, month: query.month, category: query.category, rows };
}

/** The goods behind a 销售汇总 row. */
export async function salesGoods(store: HqStore, query: GoodsQuery): Promise<GoodsAnswer<GoodsSalesRow>> {
  const { quantityScale, inCategory } = await goodsContext(store, query);
  const rows = (await store.console.salesByGoods(query.branch, query.month))
    .filter(inCategory)
    .map((sum) => ({
      ...goodsKey(sum, quantityScale),
      amount: sum.amount,
      cost: sum.cost,
      margin: subtractDigits(sum.amount, sum.cost),
    }))
    .sort(byCode);
  return { branchCode: query.branch, month: query.month, category: query.category, rows };
}
