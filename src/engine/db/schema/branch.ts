import { sqliteTable, integer, text, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import {
  accountingModes,
  costingMethods,
  costingScopes,
  negativeStockPolicies,
  taxpayerTypes,
} from '../../domain/branch/profile';

/** The branch profile (DOMAIN.md §2). One row: one database file is one branch. */
export const branchProfile = sqliteTable(
  'branch_profile',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull().unique(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    taxId: text('tax_id').notNull().default(''),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    accountingMode: text('accounting_mode', { enum: accountingModes }).notNull(),
    costingScope: text('costing_scope', { enum: costingScopes }).notNull(),
    defaultCostingMethod: text('default_costing_method', { enum: costingMethods }).notNull(),
    allowCostingMethodOverride: integer('allow_costing_method_override', { mode: 'boolean' }).notNull(),
    negativeStock: text('negative_stock', { enum: negativeStockPolicies }).notNull(),
    taxpayerType: text('taxpayer_type', { enum: taxpayerTypes }).notNull(),
    quantityDecimals: integer('quantity_decimals').notNull(),
    priceDecimals: integer('price_decimals').notNull(),
    approvalRequired: integer('approval_required', { mode: 'boolean' }).notNull(),
    /** Set by the first posting; from then on the fields in `fieldsFixedAfterFirstPosting` are fixed. */
    firstPostedAt: text('first_posted_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [check('branch_profile_single_row', sql`${table.id} = 1`)],
);
