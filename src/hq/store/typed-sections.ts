import { sectionSpecs } from '../../shared/upload/package-format';

/**
 * The per-period sections head office keeps in typed columns, so the console can sum them by branch ×
 * month × goods category in SQL. `dimensions` map a column to the row field naming who or what the figure
 * is about (nullable: a row without one still counts in the totals); `figures` are the integer fields
 * that are also the section's control totals. The whole row is kept beside them as JSON.
 */
export interface TypedSection {
  table: string;
  dimensions: readonly (readonly [column: string, field: string])[];
  figures: readonly string[];
}

export const typedSections: Readonly<Record<string, TypedSection>> = {
  stock_balances: {
    table: 'hq_stock_balances',
    dimensions: [
      ['goods_uid', 'goodsUid'],
      ['warehouse_uid', 'warehouseUid'],
    ],
    figures: sectionSpecs.stock_balances.totalled,
  },
  movement_summary: {
    table: 'hq_movement_summary',
    dimensions: [
      ['goods_uid', 'goodsUid'],
      ['warehouse_uid', 'warehouseUid'],
      ['kind', 'kind'],
    ],
    figures: sectionSpecs.movement_summary.totalled,
  },
  trade: {
    table: 'hq_trade',
    dimensions: [
      ['direction', 'side'],
      ['counterparty_uid', 'counterpartyUid'],
      ['goods_uid', 'goodsUid'],
    ],
    figures: sectionSpecs.trade.totalled,
  },
  money_balances: {
    table: 'hq_money_balances',
    dimensions: [
      ['direction', 'side'],
      ['counterparty_uid', 'counterpartyUid'],
    ],
    figures: sectionSpecs.money_balances.totalled,
  },
};

export function typedSectionOf(section: string): TypedSection | undefined {
  return Object.hasOwn(typedSections, section) ? typedSections[section] : undefined;
}
