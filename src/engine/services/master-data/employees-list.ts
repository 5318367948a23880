import { and, asc, count, desc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { employees, offices, users } from '../../db/schema';
import type { ServiceContext } from '../context';
import { normalizeSearchTerm } from '../../../shared/text/search-text';

export const employeeSortFields = ['code', 'name', 'updatedAt'] as const;

export interface EmployeeListQuery {
  search?: string;
  active?: boolean;
  recycleBin?: boolean;
  officeId?: number;
  sort?: { field: (typeof employeeSortFields)[number]; order: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/** Employees with their office and login; a search matches the code, name or phone. */
export function listEmployees(ctx: ServiceContext, query: EmployeeListQuery) {
  const conditions: SQL[] = [query.recycleBin ? isNotNull(employees.deletedAt) : isNull(employees.deletedAt)];
  const term = query.search ? normalizeSearchTerm(query.search) : '';
  if (term) {
    conditions.push(
      or(
        sql`instr(lower(${employees.code}), ${term}) > 0`,
        sql`instr(lower(${employees.name}), ${term}) > 0`,
        sql`instr(${employees.phone}, ${term}) > 0`,
      )!,
    );
  }
  if (query.active !== undefined) conditions.push(eq(employees.active, query.active));
  if (query.officeId !== undefined) conditions.push(eq(employees.officeId, query.officeId));
  const where = and(...conditions);
  const sortColumn = { code: employees.code, name: employees.name, updatedAt: employees.updatedAt }[
    query.sort?.field ?? 'code'
  ];
  const order = query.sort?.order === 'desc' ? desc(sortColumn) : asc(sortColumn);

  const rows = ctx.db
    .select({
      id: employees.id,
      code: employees.code,
      name: employees.name,
      officeId: employees.officeId,
      officeName: offices.name,
      phone: employees.phone,
      title: employees.title,
      userId: employees.userId,
      username: users.username,
      remark: employees.remark,
      active: employees.active,
      updatedAt: employees.updatedAt,
      deletedAt: employees.deletedAt,
      deletedBy: employees.deletedBy,
    })
    .from(employees)
    .leftJoin(offices, eq(offices.id, employees.officeId))
    .leftJoin(users, eq(users.id, employees.userId))
    .where(where)
    .orderBy(order, asc(employees.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(employees).where(where).get()?.n ?? 0;
  return { total, rows };
}
