import { and, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { ServiceContext } from '../context';

export interface AuditQuery {
  /** One action exactly (`auth.login`), or every action under a prefix (`auth.`). */
  action?: string;
  actionPrefix?: string;
  username?: string;
  from?: string;
  to?: string;
  offset: number;
  limit: number;
}

export function listAudit(ctx: ServiceContext, query: AuditQuery) {
  const conditions: SQL[] = [];
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.actionPrefix) {
    // A prefix, not a pattern: `_` and `%` in it are matched literally.
    const escaped = query.actionPrefix.replace(/[\\%_]/g, (character) => `\\${character}`);
    conditions.push(sql`${auditLog.action} LIKE ${`${escaped}%`} ESCAPE '\\'`);
  }
  if (query.username) conditions.push(eq(auditLog.username, query.username));
  // Stored times are UTC ISO strings; bring the bounds to the same form so text order is time order.
  if (query.from) conditions.push(gte(auditLog.at, new Date(query.from).toISOString()));
  if (query.to) conditions.push(lte(auditLog.at, new Date(query.to).toISOString()));
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
