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
