import { asc, isNull } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { goods, goodsUnits, warehouses } from '../../db/schema';
import { openingStockSpec } from '../../domain/master-data/opening-stock-spec';
import { formatScaled } from '../../../shared/numbers/decimal';
import { fenScale, ratioScale, type Fen, type PriceMicros } from '../../../shared/numbers/scales';
import { findBranchRow } from '../branch/branch-profile';
import { createOpeningStockDraft } from '../documents/opening-stock-document';
import type { EntityImporter, PlannedRow } from './entity-importer';
import type { ImportRow } from './import-row';

/**
 * One line of the opening stock (期初库存) as the opening-balance document will post it: quantities
 * in base units scaled by the branch's quantity decimals, the value in fen (DOMAIN.md §3: value is
 * authoritative, the unit cost is derived from it).
 */
export interface OpeningStockLine {
  row: number;
  warehouseId: number;
  goodsId: number;
  /** The unit the file counted in and priced by. */
  unitName: string;
  /** Base units × 10^quantityDecimals. */
  baseQuantity: number;
  /** The unit cost per `unitName`, excluding tax, in millionths of a yuan, as the file gave it. */
  unitCost: PriceMicros;
  /** round(quantity in `unitName` × unit cost), half away from zero. */
  value: Fen;
  lot: string;
  productionDate: string | null;
}

/** The lot a lot-tracked goods' opening stock is recorded under when the sheet names none. */
export const openingLot = '期初';

interface GoodsFacts {
  id: number;
  code: string;
  name: string;
  lotTracked: boolean;
  baseUnitIndivisible: boolean;
  active: boolean;
  /** Largest first. */
  units: { name: string; ratio: number }[];
}

interface OpeningStockLookups {
  warehouseByNameOrCode: Map<string, { id: number; name: string; active: boolean }>;
  goodsByCode: Map<string, GoodsFacts>;
  quantityDecimals: number;
}

function loadLookups(tx: LedgerTx): OpeningStockLookups {
  const warehouseByNameOrCode = new Map<string, { id: number; name: string; active: boolean }>();
  for (const warehouse of tx.select().from(warehouses).where(isNull(warehouses.deletedAt)).all()) {
    const entry = { id: warehouse.id, name: warehouse.name, active: warehouse.active };
    warehouseByNameOrCode.set(warehouse.code, entry);
    warehouseByNameOrCode.set(warehouse.name, entry);
  }
  const goodsByCode = new Map<string, GoodsFacts>();
  const goodsById = new Map<number, GoodsFacts>();
  for (const row of tx.select().from(goods).where(isNull(goods.deletedAt)).all()) {
    const facts = { ...row, units: [] };
    goodsByCode.set(row.code, facts);
    goodsById.set(row.id, facts);
  }
  for (const unit of tx
    .select()
    .from(goodsUnits)
    .orderBy(asc(goodsUnits.goodsId), asc(goodsUnits.sortOrder))
    .all()) {
    goodsById.get(unit.goodsId)?.units.push({ name: unit.name, ratio: unit.ratio });
  }
  for (const facts of goodsById.values()) facts.units.sort((a, b) => b.ratio - a.ratio);
  return { warehouseByNameOrCode, goodsByCode, quantityDecimals: findBranchRow(tx)?.quantityDecimals ?? 2 };
}

/** Base units are counted in 10^-12 here: a ratio (10^-6) times a quantity (10^-6) stays exact. */
const picoPerUnit = 10n ** 12n;
const microPerUnit = 10n ** 6n;

/** "33箱5袋": the quantity in the goods' units, largest first (DOMAIN.md §4). */
function mixedQuantity(basePico: bigint, units: readonly { name: string; ratio: number }[]): string {
  let rest = basePico;
  const parts: string[] = [];
  for (const unit of units) {
    const unitPico = BigInt(unit.ratio) * microPerUnit;
    const isBase = unit === units[units.length - 1];
    const whole = isBase ? rest : rest / unitPico;
    if (whole === 0n) continue;
    parts.push(
      isBase
        ? `${formatScaled(Number(rest / microPerUnit), ratioScale)}${unit.name}`
        : `${whole}${unit.name}`,
    );
    rest -= isBase ? rest : whole * unitPico;
  }
  return parts.join('') || `0${units[units.length - 1]?.name ?? ''}`;
}

