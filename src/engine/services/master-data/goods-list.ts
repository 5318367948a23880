import { and, asc, count, desc, eq, inArray, isNotNull, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { goods, goodsCategories, goodsUnits } from '../../db/schema';
import type { ServiceContext } from '../context';
import { normalizeSearchTerm } from '../../../shared/text/search-text';
import { describeRatio } from '../../domain/master-data/units';
import { formatScaled } from '../../../shared/numbers/decimal';
import { taxRateScale } from '../../../shared/numbers/scales';

export const goodsSortFields = ['code', 'name', 'updatedAt'] as const;

export interface GoodsListQuery {
  search?: string;
  /** The category and everything under it. */
  categoryPath?: string;
  active?: boolean;
  /** The recycle bin's view instead of the live list. */
  recycleBin?: boolean;
  sort?: { field: (typeof goodsSortFields)[number]; order: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/**
 * The goods list, filtered and searched by the engine (never by the page): a search matches the
 * code, name, spec, brand, any unit's barcode, and the pinyin of the Chinese ones.
 */
export function listGoods(ctx: ServiceContext, query: GoodsListQuery) {
  const conditions: SQL[] = [query.recycleBin ? isNotNull(goods.deletedAt) : isNull(goods.deletedAt)];
  const term = query.search ? normalizeSearchTerm(query.search) : '';
  if (term) conditions.push(sql`instr(${goods.searchText}, ${term}) > 0`);
  if (query.active !== undefined) conditions.push(eq(goods.active, query.active));
  if (query.categoryPath) {
    conditions.push(
      or(
        eq(goodsCategories.path, query.categoryPath),
        like(goodsCategories.path, `${query.categoryPath}/%`),
      )!,
    );
  }
  const where = and(...conditions);
  const sortColumn = { code: goods.code, name: goods.name, updatedAt: goods.updatedAt }[
    query.sort?.field ?? 'code'
  ];
  const order = query.sort?.order === 'desc' ? desc(sortColumn) : asc(sortColumn);

  const rows = ctx.db
    .select({
      id: goods.id,
      code: goods.code,
      name: goods.name,
      spec: goods.spec,
      categoryPath: goodsCategories.path,
      brand: goods.brand,
      taxRate: goods.taxRate,
      lotTracked: goods.lotTracked,
      shelfLifeDays: goods.shelfLifeDays,
      active: goods.active,
      updatedAt: goods.updatedAt,
      deletedAt: goods.deletedAt,
      deletedBy: goods.deletedBy,
    })
    .from(goods)
    .leftJoin(goodsCategories, eq(goodsCategories.id, goods.categoryId))
    .where(where)
    .orderBy(order, asc(goods.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total =
    ctx.db
      .select({ n: count() })
      .from(goods)
      .leftJoin(goodsCategories, eq(goodsCategories.id, goods.categoryId))
      .where(where)
      .get()?.n ?? 0;

  const units = rows.length
    ? ctx.db
        .select()
        .from(goodsUnits)
        .where(
          inArray(
            goodsUnits.goodsId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(asc(goodsUnits.sortOrder))
        .all()
    : [];
  return {
    total,
    rows: rows.map((row) => {
      const own = units.filter((unit) => unit.goodsId === row.id);
      const base = own.find((unit) => unit.isBase);
      const bigger = own.filter((unit) => !unit.isBase);
      return {
        ...row,
        taxRate: `${formatScaled(row.taxRate, taxRateScale)}%`,
        baseUnit: base?.name ?? '',
        baseBarcode: base?.barcode ?? null,
        units: bigger.map((unit) => describeRatio(unit, base?.name ?? '')).join('，'),
        barcodes: own
          .map((unit) => unit.barcode)
          .filter(Boolean)
          .join('，'),
      };
    }),
  };
}
