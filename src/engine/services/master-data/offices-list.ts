import { and, asc, count, desc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { offices } from '../../db/schema';
import type { ServiceContext } from '../context';
import { officeKindLabels, type OfficeKind } from '../../domain/master-data/office-kinds';
import { normalizeSearchTerm } from '../../../shared/text/search-text';

export const officeSortFields = ['code', 'name', 'updatedAt'] as const;

export interface OfficeListQuery {
  search?: string;
  active?: boolean;
  recycleBin?: boolean;
  kind?: OfficeKind;
  sort?: { field: (typeof officeSortFields)[number]; order: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

const parent = alias(offices, 'parent');

/** Offices and departments; a search matches the code or name. */
export function listOffices(ctx: ServiceContext, query: OfficeListQuery) {
  const conditions: SQL[] = [query.recycleBin ? isNotNull(offices.deletedAt) : isNull(offices.deletedAt)];
  const term = query.search ? normalizeSearchTerm(query.search) : '';
  if (term) {
    conditions.push(
      or(sql`instr(lower(${offices.code}), ${term}) > 0`, sql`instr(lower(${offices.name}), ${term}) > 0`)!,
    );
  }
  if (query.active !== undefined) conditions.push(eq(offices.active, query.active));
  if (query.kind) conditions.push(eq(offices.kind, query.kind));
  const where = and(...conditions);
  const sortColumn = { code: offices.code, name: offices.name, updatedAt: offices.updatedAt }[
    query.sort?.field ?? 'code'
  ];
  const order = query.sort?.order === 'desc' ? desc(sortColumn) : asc(sortColumn);

  const rows = ctx.db
    .select({
      id: offices.id,
      code: offices.code,
      name: offices.name,
      kind: offices.kind,
      parentId: offices.parentId,
      parentCode: parent.code,
      parentName: parent.name,
      remark: offices.remark,
      active: offices.active,
      updatedAt: offices.updatedAt,
      deletedAt: offices.deletedAt,
      deletedBy: offices.deletedBy,
    })
    .from(offices)
    .leftJoin(parent, eq(parent.id, offices.parentId))
    .where(where)
    .orderBy(order, asc(offices.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(offices).where(where).get()?.n ?? 0;
  return { total, rows: rows.map((row) => ({ ...row, kindLabel: officeKindLabels[row.kind] })) };
}
