import type { PackageManifest } from '../../shared/upload/package-format';
import type { Receipt } from '../../shared/upload/wire';
import type {
  BranchActivity,
  HeldPeriod,
  HqConsoleReads,
  MonthFilter,
  SalesCategorySum,
  SalesGoodsSum,
  StockCategorySum,
  StockGoodsSum,
} from './console-reads';
import type { SqlDriver, SqlValue } from './sql-driver';

interface ActivityRow {
  code: string;
  name: string;
  disabled: number | string;
  created_at: string;
  epoch: number | string | null;
  last_seq: number | string | null;
}

/**
 * Complete periods of a section, with the month their period ends in (`substr` of an ISO date means
 * the same in both databases). A period is complete when every piece of it arrived (413 splits, UPLOAD.md
 * "Failures"): until then its rows are a part, and a part summed is a wrong figure.
 */
function completePeriods(section: string, branch: string | undefined): { sql: string; params: SqlValue[] } {
  return {
    sql: `SELECT branch, period, MAX(period_to) AS period_to, substr(MAX(period_to), 1, 7) AS month
          FROM hq_period_parts WHERE section = ?${branch === undefined ? '' : ' AND branch = ?'}
          GROUP BY branch, period HAVING COUNT(*) = MAX(parts)`,
    params: branch === undefined ? [section] : [section, branch],
  };
}

/** Text, so both databases hand back exact integers (SQLite as numbers would round past 2^53). */
const summed = (column: string) => `CAST(COALESCE(SUM(${column}), 0) AS TEXT)`;

/** The console's reads, once for both databases: only the dialect's words differ. */
export class SqlConsoleReads implements HqConsoleReads {
  constructor(private readonly db: SqlDriver) {}

  private get categoryOfGoods(): string {
    return this.db.dialect.jsonField('g.row_json', 'categoryUid');
  }

  /**
   * Of each month, the stock balance whose period ends latest within it: the month itself for monthly
   * branches, the last week or day of the month held for the others.
   */
  private monthEndBalances(filter: MonthFilter): { sql: string; params: SqlValue[] } {
    const held = completePeriods('stock_balances', filter.branch);
    return {
      sql: `WITH held AS (${held.sql}),
            month_end AS (
              SELECT h.branch, h.period, h.month FROM held h
              WHERE h.month BETWEEN ? AND ?
                AND h.period_to = (SELECT MAX(x.period_to) FROM held x WHERE x.branch = h.branch AND x.month = h.month)
            )`,
      params: [...held.params, filter.fromMonth, filter.toMonth],
    };
  }

  /** Every complete trade period ending within the months: a week across two months counts in the later. */
  private tradePeriods(filter: MonthFilter): { sql: string; params: SqlValue[] } {
    const held = completePeriods('trade', filter.branch);
    return {
      sql: `WITH held AS (${held.sql}),
            in_months AS (SELECT branch, period, month FROM held WHERE month BETWEEN ? AND ?)`,
      params: [...held.params, filter.fromMonth, filter.toMonth],
    };
  }