/** Rounds a non-negative quotient half up (四舍五入; values here are never negative). */
function roundedQuotient(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

function planOpeningStockRow(
  row: ImportRow,
  lookups: OpeningStockLookups,
  seen: Map<string, number>,
): PlannedRow<OpeningStockLine> {
  const error = (): PlannedRow<OpeningStockLine> => ({ row, action: 'error', existingId: null, write: null });

  const warehouseKey = row.text('warehouse');
  const warehouse = warehouseKey === null ? undefined : lookups.warehouseByNameOrCode.get(warehouseKey);
  if (warehouseKey !== null && !warehouse)
    row.error('warehouse', `仓库【${warehouseKey}】不存在（按仓库名称或编码查找）`);
  if (warehouse && !warehouse.active) row.error('warehouse', `仓库【${warehouse.name}】已停用`);

  const code = row.text('goodsCode');
  const item = code === null ? undefined : lookups.goodsByCode.get(code);
  if (code !== null && !item) row.error('goodsCode', `商品编码 ${code} 不存在，请先导入商品`);
  if (!item) return error();
  const writtenName = row.text('goodsName');
  if (writtenName !== null && writtenName !== item.name) {
    row.warn('goodsName', `与商品编码 ${item.code} 对应的商品名称【${item.name}】不同，按编码导入`);
  }
  if (!item.active) row.warn('goodsCode', `商品【${item.code} ${item.name}】已停用`);

  const unitName = row.text('unitName') ?? item.units[0]?.name ?? '';
  const unit = item.units.find((candidate) => candidate.name === unitName);
  if (!unit) {
    row.error(
      'unitName',
      `商品【${item.name}】没有单位【${unitName}】（有：${item.units.map((u) => u.name).join('、')}）`,
    );
    return error();
  }
  const baseUnit = item.units[item.units.length - 1]!;

  const quantity = row.number('quantity');
  const loose = row.number('looseQuantity') ?? 0;
  const unitCost = row.number('unitCost');
  if (quantity !== null && quantity < 0) row.error('quantity', '数量不能为负数');
  if (loose < 0) row.error('looseQuantity', '散装数量不能为负数');
  if (unitCost !== null && unitCost < 0) row.error('unitCost', '单位成本不能为负数');
  if (quantity === null || unitCost === null || row.hasErrors) return error();

  const basePico = BigInt(quantity) * BigInt(unit.ratio) + BigInt(loose) * microPerUnit;
  const quantityKey = row.has('looseQuantity') ? 'looseQuantity' : 'quantity';
  if (item.baseUnitIndivisible && basePico % picoPerUnit !== 0n) {
    row.error(
      quantityKey,
      `${baseUnit.name}不可拆分，折合后的 ${formatScaled(Number(basePico / microPerUnit), ratioScale)}${baseUnit.name}不是整数`,
    );
  }
  const basePerStored = 10n ** BigInt(12 - lookups.quantityDecimals);
  if (basePico % basePerStored !== 0n) {
    row.error(quantityKey, `折合基本单位后超过本机构数量精度（${lookups.quantityDecimals} 位小数）`);
  }
  if (basePico === 0n) row.warn('quantity', '数量为 0，此行不产生库存');

  let lot = row.text('lot') ?? '';
  if (item.lotTracked && !lot) {
    lot = openingLot;
    row.warn('lot', `未填批号，将记为批号【${openingLot}】`);
  } else if (!item.lotTracked && lot) {
    row.warn('lot', `商品【${item.name}】未启用批次管理，批号不会记录`);
    lot = '';
  }
  const productionDate = item.lotTracked ? (row.text('productionDate') ?? null) : null;

  if (warehouse) {
    const key = `${warehouse.id}\u0001${item.id}\u0001${lot}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) row.warn('goodsCode', `与第 ${earlier} 行的仓库、商品、批号相同，过账时合并`);
    else seen.set(key, row.rowNumber);
  }
  if (row.hasErrors || !warehouse) return error();

  // value = quantity in the counted unit × unit cost = basePico / (ratio × 10^6) × unitCost / 10^6 yuan.
  const value = Number(
    roundedQuotient(
      basePico * BigInt(unitCost) * 10n ** BigInt(fenScale),
      BigInt(unit.ratio) * microPerUnit * microPerUnit,
    ),
  );
  const line: OpeningStockLine = {
    row: row.rowNumber,
    warehouseId: warehouse.id,
    goodsId: item.id,
    unitName,
    baseQuantity: Number(basePico / basePerStored),
    unitCost,
    value,
    lot,
    productionDate,
  };
  return {
    row,
    action: 'create',
    existingId: null,
    write: line,
    derived: {
      warehouse: warehouse.name,
      unitName,
      baseQuantity: `${formatScaled(Number(basePico / microPerUnit), ratioScale)}`,
      baseUnit: baseUnit.name,
      mixedQuantity: mixedQuantity(basePico, item.units),
      amount: formatScaled(value, fenScale, 2),
      lot,
    },
  };
}

/**
 * 期初库存: parsed and checked here, row by row; committing makes one draft opening-balance document
 * of the valid rows, which approval posts with its movements and costs.
 */
export const openingStockImporter: EntityImporter<OpeningStockLine> = {
  spec: openingStockSpec,
  plan(tx, _ctx, rows) {
    const lookups = loadLookups(tx);
    const seen = new Map<string, number>();
    return rows.map((row) => planOpeningStockRow(row, lookups, seen));
  },
  writeAll(tx, ctx, planned, source) {
    const lines = planned.map((row) => row.write!);
    return { created: lines.length, document: createOpeningStockDraft(tx, ctx, lines, source.fileName) };
  },
};
