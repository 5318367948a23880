import { and, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { Actor, ServiceContext } from '../context';
import { seesCost } from '../access/cost-figures';
import { goodsAsSeenBy } from '../master-data/goods-cost-view';
import type { GoodsView } from '../master-data/goods';

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

/**
 * A goods' snapshot before and after a change is the goods as goods.get gives it, purchase prices and
 * all: read as the actor may read the goods (cost-figures.ts).
 */
function snapshotAsSeenBy(actor: Actor, entity: string, snapshot: unknown): unknown {
  if (entity !== 'goods' || seesCost(actor) || snapshot === null || typeof snapshot !== 'object') {
    return snapshot;
  }
  const goods = snapshot as Partial<GoodsView>;
  return Array.isArray(goods.units) ? goodsAsSeenBy(actor, goods as GoodsView) : snapshot;
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
  return {
    rows: rows.map((row) => ({
      ...row,
      before: snapshotAsSeenBy(ctx.actor, row.entity, row.before),
      after: snapshotAsSeenBy(ctx.actor, row.entity, row.after),
    })),
    total,
  };
}
