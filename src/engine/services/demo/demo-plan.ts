import type { DocumentType } from '../../../shared/documents/document-types';
import { addDays, isMonthEnd, lotOfProductionDate, monthOf, weekday } from './demo-calendar';
import type { DemoModel } from './demo-model';
import type { DemoScale } from './demo-scale';
import { DemoStock } from './demo-stock';
import { WeightedPicker, type SeededRandom } from './seeded-random';

/**
 * The documents of a demo branch, day by day, as its people would enter them: 期初库存 on the first
 * day, then each morning the suppliers' deliveries and the transfers to the satellite warehouses, the
 * day's sales deliveries and returns, and a stocktake of a third of the goods at each month end.
 * Stock is replenished when it runs low, so sales find goods and nothing is refused.
 * Pure: indexes into the model, no ids; demo-posting.ts enters the documents.
 */

export interface PlannedLine {
  readonly goods: number;
  readonly unit: 'box' | 'base';
  /** Whole units of `unit`. */
  readonly quantity: number;
  /** Per unit, excluding VAT, in fen; null takes the engine's default (a stocktake's current cost). */
  readonly priceFen: number | null;
  readonly warehouse: number;
  readonly toWarehouse: number | null;
  readonly lot: string;
  readonly productionDate: string | null;
  readonly gift: boolean;
  readonly remark: string;
  /** A return's origin: the delivery (by its sequence in the plan) and its line number. */
  readonly source: { readonly document: number; readonly lineNo: number } | null;
}

export interface PlannedDocument {
  /** Position in the plan, from 0: how returns name the delivery they come from. */
  readonly seq: number;
  readonly type: DocumentType;
  readonly date: string;
  readonly supplier: number | null;
  readonly customer: number | null;
  readonly warehouse: number;
  readonly toWarehouse: number | null;
  readonly remark: string;
  readonly lines: readonly PlannedLine[];
}

/** The schema's limit on lines per document. */
const maxLines = 2000;

interface RecentDelivery {
  readonly seq: number;
  readonly date: string;
  readonly customer: number;
  readonly lines: (PlannedLine & { returnable: number })[];
}

const returnReasons = ['包装破损退货', '临期退货', '错发退回', '客户退货', '串货退回'];

/** Sales by day of the week: Sunday is quiet, Saturday half a day. */
const weekdayFactor = [0.35, 1, 1, 1, 1, 1, 0.7];
const averageWeekdayFactor = weekdayFactor.reduce((sum, factor) => sum + factor, 0) / 7;

/** Days fresh goods (lot goods) arrive on: Monday, Wednesday, Friday, Saturday. */
const freshDays = [1, 3, 5, 6];

function seasonFactor(category: string, month: number): number {
  if (category.startsWith('饮料') || category === '饮用水') {
    if (month >= 6 && month <= 8) return 1.35;
    if (month === 12 || month <= 2) return 0.8;
  }
  if (category.startsWith('乳制品') && (month === 1 || month === 2)) return 1.25;
  if (category.startsWith('方便食品') && (month === 12 || month <= 2)) return 1.15;
  return 1;
}

function line(
  fields: Partial<PlannedLine> & Pick<PlannedLine, 'goods' | 'quantity' | 'warehouse'>,
): PlannedLine {
  return {
    unit: 'box',
    priceFen: null,
    toWarehouse: null,
    lot: '',
    productionDate: null,
    gift: false,
    remark: '',
    source: null,
    ...fields,
  };
}

export class DemoPlanner {
  private readonly stock: DemoStock;
  readonly firstDay: string;
  private seq = 0;
  /** Per goods: the purchase price's drift from the catalogue, in per mille, moved monthly. */
  private readonly drift: number[];
  /** Per warehouse × goods: expected daily sales in base units. */
  private readonly demand: number[][];
  private readonly customersOf: number[][];
  private readonly customerPickers: (WeightedPicker | null)[];
  private readonly goodsPickers: WeightedPicker[];
  private readonly carried: number[][];
  private readonly recent: RecentDelivery[][];
  private readonly goodsOfSupplier: number[][];

