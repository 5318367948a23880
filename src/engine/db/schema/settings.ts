import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Application settings that are not part of the branch profile, as JSON values by key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});
