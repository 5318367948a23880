import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { ContractTarget } from './contract-shipments';

export interface ContractLineRow extends ContractTarget {
  lineNo: number;
  month: string | null;
  /** In `unitName` × 10^quantityDecimals. */
  quantity: number;
  /** 商品 code and name, or the category's path, as pages and reports show it. */
  label: string;
}

/**
 * A contract's signed-volume lines, one target per goods or category: a contract signed by month has one
 * row per month of the same target, and `targets` keeps the first as the one shipments are matched to.
 */
export function readContractLines(sqlite: Database.Database, contractId: number): ContractLineRow[] {
  return prepared(
    sqlite,
    'SELECT l.id, l.line_no AS lineNo, l.goods_id AS goodsId, l.category_id AS categoryId, c.path AS categoryPath, ' +
      'l.unit_name AS unitName, l.month, l.quantity, l.agreed_price AS agreedPrice, ' +
      "coalesce(g.code || ' ' || g.name, c.path) AS label " +
      'FROM contract_lines l LEFT JOIN goods g ON g.id = l.goods_id LEFT JOIN goods_categories c ON c.id = l.category_id ' +
      'WHERE l.contract_id = ? ORDER BY l.line_no',
  ).all(contractId) as ContractLineRow[];
}

/** The key a line's goods or category is known by, whatever month it is for. */
export function targetKey(line: { goodsId: number | null; categoryId: number | null }): string {
  return line.goodsId !== null ? `g${line.goodsId}` : `c${line.categoryId}`;
}

/** One target per goods or category (the first line of it): what shipments are matched to. */
export function distinctTargets(lines: readonly ContractLineRow[]): ContractLineRow[] {
  const seen = new Map<string, ContractLineRow>();
  for (const line of lines) if (!seen.has(targetKey(line))) seen.set(targetKey(line), line);
  return [...seen.values()];
}
