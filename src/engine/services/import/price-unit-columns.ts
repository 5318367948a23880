import type { EntitySpec } from '../../domain/master-data/field-spec';
import type { SheetRow } from './read-table';
import { normalizeHeader } from './header-text';
import type { ColumnMapping } from './map-columns';

/**
 * Price columns that say which unit they are per: "进价(元/大单位)", "批发价(元/箱)", "单价/件". Goods keep
 * a price per unit (DOMAIN.md "Units"), so such a column belongs to that unit's price, never to the
 * base unit's by its bare word: 24 元 a 箱 read as 24 元 a 袋 would price every carton 24 times over.
 */

type UnitSlot = 'base' | 'unit2' | 'unit3';
type PriceKind = 'PurchasePrice' | 'SalePrice' | 'MinSalePrice';

/** The words a price column begins with, by the price they name. 单价 in a catalogue is what the branch pays. */
const priceWords: Record<PriceKind, readonly string[]> = {
  PurchasePrice: ['进价', '进货价', '采购价', '单价', '采购单价', '进货单价'],
  SalePrice: ['批发价', '售价', '销售价', '销售单价', '批发单价'],
  MinSalePrice: ['最低售价', '最低价', '最低销售价', '最低批发价', '限价'],
};

/** Unit words that say the level rather than the name. */
const levelWords: Record<string, UnitSlot> = {
  大单位: 'unit2',
  中单位: 'unit3',
  基本单位: 'base',
  小单位: 'base',
  最小单位: 'base',
};

const slotNameField: Record<UnitSlot, string> = { base: 'baseUnit', unit2: 'unit2Name', unit3: 'unit3Name' };
const slotLabel: Record<UnitSlot, string> = { base: '基本单位', unit2: '大单位', unit3: '中单位' };

export interface PriceColumn {
  kind: PriceKind;
  /** The level the header names, or the unit's own name ("箱") to be found in the rows. */
  unit: UnitSlot | { name: string };
}

/** What a header says about its price and unit, or null when it is no price per a named unit. */
export function priceColumnOf(header: string): PriceColumn | null {
  const match = /^(.+?)(?:\((?:元)?\/([^()/]+)\)|\/([^()/]+))$/.exec(normalizeHeader(header));
  if (!match) return null;
  const word = match[1]!;
  const unitText = (match[2] ?? match[3])!;
  const kind = (Object.keys(priceWords) as PriceKind[]).find((candidate) =>
    priceWords[candidate].includes(word),
  );
  if (!kind) return null;
  return { kind, unit: levelWords[unitText] ?? { name: unitText } };
}

const fieldFor = (slot: UnitSlot, kind: PriceKind) => `${slot}${kind}`;

export interface PriceUnitResolution {
  mapping: ColumnMapping;
  /** For the preview: a price column whose unit the import could not tell, left for the clerk to map. */
  warnings: string[];
}

/**
 * Settles the price columns that name a unit, in a mapping made automatically: a level ("大单位") maps
 * to that level's price; a unit's name ("箱") maps to the level that has this name on every row that
 * names one. Where the rows disagree (箱 is the 大单位 of one goods and the base unit of another) or no
 * level has it, the column is left unmapped with a warning, and the clerk picks in the preview.
 */
export function resolvePriceUnits(
  spec: EntitySpec,
  headers: readonly string[],
  mapping: ColumnMapping,
  rows: readonly SheetRow[],
): PriceUnitResolution {
  const keys = new Set(spec.fields.map((field) => field.key));
  if (!keys.has('unit2PurchasePrice')) return { mapping, warnings: [] };
  const next = { ...mapping };
  const warnings: string[] = [];
  const cellText = (row: SheetRow, column: number | null | undefined) =>
    column === null || column === undefined ? '' : (row.cells[column]?.shown.trim() ?? '');

  headers.forEach((header, column) => {
    const price = priceColumnOf(header);
    if (!price) return;
    // A header the spec names exactly ("最低售价(元/箱)" is head office's 大单位 column) keeps its field.
    const normalized = normalizeHeader(header);
    const current = spec.fields.find((field) => next[field.key] === column);
    if (current && [current.label, ...(current.synonyms ?? [])].map(normalizeHeader).includes(normalized))
      return;
    // Whatever the bare word matched, this column is decided here.
    for (const [key, mapped] of Object.entries(next)) if (mapped === column) next[key] = null;
    let slot: UnitSlot | null = null;
    if (typeof price.unit === 'string') slot = price.unit;
    else {
      const { name } = price.unit;
      const levels = (['unit2', 'unit3', 'base'] as const).filter((candidate) => {
        const named = rows.filter((row) => cellText(row, next[slotNameField[candidate]]) !== '');
        return (
          named.length > 0 && named.every((row) => cellText(row, next[slotNameField[candidate]]) === name)
        );
      });
      if (levels.length === 1) slot = levels[0]!;
      else {
        warnings.push(
          `【${header}】是按【${name}】计的价格，但文件中【${name}】不都是同一级单位（或没有这个单位），` +
            '未自动对应：请在对应关系中选择它是哪个单位的价格。',
        );
        return;
      }
    }
    const field = fieldFor(slot, price.kind);
    if (!keys.has(field)) return;
    if (next[field] !== null && next[field] !== undefined) {
      warnings.push(`【${header}】与另一列都是${slotLabel[slot]}的价格，未自动对应：请在对应关系中选择。`);
      return;
    }
    next[field] = column;
  });
  return { mapping: next, warnings };
}
