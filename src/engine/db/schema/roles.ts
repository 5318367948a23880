import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';
import type { Permission } from '../../domain/access/permissions';
import { customerScopes, warehouseScopes } from '../../domain/access/roles';
import { versionColumn } from './record-columns';

/**
 * 角色: an editable, named set of permissions (domain/access/permissions.ts) and a data scope. The
 * shipped roles (domain/access/roles.ts) are inserted when missing; users hold one by its code.
 */
export const roles = sqliteTable('roles', {
  id: integer('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull().unique(),
  /** JSON array of `area.action`. Unknown names (from a newer app) are ignored when read. */
  permissions: text('permissions', { mode: 'json' }).$type<Permission[]>().notNull(),
  warehouseScope: text('warehouse_scope', { enum: warehouseScopes }).notNull(),
  /** 客户数据范围 (domain/access/roles.ts); a role added before it existed sees every customer. */
  customerScope: text('customer_scope', { enum: customerScopes }).notNull().default('all'),
  /** One of the roles the app ships: it can be edited but not removed. */
  shipped: integer('shipped', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  ...versionColumn,
});
