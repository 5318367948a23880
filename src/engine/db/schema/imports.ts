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

/**
 * 导入批次: one import being written in bounded batches (import-batches.ts). While `applying`, each
 * batch's changes to the master-data tables are journaled in `import_run_changes`, so that a refusal in
 * a later batch, or a crash, takes every batch back: all or nothing, without holding the write lock for
 * the whole import. The owner (process, host, heartbeat) tells a run still being written from one
 * left behind by a program that died.
 */
export const importRuns = sqliteTable('import_runs', {
  id: integer('id').primaryKey(),
  entity: text('entity').notNull(),
  fileName: text('file_name').notNull(),
  username: text('username').notNull(),
  status: text('status', { enum: ['applying', 'committed', 'undone'] }).notNull(),
  ownerPid: integer('owner_pid').notNull(),
  ownerHost: text('owner_host').notNull(),
  /** Written with every batch: a run whose heartbeat is old was left behind. */
  heartbeatAt: text('heartbeat_at').notNull(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  /** What an undo could not take back because others used or changed it meanwhile: `{ table, rowId, why }[]`. */
  undoKept: text('undo_kept', { mode: 'json' }),
});

/**
 * The journal of an applying run: each row a master-data table row changed by one of its batches,
 * with the row before and after (JSON of its columns; null: absent). Written by temporary triggers
 * only while a batch of the run is being written (import-journal.ts); emptied once the run ends.
 */
export const importRunChanges = sqliteTable('import_run_changes', {
  seq: integer('seq').primaryKey(),
  runId: integer('run_id')
    .notNull()
    .references(() => importRuns.id),
  tableName: text('table_name').notNull(),
  rowId: integer('row_id').notNull(),
  before: text('before'),
  after: text('after'),
});
