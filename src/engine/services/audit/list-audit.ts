import { and, count, desc, eq, gte, like, lte, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { ServiceContext } from '../context';

export interface AuditQuery {
  action?: string;
  username?: string;
  from?: string;
  to?: string;
  offset: number;
  limit: number;
}

export function listAudit(ctx: ServiceContext, query: AuditQuery) {
  const conditions: SQL[] = [];
  if (query.action) conditions.push(like(auditLog.action, `${query.action}%`));
  if (query.username) conditions.push(eq(auditLog.username, query.username));
  if (query.from) conditions.push(gte(auditLog.at, query.from));
  if (query.to) conditions.push(lte(auditLog.at, query.to));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const rows = ctx.db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  return { rows, total };
}
