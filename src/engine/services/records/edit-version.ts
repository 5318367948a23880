import { and, desc, eq, sql } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { auditLog, users } from '../../db/schema';
import { LedgerError } from '../../../shared/ledger-error';
import type { ServiceContext } from '../context';

/** Who last changed a record, and when (an ISO instant), as the audit log or the document events say. */
export interface LastChange {
  by: string;
  at: string;
}

/**
 * Refuses a save opened at an older version than the record has now (ERPNext's "document has been
 * modified after you opened it"): two people editing the same goods or draft would otherwise
 * silently overwrite each other. `expected` undefined is a writer that read the record in this very
 * transaction (an import updating existing goods), which nobody else can have changed meanwhile.
 */
export function assertUnchangedSince(
  ctx: ServiceContext,
  record: { label: string; version: number },
  expected: number | undefined,
  lastChange: () => LastChange | null,
): void {
  if (expected === undefined || expected === record.version) return;
  const change = lastChange();
  const who = change
    ? `已被 ${change.by} 于 ${ctx.clock.localTime(new Date(change.at))} 修改`
    : '已被他人修改';
  throw new LedgerError(
    'STALE',
    `${record.label}在您打开后${who}。请重新打开，看过对方的修改后再保存；您这次的修改未保存。`,
    {
      version: record.version,
      openedAt: expected,
      changedBy: change?.by ?? null,
      changedAt: change?.at ?? null,
    },
  );
}

/** The latest audit row of a master-data record: every write of one records an audit row. */
export function lastAuditedChange(tx: LedgerTx, entity: string, entityKey: string): LastChange | null {
  return (
    tx
      .select({ by: sql<string>`coalesce(${users.displayName}, ${auditLog.username})`, at: auditLog.at })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(and(eq(auditLog.entity, entity), eq(auditLog.entityKey, entityKey)))
      .orderBy(desc(auditLog.id))
      .limit(1)
      .get() ?? null
  );
}
