import type Database from 'better-sqlite3';
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

const insertSql =
  'INSERT INTO audit_log (at, user_id, username, action, entity, entity_key, before, after, detail) ' +
  'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
const preparedInserts = new WeakMap<Database.Database, Database.Statement>();

/**
 * Appends to the audit log inside the caller's transaction (the statement runs on the same
 * connection), so the record and the change commit together. Prepared once per connection: an
 * import writes one row per record, and building the insert anew each time was its slowest part.
 */
export function recordAudit(_tx: LedgerTx, ctx: ServiceContext, entry: AuditEntry): void {
  const sqlite = ctx.db.$client;
  let insert = preparedInserts.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare(insertSql);
    preparedInserts.set(sqlite, insert);
  }
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  insert.run(
    ctx.clock.now().toISOString(),
    ctx.actor.userId,
    entry.username ?? ctx.actor.username,
    entry.action,
    entry.entity,
    entry.entityKey ?? null,
    json(entry.before),
    json(entry.after),
    entry.detail ?? null,
  );
}
