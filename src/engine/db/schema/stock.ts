import {
  sqliteTable,
  integer,
  text,
  index,
  primaryKey,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { movementKinds } from '../../../shared/documents/document-types';
import { documentLines, documents } from './documents';
import { goods } from './goods';
import { warehouses } from './warehouses';

/**
 * 库存流水 (DOMAIN.md §6.1): immutable but for `value` and `correction`, re-costed when a backdated
 * document lands before it (§6.6). Ordered by (posting_date, id): the id is the posting sequence, so a backdated
 * movement sorts after everything already posted on its date.
 */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: integer('id').primaryKey(),
    postingDate: text('posting_date').notNull(),
    goodsId: integer('goods_id')
      .notNull()
      .references(() => goods.id),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    lot: text('lot').notNull().default(''),
    /** Held in transit towards `warehouse_id` (a transfer between its two confirmations, §6.3). */
    inTransit: integer('in_transit', { mode: 'boolean' }).notNull().default(false),
    kind: text('kind', { enum: movementKinds }).notNull(),
    /** Signed base units × 10^quantityDecimals. */
    quantity: integer('quantity').notNull(),
    /** Signed fen. */
    value: integer('value').notNull(),
    /** A receipt filling negative stock: the amount booked against COGS (§6.6). */
    correction: integer('correction').notNull().default(0),
    /**
     * The costing scope (`g:<goods>` or `g:<goods>:w:<warehouse>`); null for in-transit movements and
     * for transfers under 统一核算, which change no value.
     */
    scope: text('scope'),
    /** The FIFO / LIFO / specific-identification layer a receipt forms or an issue takes from. */
    layer: text('layer'),
    /**
     * A receipt whose cost is another movement's cost: a transfer's arrival, a sales return, the
     * reversal of an issue. When re-costing changes that movement, this one follows.
     */
    originMovementId: integer('origin_movement_id').references((): AnySQLiteColumn => stockMovements.id),
    /** The receipt's own cost, when it carries one (purchase, opening, entered gain); else null. */
    ownValue: integer('own_value'),
    /**
     * A receipt at the scope's unit cost at its date: a gain or other receipt without an entered cost, a
     * sales return whose delivery has no movement. Re-costing revisits it like every other movement.
     */
    atCurrentCost: integer('at_current_cost', { mode: 'boolean' }).notNull().default(false),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    lineId: integer('line_id')
      .notNull()
      .references(() => documentLines.id),
  },
  (table) => [
    index('stock_movements_scope').on(table.scope, table.postingDate, table.id),
    index('stock_movements_goods').on(table.goodsId, table.warehouseId, table.postingDate),
    index('stock_movements_date').on(table.postingDate),
    index('stock_movements_origin').on(table.originMovementId),
    index('stock_movements_line').on(table.lineId),
    index('stock_movements_document').on(table.documentId),
  ],
);

/**
 * 收发汇总 by month: the movements per month × goods × warehouse × kind (in transit excluded), summed.
 * Kept by a trigger of migration 0019 on every movement inserted (none is deleted), and by
 * `applyRevaluations` (stock/month-totals.ts) for every value re-costed, so that a month's upload reads
 * its fifteen thousand sums instead of adding up its fifty thousand movements each time it is built.
 */
export const movementMonthTotals = sqliteTable(
  'movement_month_totals',
  {
    /** yyyy-MM. */
    month: text('month').notNull(),
    goodsId: integer('goods_id').notNull(),
    warehouseId: integer('warehouse_id').notNull(),
    kind: text('kind', { enum: movementKinds }).notNull(),
    quantity: integer('quantity').notNull(),
    value: integer('value').notNull(),
    movements: integer('movements').notNull(),
  },
  (table) => [primaryKey({ columns: [table.month, table.goodsId, table.warehouseId, table.kind] })],
);

/** On hand (and in transit) per goods × warehouse × lot: always the sum of the movements. */
export const stockBalances = sqliteTable(
  'stock_balances',
  {
    goodsId: integer('goods_id')
      .notNull()
      .references(() => goods.id),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    lot: text('lot').notNull(),
    inTransit: integer('in_transit', { mode: 'boolean' }).notNull(),
    quantity: integer('quantity').notNull(),
    value: integer('value').notNull(),
    expiryDate: text('expiry_date'),
  },
  (table) => [primaryKey({ columns: [table.goodsId, table.warehouseId, table.lot, table.inTransit] })],
);

/**
 * The costing state of each scope after its latest movement, so that a posting in date order costs
 * one movement instead of replaying the scope.
 */
export const costingStates = sqliteTable('costing_states', {
  scope: text('scope').primaryKey(),
  method: text('method').notNull(),
  state: text('state', { mode: 'json' }).notNull(),
  lastDate: text('last_date').notNull(),
  lastMovementId: integer('last_movement_id').notNull(),
});

/** 月结 (DOMAIN.md §6.7): closed months, the latest of which can be reopened. */
export const monthCloses = sqliteTable('month_closes', {
  month: text('month').primaryKey(),
  closedAt: text('closed_at').notNull(),
  closedByName: text('closed_by_name').notNull(),
});

/** Closing balances per goods × warehouse × lot of a closed month: reports start from here. */
export const closingBalances = sqliteTable(
  'closing_balances',
  {
    month: text('month')
      .notNull()
      .references(() => monthCloses.month, { onDelete: 'cascade' }),
    goodsId: integer('goods_id')
      .notNull()
      .references(() => goods.id),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    lot: text('lot').notNull(),
    quantity: integer('quantity').notNull(),
    value: integer('value').notNull(),
  },
  (table) => [
    uniqueIndex('closing_balances_key').on(table.month, table.goodsId, table.warehouseId, table.lot),
  ],
);

/**
 * Each costing scope's state at the end of a closed month: re-costing after a backdated document starts
 * here, never inside a closed month (§6.7).
 */
export const costingCheckpoints = sqliteTable(
  'costing_checkpoints',
  {
    month: text('month')
      .notNull()
      .references(() => monthCloses.month, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    method: text('method').notNull(),
    state: text('state', { mode: 'json' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.month, table.scope] }),
    // Re-costing asks for a scope's latest checkpoint: by scope first, not by month.
    index('costing_checkpoints_scope').on(table.scope, table.month),
  ],
);
