import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import {
  contractActions,
  contractKinds,
  contractStatuses,
  payoutKinds,
  settlementKinds,
} from '../../../shared/contracts/contract-status';
import type { RebateTerm } from '../../../shared/contracts/rebate-terms';
import { channelTiers } from '../../domain/master-data/channel';
import { counterparties } from './counterparties';
import { documentLines, documents } from './documents';
import { goods, goodsCategories } from './goods';
import { employees, offices } from './organization';
import { versionColumn } from './record-columns';
import { users } from './users';

/**
 * 年度协议 (DOMAIN.md §8, services/contracts/): one row per agreement with a customer or a supplier over a
 * period. Its signed volumes are contract_lines; its rebate terms are JSON (rebate-terms.ts). Only a draft is
 * edited; once approved, a change is a 补充协议 (contract_amendments) that replaces the lines and terms when it
 * is approved, keeping what it replaced.
 */
export const contracts = sqliteTable(
  'contracts',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull().unique(),
    number: text('number').notNull().unique(),
    kind: text('kind', { enum: contractKinds }).notNull(),
    counterpartyId: integer('counterparty_id')
      .notNull()
      .references(() => counterparties.id),
    /** The customer's 渠道类型 when the contract was made: the rules it was checked by. */
    channelTier: text('channel_tier', { enum: channelTiers }),
    officeId: integer('office_id').references(() => offices.id),
    salespersonId: integer('salesperson_id').references(() => employees.id),
    /** yyyy-MM-dd, both inclusive. */
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    /** The day the paper contract was signed; deadlines count from it. */
    signedOn: text('signed_on'),
    status: text('status', { enum: contractStatuses }).notNull(),
    /** 合同条款 as the paper says them. */
    terms: text('terms').notNull().default(''),
    rebateTerms: text('rebate_terms', { mode: 'json' }).$type<RebateTerm[]>().notNull(),
    /** The number of the latest approved 补充协议; 0 for the agreement as first approved. */
    amendmentNo: integer('amendment_no').notNull().default(0),
    /** The office's signing table it was imported from: a draft of it is replaced by the next import. */
    signingTableId: integer('signing_table_id').references((): AnySQLiteColumn => signingTables.id),
    remark: text('remark').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdByName: text('created_by_name').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    ...versionColumn,
  },
  (table) => [
    index('contracts_counterparty').on(table.counterpartyId, table.periodStart),
    index('contracts_office').on(table.officeId, table.periodStart),
  ],
);

/**
 * 签约量: per goods or per category, in a stated unit, for one month of the period or (month null) for the
 * whole period, spread evenly by days.
 */
export const contractLines = sqliteTable(
  'contract_lines',
  {
    id: integer('id').primaryKey(),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    goodsId: integer('goods_id').references(() => goods.id),
    categoryId: integer('category_id').references(() => goodsCategories.id),
    /** 箱: each goods converts its shipments by its own unit of this name. */
    unitName: text('unit_name').notNull(),
    /** yyyy-MM, or null for the whole period. */
    month: text('month'),
    /** In `unitName` × 10^quantityDecimals. */
    quantity: integer('quantity').notNull(),
    /** 协议价: millionths of a yuan per `unitName`, with tax; null when the contract agrees none. */
    agreedPrice: integer('agreed_price'),
  },
  (table) => [
    uniqueIndex('contract_lines_no').on(table.contractId, table.lineNo),
    index('contract_lines_goods').on(table.goodsId),
  ],
);

/** Every step of a contract: who, when, from which status to which, and why. */
export const contractEvents = sqliteTable(
  'contract_events',
  {
    id: integer('id').primaryKey(),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    action: text('action', { enum: contractActions }).notNull(),
    fromStatus: text('from_status', { enum: contractStatuses }),
    toStatus: text('to_status', { enum: contractStatuses }).notNull(),
    actorName: text('actor_name').notNull(),
    at: text('at').notNull(),
    note: text('note').notNull().default(''),
  },
  (table) => [index('contract_events_contract').on(table.contractId)],
);

/**
 * 补充协议: a change to an approved contract. `body` is what it makes the contract say (period end, lines,
 * rebate terms, terms); `replaced` what the contract said before, filled in when it is approved.
 */
