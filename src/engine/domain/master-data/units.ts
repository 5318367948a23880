import { LedgerError } from '../../../shared/ledger-error';
import { formatScaled } from '../../../shared/numbers/decimal';
import { baseUnitRatio, ratioScale } from '../../../shared/numbers/scales';

/**
 * A goods' units (多单位, DOMAIN.md §4): one base unit, the smallest counted, and any number of
 * further units with their ratio to it ("1 箱 = 24 袋").
 */
export interface UnitDraft {
  name: string;
  /** Base units in one of this unit, in millionths: 箱 = 24 袋 is 24_000_000. */
  ratio: number;
  isBase: boolean;
  barcode: string | null;
}

/** Checks a goods' unit list; throws naming the goods and the unit at fault. */
export function assertValidUnits(goodsLabel: string, units: readonly UnitDraft[]): void {
  const bases = units.filter((unit) => unit.isBase);
  if (bases.length !== 1) {
    throw new LedgerError('VALIDATION', `商品【${goodsLabel}】必须有且只有一个基本单位。`);
  }
  if (bases[0]!.ratio !== baseUnitRatio) {
    throw new LedgerError('VALIDATION', `商品【${goodsLabel}】的基本单位换算率必须为 1。`);
  }
  const names = new Set<string>();
  const barcodes = new Set<string>();
  for (const unit of units) {
    if (!unit.name.trim()) throw new LedgerError('VALIDATION', `商品【${goodsLabel}】有单位未填名称。`);
    if (names.has(unit.name))
      throw new LedgerError('VALIDATION', `商品【${goodsLabel}】的单位【${unit.name}】重复。`);
    names.add(unit.name);
    if (!Number.isInteger(unit.ratio) || unit.ratio <= 0) {
      throw new LedgerError('VALIDATION', `商品【${goodsLabel}】单位【${unit.name}】的换算率必须是正数。`);
    }
    if (!unit.isBase && unit.ratio === baseUnitRatio) {
      throw new LedgerError(
        'VALIDATION',
        `商品【${goodsLabel}】单位【${unit.name}】与基本单位的换算率相同，不必另设。`,
      );
    }
    if (unit.barcode) {
      if (barcodes.has(unit.barcode)) {
        throw new LedgerError('VALIDATION', `商品【${goodsLabel}】的条码 ${unit.barcode} 用在了两个单位上。`);
      }
      barcodes.add(unit.barcode);
    }
  }
}

/** "1 箱 = 24 袋", as the goods form and lists show it. */
export function describeRatio(unit: { name: string; ratio: number }, baseUnitName: string): string {
  return `1 ${unit.name} = ${formatScaled(unit.ratio, ratioScale)} ${baseUnitName}`;
}
