import { asc, eq, sql } from 'drizzle-orm';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import {
  goods,
  goodsCategories,
  goodsStockLines,
  goodsUnits,
  stockMovements,
  warehouses,
} from '../../db/schema';
import { newUid } from '../../db/uid';
import type { CostingMethod } from '../../domain/branch/profile';
import { LedgerError } from '../../../shared/ledger-error';
import { formatScaled } from '../../../shared/numbers/decimal';
import { priceScale, ratioScale, taxRateScale } from '../../../shared/numbers/scales';
import { goodsCostingMethod } from '../../domain/master-data/goods-costing-method';
import { assertValidUnits, describeRatio } from '../../domain/master-data/units';
import { groupThousands } from '../../../shared/numbers/yuan-display';
import { assertMayChangeSensitive } from '../access/sensitive-fields';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { assertNotInRecycleBin, assertOpenedVersion, auditWrite, codeTakenError } from './record-lifecycle';
import { normalizeCategoryPath, resolveCategoryPath } from './categories';
import { searchTextOf } from '../../../shared/text/search-text';

export interface GoodsUnitInput {
  name: string;
  /** Millionths of a base unit (src/shared/numbers/scales.ts). */
  ratio: number;
  isBase: boolean;
  barcode: string | null;
  /** Millionths of a yuan. */
  purchasePrice: number | null;
  salePrice: number | null;
  retailPrice: number | null;
  /** 最低售价: a sale in this unit below it is refused or held for approval (trading-checks.ts). */
  minSalePrice: number | null;
}

export interface GoodsStockLineInput {
  warehouseId: number;
  lower: number | null;
  upper: number | null;
}

export interface GoodsInput {
  code: string;
  name: string;
  spec: string;
  /** "乳制品/纯牛奶"; null: no category. */
  categoryPath: string | null;
  brand: string;
  /** Basis points of a percent. */
  taxRate: number;
  lotTracked: boolean;
  shelfLifeDays: number | null;
  costingMethod: CostingMethod | null;
  baseUnitIndivisible: boolean;
  defaultPurchaseUnit: string | null;
  defaultSaleUnit: string | null;
  displayUnits: string[] | null;
  active: boolean;
  remark: string;
  units: GoodsUnitInput[];
  stockLines: GoodsStockLineInput[];
}

type GoodsRow = typeof goods.$inferSelect;
type UnitRow = typeof goodsUnits.$inferSelect;
/** What the view shows of a unit: the stored row without its keys. */
type UnitFields = Pick<
  UnitRow,
  'name' | 'ratio' | 'isBase' | 'barcode' | 'purchasePrice' | 'salePrice' | 'retailPrice' | 'minSalePrice'
>;

/** A goods as the form shows it: the record, its category path, units largest first, stock lines. */
export function readGoods(db: LedgerDb | LedgerTx, id: number) {
  const row = db.select().from(goods).where(eq(goods.id, id)).get();
  if (!row) throw new LedgerError('NOT_FOUND', `商品（编号 ${id}）不存在。`);
  const category = row.categoryId
    ? (db
        .select({ path: goodsCategories.path })
        .from(goodsCategories)
        .where(eq(goodsCategories.id, row.categoryId))
        .get()?.path ?? null)
    : null;
  const units = db
    .select()
    .from(goodsUnits)
    .where(eq(goodsUnits.goodsId, id))
    .orderBy(asc(goodsUnits.sortOrder))
    .all();
  const stockLines = db
    .select({
      warehouseId: goodsStockLines.warehouseId,
      warehouseName: warehouses.name,
      lower: goodsStockLines.lower,
      upper: goodsStockLines.upper,
    })
    .from(goodsStockLines)
    .innerJoin(warehouses, eq(warehouses.id, goodsStockLines.warehouseId))
    .where(eq(goodsStockLines.goodsId, id))
    .all();
  return toGoodsView(row, category, units, stockLines);
}

export type GoodsView = ReturnType<typeof toGoodsView>;

/**
 * Decimals leave the engine as exact text ("24", "38.40", "9"): the page shows and edits them
 * without ever holding money in a float.
 */
function toGoodsView(
  row: GoodsRow,
  categoryPath: string | null,
  units: readonly UnitFields[],
  stockLines: { warehouseId: number; warehouseName: string; lower: number | null; upper: number | null }[],
) {
  const { searchText: _searchText, taxRate, ...record } = row;
  const base = units.find((unit) => unit.isBase);
  const price = (value: number | null) => (value === null ? null : formatScaled(value, priceScale, 2));
  return {
    ...record,
    taxRate: formatScaled(taxRate, taxRateScale),
    categoryPath,
    units: units.map((unit) => ({
      name: unit.name,
      ratio: formatScaled(unit.ratio, ratioScale),
      isBase: unit.isBase,
      barcode: unit.barcode,
      purchasePrice: price(unit.purchasePrice),
      salePrice: price(unit.salePrice),
      retailPrice: price(unit.retailPrice),
      minSalePrice: price(unit.minSalePrice),
      describe: base && !unit.isBase ? describeRatio(unit, base.name) : '',
    })),
    stockLines,
  };
}

