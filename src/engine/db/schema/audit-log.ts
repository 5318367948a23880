import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/**
 * Who did what and when. Append-only: the migrations add triggers that refuse UPDATE, DELETE and an
 * INSERT over an existing id (INSERT OR REPLACE), so not even a bug in a service can rewrite history;
 * and each row's `hash` chains it to the row before (db/hash-chain.ts), so a rewrite by
 * someone who dropped the triggers still shows.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: text('at').notNull(),
    userId: integer('user_id'),
    username: text('username').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityKey: text('entity_key'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    detail: text('detail'),
    /** The previous row's `hash` (by id), as it was when this row was written. */
    prevHash: text('prev_hash'),
    /** sha256 over this row's content and `prev_hash`: db/hash-chain.ts. */
    hash: text('hash'),
  },
  (table) => [
    index('audit_log_at').on(table.at),
    index('audit_log_entity').on(table.entity, table.entityKey),
  ],
);
