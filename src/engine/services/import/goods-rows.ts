import { asc, eq, isNotNull } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { goods, goodsCategories, goodsStockLines, goodsUnits } from '../../db/schema';
import type { CostingMethod } from '../../domain/branch/profile';
import { goodsCostingMethod, type CostingMethodRule } from '../../domain/master-data/goods-costing-method';
import { goodsSpec } from '../../domain/master-data/goods-spec';
import { formatScaled } from '../../../shared/numbers/decimal';
import { baseUnitRatio, defaultTaxRate, ratioScale } from '../../../shared/numbers/scales';
import { getBranchProfile } from '../branch/branch-profile';
import { normalizeCategoryPath } from '../master-data/categories';
import { minSalePriceProblem, writeGoods, type GoodsInput, type GoodsUnitInput } from '../master-data/goods';
import type { EntityImporter, PlannedRow } from './entity-importer';
import type { ImportOptions } from './import-options';
import type { ImportRow } from './import-row';
import {
  checkCode,
  checkLength,
  decideAction,
  existingByCode,
  existingFor,
  refuseDuplicateCodes,
  skippedExisting,
  type ExistingRecord,
} from './record-rows';
import { markDuplicates, type UniqueValue } from './validate-rows';

/** The columns of one unit in the file: the base unit, 大单位 and 中单位 (goods-spec.ts). */
interface UnitColumns {
  label: string;
  name: string;
  ratio: string | null;
  barcode: string;
  purchasePrice: string;
  salePrice: string;
  retailPrice: string | null;
  minSalePrice: string;
}

const baseUnitColumns: UnitColumns = {
  label: '基本单位',
  name: 'baseUnit',
  ratio: null,
  barcode: 'baseBarcode',
  purchasePrice: 'basePurchasePrice',
  salePrice: 'baseSalePrice',
  retailPrice: 'baseRetailPrice',
  minSalePrice: 'baseMinSalePrice',
};

const furtherUnitColumns: UnitColumns[] = [2, 3].map((index) => ({
  label: index === 2 ? '大单位' : '中单位',
  name: `unit${index}Name`,
  ratio: `unit${index}Ratio`,
  barcode: `unit${index}Barcode`,
  purchasePrice: `unit${index}PurchasePrice`,
  salePrice: `unit${index}SalePrice`,
  retailPrice: null,
  minSalePrice: `unit${index}MinSalePrice`,
}));

/** Lengths the goods form allows (api/schemas/goods.ts), checked here so the preview names the cell. */
const maxTextLength: Record<string, number> = { name: 60, spec: 60, brand: 30, remark: 200 };
const maxCodeLength = 30;
const maxUnitNameLength = 10;
const maxBarcodeLength = 32;

function newGoodsInput(code: string): GoodsInput {
  return {
    code,
    name: '',
    spec: '',
    categoryPath: null,
    brand: '',
    taxRate: defaultTaxRate,
    lotTracked: false,
    shelfLifeDays: null,
    costingMethod: null,
    baseUnitIndivisible: true,
    defaultPurchaseUnit: null,
    defaultSaleUnit: null,
    displayUnits: null,
    active: true,
    remark: '',
    units: [],
    stockLines: [],
  };
}

/** A goods as it is now, in the shape writeGoods takes: what an update starts from. */
function currentGoodsInput(tx: LedgerTx, id: number): GoodsInput {
  const row = tx.select().from(goods).where(eq(goods.id, id)).get()!;
  const categoryPath = row.categoryId
    ? (tx
        .select({ path: goodsCategories.path })
        .from(goodsCategories)
        .where(eq(goodsCategories.id, row.categoryId))
        .get()?.path ?? null)
    : null;
  const units = tx
    .select()
    .from(goodsUnits)
    .where(eq(goodsUnits.goodsId, id))
    .orderBy(asc(goodsUnits.sortOrder))
    .all();
  const stockLines = tx
    .select({
      warehouseId: goodsStockLines.warehouseId,
      lower: goodsStockLines.lower,
      upper: goodsStockLines.upper,
    })
    .from(goodsStockLines)
    .where(eq(goodsStockLines.goodsId, id))
    .all();
  return {
    code: row.code,
    name: row.name,
    spec: row.spec,
    categoryPath,
    brand: row.brand,
    taxRate: row.taxRate,
    lotTracked: row.lotTracked,
    shelfLifeDays: row.shelfLifeDays,
    costingMethod: row.costingMethod,
    baseUnitIndivisible: row.baseUnitIndivisible,
    defaultPurchaseUnit: row.defaultPurchaseUnit,
    defaultSaleUnit: row.defaultSaleUnit,
    displayUnits: row.displayUnits,
    active: row.active,
    remark: row.remark,
    units: units.map((unit) => ({
      name: unit.name,
      ratio: unit.ratio,
      isBase: unit.isBase,
      barcode: unit.barcode,
      purchasePrice: unit.purchasePrice,
      salePrice: unit.salePrice,
      retailPrice: unit.retailPrice,
      minSalePrice: unit.minSalePrice,
    })),
    stockLines,
  };
}