/** Orders units largest first, so lists and mixed quantities read "箱, 袋". */
function sortedUnits(units: readonly GoodsUnitInput[]): GoodsUnitInput[] {
  return [...units].sort((a, b) => b.ratio - a.ratio);
}

/**
 * The statements writing a goods runs, prepared once per database connection. An import writes
 * tens of thousands of goods in one go: building and preparing each SQL statement anew for every
 * goods cost more than running it. Same statements, same rules as before, only prepared once.
 */
function prepareGoodsStatements(db: LedgerDb) {
  const param = sql.placeholder;
  return {
    // The three lookups run for every row of an import; as plain SQLite statements they skip
    // drizzle's per-call mapping, which was most of their cost.
    barcodeOwner: db.$client.prepare<[string, number], { barcode: string; code: string; name: string }>(
      'SELECT u.barcode, g.code, g.name FROM goods_units u JOIN goods g ON g.id = u.goods_id ' +
        'WHERE u.barcode = ? AND u.goods_id <> ?',
    ),
    sameCode: db.$client.prepare<[string], { id: number; name: string; deletedAt: string | null }>(
      'SELECT id, name, deleted_at AS deletedAt FROM goods WHERE code = ?',
    ),
    categoryByPath: db.$client.prepare<[string], { id: number }>(
      'SELECT id FROM goods_categories WHERE path = ?',
    ),
    insertGoods: db
      .insert(goods)
      .values({
        uid: param('uid'),
        code: param('code'),
        name: param('name'),
        spec: param('spec'),
        categoryId: param('categoryId'),
        brand: param('brand'),
        taxRate: param('taxRate'),
        lotTracked: param('lotTracked'),
        shelfLifeDays: param('shelfLifeDays'),
        costingMethod: param('costingMethod'),
        baseUnitIndivisible: param('baseUnitIndivisible'),
        defaultPurchaseUnit: param('defaultPurchaseUnit'),
        defaultSaleUnit: param('defaultSaleUnit'),
        // Bound as written (JSON text or NULL): the column's JSON encoder would turn null into 'null'.
        displayUnits: sql`${param('displayUnits')}`,
        active: param('active'),
        remark: param('remark'),
        searchText: param('searchText'),
        createdAt: param('createdAt'),
        updatedAt: param('updatedAt'),
      })
      .returning()
      .prepare(),
    insertUnit: db
      .insert(goodsUnits)
      .values({
        goodsId: param('goodsId'),
        name: param('name'),
        ratio: param('ratio'),
        isBase: param('isBase'),
        barcode: param('barcode'),
        purchasePrice: param('purchasePrice'),
        salePrice: param('salePrice'),
        retailPrice: param('retailPrice'),
        minSalePrice: param('minSalePrice'),
        sortOrder: param('sortOrder'),
      })
      .prepare(),
  };
}

type GoodsStatements = ReturnType<typeof prepareGoodsStatements>;
const statementsByDb = new WeakMap<LedgerDb, GoodsStatements>();

function goodsStatements(db: LedgerDb): GoodsStatements {
  let statements = statementsByDb.get(db);
  if (!statements) {
    statements = prepareGoodsStatements(db);
    statementsByDb.set(db, statements);
  }
  return statements;
}

function assertUnitNamesExist(input: GoodsInput): void {
  const names = new Set(input.units.map((unit) => unit.name));
  for (const [label, name] of [
    ['默认采购单位', input.defaultPurchaseUnit],
    ['默认销售单位', input.defaultSaleUnit],
    ...(input.displayUnits ?? []).map((unit) => ['显示单位', unit] as const),
  ] as const) {
    if (name !== null && !names.has(name)) {
      throw new LedgerError('VALIDATION', `商品【${input.name}】的${label}【${name}】不在它的单位中。`);
    }
  }
}

/**
 * A unit whose lowest sale price is above its own sale price could never be sold at its default
 * price: what is wrong with it, in the words the form and the import both show, or null.
 */
export function minSalePriceProblem(
  goodsName: string,
  unit: Pick<GoodsUnitInput, 'name' | 'salePrice' | 'minSalePrice'>,
): string | null {
  if (unit.minSalePrice === null || unit.salePrice === null || unit.minSalePrice <= unit.salePrice)
    return null;
  return (
    `商品【${goodsName}】单位【${unit.name}】的最低售价 ${formatScaled(unit.minSalePrice, priceScale, 2)}` +
    ` 高于批发价 ${formatScaled(unit.salePrice, priceScale, 2)}。`
  );
}

