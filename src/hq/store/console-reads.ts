/**
 * What the head-office console reads from the store: sums as the database makes them (decimal digits,
 * exact in both databases), with uids still per branch. Grouping uids into categories and periods into
 * flags is the console's, in src/hq/console-api.
 */

export interface BranchActivity {
  code: string;
  name: string;
  disabled: boolean;
  createdAt: string;
  epoch: number;
  lastSeq: number;
  packages: number;
  /** The newest package's receipt applied_at, manifest builtAt and quantity scale. */
  newest: { appliedAt: string; builtAt: string; quantityScale: number } | null;
  rejections: number;
  latestRejection: { at: string; error: string; message: string } | null;
}

/** A period of a section head office holds, complete only when every piece of it arrived. */
export interface HeldPeriod {
  branch: string;
  section: string;
  period: string;
  kind: string;
  from: string;
  to: string;
  complete: boolean;
}

/** Which months, which branch: `YYYY-MM` both included. */
export interface MonthFilter {
  fromMonth: string;
  toMonth: string;
  branch?: string;
}

/** A category uid of a branch (null: goods without a category, or goods head office has no row of). */
export interface CategorySum {
  branch: string;
  month: string;
  categoryUid: string | null;
}

export interface StockCategorySum extends CategorySum {
  value: string;
}

export interface SalesCategorySum extends CategorySum {
  amount: string;
  cost: string;
}

export interface GoodsSum {
  goodsUid: string;
  /** The goods' row as the branch sent it, null when head office has none. */
  goods: Record<string, unknown> | null;
  quantity: string;
}

export interface StockGoodsSum extends GoodsSum {
  value: string;
}

export interface SalesGoodsSum extends GoodsSum {
  amount: string;
  cost: string;
}

export interface HqConsoleReads {
  branchActivity(): Promise<BranchActivity[]>;
  heldPeriods(sections: readonly string[]): Promise<HeldPeriod[]>;
  /** The quantity scale of the branch's newest package (package-format.ts), null before its first. */
  quantityScale(branch: string): Promise<number | null>;
  /** Master-data rows of a section, of every branch or one. */
  entities(section: string, branch?: string): Promise<{ branch: string; row: Record<string, unknown> }[]>;
  /**
   * Stock value per branch × month × category uid: of each month, the balance of the complete period
   * held whose end is latest within the month (a balance is as at its period's end).
   */
  stockByCategory(filter: MonthFilter): Promise<StockCategorySum[]>;
  /** Sales per branch × month × category uid, of every complete period that ends within the month. */
  salesByCategory(filter: MonthFilter): Promise<SalesCategorySum[]>;
  stockByGoods(branch: string, month: string): Promise<StockGoodsSum[]>;
  salesByGoods(branch: string, month: string): Promise<SalesGoodsSum[]>;
}