  async branchActivity(): Promise<BranchActivity[]> {
    const branches = await this.db.query<ActivityRow>(
      `SELECT b.code, b.name, b.disabled, b.created_at, s.epoch, s.last_seq
       FROM hq_branches b LEFT JOIN hq_branch_state s ON s.branch = b.code ORDER BY b.code`,
    );
    const packageCounts = await this.db.query<{ branch: string; n: number | string }>(
      'SELECT branch, COUNT(*) AS n FROM hq_packages GROUP BY branch',
    );
    // The newest package of a branch: the highest seq of its highest epoch.
    const newest = await this.db.query<{ branch: string; receipt_json: string; manifest_json: string }>(
      `SELECT p.branch, p.receipt_json, p.manifest_json FROM hq_packages p
       WHERE NOT EXISTS (SELECT 1 FROM hq_packages q WHERE q.branch = p.branch
         AND (q.epoch > p.epoch OR (q.epoch = p.epoch AND q.seq > p.seq)))`,
    );
    const rejectionCounts = await this.db.query<{ branch: string; n: number | string }>(
      'SELECT branch, COUNT(*) AS n FROM hq_rejections GROUP BY branch',
    );
    const latestRejections = await this.db.query<{
      branch: string;
      at: string;
      error: string;
      message: string;
    }>(
      `SELECT branch, at, error, message FROM hq_rejections
       WHERE id IN (SELECT MAX(id) FROM hq_rejections GROUP BY branch)`,
    );
    const countOf = (rows: { branch: string; n: number | string }[], code: string) =>
      Number(rows.find((row) => row.branch === code)?.n ?? 0);
    return branches.map((row) => {
      const latest = newest.find((p) => p.branch === row.code);
      const manifest = latest ? (JSON.parse(latest.manifest_json) as PackageManifest) : null;
      const rejection = latestRejections.find((r) => r.branch === row.code);
      return {
        code: row.code,
        name: row.name,
        disabled: Number(row.disabled) !== 0,
        createdAt: row.created_at,
        epoch: Number(row.epoch ?? 0),
        lastSeq: Number(row.last_seq ?? 0),
        packages: countOf(packageCounts, row.code),
        newest:
          latest && manifest
            ? {
                appliedAt: (JSON.parse(latest.receipt_json) as Receipt).applied_at,
                builtAt: manifest.builtAt,
                quantityScale: manifest.quantityScale,
              }
            : null,
        rejections: countOf(rejectionCounts, row.code),
        latestRejection: rejection
          ? { at: rejection.at, error: rejection.error, message: rejection.message }
          : null,
      };
    });
  }

  async quantityScale(branch: string): Promise<number | null> {
    const [newest] = await this.db.query<{ manifest_json: string }>(
      'SELECT manifest_json FROM hq_packages WHERE branch = ? ORDER BY epoch DESC, seq DESC LIMIT 1',
      [branch],
    );
    return newest ? (JSON.parse(newest.manifest_json) as PackageManifest).quantityScale : null;
  }

  async heldPeriods(sections: readonly string[]): Promise<HeldPeriod[]> {
    if (sections.length === 0) return [];
    const rows = await this.db.query<{
      branch: string;
      section: string;
      period: string;
      kind: string;
      period_from: string;
      period_to: string;
      held: number | string;
      parts: number | string;
    }>(
      `SELECT branch, section, period, MAX(period_kind) AS kind, MAX(period_from) AS period_from,
              MAX(period_to) AS period_to, COUNT(*) AS held, MAX(parts) AS parts
       FROM hq_period_parts WHERE section IN (${sections.map(() => '?').join(', ')})
       GROUP BY branch, section, period ORDER BY branch, section, MAX(period_from)`,
      sections,
    );
    return rows.map((row) => ({
      branch: row.branch,
      section: row.section,
      period: row.period,
      kind: row.kind,
      from: row.period_from,
      to: row.period_to,
      complete: Number(row.held) === Number(row.parts),
    }));
  }

  async entities(
    section: string,
    branch?: string,
  ): Promise<{ branch: string; row: Record<string, unknown> }[]> {
    const rows = await this.db.query<{ branch: string; row_json: string }>(
      `SELECT branch, ${this.db.dialect.jsonAsText('row_json')} AS row_json FROM hq_entities
       WHERE section = ?${branch === undefined ? '' : ' AND branch = ?'} ORDER BY branch, uid`,
      branch === undefined ? [section] : [section, branch],
    );
    return rows.map((row) => ({
      branch: row.branch,
      row: JSON.parse(row.row_json) as Record<string, unknown>,
    }));
  }