function assertMinSalePricesKept(input: GoodsInput): void {
  for (const unit of input.units) {
    const problem = minSalePriceProblem(input.name, unit);
    if (problem) throw new LedgerError('VALIDATION', problem, { field: 'units' });
  }
}

/** The goods' own costing method as the branch lets it be kept (goods-costing-method.ts). */
function keptCostingMethod(ctx: ServiceContext, input: GoodsInput): CostingMethod | null {
  // Most goods name none: an import of thousands then reads no profile per row.
  if (input.costingMethod === null) return null;
  const kept = goodsCostingMethod(getBranchProfile(ctx), input.name, input.costingMethod);
  if ('problem' in kept) throw new LedgerError('VALIDATION', kept.problem, { field: 'costingMethod' });
  return kept.costingMethod;
}

function assertBarcodesFree(statements: GoodsStatements, input: GoodsInput, goodsId: number | null): void {
  for (const unit of input.units) {
    if (!unit.barcode) continue;
    // Ids start at 1: 0 excludes no goods, for a goods not yet written.
    const taken = statements.barcodeOwner.get(unit.barcode, goodsId ?? 0);
    if (taken) {
      throw new LedgerError(
        'CONFLICT',
        `条码 ${taken.barcode} 已用于商品【${taken.code} ${taken.name}】，同一条码只能对应一个商品单位。`,
      );
    }
  }
}

/** A lowest sale price as a message says it: "1,234.50", or 未设 for none. */
function minSalePriceText(price: string | null): string {
  return price === null ? '未设' : groupThousands(price);
}

/**
 * The lowest sale price is what stops a sale below it (trading-checks.ts): setting, moving or clearing it
 * on any unit takes its own permission, from the form or an import. Units are matched by name; a unit
 * that goes away with a price on it clears that price, so it counts as a change too.
 */
function assertMayChangeMinSalePrices(
  ctx: ServiceContext,
  input: GoodsInput,
  before: GoodsView | null,
): void {
  const price = (value: number | null) => (value === null ? null : formatScaled(value, priceScale, 2));
  const stored = new Map((before?.units ?? []).map((unit) => [unit.name, unit.minSalePrice]));
  const changed = input.units
    .map((unit) => ({ unit: unit.name, from: stored.get(unit.name) ?? null, to: price(unit.minSalePrice) }))
    .concat(
      (before?.units ?? [])
        .filter((unit) => unit.minSalePrice !== null && !input.units.some((next) => next.name === unit.name))
        .map((unit) => ({ unit: unit.name, from: unit.minSalePrice, to: null })),
    )
    .find((change) => change.from !== change.to);
  if (!changed) return;
  assertMayChangeSensitive(ctx, {
    permission: 'minSalePrice.edit',
    field: 'units',
    label: '最低售价',
    record: `商品【${input.code} ${input.name}】单位【${changed.unit}】`,
    from: before === null ? null : minSalePriceText(changed.from),
    to: minSalePriceText(changed.to),
    extra: { unit: changed.unit },
  });
}

export interface WriteGoodsOptions {
  /** Create a missing category path rather than refuse (an import option; the form picks existing ones). */
  createCategories: boolean;
  /** The version the person opened the goods at (edit-version.ts); an import, reading it in this transaction, gives none. */
  openedVersion?: number;
}

/**
 * Creates or replaces a goods with its units and stock lines, in the caller's transaction, with
 * its audit row. Shared by the form and the import so both apply the same rules.
 */
/**
 * Once a goods has stock movements, every stored base quantity means "so many of this base unit", and
 * lot balances exist (or do not): changing a ratio, the base unit or lot tracking would silently change
 * what the books say (issue: "refuses a ratio change once the goods has stock").
 */
function assertStockMeaningKept(tx: LedgerTx, goodsId: number, input: GoodsInput): void {
  const stored = tx.select().from(goodsUnits).where(eq(goodsUnits.goodsId, goodsId)).all();
  const changes: string[] = [];
  for (const unit of stored) {
    const next = input.units.find((candidate) => candidate.name === unit.name);
    if (unit.isBase && !next?.isBase) changes.push(`基本单位【${unit.name}】`);
    else if (next && next.ratio !== unit.ratio) {
      changes.push(
        `单位【${unit.name}】的换算率（${formatScaled(unit.ratio, ratioScale)} → ${formatScaled(next.ratio, ratioScale)}）`,
      );
    }
  }
  const current = tx
    .select({ lotTracked: goods.lotTracked, name: goods.name })
    .from(goods)
    .where(eq(goods.id, goodsId))
    .get()!;
  if (current.lotTracked !== input.lotTracked) changes.push('批次管理');
  if (changes.length === 0) return;
  const moved = tx
    .select({ id: stockMovements.id })
    .from(stockMovements)
    .where(eq(stockMovements.goodsId, goodsId))
    .limit(1)
    .get();
  if (moved) {
    throw new LedgerError(
      'CONFLICT',
      `商品【${current.name}】已有库存流水，不能修改${changes.join('、')}。如需新规格，请另建商品。`,
      { field: 'units' },
    );
  }
}

