import type { ApiInput, ApiOutput } from '../../../../shared/api';

type GoodsView = ApiOutput<'goods.get'>;
type GoodsInput = ApiInput<'goods.save'>['goods'];
type CostingMethod = NonNullable<GoodsView['costingMethod']>;

export interface GoodsUnitValues {
  name: string;
  /** Base units in one of this unit, as typed: "24". */
  ratio: string;
  isBase: boolean;
  barcode: string;
  purchasePrice: string;
  salePrice: string;
  retailPrice: string;
  minSalePrice: string;
}

export interface GoodsStockLineValues {
  warehouseId: number;
  lower: number | null;
  upper: number | null;
}

/** The goods form's values: decimals as the text the clerk typed, the base unit first. */
export interface GoodsFormValues {
  code: string;
  name: string;
  spec: string;
  categoryPath: string | null;
  brand: string;
  taxRate: string;
  lotTracked: boolean;
  shelfLifeDays: number | null;
  /** '' is the branch's default method (a select cannot hold null). */
  costingMethod: CostingMethod | '';
  baseUnitIndivisible: boolean;
  defaultPurchaseUnit: string | null;
  defaultSaleUnit: string | null;
  displayUnits: string[] | null;
  active: boolean;
  remark: string;
  units: GoodsUnitValues[];
  stockLines: GoodsStockLineValues[];
}

export function blankGoods(): GoodsFormValues {
  return {
    code: '',
    name: '',
    spec: '',
    categoryPath: null,
    brand: '',
    taxRate: '13',
    lotTracked: false,
    shelfLifeDays: null,
    costingMethod: '',
    baseUnitIndivisible: true,
    defaultPurchaseUnit: null,
    defaultSaleUnit: null,
    displayUnits: null,
    active: true,
    remark: '',
    units: [blankUnit(true)],
    stockLines: [],
  };
}

export function blankUnit(isBase: boolean): GoodsUnitValues {
  return {
    name: '',
    ratio: isBase ? '1' : '',
    isBase,
    barcode: '',
    purchasePrice: '',
    salePrice: '',
    retailPrice: '',
    minSalePrice: '',
  };
}

export function goodsToValues(goods: GoodsView): GoodsFormValues {
  // The engine keeps units largest first; the form edits the base unit first, the others after it.
  const units = [...goods.units].sort((a, b) => Number(b.isBase) - Number(a.isBase));
  return {
    code: goods.code,
    name: goods.name,
    spec: goods.spec,
    categoryPath: goods.categoryPath,
    brand: goods.brand,
    taxRate: goods.taxRate,
    lotTracked: goods.lotTracked,
    shelfLifeDays: goods.shelfLifeDays,
    costingMethod: goods.costingMethod ?? '',
    baseUnitIndivisible: goods.baseUnitIndivisible,
    defaultPurchaseUnit: goods.defaultPurchaseUnit,
    defaultSaleUnit: goods.defaultSaleUnit,
    displayUnits: goods.displayUnits,
    active: goods.active,
    remark: goods.remark,
    units: units.map((unit) => ({
      name: unit.name,
      ratio: unit.ratio,
      isBase: unit.isBase,
      barcode: unit.barcode ?? '',
      purchasePrice: unit.purchasePrice ?? '',
      salePrice: unit.salePrice ?? '',
      retailPrice: unit.retailPrice ?? '',
      minSalePrice: unit.minSalePrice ?? '',
    })),
    stockLines: goods.stockLines.map(({ warehouseId, lower, upper }) => ({ warehouseId, lower, upper })),
  };
}

export function valuesToGoodsInput(values: GoodsFormValues): GoodsInput {
  return {
    ...values,
    costingMethod: values.costingMethod || null,
    units: values.units.map((unit) => ({
      ...unit,
      barcode: unit.barcode || null,
      purchasePrice: unit.purchasePrice || null,
      salePrice: unit.salePrice || null,
      retailPrice: unit.retailPrice || null,
      minSalePrice: unit.minSalePrice || null,
    })),
    stockLines: values.stockLines.filter((line) => line.lower !== null || line.upper !== null),
  };
}

/** "1 箱 = 24 袋", as the clerk types it; "?" where a part is still missing. */
export function describeUnit(unit: Pick<GoodsUnitValues, 'name' | 'ratio'>, baseName: string): string {
  return `1 ${unit.name.trim() || '?'} = ${unit.ratio.trim() || '?'} ${baseName.trim() || '?'}`;
}
