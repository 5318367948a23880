import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { LedgerError } from '../../../shared/ledger-error';
import { formatMixedQuantity } from '../../domain/master-data/mixed-units';
import { baseUnitRatio, type RatioMicros } from '../../../shared/numbers/scales';
import { normalizeSearchTerm } from '../../../shared/text/search-text';

/** What a report row shows of its goods: names, and the units its stock is shown in. */
export interface GoodsFacts {
  id: number;
  code: string;
  name: string;
  spec: string;
  baseUnit: string;
  /** The goods' display units (DOMAIN.md §4), always with the base unit, for "3箱5袋". */
  units: { name: string; ratio: RatioMicros }[];
}

export interface WarehouseFacts {
  id: number;
  code: string;
  name: string;
}

/** The goods of the given ids, read in two statements however many there are. */
export function readGoodsFacts(sqlite: Database.Database, ids: Iterable<number>): Map<number, GoodsFacts> {
  const list = JSON.stringify([...new Set(ids)]);
  const goodsRows = prepared(
    sqlite,
    'SELECT id, code, name, spec, display_units FROM goods WHERE id IN (SELECT value FROM json_each(?))',
  ).all(list) as { id: number; code: string; name: string; spec: string; display_units: string | null }[];
  const unitRows = prepared(
    sqlite,
    'SELECT goods_id, name, ratio FROM goods_units WHERE goods_id IN (SELECT value FROM json_each(?)) ORDER BY goods_id, ratio DESC',
  ).all(list) as { goods_id: number; name: string; ratio: number }[];
  const unitsByGoods = new Map<number, { name: string; ratio: number }[]>();
  for (const unit of unitRows) {
    const units = unitsByGoods.get(unit.goods_id) ?? [];
    units.push({ name: unit.name, ratio: unit.ratio });
    unitsByGoods.set(unit.goods_id, units);
  }
  const facts = new Map<number, GoodsFacts>();
  for (const row of goodsRows) {
    const all = unitsByGoods.get(row.id) ?? [];
    const base = all.find((unit) => unit.ratio === baseUnitRatio);
    const display = row.display_units ? new Set(JSON.parse(row.display_units) as string[]) : null;
    facts.set(row.id, {
      id: row.id,
      code: row.code,
      name: row.name,
      spec: row.spec,
      baseUnit: base?.name ?? '',
      units: display ? all.filter((unit) => unit === base || display.has(unit.name)) : all,
    });
  }
  return facts;
}

/**
 * Names and base unit only, for reports that show no mixed units (进销存汇总): one statement, as a
 * summary names thousands of goods.
 */
export function readGoodsNames(
  sqlite: Database.Database,
  ids: Iterable<number>,
): Map<number, Omit<GoodsFacts, 'units'>> {
  const rows = prepared(
    sqlite,
    "SELECT g.id, g.code, g.name, g.spec, coalesce(u.name, '') AS baseUnit FROM goods g " +
      'LEFT JOIN goods_units u ON u.goods_id = g.id AND u.ratio = ? ' +
      'WHERE g.id IN (SELECT value FROM json_each(?))',
  ).all(baseUnitRatio, JSON.stringify([...new Set(ids)])) as Omit<GoodsFacts, 'units'>[];
  return new Map(rows.map((row) => [row.id, row]));
}

export function requireGoods(sqlite: Database.Database, id: number): GoodsFacts {
  const goods = readGoodsFacts(sqlite, [id]).get(id);
  if (!goods) throw new LedgerError('NOT_FOUND', `商品 ${id} 不存在。`);
  return goods;
}

/** A quantity in the goods' units, largest first ("3箱5袋"). */
export function mixedQuantity(goods: GoodsFacts, quantity: number, quantityDecimals: number): string {
  return formatMixedQuantity(quantity, goods.units, quantityDecimals);
}

export function readWarehouses(sqlite: Database.Database): Map<number, WarehouseFacts> {
  const rows = prepared(sqlite, 'SELECT id, code, name FROM warehouses').all() as WarehouseFacts[];
  return new Map(rows.map((row) => [row.id, row]));
}

export function requireWarehouse(sqlite: Database.Database, id: number): WarehouseFacts {
  const warehouse = readWarehouses(sqlite).get(id);
  if (!warehouse) throw new LedgerError('NOT_FOUND', `仓库 ${id} 不存在。`);
  return warehouse;
}

/**
 * The goods a search box term finds, matched as the goods list matches it (code, name, spec, brand
 * and their pinyin); null when there is no term, meaning every goods.
 */
export function goodsMatching(sqlite: Database.Database, search: string | undefined): Set<number> | null {
  const term = search ? normalizeSearchTerm(search) : '';
  if (!term) return null;
  const rows = prepared(sqlite, 'SELECT id FROM goods WHERE instr(search_text, ?) > 0').all(term) as {
    id: number;
  }[];
  return new Set(rows.map((row) => row.id));
}

/** Rows in the order every stock report lists them: goods code, then warehouse code. */
export function byGoodsThenWarehouse(
  a: { goodsCode: string; warehouseCode: string },
  b: { goodsCode: string; warehouseCode: string },
): number {
  return a.goodsCode < b.goodsCode
    ? -1
    : a.goodsCode > b.goodsCode
      ? 1
      : a.warehouseCode < b.warehouseCode
        ? -1
        : a.warehouseCode > b.warehouseCode
          ? 1
          : 0;
}
