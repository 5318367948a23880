import { LedgerError } from '../../../shared/ledger-error';

/**
 * What the demo's planner knows of stock while it writes documents: quantities per warehouse × goods ×
 * lot, in whole base units, oldest lot first. The ledger keeps the real books; this only lets the
 * planner ship what is there, so that no document is refused for a shortfall (DOMAIN.md §6.6).
 */

export interface LotStock {
  readonly lot: string;
  readonly productionDate: string | null;
  /** yyyy-MM-dd, the last day it may be sold; null for goods without lots. */
  readonly expiryDate: string | null;
  quantity: number;
}

/** One portion of an issue: how much left from which lot. */
export interface Taken {
  readonly lot: string;
  readonly productionDate: string | null;
  readonly quantity: number;
}

export class DemoStock {
  private readonly places: LotStock[][];

  constructor(
    private readonly goodsCount: number,
    warehouseCount: number,
  ) {
    this.places = Array.from({ length: goodsCount * warehouseCount }, () => []);
  }

  lots(warehouse: number, goods: number): readonly LotStock[] {
    return this.places[warehouse * this.goodsCount + goods]!;
  }

  quantity(warehouse: number, goods: number): number {
    return this.lots(warehouse, goods).reduce((sum, lot) => sum + lot.quantity, 0);
  }

  /** What can still be sold on `date`: expired lots wait for the stocktake to write them off. */
  sellable(warehouse: number, goods: number, date: string): number {
    const lots = this.lots(warehouse, goods);
    if (lots.length === 1 && lots[0]!.expiryDate === null) return lots[0]!.quantity;
    return lots
      .filter((lot) => lot.expiryDate === null || lot.expiryDate >= date)
      .reduce((sum, lot) => sum + lot.quantity, 0);
  }

  receive(
    warehouse: number,
    goods: number,
    quantity: number,
    lot = '',
    productionDate: string | null = null,
    expiryDate: string | null = null,
  ): void {
    const lots = this.places[warehouse * this.goodsCount + goods]!;
    const existing = lots.find((entry) => entry.lot === lot);
    if (existing) existing.quantity += quantity;
    else {
      lots.push({ lot, productionDate, expiryDate, quantity });
      lots.sort((a, b) => (a.lot < b.lot ? -1 : a.lot > b.lot ? 1 : 0));
    }
  }

  /** Takes `quantity` from the oldest sellable lots first (先到期先出); returns what came from where. */
  issue(warehouse: number, goods: number, quantity: number, date: string | null = null): Taken[] {
    const lots = this.places[warehouse * this.goodsCount + goods]!;
    const taken: Taken[] = [];
    let wanted = quantity;
    for (const lot of lots) {
      if (wanted === 0) break;
      if (lot.quantity === 0 || (date !== null && lot.expiryDate !== null && lot.expiryDate < date)) continue;
      const part = Math.min(lot.quantity, wanted);
      lot.quantity -= part;
      wanted -= part;
      taken.push({ lot: lot.lot, productionDate: lot.productionDate, quantity: part });
    }
    if (wanted > 0)
      throw new LedgerError('INTERNAL', `演示数据：仓库 ${warehouse} 商品 ${goods} 少 ${wanted}。`);
    this.prune(warehouse, goods);
    return taken;
  }

  issueLot(warehouse: number, goods: number, lot: string, quantity: number): void {
    const entry = this.lots(warehouse, goods).find((candidate) => candidate.lot === lot);
    if (!entry || entry.quantity < quantity)
      throw new LedgerError('INTERNAL', `演示数据：仓库 ${warehouse} 商品 ${goods} 批次 ${lot} 不足。`);
    entry.quantity -= quantity;
    this.prune(warehouse, goods);
  }

  private prune(warehouse: number, goods: number): void {
    const index = warehouse * this.goodsCount + goods;
    const lots = this.places[index]!;
    if (lots.some((lot) => lot.quantity === 0 && lot.lot !== ''))
      this.places[index] = lots.filter((lot) => lot.quantity > 0 || lot.lot === '');
  }
}
