import type { StockPosition } from './stock-position';

/**
 * 统一核算 (DOMAIN.md §2, §6.3): under costing scope 'per_branch' a goods has one cost across the
 * branch's warehouses and transfers carry no value, so the value the movements leave at a single
 * warehouse means nothing (a warehouse that received by transfer and then sold shows a negative
 * value). A per-warehouse value is therefore shown as the goods' total value allocated by each
 * place's share of the goods' total quantity, in transit included (the goods' value covers it).
 *
 * Each place brings its quantity and booked value; the shares are whole fen that add up to the total
 * of the booked values exactly (largest remainder), so a report's total is the ledger's figure, not a
 * sum of roundings.
 */
export function allocateByQuantity(places: readonly { quantity: number; value: number }[]): number[] {
  let totalQuantity = 0n;
  let totalValue = 0;
  for (const place of places) {
    totalQuantity += BigInt(place.quantity);
    totalValue += place.value;
  }
  // Nothing to divide by: the goods' value is then zero anyway (§6.2: stock at zero quantity holds
  // zero value) except through allowed negative stock, where the booked values are all there is.
  if (totalQuantity === 0n) return places.map((place) => place.value);
  const quantities = places.map((place) => place.quantity);
  const sign = totalQuantity < 0n ? -1n : 1n;
  const divisor = totalQuantity * sign;
  const total = BigInt(totalValue);
  const shares = quantities.map((quantity, index) => {
    const numerator = total * BigInt(quantity) * sign;
    // Floor division (toward −∞) with a positive divisor: the remainder is in [0, divisor).
    let floor = numerator / divisor;
    if (numerator % divisor !== 0n && numerator < 0n) floor -= 1n;
    return { index, floor, remainder: numerator - floor * divisor };
  });
  let left = total;
  for (const share of shares) left -= share.floor;
  const result = shares.map((share) => share.floor);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (let i = 0; left > 0n; i++, left--) result[byRemainder[i]!.index]! += 1n;
  return result.map(Number);
}

/** Allocates within each goods: every place of a goods (its warehouses, its stock in transit) at once. */
export function allocatePerGoods<
  Place extends { goodsId: number; warehouseId?: number; quantity: number; value: number },
>(places: readonly Place[]): Map<Place, number> {
  const byGoods = new Map<number, Place[]>();
  // A tie for the last fen goes by warehouse (in transit last), never by the order documents were
  // posted in: the books must not depend on it.
  const ordered = [...places].sort(
    (a, b) => (a.warehouseId ?? Number.MAX_SAFE_INTEGER) - (b.warehouseId ?? Number.MAX_SAFE_INTEGER),
  );
  for (const place of ordered) {
    const list = byGoods.get(place.goodsId);
    if (list) list.push(place);
    else byGoods.set(place.goodsId, [place]);
  }
  const allocated = new Map<Place, number>();
  for (const list of byGoods.values()) {
    const values = allocateByQuantity(list);
    list.forEach((place, index) => allocated.set(place, values[index]!));
  }
  return allocated;
}

/**
 * Each position's value: its own under 分仓核算; under 统一核算 its share of the goods' value, the
 * goods' stock in transit taking its share too.
 */
export function positionValues(
  perBranch: boolean,
  positions: readonly StockPosition[],
  inTransit: () => Map<number, { quantity: number; value: number }>,
): Map<StockPosition, number> {
  if (!perBranch) return new Map(positions.map((position) => [position, position.value]));
  const places: { goodsId: number; quantity: number; value: number; position?: StockPosition }[] =
    positions.map((position) => ({ ...position, position }));
  for (const [goodsId, transit] of inTransit()) places.push({ goodsId, ...transit });
  const values = new Map<StockPosition, number>();
  for (const [place, value] of allocatePerGoods(places))
    if (place.position) values.set(place.position, value);
  return values;
}
