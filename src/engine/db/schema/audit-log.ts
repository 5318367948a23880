import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/**
 * Who did what and when. Append-only: the migration adds triggers that refuse UPDATE and DELETE,
 * so not even a bug in a service can rewrite history.
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
  },
  (table) => [
    index('audit_log_at').on(table.at),
    index('audit_log_entity').on(table.entity, table.entityKey),
  ],
);