/** The same goods written the same way compare equal: units largest first, stock lines by warehouse. */
function canonical(input: GoodsInput): string {
  return JSON.stringify({
    ...input,
    units: [...input.units].sort((a, b) => b.ratio - a.ratio || a.name.localeCompare(b.name)),
    stockLines: [...input.stockLines].sort((a, b) => a.warehouseId - b.warehouseId),
  });
}

interface GoodsLookups {
  goodsByCode: Map<string, ExistingRecord>;
  barcodeOwners: Map<string, { code: string; name: string }>;
  categoryPaths: Set<string>;
  costingRule: CostingMethodRule;
}

/** What rows are checked against, read once per import rather than once per row. */
function loadLookups(tx: LedgerTx, costingRule: CostingMethodRule): GoodsLookups {
  const goodsByCode = existingByCode(tx, goods, goods);
  const barcodeOwners = new Map(
    tx
      .select({ barcode: goodsUnits.barcode, code: goods.code, name: goods.name })
      .from(goodsUnits)
      .innerJoin(goods, eq(goods.id, goodsUnits.goodsId))
      .where(isNotNull(goodsUnits.barcode))
      .all()
      .map((row) => [row.barcode!, { code: row.code, name: row.name }]),
  );
  const categoryPaths = new Set(
    tx
      .select({ path: goodsCategories.path })
      .from(goodsCategories)
      .all()
      .map((row) => row.path),
  );
  return { goodsByCode, barcodeOwners, categoryPaths, costingRule };
}

function anyGiven(row: ImportRow, keys: readonly (string | null)[]): string | null {
  return keys.find((key): key is string => key !== null && (row.has(key) || row.isUnreadable(key))) ?? null;
}

function nonNegativePrice(row: ImportRow, key: string | null, current: number | null): number | null {
  if (key === null || !row.has(key)) return current;
  const price = row.number(key)!;
  if (price < 0) row.error(key, '价格不能为负数');
  return price;
}

/**
 * One unit of the goods after the file's cells are laid over what the goods has: a cell the file
 * leaves blank keeps the unit's current value (or nothing, for a new goods).
 */
function applyUnitColumns(
  row: ImportRow,
  columns: UnitColumns,
  current: GoodsUnitInput | null,
  baseUnitName: string,
): GoodsUnitInput | null {
  const given = anyGiven(row, [
    columns.name,
    columns.ratio,
    columns.barcode,
    columns.purchasePrice,
    columns.salePrice,
    columns.retailPrice,
    columns.minSalePrice,
  ]);
  if (given === null) return current;
  const isBase = columns.ratio === null;
  const name = row.text(columns.name) ?? current?.name ?? null;
  if (name === null) {
    // A missing base unit is already reported as a required cell.
    if (!isBase) row.error(given, `填写了${row.column(given)}，但未填写${columns.label}名称`);
    return null;
  }
  if ([...name].length > maxUnitNameLength)
    row.error(columns.name, `单位名称不能超过 ${maxUnitNameLength} 个字`);

  let ratio = baseUnitRatio;
  if (!isBase) {
    const ratioKey = columns.ratio!;
    const fileRatio = row.number(ratioKey);
    if (fileRatio === null && current === null) {
      if (!row.isUnreadable(ratioKey)) {
        row.error(ratioKey, `请填写${columns.label}换算率：1 ${name} 等于多少${baseUnitName}`);
      }
      return null;
    }
    ratio = fileRatio ?? current!.ratio;
    if (ratio <= 0)
      row.error(ratioKey, `换算率必须是大于 0 的数字，而不是 ${formatScaled(ratio, ratioScale)}`);
    else if (ratio === baseUnitRatio) row.error(ratioKey, `换算率为 1 时${name}与基本单位相同，不必另设`);
    else if (ratio < baseUnitRatio) {
      row.error(ratioKey, `换算率必须大于 1：基本单位${baseUnitName}是最小的单位`);
    }
    if (name === baseUnitName) row.error(columns.name, `${columns.label}【${name}】与基本单位同名`);
  }

  const barcode = row.has(columns.barcode) ? row.text(columns.barcode) : (current?.barcode ?? null);
  if (barcode !== null && barcode.length > maxBarcodeLength) {
    row.error(columns.barcode, `条码不能超过 ${maxBarcodeLength} 位`);
  }
  return {
    name,
    ratio,
    isBase,
    barcode,
    purchasePrice: nonNegativePrice(row, columns.purchasePrice, current?.purchasePrice ?? null),
    salePrice: nonNegativePrice(row, columns.salePrice, current?.salePrice ?? null),
    retailPrice: nonNegativePrice(row, columns.retailPrice, current?.retailPrice ?? null),
    minSalePrice: nonNegativePrice(row, columns.minSalePrice, current?.minSalePrice ?? null),
  };
}

