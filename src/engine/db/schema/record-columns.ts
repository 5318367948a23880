import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Every master-data record can be moved to the recycle bin (回收站, DOMAIN.md §4) and back: these
 * columns say whether and by whom. A record in the bin keeps its code, so the code stays taken
 * until the record is purged.
 */
export const recycleBinColumns = {
  deletedAt: text('deleted_at'),
  deletedBy: text('deleted_by'),
};

/** Creation and change times, kept on every master-data record. */
export const timestampColumns = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

export const activeColumn = { active: integer('active', { mode: 'boolean' }).notNull().default(true) };

/**
 * The version a record was read at (1 on creation, one more on every write). A save of an existing
 * record carries the version it was opened at, and a save of a record someone changed since is
 * refused instead of overwriting their change (services/records/edit-version.ts). A trigger per
 * table (migration 0010) adds one on any update that did not, so no write can skip it.
 */
export const versionColumn = { version: integer('version').notNull().default(1) };