  async stockByCategory(filter: MonthFilter): Promise<StockCategorySum[]> {
    const periods = this.monthEndBalances(filter);
    const category = this.categoryOfGoods;
    return this.db.query<StockCategorySum>(
      `${periods.sql}
       SELECT m.branch AS branch, m.month AS month, ${category} AS "categoryUid", ${summed('s.value')} AS value
       FROM month_end m
       JOIN hq_stock_balances s ON s.branch = m.branch AND s.period = m.period
       LEFT JOIN hq_entities g ON g.branch = s.branch AND g.section = 'goods' AND g.uid = s.goods_uid
       GROUP BY m.branch, m.month, ${category}
       ORDER BY m.branch, m.month`,
      periods.params,
    );
  }

  async salesByCategory(filter: MonthFilter): Promise<SalesCategorySum[]> {
    const periods = this.tradePeriods(filter);
    const category = this.categoryOfGoods;
    return this.db.query<SalesCategorySum>(
      `${periods.sql}
       SELECT p.branch AS branch, p.month AS month, ${category} AS "categoryUid",
              ${summed('t.amount')} AS amount, ${summed('t.cost')} AS cost
       FROM in_months p
       JOIN hq_trade t ON t.branch = p.branch AND t.period = p.period AND t.direction = 'sales'
       LEFT JOIN hq_entities g ON g.branch = t.branch AND g.section = 'goods' AND g.uid = t.goods_uid
       GROUP BY p.branch, p.month, ${category}
       ORDER BY p.branch, p.month`,
      periods.params,
    );
  }

  async stockByGoods(branch: string, month: string): Promise<StockGoodsSum[]> {
    const periods = this.monthEndBalances({ fromMonth: month, toMonth: month, branch });
    const rows = await this.db.query<{
      goods_uid: string;
      goods_json: string | null;
      quantity: string;
      value: string;
    }>(
      `${periods.sql}
       SELECT s.goods_uid AS goods_uid, ${this.db.dialect.jsonAsText('g.row_json')} AS goods_json,
              ${summed('s.quantity')} AS quantity, ${summed('s.value')} AS value
       FROM month_end m
       JOIN hq_stock_balances s ON s.branch = m.branch AND s.period = m.period
       LEFT JOIN hq_entities g ON g.branch = s.branch AND g.section = 'goods' AND g.uid = s.goods_uid
       GROUP BY s.goods_uid, g.row_json
       ORDER BY s.goods_uid`,
      periods.params,
    );
    return rows.map((row) => ({
      goodsUid: row.goods_uid,
      goods: row.goods_json === null ? null : (JSON.parse(row.goods_json) as Record<string, unknown>),
      quantity: row.quantity,
      value: row.value,
    }));
  }

  async salesByGoods(branch: string, month: string): Promise<SalesGoodsSum[]> {
    const periods = this.tradePeriods({ fromMonth: month, toMonth: month, branch });
    const rows = await this.db.query<{
      goods_uid: string;
      goods_json: string | null;
      quantity: string;
      amount: string;
      cost: string;
    }>(
      `${periods.sql}
       SELECT t.goods_uid AS goods_uid, ${this.db.dialect.jsonAsText('g.row_json')} AS goods_json,
              ${summed('t.quantity')} AS quantity, ${summed('t.amount')} AS amount, ${summed('t.cost')} AS cost
       FROM in_months p
       JOIN hq_trade t ON t.branch = p.branch AND t.period = p.period AND t.direction = 'sales'
       LEFT JOIN hq_entities g ON g.branch = t.branch AND g.section = 'goods' AND g.uid = t.goods_uid
       GROUP BY t.goods_uid, g.row_json
       ORDER BY t.goods_uid`,
      periods.params,
    );
    return rows.map((row) => ({
      goodsUid: row.goods_uid,
      goods: row.goods_json === null ? null : (JSON.parse(row.goods_json) as Record<string, unknown>),
      quantity: row.quantity,
      amount: row.amount,
      cost: row.cost,
    }));
  }
}
