import { sqliteTable, integer, text, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { channelTiers, counterpartyKinds } from '../../domain/master-data/channel';
import { employees, offices } from './organization';
import { activeColumn, recycleBinColumns, timestampColumns, versionColumn } from './record-columns';

/** 往来单位: customers, suppliers, or both; internal units are head office and other branches. */
export const counterparties = sqliteTable(
  'counterparties',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull().unique(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: counterpartyKinds }).notNull(),
    channelTier: text('channel_tier', { enum: channelTiers }),
    /** 上级客户: the channel is a tree. */
    parentId: integer('parent_id').references((): AnySQLiteColumn => counterparties.id),
    officeId: integer('office_id').references(() => offices.id),
    salespersonId: integer('salesperson_id').references(() => employees.id),
    region: text('region').notNull().default(''),
    address: text('address').notNull().default(''),
    /** Fen; null: no limit. */
    creditLimit: integer('credit_limit'),
    paymentTermDays: integer('payment_term_days'),
    invoiceTitle: text('invoice_title').notNull().default(''),
    taxId: text('tax_id').notNull().default(''),
    bankName: text('bank_name').notNull().default(''),
    bankAccount: text('bank_account').notNull().default(''),
    /** Head office or another branch (内部单位), for inter-branch transfers. */
    isInternal: integer('is_internal', { mode: 'boolean' }).notNull().default(false),
    internalBranchCode: text('internal_branch_code'),
    /** 期初应收 / 期初应付, fen. */
    openingReceivable: integer('opening_receivable').notNull().default(0),
    openingPayable: integer('opening_payable').notNull().default(0),
    remark: text('remark').notNull().default(''),
    searchText: text('search_text').notNull(),
    ...activeColumn,
    ...timestampColumns,
    ...recycleBinColumns,
    ...versionColumn,
  },
  (table) => [
    index('counterparties_parent').on(table.parentId),
    index('counterparties_office').on(table.officeId),
    index('counterparties_name').on(table.name),
  ],
);

export const counterpartyContacts = sqliteTable(
  'counterparty_contacts',
  {
    id: integer('id').primaryKey(),
    counterpartyId: integer('counterparty_id')
      .notNull()
      .references(() => counterparties.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    phone: text('phone').notNull().default(''),
    role: text('role').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (table) => [index('counterparty_contacts_owner').on(table.counterpartyId)],
);
