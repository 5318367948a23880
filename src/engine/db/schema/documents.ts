import {
  sqliteTable,
  integer,
  text,
  index,
  primaryKey,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { documentEventActions, documentStatuses } from '../../../shared/documents/document-status';
import { documentTypes } from '../../../shared/documents/document-types';
import { numberDateParts, numberedKinds, numberResets } from '../../../shared/documents/numbering';
import { counterparties } from './counterparties';
import { versionColumn } from './record-columns';
import { goods } from './goods';
import { employees, offices } from './organization';
import { users } from './users';
import { warehouses } from './warehouses';

/**
 * 单据 (DOMAIN.md §5): one table for every type, so that orders, receipts and payments join later as
 * new types, not new tables. Amounts are fen, quantities base units × 10^quantityDecimals.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull().unique(),
    type: text('type', { enum: documentTypes }).notNull(),
    number: text('number').notNull().unique(),
    /** yyyy-MM-dd: the date stock moves at, whenever the keeper confirms. */
    businessDate: text('business_date').notNull(),
    status: text('status', { enum: documentStatuses }).notNull(),
    counterpartyId: integer('counterparty_id').references(() => counterparties.id),
    officeId: integer('office_id').references(() => offices.id),
    /** 经手人. */
    handlerId: integer('handler_id').references(() => employees.id),
    /** The default for new lines; each line keeps its own. */
    warehouseId: integer('warehouse_id').references(() => warehouses.id),
    /** A transfer's destination default. */
    toWarehouseId: integer('to_warehouse_id').references(() => warehouses.id),
    remark: text('remark').notNull().default(''),
    /** The document this one was made from (a return from its delivery, gain / loss from a stocktake). */
    sourceDocumentId: integer('source_document_id').references((): AnySQLiteColumn => documents.id),
    /** Set on a red-letter reversal (红字冲销): the completed document it cancels. */
    reversalOfId: integer('reversal_of_id').references((): AnySQLiteColumn => documents.id),
    totalAmount: integer('total_amount').notNull().default(0),
    totalTax: integer('total_tax').notNull().default(0),
    totalWithTax: integer('total_with_tax').notNull().default(0),
    printCount: integer('print_count').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id),
    createdByName: text('created_by_name').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** The version a draft was read at: a stale save is refused (record-columns.ts, versionColumn). */
    ...versionColumn,
    approvedByName: text('approved_by_name'),
    approvedAt: text('approved_at'),
    completedAt: text('completed_at'),
  },
  (table) => [
    index('documents_type_date').on(table.type, table.businessDate),
    index('documents_status').on(table.status),
    index('documents_source').on(table.sourceDocumentId),
    // Partial: most documents reverse nothing, and a full index let the planner answer
    // `reversal_of_id IS NULL` from it, walking every document instead of the few lines asked for.
    uniqueIndex('documents_reversal_of')
      .on(table.reversalOfId)
      .where(sql`${table.reversalOfId} IS NOT NULL`),
  ],
);