  constructor(
    private readonly model: DemoModel,
    private readonly scale: DemoScale,
    private readonly lastDay: string,
    private readonly random: SeededRandom,
  ) {
    const warehouseCount = model.warehouses.length;
    this.firstDay = addDays(lastDay, -(scale.days - 1));
    this.stock = new DemoStock(model.goods.length, warehouseCount);
    this.drift = model.goods.map(() => 0);
    this.carried = model.warehouses.map((_, warehouse) =>
      model.goods.flatMap((_, goods) => (model.assortment[warehouse]![goods] ? [goods] : [])),
    );
    this.goodsPickers = this.carried.map(
      (goods) => new WeightedPicker(goods.map((index) => model.goods[index]!.popularity)),
    );
    this.customersOf = model.warehouses.map((_, warehouse) =>
      model.customers.flatMap((customer, index) => (customer.warehouse === warehouse ? [index] : [])),
    );
    this.customerPickers = this.customersOf.map((customers) =>
      customers.length === 0
        ? null
        : new WeightedPicker(customers.map((index) => model.customers[index]!.orderWeight)),
    );
    this.recent = model.warehouses.map(() => []);
    this.goodsOfSupplier = model.suppliers.map((_, supplier) =>
      model.goods.flatMap((_, goods) => (model.goodsSupplier[goods] === supplier ? [goods] : [])),
    );
    this.demand = this.expectedDemand();
  }

  /** Deliveries per day at a warehouse on an ordinary weekday. */
  private deliveriesPerDay(warehouse: number): number {
    const share = this.model.warehouses[warehouse]!.salesShare;
    return this.scale.deliveriesPerWarehouseDay * this.model.warehouses.length * share;
  }

  private linesFor(customer: number): number {
    const [fewest, most] = this.scale.deliveryLines;
    return fewest + (most - fewest) * this.model.customers[customer]!.lineFactor;
  }

  /** Expected base units sold a day per warehouse × goods: what stock levels are set from. */
  private expectedDemand(): number[][] {
    const { model } = this;
    return model.warehouses.map((_, warehouse) => {
      const customers = this.customersOf[warehouse]!;
      const weights = customers.reduce((sum, index) => sum + model.customers[index]!.orderWeight, 0);
      if (weights === 0) return model.goods.map(() => 0);
      const average = (of: (customer: number) => number) =>
        customers.reduce((sum, index) => sum + model.customers[index]!.orderWeight * of(index), 0) / weights;
      const lines = average((index) => this.linesFor(index));
      const boxes = average((index) => model.customers[index]!.boxesPerLine);
      const linesPerDay = this.deliveriesPerDay(warehouse) * averageWeekdayFactor * lines;
      const popularity = this.carried[warehouse]!.reduce(
        (sum, index) => sum + model.goods[index]!.popularity,
        0,
      );
      return model.goods.map((goods, index) =>
        model.assortment[warehouse]![index]
          ? ((linesPerDay * goods.popularity) / popularity) * boxes * goods.boxRatio
          : 0,
      );
    });
  }

  /** Base units to hold, in whole 箱 and at least one: `days` of expected sales. */
  private level(demand: number, days: number, goods: number): number {
    const ratio = this.model.goods[goods]!.boxRatio;
    return Math.max(1, Math.ceil((demand * days) / ratio)) * ratio;
  }

  private isDirect(goods: number): boolean {
    return this.model.suppliers[this.model.goodsSupplier[goods]!]!.direct;
  }

  /** What the main warehouse must cover for a goods: its own sales and the satellites' it supplies. */
  private mainDemand(goods: number): number {
    if (this.isDirect(goods)) return this.demand[0]![goods]!;
    return this.demand.reduce((sum, perGoods) => sum + perGoods[goods]!, 0);
  }

  private purchasePrice(goods: number): number {
    return Math.round((this.model.goods[goods]!.boxPurchaseFen * (1000 + this.drift[goods]!)) / 1000);
  }

