import {
  sqliteTable,
  integer,
  text,
  index,
  uniqueIndex,
  primaryKey,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { costingMethods } from '../../domain/branch/profile';
import { activeColumn, recycleBinColumns, timestampColumns, versionColumn } from './record-columns';
import { warehouses } from './warehouses';

/** 商品类别: a tree; `path` is the names from the root, "乳制品/纯牛奶", as catalogues write it. */
export const goodsCategories = sqliteTable(
  'goods_categories',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull().unique(),
    name: text('name').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => goodsCategories.id),
    path: text('path').notNull().unique(),
    ...timestampColumns,
  },
  (table) => [index('goods_categories_parent').on(table.parentId)],
);

export const goods = sqliteTable(
  'goods',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull().unique(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    spec: text('spec').notNull().default(''),
    categoryId: integer('category_id').references(() => goodsCategories.id),
    brand: text('brand').notNull().default(''),
    /** Basis points of a percent: 13% is 1300 (src/shared/numbers/scales.ts). */
    taxRate: integer('tax_rate').notNull(),
    lotTracked: integer('lot_tracked', { mode: 'boolean' }).notNull().default(false),
    shelfLifeDays: integer('shelf_life_days'),
    /** Null: the branch's default costing method. */
    costingMethod: text('costing_method', { enum: costingMethods }),
    /** A base unit that cannot be split (袋, 瓶): quantities must be whole base units. */
    baseUnitIndivisible: integer('base_unit_indivisible', { mode: 'boolean' }).notNull().default(true),
    defaultPurchaseUnit: text('default_purchase_unit'),
    defaultSaleUnit: text('default_sale_unit'),
    /** Units stock is shown in, largest first ("3箱5袋"); null: all units. */
    displayUnits: text('display_units', { mode: 'json' }).$type<string[]>(),
    remark: text('remark').notNull().default(''),
    /** Code, name, spec, brand and pinyin, lower-case, for the search box (shared/text/search-text.ts). */
    searchText: text('search_text').notNull(),
    ...activeColumn,
    ...timestampColumns,
    ...recycleBinColumns,
    ...versionColumn,
  },
  (table) => [index('goods_category').on(table.categoryId), index('goods_name').on(table.name)],
);

/**
 * 多单位: a goods' base unit (ratio 1) and its further units, each with its own barcode and
 * default prices. Prices are in millionths of a yuan; whether they include tax is the goods
 * catalogue's convention, recorded per price list in a later issue — here they are as entered.
 */
export const goodsUnits = sqliteTable(
  'goods_units',
  {
    id: integer('id').primaryKey(),
    goodsId: integer('goods_id')
      .notNull()
      .references(() => goods.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Base units in one of this unit, in millionths: 箱 = 24 袋 is 24_000_000. */
    ratio: integer('ratio').notNull(),
    isBase: integer('is_base', { mode: 'boolean' }).notNull(),
    barcode: text('barcode'),
    purchasePrice: integer('purchase_price'),
    salePrice: integer('sale_price'),
    retailPrice: integer('retail_price'),
    /** 最低售价: a sale below it is refused or needs a manager's approval (by setting). */
    minSalePrice: integer('min_sale_price'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (table) => [
    uniqueIndex('goods_units_name').on(table.goodsId, table.name),
    // A barcode names one unit of one goods: scanning it must never be ambiguous.
    uniqueIndex('goods_units_barcode')
      .on(table.barcode)
      .where(sql`${table.barcode} IS NOT NULL`),
  ],
);

/** 库存下限 / 上限 per goods and warehouse, in base units scaled by the branch's quantity decimals. */
export const goodsStockLines = sqliteTable(
  'goods_stock_lines',
  {
    goodsId: integer('goods_id')
      .notNull()
      .references(() => goods.id, { onDelete: 'cascade' }),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    lower: integer('lower'),
    upper: integer('upper'),
  },
  (table) => [primaryKey({ columns: [table.goodsId, table.warehouseId] })],
);
