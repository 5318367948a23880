import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { reportKinds, reportStatuses } from '../../../shared/channel/channel-report';
import { counterparties } from './counterparties';
import { goods } from './goods';
import { offices } from './organization';

/**
 * 进销存动态 (DOMAIN.md §9, services/channel/): an office's report of its channel customers' stock for a
 * week or a month, as imported from its file. One report in force per office, kind and period; a
 * correction after review is the next version, the reviewed one kept as 已替换 (superseded).
 *
 * Times the deadlines are measured by (13:00 / 15:00 at the branch) are the branch's wall-clock times,
 * `yyyy-MM-dd HH:mm`, as the clock on the clerk's wall reads them.
 */
export const channelReports = sqliteTable(
  'channel_reports',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull().unique(),
    officeId: integer('office_id')
      .notNull()
      .references(() => offices.id),
    kind: text('kind', { enum: reportKinds }).notNull(),
    /** The week's Monday, or the month's first day; `period_end` its Sunday or last day. */
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    version: integer('version').notNull().default(1),
    status: text('status', { enum: reportStatuses }).notNull(),
    fileName: text('file_name').notNull(),
    /** When the office's file reached the branch (recorded, or the first import's time). */
    receivedLocal: text('received_local').notNull(),
    /** The last import of this version; and the first import of the period, which the deadline measures. */
    importedAt: text('imported_at').notNull(),
    importedLocal: text('imported_local').notNull(),
    firstImportedLocal: text('first_imported_local').notNull(),
    importedByName: text('imported_by_name').notNull(),
    reviewedLocal: text('reviewed_local'),
    reviewedByName: text('reviewed_by_name'),
    lines: integer('lines').notNull().default(0),
  },
  (table) => [
    uniqueIndex('channel_reports_version').on(table.officeId, table.kind, table.periodStart, table.version),
    uniqueIndex('channel_reports_in_force')
      .on(table.officeId, table.kind, table.periodStart)
      .where(sql`${table.status} <> 'superseded'`),
    index('channel_reports_period').on(table.kind, table.periodStart),
  ],
);

/** One customer × goods of a report: stock in the goods' base unit × 10^quantityDecimals. */
export const channelReportLines = sqliteTable(
  'channel_report_lines',
  {
    id: integer('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => channelReports.id, { onDelete: 'cascade' }),
    /** The row of the file it came from, as Excel numbers it. */
    rowNo: integer('row_no').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => counterparties.id),
    goodsId: integer('goods_id')
      .notNull()
      .references(() => goods.id),
    /** The unit the office wrote (箱): the figures are kept in base units whatever it was. */
    unitName: text('unit_name').notNull(),
    opening: integer('opening').notNull(),
    purchases: integer('purchases').notNull(),
    closing: integer('closing').notNull(),
    inTransit: integer('in_transit').notNull().default(0),
  },
  (table) => [
    uniqueIndex('channel_report_lines_key').on(table.reportId, table.customerId, table.goodsId),
    index('channel_report_lines_customer').on(table.customerId, table.goodsId),
  ],
);

/** When an office's report reached the branch, recorded before it is imported so the board counts from it. */
export const channelReportReceipts = sqliteTable(
  'channel_report_receipts',
  {
    officeId: integer('office_id')
      .notNull()
      .references(() => offices.id),
    kind: text('kind', { enum: reportKinds }).notNull(),
    periodStart: text('period_start').notNull(),
    receivedLocal: text('received_local').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
  },
  (table) => [primaryKey({ columns: [table.officeId, table.kind, table.periodStart] })],
);