/**
 * The goods' units with the file's three unit column groups laid over them, largest first. A group
 * that names its unit (大单位 = 箱) updates the goods' unit of that name, or adds it; a group that
 * gives only prices or barcodes updates the goods' unit in that place (大单位: the largest further
 * unit, 中单位: the next). Units the file does not mention stay as they are.
 */
function applyUnits(row: ImportRow, current: GoodsInput, goodsName: string): GoodsUnitInput[] {
  const currentBase = current.units.find((unit) => unit.isBase) ?? null;
  const currentFurther = current.units.filter((unit) => !unit.isBase).sort((a, b) => b.ratio - a.ratio);
  const base = applyUnitColumns(row, baseUnitColumns, currentBase, '');
  const baseName = base?.name ?? '';
  const claimed = new Set<GoodsUnitInput>();
  const further = furtherUnitColumns.map((columns, index) => {
    const name = row.text(columns.name);
    const match = name !== null ? currentFurther.find((unit) => unit.name === name) : currentFurther[index];
    const target = match && !claimed.has(match) ? match : null;
    if (target) claimed.add(target);
    return { columns, unit: applyUnitColumns(row, columns, target, baseName) };
  });
  const seen = new Set<string>();
  for (const { columns, unit } of further) {
    if (!unit) continue;
    if (seen.has(unit.name)) row.error(columns.name, `${columns.label}【${unit.name}】与其他单位同名`);
    seen.add(unit.name);
  }
  // writeGoods refuses it too; said here, the preview points at the cell rather than the code.
  for (const { columns, unit } of [{ columns: baseUnitColumns, unit: base }, ...further]) {
    const problem = unit && minSalePriceProblem(goodsName, unit);
    if (problem) row.error(row.has(columns.minSalePrice) ? columns.minSalePrice : columns.salePrice, problem);
  }
  const kept = currentFurther.filter((unit) => !claimed.has(unit));
  const units = [base, ...further.map(({ unit }) => unit), ...kept].filter(
    (unit): unit is GoodsUnitInput => unit !== null,
  );
  return units.sort((a, b) => b.ratio - a.ratio);
}

/** The file's values laid over the goods as it is (or a new goods); blank cells change nothing. */
function applyRow(row: ImportRow, current: GoodsInput): GoodsInput {
  const next: GoodsInput = { ...current };
  const text = (key: 'name' | 'spec' | 'brand' | 'remark') => {
    if (row.has(key)) next[key] = row.text(key)!;
  };
  text('name');
  text('spec');
  text('brand');
  text('remark');
  if (row.has('category')) next.categoryPath = normalizeCategoryPath(row.text('category')!) || null;
  if (row.has('taxRate')) {
    next.taxRate = row.number('taxRate')!;
    if (next.taxRate < 0 || next.taxRate > 10_000) row.error('taxRate', '税率应在 0% 到 100% 之间');
  }
  if (row.has('shelfLifeDays')) {
    next.shelfLifeDays = row.number('shelfLifeDays');
    if (next.shelfLifeDays! < 1) row.error('shelfLifeDays', '保质期至少 1 天');
  }
  if (row.has('lotTracked')) next.lotTracked = row.flag('lotTracked')!;
  if (row.has('costingMethod')) next.costingMethod = row.text('costingMethod') as CostingMethod;
  if (row.has('baseUnitIndivisible')) next.baseUnitIndivisible = row.flag('baseUnitIndivisible')!;
  if (row.has('active')) next.active = row.flag('active')!;
  next.units = applyUnits(row, current, next.name);
  // Default and display units must stay among the units; when the file removed one, the goods
  // falls back to writeGoods' default (its largest unit).
  const names = new Set(next.units.map((unit) => unit.name));
  const keep = (unit: string | null) => (unit !== null && names.has(unit) ? unit : null);
  next.defaultPurchaseUnit = keep(next.defaultPurchaseUnit);
  next.defaultSaleUnit = keep(next.defaultSaleUnit);
  const display = next.displayUnits?.filter((unit) => names.has(unit)) ?? null;
  next.displayUnits = display?.length ? display : null;
  return next;
}