export function writeGoods(
  tx: LedgerTx,
  ctx: ServiceContext,
  input: GoodsInput,
  existingId: number | null,
  options: WriteGoodsOptions,
): number {
  assertValidUnits(input.name, input.units);
  assertUnitNamesExist(input);
  assertMinSalePricesKept(input);
  const costingMethod = keptCostingMethod(ctx, input);
  const statements = goodsStatements(ctx.db);

  const sameCode = statements.sameCode.get(input.code);
  // Looked up with the prepared statement rather than assertCodeFree: an import checks every row.
  if (sameCode && sameCode.id !== existingId) throw codeTakenError('goods', input.code, sameCode);

  assertBarcodesFree(statements, input, existingId);

  const now = ctx.clock.now().toISOString();
  const categoryPath = input.categoryPath ? normalizeCategoryPath(input.categoryPath) : null;
  // An existing category is the common case (a catalogue names a few dozen for thousands of goods).
  const categoryId = categoryPath
    ? (statements.categoryByPath.get(categoryPath)?.id ??
      resolveCategoryPath(tx, ctx, categoryPath, { create: options.createCategories }))
    : null;
  const units = sortedUnits(input.units);
  const base = units.find((unit) => unit.isBase)!;
  const bigUnits = units.filter((unit) => !unit.isBase);
  const record = {
    code: input.code,
    name: input.name,
    spec: input.spec,
    categoryId,
    brand: input.brand,
    taxRate: input.taxRate,
    lotTracked: input.lotTracked,
    shelfLifeDays: input.shelfLifeDays,
    costingMethod,
    baseUnitIndivisible: input.baseUnitIndivisible,
    // A catalogue usually trades in its largest unit: default to it when nothing is said.
    defaultPurchaseUnit: input.defaultPurchaseUnit ?? bigUnits[0]?.name ?? base.name,
    defaultSaleUnit: input.defaultSaleUnit ?? bigUnits[0]?.name ?? base.name,
    displayUnits: input.displayUnits,
    active: input.active,
    remark: input.remark,
    searchText: searchTextOf([
      input.code,
      input.name,
      input.spec,
      input.brand,
      ...units.map((unit) => unit.barcode),
    ]),
    updatedAt: now,
  };

  let row: GoodsRow;
  let before: GoodsView | null = null;
  if (existingId === null) {
    assertMayChangeMinSalePrices(ctx, input, null);
    row = statements.insertGoods.get({
      ...record,
      displayUnits: record.displayUnits === null ? null : JSON.stringify(record.displayUnits),
      uid: newUid(),
      createdAt: now,
    })!;
  } else {
    before = readGoods(tx, existingId);
    assertNotInRecycleBin('goods', before);
    assertOpenedVersion(tx, ctx, 'goods', before, options.openedVersion);
    assertStockMeaningKept(tx, existingId, input);
    assertMayChangeMinSalePrices(ctx, input, before);
    row = tx
      .update(goods)
      .set({ ...record, version: sql`${goods.version} + 1` })
      .where(eq(goods.id, existingId))
      .returning()
      .get()!;
    tx.delete(goodsUnits).where(eq(goodsUnits.goodsId, existingId)).run();
    tx.delete(goodsStockLines).where(eq(goodsStockLines.goodsId, existingId)).run();
  }
  const id = row.id;
  units.forEach((unit, sortOrder) => statements.insertUnit.run({ ...unit, goodsId: id, sortOrder }));
  for (const line of input.stockLines) {
    if (line.lower !== null && line.upper !== null && line.lower > line.upper) {
      throw new LedgerError('VALIDATION', `商品【${input.name}】的库存下限大于上限。`);
    }
    tx.insert(goodsStockLines)
      .values({ ...line, goodsId: id })
      .run();
  }

  // The record as written, from the row the insert returned and the units in their stored order:
  // what readGoods would read back, without reading it.
  const after = input.stockLines.length === 0 ? toGoodsView(row, categoryPath, units, []) : readGoods(tx, id);
  auditWrite(tx, ctx, 'goods', { code: input.code, created: existingId === null, before, after });
  return id;
}

export function saveGoods(
  ctx: ServiceContext,
  input: GoodsInput,
  id: number | null,
  openedVersion?: number,
): GoodsView {
  return ctx.db.transaction((tx) =>
    readGoods(tx, writeGoods(tx, ctx, input, id, { createCategories: false, openedVersion })),
  );
}
