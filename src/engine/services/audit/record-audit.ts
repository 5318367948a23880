import { auditLog } from '../../db/schema';
import type { LedgerTx } from '../../db/connection';
import type { ServiceContext } from '../context';

export interface AuditEntry {
  action: string;
  entity: string;
  entityKey?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: string | null;
  /** For a failed login the actor is anonymous: the name that was tried. */
  username?: string;
}

/** Appends to the audit log inside the caller's transaction, so the record and the change commit together. */
export function recordAudit(tx: LedgerTx, ctx: ServiceContext, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      at: ctx.clock.now().toISOString(),
      userId: ctx.actor.userId,
      username: entry.username ?? ctx.actor.username,
      action: entry.action,
      entity: entry.entity,
      entityKey: entry.entityKey ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      detail: entry.detail ?? null,
    })
    .run();
}
