import { costFigures } from '../access/cost-figures';
import type { Actor } from '../context';
import type { GoodsView } from './goods';

/**
 * A goods as the actor may read it: its units' purchase prices are what the goods cost
 * (cost-figures.ts). Applied to what leaves the engine only: the goods' own audit and save keep the
 * whole record.
 */
export function goodsAsSeenBy(actor: Actor, goods: GoodsView) {
  return { ...goods, units: goods.units.map((unit) => costFigures(actor, unit, ['purchasePrice'])) };
}
