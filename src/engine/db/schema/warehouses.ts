import { sqliteTable, integer, text, primaryKey } from 'drizzle-orm/sqlite-core';
import { activeColumn, recycleBinColumns, timestampColumns, versionColumn } from './record-columns';
import { users } from './users';

export const warehouses = sqliteTable('warehouses', {
  id: integer('id').primaryKey(),
  uid: text('uid').notNull().unique(),
  code: text('code').notNull().unique(),
  name: text('name').notNull().unique(),
  address: text('address').notNull().default(''),
  remark: text('remark').notNull().default(''),
  ...activeColumn,
  ...timestampColumns,
  ...recycleBinColumns,
  ...versionColumn,
});

/** The users who may confirm inbound and outbound for a warehouse (仓管员). */
export const warehouseKeepers = sqliteTable(
  'warehouse_keepers',
  {
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (table) => [primaryKey({ columns: [table.warehouseId, table.userId] })],
);