  private document(
    fields: Omit<PlannedDocument, 'seq' | 'lines' | 'supplier' | 'customer' | 'toWarehouse' | 'remark'> &
      Partial<Pick<PlannedDocument, 'supplier' | 'customer' | 'toWarehouse' | 'remark'>>,
    lines: PlannedLine[],
  ): PlannedDocument[] {
    const documents: PlannedDocument[] = [];
    for (let start = 0; start < lines.length; start += maxLines) {
      documents.push({
        supplier: null,
        customer: null,
        toWarehouse: null,
        remark: '',
        ...fields,
        seq: this.seq++,
        lines: lines.slice(start, start + maxLines),
      });
    }
    return documents;
  }

  /** A received lot of fresh goods: produced a day or three before it arrives. */
  private freshLot(goods: number, date: string): { lot: string; productionDate: string; expiryDate: string } {
    const productionDate = addDays(date, -this.random.int(1, 3));
    return {
      lot: lotOfProductionDate(productionDate),
      productionDate,
      expiryDate: addDays(productionDate, this.model.goods[goods]!.shelfLifeDays),
    };
  }

  private receiveLine(
    warehouse: number,
    goods: number,
    boxes: number,
    date: string,
    priceFen: number,
  ): PlannedLine {
    const item = this.model.goods[goods]!;
    if (!item.lotTracked) {
      this.stock.receive(warehouse, goods, boxes * item.boxRatio);
      return line({ goods, quantity: boxes, warehouse, priceFen });
    }
    const { lot, productionDate, expiryDate } = this.freshLot(goods, date);
    this.stock.receive(warehouse, goods, boxes * item.boxRatio, lot, productionDate, expiryDate);
    return line({ goods, quantity: boxes, warehouse, priceFen, lot, productionDate });
  }

  /** Splits what left a warehouse into lines per lot, in 箱 where whole, else in the base unit. */
  private issuedLines(
    goods: number,
    taken: readonly { lot: string; productionDate: string | null; quantity: number }[],
    fields: Omit<Partial<PlannedLine>, 'goods' | 'quantity'> & Pick<PlannedLine, 'warehouse'>,
    boxPriceFen: number | null,
  ): PlannedLine[] {
    const ratio = this.model.goods[goods]!.boxRatio;
    return taken.map((part) => {
      const whole = part.quantity % ratio === 0;
      const price =
        boxPriceFen === null ? null : whole ? boxPriceFen : Math.round((boxPriceFen * 103) / 100 / ratio);
      return line({
        ...fields,
        goods,
        unit: whole ? 'box' : 'base',
        quantity: whole ? part.quantity / ratio : part.quantity,
        priceFen: price,
        lot: part.lot,
        productionDate: part.productionDate,
      });
    });
  }

  /** Every document of the demo, in date order. */
  *documents(): Generator<PlannedDocument> {
    for (let date = this.firstDay; date <= this.lastDay; date = addDays(date, 1)) {
      if (date === this.firstDay) yield* this.openingStock(date);
      if (date.endsWith('-01')) this.moveDrift();
      yield* this.purchases(date);
      yield* this.transfers(date);
      yield* this.deliveries(date);
      yield* this.returns(date);
      if (isMonthEnd(date) || date === this.lastDay) yield* this.stocktakes(date);
    }
  }

  private moveDrift(): void {
    for (let goods = 0; goods < this.drift.length; goods += 1) {
      this.drift[goods] = Math.max(-100, Math.min(150, this.drift[goods]! + this.random.int(-20, 25)));
    }
  }

