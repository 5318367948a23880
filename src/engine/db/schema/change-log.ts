import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/**
 * What changed that head office receives (UPLOAD.md "Change log"). Written in the same transaction as
 * the change itself; the upload builds its packages from here.
 */
export const changeLog = sqliteTable(
  'change_log',
  {
    id: integer('id').primaryKey(),
    at: text('at').notNull(),
    entity: text('entity').notNull(),
    entityUid: text('entity_uid').notNull(),
    operation: text('operation', { enum: ['insert', 'update', 'delete'] }).notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    /** The package that carried this change to head office; null until packaged. */
    packageSeq: integer('package_seq'),
    /** The epoch of that package: a seq names a package only within its epoch. */
    packageEpoch: integer('package_epoch'),
  },
  (table) => [index('change_log_unpackaged').on(table.packageSeq)],
);
