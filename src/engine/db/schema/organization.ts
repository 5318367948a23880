import { sqliteTable, integer, text, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { officeKinds } from '../../domain/master-data/office-kinds';
import { activeColumn, recycleBinColumns, timestampColumns, versionColumn } from './record-columns';
import { users } from './users';

/** 办事处 / 部门: used on documents, reports and channel reports. */
export const offices = sqliteTable(
  'offices',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull().unique(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: officeKinds }).notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => offices.id),
    remark: text('remark').notNull().default(''),
    ...activeColumn,
    ...timestampColumns,
    ...recycleBinColumns,
    ...versionColumn,
  },
  (table) => [index('offices_name').on(table.name)],
);

/** 职员: salespeople, office heads, handlers on documents. */
export const employees = sqliteTable(
  'employees',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull().unique(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    officeId: integer('office_id').references(() => offices.id),
    phone: text('phone').notNull().default(''),
    title: text('title').notNull().default(''),
    /** The login of this person, when they use the app. */
    userId: integer('user_id').references(() => users.id),
    remark: text('remark').notNull().default(''),
    ...activeColumn,
    ...timestampColumns,
    ...recycleBinColumns,
    ...versionColumn,
  },
  (table) => [index('employees_name').on(table.name), index('employees_office').on(table.officeId)],
);