  /** 期初库存: what each warehouse held when the branch started keeping its books here. */
  private *openingStock(date: string): Generator<PlannedDocument> {
    for (let warehouse = 0; warehouse < this.model.warehouses.length; warehouse += 1) {
      const lines = this.carried[warehouse]!.map((goods) => {
        const item = this.model.goods[goods]!;
        const days = item.lotTracked ? 5 : warehouse === 0 ? 20 : 12;
        const demand = warehouse === 0 ? this.mainDemand(goods) : this.demand[warehouse]![goods]!;
        const boxes = this.level(demand, days, goods) / item.boxRatio;
        return this.receiveLine(warehouse, goods, boxes, date, item.boxPurchaseFen);
      });
      yield* this.document(
        { type: 'opening_stock', date, warehouse, remark: '启用本系统时的期初库存' },
        lines,
      );
    }
  }

  /**
   * Each supplier delivers on its days what ran low: to the main warehouse, or, for suppliers that
   * deliver direct, to every warehouse on one receipt (a receipt's lines name their warehouses, §5).
   */
  private *purchases(date: string): Generator<PlannedDocument> {
    const day = weekday(date);
    for (let supplier = 0; supplier < this.model.suppliers.length; supplier += 1) {
      const { deliveryDays, direct } = this.model.suppliers[supplier]!;
      const fresh = deliveryDays.includes(day);
      const lines: PlannedLine[] = [];
      for (const goods of this.goodsOfSupplier[supplier]!) {
        const item = this.model.goods[goods]!;
        // Fresh goods arrive four days a week from whoever makes them; the rest on the supplier's days.
        if (!(fresh || (item.lotTracked && freshDays.includes(day)))) continue;
        const warehouses = direct ? this.model.warehouses.map((_, index) => index) : [0];
        for (const warehouse of warehouses) {
          if (!this.model.assortment[warehouse]![goods]) continue;
          const demand = warehouse === 0 ? this.mainDemand(goods) : this.demand[warehouse]![goods]!;
          const [reorderDays, targetDays] = item.lotTracked ? [2.5, 5] : warehouse === 0 ? [9, 24] : [8, 28];
          const onHand = this.stock.sellable(warehouse, goods, date);
          if (onHand > Math.ceil(demand * reorderDays)) continue;
          const boxes = Math.ceil((this.level(demand, targetDays, goods) - onHand) / item.boxRatio);
          if (boxes <= 0) continue;
          lines.push(this.receiveLine(warehouse, goods, boxes, date, this.purchasePrice(goods)));
        }
      }
      if (lines.length > 0)
        yield* this.document(
          { type: 'purchase_receipt', date, supplier, warehouse: lines[0]!.warehouse },
          lines,
        );
    }
  }

  /** Twice a week each satellite is topped up from the main warehouse (调拨, through in-transit). */
  private *transfers(date: string): Generator<PlannedDocument> {
    const day = weekday(date);
    for (let warehouse = 1; warehouse < this.model.warehouses.length; warehouse += 1) {
      const fresh = freshDays.includes(day);
      const full = day === 1 + (warehouse % 3) || day === 4 + (warehouse % 3);
      if (!fresh && !full) continue;
      const lines: PlannedLine[] = [];
      for (const goods of this.carried[warehouse]!) {
        const item = this.model.goods[goods]!;
        if (this.isDirect(goods) || !(item.lotTracked ? fresh : full)) continue;
        const demand = this.demand[warehouse]![goods]!;
        const [reorderDays, targetDays] = item.lotTracked ? [2.5, 5] : [8, 28];
        const onHand = this.stock.sellable(warehouse, goods, date);
        if (onHand > Math.ceil(demand * reorderDays)) continue;
        const available = this.stock.sellable(0, goods, date);
        const wanted = this.level(demand, targetDays, goods) - onHand;
        const boxes = Math.min(Math.ceil(wanted / item.boxRatio), Math.floor(available / item.boxRatio));
        if (boxes <= 0) continue;
        const taken = this.stock.issue(0, goods, boxes * item.boxRatio, date);
        for (const part of taken)
          this.stock.receive(
            warehouse,
            goods,
            part.quantity,
            part.lot,
            part.productionDate,
            part.productionDate === null ? null : addDays(part.productionDate, item.shelfLifeDays),
          );
        lines.push(...this.issuedLines(goods, taken, { warehouse: 0, toWarehouse: warehouse }, null));
      }
      if (lines.length > 0)
        yield* this.document(
          {
            type: 'transfer',
            date,
            warehouse: 0,
            toWarehouse: warehouse,
            remark: `${this.model.warehouses[0]!.name}补货至${this.model.warehouses[warehouse]!.name}`,
          },
          lines,
        );
    }
  }