export const documentLines = sqliteTable(
  'document_lines',
  {
    id: integer('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    goodsId: integer('goods_id')
      .notNull()
      .references(() => goods.id),
    unitName: text('unit_name').notNull(),
    /** The unit's ratio when the line was written: a later ratio change cannot alter it. */
    unitRatio: integer('unit_ratio').notNull(),
    /** In `unitName`, × 10^quantityDecimals; a stocktake line holds the counted quantity. */
    quantity: integer('quantity').notNull(),
    baseQuantity: integer('base_quantity').notNull(),
    /** A stocktake line's book quantity at the count date (base units). */
    bookBaseQuantity: integer('book_base_quantity'),
    /** Millionths of a yuan per `unitName`; for opening stock, gains and other receipts, the unit cost. */
    unitPrice: integer('unit_price').notNull().default(0),
    taxRate: integer('tax_rate').notNull().default(0),
    amount: integer('amount').notNull().default(0),
    taxAmount: integer('tax_amount').notNull().default(0),
    amountWithTax: integer('amount_with_tax').notNull().default(0),
    discountAmount: integer('discount_amount').notNull().default(0),
    /**
     * The price was entered with tax (含税单价): the line's amount with tax is quantity × this price and
     * the amount without tax is what remains after the tax in it (DOMAIN.md §3).
     */
    priceIncludesTax: integer('price_includes_tax', { mode: 'boolean' }).notNull().default(false),
    unitPriceWithTax: integer('unit_price_with_tax').notNull().default(0),
    /** 折扣率 in basis points; `discountAmount` is what it took off, on the side the price was entered. */
    discountRate: integer('discount_rate').notNull().default(0),
    warehouseId: integer('warehouse_id').references(() => warehouses.id),
    /** A transfer line's destination. */
    toWarehouseId: integer('to_warehouse_id').references(() => warehouses.id),
    lot: text('lot').notNull().default(''),
    productionDate: text('production_date'),
    expiryDate: text('expiry_date'),
    isGift: integer('is_gift', { mode: 'boolean' }).notNull().default(false),
    remark: text('remark').notNull().default(''),
    sourceLineId: integer('source_line_id').references((): AnySQLiteColumn => documentLines.id),
    /** What the keeper confirmed (base units); null until confirmed. */
    confirmedBaseQuantity: integer('confirmed_base_quantity'),
    confirmedAt: text('confirmed_at'),
    confirmedByName: text('confirmed_by_name'),
    /** A transfer line's arrival at its destination. */
    receivedAt: text('received_at'),
    receivedByName: text('received_by_name'),
  },
  (table) => [
    uniqueIndex('document_lines_no').on(table.documentId, table.lineNo),
    index('document_lines_goods').on(table.goodsId),
    index('document_lines_source').on(table.sourceLineId),
    index('document_lines_warehouse').on(table.warehouseId),
  ],
);

/** Every change of state (DOMAIN.md §5: who, when). */
export const documentEvents = sqliteTable(
  'document_events',
  {
    id: integer('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    action: text('action', { enum: documentEventActions }).notNull(),
    fromStatus: text('from_status', { enum: documentStatuses }),
    toStatus: text('to_status', { enum: documentStatuses }).notNull(),
    actorName: text('actor_name').notNull(),
    at: text('at').notNull(),
    note: text('note').notNull().default(''),
  },
  (table) => [index('document_events_document').on(table.documentId)],
);

/** 单据编号规则, one per document type, editable in settings. */
export const numberingRules = sqliteTable('numbering_rules', {
  documentType: text('document_type', { enum: numberedKinds }).primaryKey(),
  prefix: text('prefix').notNull(),
  datePart: text('date_part', { enum: numberDateParts }).notNull(),
  separator: text('separator').notNull(),
  sequenceWidth: integer('sequence_width').notNull(),
  reset: text('reset', { enum: numberResets }).notNull(),
  suffix: text('suffix').notNull(),
});

/** The last sequence drawn per document type and period (sequencePeriod of the rule's reset). */
export const numberingCounters = sqliteTable(
  'numbering_counters',
  {
    documentType: text('document_type', { enum: numberedKinds }).notNull(),
    period: text('period').notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (table) => [uniqueIndex('numbering_counters_key').on(table.documentType, table.period)],
);

/**
 * The orders with lines not yet wholly confirmed by the receipts or deliveries made from them, and how
 * many such lines each has: drafts and open orders alike, never one whose every line is done. Kept by the
 * triggers of migration 0018 on every write to documents and lines, so that "the open orders" (reserved
 * and on-order stock, a customer's credit) reads these few rows instead of every order the branch ever
 * took, whose status stays 待出入库 until 强制结案.
 */
export const orderProgress = sqliteTable('order_progress', {
  documentId: integer('document_id').primaryKey(),
  openLines: integer('open_lines').notNull(),
});

/**
 * 购销 by month: sales and purchases per month × side × counterparty × goods of the completed deliveries,
 * receipts and returns (view `trade_line_figures`: returns and red reversals subtract; cost is the stock
 * value the line's movements took or booked, as re-costed). `counterparty_id` 0 stands for none. Kept by
 * the triggers of migration 0019 — a document completing or leaving completed, a line of a completed one
 * written, a movement of one inserted — and, for a movement re-costed, by `applyRevaluations`
 * (stock/month-totals.ts), so that a month's upload reads its sums instead of adding up every line of the
 * month and each line's movements.
 */
export const tradeMonthTotals = sqliteTable(
  'trade_month_totals',
  {
    /** yyyy-MM. */
    month: text('month').notNull(),
    side: text('side', { enum: ['sales', 'purchases'] }).notNull(),
    counterpartyId: integer('counterparty_id').notNull(),
    goodsId: integer('goods_id').notNull(),
    quantity: integer('quantity').notNull(),
    amount: integer('amount').notNull(),
    amountWithTax: integer('amount_with_tax').notNull(),
    cost: integer('cost').notNull(),
    lines: integer('lines').notNull(),
  },
  (table) => [primaryKey({ columns: [table.month, table.side, table.counterpartyId, table.goodsId] })],
);
