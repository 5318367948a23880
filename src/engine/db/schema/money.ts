import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, primaryKey, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { moneySides } from '../../../shared/documents/document-types';
import { counterparties } from './counterparties';
import { documentLines, documents } from './documents';

/**
 * 往来未清项 (DOMAIN.md §7): what a counterparty owes us (应收) or we owe them (应付), one row per
 * priced line of a completed delivery, receipt or return, one per money document, and one for the
 * opening balance (no document). `amount` is signed: positive raises the balance, negative lowers it
 * (a return, money received or paid). `settled` is how much of it 核销 has matched, with the same sign.
 * The balance is the sum of `amount`; what is still open is `amount − settled`; an open negative item
 * is a prepayment (预收 / 预付).
 */
export const openItems = sqliteTable(
  'open_items',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull().unique(),
    counterpartyId: integer('counterparty_id')
      .notNull()
      .references(() => counterparties.id),
    side: text('side', { enum: moneySides }).notNull(),
    documentId: integer('document_id').references(() => documents.id),
    lineId: integer('line_id').references(() => documentLines.id),
    /** yyyy-MM-dd. */
    businessDate: text('business_date').notNull(),
    /** Business date + the counterparty's payment term: aging counts from here. */
    dueDate: text('due_date').notNull(),
    amount: integer('amount').notNull(),
    settled: integer('settled').notNull().default(0),
  },
  (table) => [
    index('open_items_counterparty').on(table.counterpartyId, table.side, table.businessDate),
    index('open_items_document').on(table.documentId),
    // A period's items in date order, with what the upload's 往来 figures sum: read from the index alone.
    index('open_items_date').on(table.businessDate, table.side, table.counterpartyId, table.amount),
    uniqueIndex('open_items_opening')
      .on(table.counterpartyId, table.side)
      .where(sql`${table.documentId} IS NULL`),
    check(
      'open_items_settled_within_amount',
      sql`(${table.amount} >= 0 AND ${table.settled} BETWEEN 0 AND ${table.amount}) OR (${table.amount} < 0 AND ${table.settled} BETWEEN ${table.amount} AND 0)`,
    ),
  ],
);

/**
 * 往来 by month: what raised (debit) and lowered (credit) each counterparty's receivable or payable per
 * month, from the open items' signed amounts. Kept by the triggers of migration 0019 on every open item
 * written, so that a balance at a period's end adds up a few rows a month instead of every item since
 * the branch began.
 */
export const moneyMonthTotals = sqliteTable(
  'money_month_totals',
  {
    side: text('side', { enum: moneySides }).notNull(),
    counterpartyId: integer('counterparty_id').notNull(),
    /** yyyy-MM. */
    month: text('month').notNull(),
    debit: integer('debit').notNull(),
    credit: integer('credit').notNull(),
  },
  (table) => [primaryKey({ columns: [table.side, table.counterpartyId, table.month] })],
);

/**
 * 核销: a positive item matched with a negative one for `amount` (fen, > 0). Rows made by one action
 * share `batchUid` and are reversed (反核销) together; a reversed row keeps who reversed it and when.
 */
export const settlements = sqliteTable(
  'settlements',
  {
    id: integer('id').primaryKey(),
    batchUid: text('batch_uid').notNull(),
    counterpartyId: integer('counterparty_id')
      .notNull()
      .references(() => counterparties.id),
    side: text('side', { enum: moneySides }).notNull(),
    debitItemId: integer('debit_item_id')
      .notNull()
      .references(() => openItems.id),
    creditItemId: integer('credit_item_id')
      .notNull()
      .references(() => openItems.id),
    amount: integer('amount').notNull(),
    /** yyyy-MM-dd: the later of the two items' dates. */
    settledOn: text('settled_on').notNull(),
    createdAt: text('created_at').notNull(),
    createdByName: text('created_by_name').notNull(),
    reversedAt: text('reversed_at'),
    reversedByName: text('reversed_by_name'),
  },
  (table) => [
    index('settlements_batch').on(table.batchUid),
    index('settlements_debit').on(table.debitItemId),
    index('settlements_credit').on(table.creditItemId),
    check('settlements_positive', sql`${table.amount} > 0`),
  ],
);
