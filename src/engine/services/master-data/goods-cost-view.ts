import { costFigures, seesCost } from '../access/cost-figures';
import type { Actor, ServiceContext } from '../context';
import type { GoodsInput, GoodsView } from './goods';

/**
 * A goods as the actor may read it: its units' purchase prices are what the goods cost
 * (cost-figures.ts). Applied to what leaves the engine only: the goods' own audit and save keep the
 * whole record.
 */
export function goodsAsSeenBy(actor: Actor, goods: GoodsView) {
  return { ...goods, units: goods.units.map((unit) => costFigures(actor, unit, ['purchasePrice'])) };
}

/**
 * A save by a role without cost.view sends back the purchase prices it was never shown (null): each
 * unit the goods already has keeps its stored price, so editing a name does not erase what the goods
 * cost. A unit new to the goods takes what was entered.
 */
export function keepHiddenPurchasePrices(
  ctx: ServiceContext,
  goods: GoodsInput,
  id: number | null,
): GoodsInput {
  if (id === null || seesCost(ctx.actor)) return goods;
  const stored = new Map(
    (
      ctx.db.$client.prepare('SELECT name, purchase_price FROM goods_units WHERE goods_id = ?').all(id) as {
        name: string;
        purchase_price: number | null;
      }[]
    ).map((unit) => [unit.name, unit.purchase_price]),
  );
  return {
    ...goods,
    units: goods.units.map((unit) =>
      stored.has(unit.name) ? { ...unit, purchasePrice: stored.get(unit.name)! } : unit,
    ),
  };
}
