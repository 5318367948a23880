import { and, asc, count, desc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { warehouses } from '../../db/schema';
import type { ServiceContext } from '../context';
import { normalizeSearchTerm } from '../../../shared/text/search-text';
import { keepersOf } from './warehouses';

export const warehouseSortFields = ['code', 'name', 'updatedAt'] as const;

export interface WarehouseListQuery {
  search?: string;
  active?: boolean;
  recycleBin?: boolean;
  sort?: { field: (typeof warehouseSortFields)[number]; order: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/** The warehouse list; a search matches the code, name or address. Keepers by name, joined with '、'. */
export function listWarehouses(ctx: ServiceContext, query: WarehouseListQuery) {
  const conditions: SQL[] = [
    query.recycleBin ? isNotNull(warehouses.deletedAt) : isNull(warehouses.deletedAt),
  ];
  const term = query.search ? normalizeSearchTerm(query.search) : '';
  if (term) {
    conditions.push(
      or(
        sql`instr(lower(${warehouses.code}), ${term}) > 0`,
        sql`instr(lower(${warehouses.name}), ${term}) > 0`,
        sql`instr(lower(${warehouses.address}), ${term}) > 0`,
      )!,
    );
  }
  if (query.active !== undefined) conditions.push(eq(warehouses.active, query.active));
  const where = and(...conditions);
  const sortColumn = { code: warehouses.code, name: warehouses.name, updatedAt: warehouses.updatedAt }[
    query.sort?.field ?? 'code'
  ];
  const order = query.sort?.order === 'desc' ? desc(sortColumn) : asc(sortColumn);

  const rows = ctx.db
    .select({
      id: warehouses.id,
      code: warehouses.code,
      name: warehouses.name,
      address: warehouses.address,
      remark: warehouses.remark,
      active: warehouses.active,
      updatedAt: warehouses.updatedAt,
      deletedAt: warehouses.deletedAt,
      deletedBy: warehouses.deletedBy,
    })
    .from(warehouses)
    .where(where)
    .orderBy(order, asc(warehouses.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(warehouses).where(where).get()?.n ?? 0;
  const keepers = keepersOf(
    ctx.db,
    rows.map((row) => row.id),
  );
  return {
    total,
    rows: rows.map((row) => ({
      ...row,
      keepers: keepers
        .filter((keeper) => keeper.warehouseId === row.id)
        .map((keeper) => keeper.displayName)
        .join('、'),
    })),
  };
}