  private *deliveries(date: string): Generator<PlannedDocument> {
    const factor = weekdayFactor[weekday(date)]!;
    const month = monthOf(date);
    for (let warehouse = 0; warehouse < this.model.warehouses.length; warehouse += 1) {
      const customerPicker = this.customerPickers[warehouse];
      if (!customerPicker) continue;
      const count = this.random.poisson(this.deliveriesPerDay(warehouse) * factor);
      const carried = this.carried[warehouse]!;
      for (let delivery = 0; delivery < count; delivery += 1) {
        const customer = this.customersOf[warehouse]![customerPicker.pick(this.random)]!;
        const buyer = this.model.customers[customer]!;
        const wanted = Math.max(1, Math.round(this.linesFor(customer) * (0.5 + this.random.float())));
        const chosen = new Set<number>();
        for (let tries = 0; chosen.size < Math.min(wanted, carried.length) && tries < wanted * 3; tries += 1)
          chosen.add(carried[this.goodsPickers[warehouse]!.pick(this.random)]!);
        const lines: PlannedLine[] = [];
        for (const goods of chosen) {
          const item = this.model.goods[goods]!;
          const boxPrice = Math.round(
            (item.boxSaleFen * buyer.pricePercent * (1000 + this.drift[goods]! / 2)) / 100_000,
          );
          const loose = buyer.tier === 'retail' && item.boxRatio > 4 && this.random.chance(0.3);
          const season = seasonFactor(item.category, month);
          let quantity = loose
            ? this.random.int(2, item.boxRatio - 1)
            : Math.max(1, Math.round(buyer.boxesPerLine * season * (0.3 + this.random.float() * 1.4))) *
              item.boxRatio;
          const sellable = this.stock.sellable(warehouse, goods, date);
          if (quantity > sellable) quantity = Math.floor(sellable / item.boxRatio) * item.boxRatio;
          if (quantity <= 0) continue;
          const taken = this.stock.issue(warehouse, goods, quantity, date);
          lines.push(...this.issuedLines(goods, taken, { warehouse }, boxPrice));
        }
        if (lines.length === 0) continue;
        if (buyer.tier === 'dealer' && this.random.chance(0.08)) {
          // 赠品: a case given with a dealer's order, at zero price, still carrying its cost (§5).
          const goods = carried[this.goodsPickers[warehouse]!.pick(this.random)]!;
          const ratio = this.model.goods[goods]!.boxRatio;
          if (this.stock.sellable(warehouse, goods, date) >= ratio) {
            const taken = this.stock.issue(warehouse, goods, ratio, date);
            lines.push(...this.issuedLines(goods, taken, { warehouse, gift: true, remark: '随单赠品' }, 0));
          }
        }
        const [planned] = this.document(
          {
            type: 'sales_delivery',
            date,
            customer,
            warehouse,
            remark: this.random.chance(0.2) ? '送货上门' : '',
          },
          lines,
        );
        this.remember(warehouse, planned!);
        yield planned!;
      }
    }
  }

  private remember(warehouse: number, delivery: PlannedDocument): void {
    const recent = this.recent[warehouse]!;
    recent.push({
      seq: delivery.seq,
      date: delivery.date,
      customer: delivery.customer!,
      lines: delivery.lines.map((planned) => ({
        ...planned,
        returnable: planned.gift ? 0 : planned.quantity,
      })),
    });
    const oldest = addDays(delivery.date, -30);
    while (recent.length > 0 && recent[0]!.date < oldest) recent.shift();
  }