export const contractAmendments = sqliteTable(
  'contract_amendments',
  {
    id: integer('id').primaryKey(),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    amendmentNo: integer('amendment_no').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['draft', 'approved', 'voided'] }).notNull(),
    body: text('body', { mode: 'json' }).notNull(),
    replaced: text('replaced', { mode: 'json' }),
    createdByName: text('created_by_name').notNull(),
    createdAt: text('created_at').notNull(),
    approvedByName: text('approved_by_name'),
    approvedAt: text('approved_at'),
  },
  (table) => [uniqueIndex('contract_amendments_no').on(table.contractId, table.amendmentNo)],
);

/** The scanned paper contract, kept with its SHA-256 so a later copy can be told from the original. */
export const contractAttachments = sqliteTable(
  'contract_attachments',
  {
    id: integer('id').primaryKey(),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    addedByName: text('added_by_name').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (table) => [index('contract_attachments_contract').on(table.contractId)],
);

/**
 * 返利结算: what the contract had earned through `throughDate` (cumulative), what earlier settlements had
 * paid, and the difference paid now by `documentId` (a 返利单 for 折让, or the 货补 delivery). A reversed
 * settlement (反结算) stops counting as paid, and its document is reversed in the same transaction.
 */
export const contractSettlements = sqliteTable(
  'contract_settlements',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull().unique(),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    kind: text('kind', { enum: settlementKinds }).notNull(),
    throughDate: text('through_date').notNull(),
    earned: integer('earned').notNull(),
    paidBefore: integer('paid_before').notNull(),
    amount: integer('amount').notNull(),
    payout: text('payout', { enum: payoutKinds }).notNull(),
    documentId: integer('document_id').references((): AnySQLiteColumn => documents.id),
    reversed: integer('reversed', { mode: 'boolean' }).notNull().default(false),
    reversedByName: text('reversed_by_name'),
    reversedAt: text('reversed_at'),
    reverseReason: text('reverse_reason'),
    createdByName: text('created_by_name').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    index('contract_settlements_contract').on(table.contractId),
    // One final settlement in force per contract.
    uniqueIndex('contract_settlements_final')
      .on(table.contractId)
      .where(sql`${table.kind} = 'final' AND ${table.reversed} = 0`),
  ],
);

/** The shipments a settlement paid for, with what each earned: a settlement traced to its deliveries. */
export const contractSettlementLines = sqliteTable(
  'contract_settlement_lines',
  {
    settlementId: integer('settlement_id')
      .notNull()
      .references(() => contractSettlements.id, { onDelete: 'cascade' }),
    documentLineId: integer('document_line_id')
      .notNull()
      .references(() => documentLines.id),
    /** In the term's unit × 10^quantityDecimals, and fen with tax: the line as it counted. */
    quantity: integer('quantity').notNull(),
    amount: integer('amount').notNull(),
    rebate: integer('rebate').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.settlementId, table.documentLineId] }),
    index('contract_settlement_lines_line').on(table.documentLineId),
  ],
);

/**
 * 签约表 received from an office for a year: when the customers signed, when the table reached the branch,
 * when it was imported. The deadline board reads it with the working-day calendar.
 */
export const signingTables = sqliteTable(
  'signing_tables',
  {
    id: integer('id').primaryKey(),
    officeId: integer('office_id')
      .notNull()
      .references(() => offices.id),
    year: integer('year').notNull(),
    kind: text('kind', { enum: contractKinds }).notNull(),
    signedOn: text('signed_on'),
    receivedOn: text('received_on'),
    /** When the table was imported (an instant) and on which of the branch's days. */
    importedAt: text('imported_at'),
    importedOn: text('imported_on'),
    fileName: text('file_name'),
    contracts: integer('contracts').notNull().default(0),
  },
  (table) => [uniqueIndex('signing_tables_office_year').on(table.officeId, table.year, table.kind)],
);

/**
 * 工作日历: the days that differ from Monday–Friday — public holidays (is_workday 0) and the weekend days
 * worked in their place (调休, is_workday 1). Deadlines of contracts and channel reports count working days.
 */
export const workCalendarDays = sqliteTable('work_calendar_days', {
  date: text('date').primaryKey(),
  isWorkday: integer('is_workday', { mode: 'boolean' }).notNull(),
  note: text('note').notNull().default(''),
});
