import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/** 导入日志: who imported which file into what, with what result. */
export const importLogs = sqliteTable(
  'import_logs',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull().unique(),
    at: text('at').notNull(),
    username: text('username').notNull(),
    entity: text('entity').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    options: text('options', { mode: 'json' }).notNull(),
    status: text('status', { enum: ['committed', 'refused'] }).notNull(),
    created: integer('created').notNull(),
    updated: integer('updated').notNull(),
    skipped: integer('skipped').notNull(),
    errorCount: integer('error_count').notNull(),
    /** Every row with a problem: `{ row, column, message }[]`, for the downloadable error report. */
    errors: text('errors', { mode: 'json' }).notNull(),
  },
  (table) => [index('import_logs_at').on(table.at)],
);

/** The column mapping a clerk confirmed for a source (entity + the file's header row), offered next time. */
export const importMappings = sqliteTable('import_mappings', {
  sourceKey: text('source_key').primaryKey(),
  entity: text('entity').notNull(),
  mapping: text('mapping', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});