  /** 销售退货: now and then a customer sends back part of a recent delivery, at its issue cost (§6.4). */
  private *returns(date: string): Generator<PlannedDocument> {
    const factor = weekdayFactor[weekday(date)]!;
    for (let warehouse = 0; warehouse < this.model.warehouses.length; warehouse += 1) {
      const recent = this.recent[warehouse]!.filter((delivery) => delivery.date < date);
      let count = this.random.poisson(this.scale.returnsPerWarehouseDay * factor);
      while (count-- > 0 && recent.length > 0) {
        const delivery = this.random.pick(recent);
        const candidates = delivery.lines
          .map((planned, index) => ({ planned, lineNo: index + 1 }))
          .filter(({ planned }) => planned.returnable > 0);
        if (candidates.length === 0) continue;
        const reason = this.random.pick(returnReasons);
        const lines: PlannedLine[] = [];
        const picked = new Set<number>();
        for (let pick = this.random.int(1, 2); pick > 0; pick -= 1) {
          const { planned, lineNo } = this.random.pick(candidates);
          if (picked.has(lineNo)) continue;
          picked.add(lineNo);
          const quantity = this.random.int(1, Math.min(2, planned.returnable));
          planned.returnable -= quantity;
          const item = this.model.goods[planned.goods]!;
          const base = planned.unit === 'box' ? quantity * item.boxRatio : quantity;
          this.stock.receive(
            warehouse,
            planned.goods,
            base,
            planned.lot,
            planned.productionDate,
            planned.productionDate === null ? null : addDays(planned.productionDate, item.shelfLifeDays),
          );
          // Back in the unit, at the price and into the lot it left in.
          lines.push(
            line({
              goods: planned.goods,
              unit: planned.unit,
              quantity,
              priceFen: planned.priceFen,
              warehouse,
              lot: planned.lot,
              productionDate: planned.productionDate,
              remark: reason,
              source: { document: delivery.seq, lineNo },
            }),
          );
        }
        yield* this.document(
          { type: 'sales_return', date, customer: delivery.customer, warehouse, remark: reason },
          lines,
        );
      }
    }
  }

  /**
   * 盘点 (§6.5) at month end: a third of each warehouse's goods, in rotation. Most counts agree with the
   * books; a few cases were broken or miscounted, and expired fresh lots are counted as nothing.
   */
  private *stocktakes(date: string): Generator<PlannedDocument> {
    const rotation = monthOf(date) % 3;
    for (let warehouse = 0; warehouse < this.model.warehouses.length; warehouse += 1) {
      const lines: PlannedLine[] = [];
      for (const goods of this.carried[warehouse]!) {
        if (goods % 3 !== rotation) continue;
        const item = this.model.goods[goods]!;
        const lots = this.stock.lots(warehouse, goods).filter((lot) => !item.lotTracked || lot.quantity > 0);
        for (const lot of lots) {
          const book = lot.quantity;
          let counted = book;
          let remark = '';
          if (lot.expiryDate !== null && lot.expiryDate < date) {
            counted = 0;
            remark = '过期报损';
          } else if (book > 0 && this.random.chance(0.02)) {
            counted = this.random.chance(0.7)
              ? book - this.random.int(1, Math.min(3, book))
              : book + this.random.int(1, 2);
            remark = counted < book ? '破损' : '盘盈';
          }
          if (counted < book) this.stock.issueLot(warehouse, goods, lot.lot, book - counted);
          else if (counted > book)
            this.stock.receive(warehouse, goods, counted - book, lot.lot, lot.productionDate, lot.expiryDate);
          lines.push(
            line({
              goods,
              unit: 'base',
              quantity: counted,
              warehouse,
              lot: lot.lot,
              productionDate: lot.productionDate,
              remark,
            }),
          );
        }
      }
      if (lines.length > 0)
        yield* this.document(
          { type: 'stocktake', date, warehouse, remark: `${date.slice(0, 7)} 月末盘点（轮盘 1/3）` },
          lines,
        );
    }
  }
}