function barcodesOf(row: ImportRow): UniqueValue[] {
  return [baseUnitColumns, ...furtherUnitColumns]
    .map((columns) => ({ value: row.text(columns.barcode), fieldKey: columns.barcode }))
    .filter((entry): entry is UniqueValue => entry.value !== null);
}

function planGoodsRow(
  tx: LedgerTx,
  row: ImportRow,
  lookups: GoodsLookups,
  options: ImportOptions,
): PlannedRow<GoodsInput> {
  const code = row.text('code');
  const existing = existingFor(row, lookups.goodsByCode, '商品');
  const existingId = existing?.id ?? null;
  if (existingId !== null && options.existing === 'skip') {
    return { row, action: row.hasErrors ? 'error' : 'skip', note: skippedExisting, existingId, write: null };
  }

  checkCode(row, 'code', maxCodeLength);
  for (const [key, max] of Object.entries(maxTextLength)) checkLength(row, key, max);
  const current = existingId !== null ? currentGoodsInput(tx, existingId) : newGoodsInput(code ?? '');
  const next = applyRow(row, current);
  // The goods form's rule (writeGoods applies it too); said here, the preview points at the cell.
  const kept = goodsCostingMethod(lookups.costingRule, next.name, next.costingMethod);
  if ('problem' in kept) row.error('costingMethod', kept.problem);
  else next.costingMethod = kept.costingMethod;

  for (const barcode of barcodesOf(row)) {
    const owner = lookups.barcodeOwners.get(barcode.value);
    if (owner && owner.code !== code) {
      row.error(barcode.fieldKey, `条码 ${barcode.value} 已用于商品【${owner.code} ${owner.name}】`);
    }
  }
  if (next.categoryPath !== null && !lookups.categoryPaths.has(next.categoryPath)) {
    if (options.createMissing) row.warn('category', `商品类别【${next.categoryPath}】不存在，将新建`);
    else row.error('category', `商品类别【${next.categoryPath}】不存在（可选择自动新建缺少的类别）`);
  }
  return decideAction(row, existing, options, next, () => canonical(next) === canonical(current));
}

/** 商品: head office's catalogue, with its units, barcodes, prices and category tree. */
export const goodsImporter: EntityImporter<GoodsInput> = {
  spec: goodsSpec,
  plan(tx, ctx, rows, options) {
    refuseDuplicateCodes(rows);
    markDuplicates(rows, barcodesOf, (barcode) => `条码 ${barcode} `);
    const lookups = loadLookups(tx, getBranchProfile(ctx));
    return rows.map((row) => planGoodsRow(tx, row, lookups, options));
  },
  // A lowest price refused (sensitive-fields.ts) lands on the price cell of the unit it names, or else
  // on the first lowest-price cell the row fills.
  refusedField(planned, field, details) {
    if (field !== 'units') return null;
    const { row } = planned;
    const groups = [baseUnitColumns, ...furtherUnitColumns].filter((columns) =>
      row.has(columns.minSalePrice),
    );
    const named = groups.find((columns) => row.text(columns.name) === details.unit);
    return (named ?? groups[0])?.minSalePrice ?? null;
  },
  write(tx, ctx, planned, options) {
    writeGoods(tx, ctx, planned.write!, planned.existingId, {
      createCategories: options.createMissing,
      openedVersion: planned.openedVersion,
    });
  },
};
