import type Database from 'better-sqlite3';
import type { LedgerTx } from '../../db/connection';
import { nextLink, type ChainedTable } from '../../db/hash-chain';
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

/** An audit row's content as SQLite stores it. */
interface AuditRowValues {
  id: number;
  at: string;
  user_id: number | null;
  username: string;
  action: string;
  entity: string;
  entity_key: string | null;
  before: string | null;
  after: string | null;
  detail: string | null;
}

/** Every column of an audit row is covered by its hash (db/hash-chain.ts). */
export const auditChain: ChainedTable = {
  table: 'audit_log',
  columns: [
    'id',
    'at',
    'user_id',
    'username',
    'action',
    'entity',
    'entity_key',
    'before',
    'after',
    'detail',
  ] satisfies (keyof AuditRowValues)[],
};

const insertSql =
  `INSERT INTO audit_log (${auditChain.columns.join(', ')}, prev_hash, hash) ` +
  `VALUES (${auditChain.columns.map(() => '?').join(', ')}, ?, ?)`;
const preparedInserts = new WeakMap<Database.Database, Database.Statement>();

/**
 * Appends to the audit log inside the caller's transaction (the statement runs on the same
 * connection), so the record and the change commit together, chained to the row before it. This is the
 * one writer of audit rows. Prepared once per connection: an import writes one row per record, and
 * building the insert anew each time was its slowest part.
 */
export function recordAudit(_tx: LedgerTx, ctx: ServiceContext, entry: AuditEntry): void {
  const sqlite = ctx.db.$client;
  let insert = preparedInserts.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare(insertSql);
    preparedInserts.set(sqlite, insert);
  }
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  const row: Omit<AuditRowValues, 'id'> = {
    at: ctx.clock.now().toISOString(),
    user_id: ctx.actor.userId,
    username: entry.username ?? ctx.actor.username,
    action: entry.action,
    entity: entry.entity,
    entity_key: entry.entityKey ?? null,
    before: json(entry.before),
    after: json(entry.after),
    detail: entry.detail ?? null,
  };
  const link = nextLink(sqlite, auditChain, row);
  const values: AuditRowValues = { ...row, id: link.id };
  insert.run(
    ...auditChain.columns.map((column) => values[column as keyof AuditRowValues]),
    link.prevHash,
    link.hash,
  );
}
