import type { ChannelTier } from '../../domain/master-data/channel';
import {
  brandSuppliers,
  demoGoods,
  headOfficeBrands,
  personName,
  places,
  tradeNames,
  type DemoGoods,
} from './demo-catalogue';
import type { DemoScale } from './demo-scale';
import type { SeededRandom } from './seeded-random';

/**
 * The branch a demo builds, before anything is written: who is who and who buys what where. Everything
 * is an index into these arrays; the master data step turns indexes into database ids.
 */

export interface DemoWarehouse {
  readonly code: string;
  readonly name: string;
  readonly address: string;
  readonly keeper: { readonly username: string; readonly displayName: string };
  /** Share of the branch's sales shipped from here. */
  readonly salesShare: number;
}

export interface DemoSupplier {
  readonly code: string;
  readonly name: string;
  /** 总部: an internal unit, under independent accounting a purchase at the transfer price (§6.3). */
  readonly internal: boolean;
  /** Delivers straight to every warehouse (water, fresh milk) instead of only to the main one. */
  readonly direct: boolean;
  /** Days of the week (0 = Sunday) it delivers on. */
  readonly deliveryDays: readonly number[];
}

export interface DemoOffice {
  readonly code: string;
  readonly name: string;
  readonly head: string;
  readonly salespeople: readonly string[];
  readonly warehouse: number;
}

export interface DemoCustomer {
  readonly code: string;
  readonly name: string;
  readonly tier: ChannelTier;
  readonly parent: number | null;
  readonly office: number;
  /** Index into the office's salespeople. */
  readonly salesperson: number;
  readonly warehouse: number;
  /** Orders placed relative to a retail shop. */
  readonly orderWeight: number;
  /** Average 箱 per line. */
  readonly boxesPerLine: number;
  /** Fraction of the lines it orders: a dealer's order is long, a shop's short. */
  readonly lineFactor: number;
  /** Price paid against the catalogue's wholesale price, in percent. */
  readonly pricePercent: number;
  readonly creditLimitYuan: number | null;
  readonly paymentTermDays: number;
  readonly contact: string;
  readonly phone: string;
}

export interface DemoModel {
  readonly goods: readonly DemoGoods[];
  /** Per goods: index into `suppliers`. */
  readonly goodsSupplier: readonly number[];
  /** Per warehouse, per goods: whether it carries the goods (the main warehouse carries everything). */
  readonly assortment: readonly (readonly boolean[])[];
  readonly warehouses: readonly DemoWarehouse[];
  readonly suppliers: readonly DemoSupplier[];
  readonly offices: readonly DemoOffice[];
  readonly customers: readonly DemoCustomer[];
  readonly clerk: { readonly username: string; readonly displayName: string };
  readonly manager: { readonly username: string; readonly displayName: string };
  readonly accountant: { readonly username: string; readonly displayName: string };
}

const warehouseNames = [
  { name: '总仓', address: '物流园区 3 号库' },
  { name: '城东仓', address: '东四环外 18 号' },
  { name: '城西仓', address: '西三环建材城 6 号' },
  { name: '南郊仓', address: '南郊工业区 21 号' },
  { name: '北郊仓', address: '北郊农批市场 9 号' },
];

const officeNames = ['城区办事处', '东部办事处', '西部办事处', '南部办事处', '北部办事处', '开发区办事处'];

interface TierProfile {
  readonly tier: ChannelTier;
  readonly share: number;
  readonly suffix: readonly string[];
  readonly orderWeight: number;
  readonly boxesPerLine: number;
  readonly lineFactor: number;
  readonly pricePercent: number;
  readonly creditLimitYuan: number | null;
  readonly paymentTermDays: number;
}

const tiers: readonly TierProfile[] = [
  {
    tier: 'dealer',
    share: 0.08,
    suffix: ['商贸有限公司', '食品有限公司'],
    orderWeight: 3,
    boxesPerLine: 7,
    lineFactor: 1,
    pricePercent: 94,
    creditLimitYuan: 500_000,
    paymentTermDays: 30,
  },
  {
    tier: 'distributor',
    share: 0.1,
    suffix: ['食品经营部', '商贸行'],
    orderWeight: 2,
    boxesPerLine: 4,
    lineFactor: 0.8,
    pricePercent: 96,
    creditLimitYuan: 200_000,
    paymentTermDays: 30,
  },
  {
    tier: 'special_distributor',
    share: 0.05,
    suffix: ['副食批发', '食品批发站'],
    orderWeight: 2,
    boxesPerLine: 4,
    lineFactor: 0.7,
    pricePercent: 96,
    creditLimitYuan: 150_000,
    paymentTermDays: 15,
  },
  {
    tier: 'signed_wholesaler',
    share: 0.2,
    suffix: ['批发部', '副食商行'],
    orderWeight: 1.5,
    boxesPerLine: 3,
    lineFactor: 0.55,
    pricePercent: 98,
    creditLimitYuan: 50_000,
    paymentTermDays: 15,
  },
  {
    tier: 'direct_wholesaler',
    share: 0.2,
    suffix: ['粮油副食店', '批零部'],
    orderWeight: 1.2,
    boxesPerLine: 2.5,
    lineFactor: 0.4,
    pricePercent: 99,
    creditLimitYuan: 20_000,
    paymentTermDays: 7,
  },
  {
    tier: 'retail',
    share: 0.37,
    suffix: ['超市', '便利店', '生活超市'],
    orderWeight: 1,
    boxesPerLine: 1.4,
    lineFactor: 0.25,
    pricePercent: 100,
    creditLimitYuan: null,
    paymentTermDays: 0,
  },
];

function phoneNumber(random: SeededRandom): string {
  return `1${random.pick(['35', '38', '39', '58', '86', '37'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** The tier of each of `count` customers, in the shares above, dealers first (they are parents). */
function tierSequence(count: number): TierProfile[] {
  const sequence: TierProfile[] = [];
  for (const profile of tiers) {
    const wanted = Math.max(1, Math.round(profile.share * count));
    for (let index = 0; index < wanted && sequence.length < count; index += 1) sequence.push(profile);
  }
  while (sequence.length < count) sequence.push(tiers[tiers.length - 1]!);
  return sequence;
}

export function demoModel(scale: DemoScale, random: SeededRandom): DemoModel {
  const people = new Set<string>();
  const goods = demoGoods(scale.goods, random.fork(1));

  const warehouses: DemoWarehouse[] = warehouseNames.slice(0, scale.warehouses).map((warehouse, index) => ({
    code: `CK${String(index + 1).padStart(2, '0')}`,
    name: warehouse.name,
    address: warehouse.address,
    keeper: { username: `keeper${index + 1}`, displayName: personName(random, people) },
    salesShare: index === 0 ? 0.3 : 0.7 / Math.max(1, scale.warehouses - 1),
  }));
  if (scale.warehouses === 1) (warehouses[0] as { salesShare: number }).salesShare = 1;

  const brandsInUse = new Set(goods.map((item) => item.brand));
  const suppliers: DemoSupplier[] = [
    { code: 'GY001', name: '总部', internal: true, direct: false, deliveryDays: [2, 5] },
    ...brandSuppliers
      .filter((supplier) => brandsInUse.has(supplier.brand) && !headOfficeBrands.has(supplier.brand))
      .map((supplier, index) => ({
        code: `GY${String(index + 2).padStart(3, '0')}`,
        name: supplier.name,
        internal: false,
        direct: supplier.brand === '山泉' || supplier.brand === '晨光',
        deliveryDays: [1 + (index % 6), 1 + ((index + 3) % 6)],
      })),
  ];
  const supplierOfBrand = new Map(
    brandSuppliers
      .filter((supplier) => brandsInUse.has(supplier.brand) && !headOfficeBrands.has(supplier.brand))
      .map((supplier, index) => [supplier.brand, index + 1]),
  );
  const goodsSupplier = goods.map((item) => supplierOfBrand.get(item.brand) ?? 0);

  // Satellites carry the popular goods; the main warehouse carries everything.
  const byPopularity = goods
    .map((_, index) => index)
    .sort((a, b) => goods[b]!.popularity - goods[a]!.popularity);
  const carriedBySatellites = new Set(
    byPopularity.slice(0, Math.ceil(goods.length * scale.satelliteAssortment)),
  );
  const assortment = warehouses.map((_, warehouse) =>
    goods.map((_, index) => warehouse === 0 || carriedBySatellites.has(index)),
  );

  const offices: DemoOffice[] = officeNames.slice(0, scale.offices).map((name, index) => ({
    code: `BSC${String(index + 1).padStart(2, '0')}`,
    name,
    head: personName(random, people),
    salespeople: Array.from({ length: scale.customers > 100 ? 3 : 2 }, () => personName(random, people)),
    warehouse: index % scale.warehouses,
  }));

  const names = new Set<string>();
  const customers: DemoCustomer[] = [];
  tierSequence(scale.customers).forEach((profile, index) => {
    const office = random.int(0, offices.length - 1);
    let name = '';
    do {
      name = `${random.pick(places)}${random.pick(tradeNames)}${random.pick(profile.suffix)}`;
    } while (names.has(name));
    names.add(name);
    const dealers = customers
      .map((customer, position) => ({ customer, position }))
      .filter(({ customer }) => customer.tier === 'dealer' && customer.office === office);
    const hasParent =
      (profile.tier === 'distributor' || profile.tier === 'signed_wholesaler') && dealers.length > 0;
    customers.push({
      code: `KH${String(index + 1).padStart(4, '0')}`,
      name,
      tier: profile.tier,
      parent: hasParent ? random.pick(dealers).position : null,
      office,
      salesperson: random.int(0, offices[office]!.salespeople.length - 1),
      warehouse: offices[office]!.warehouse,
      orderWeight: profile.orderWeight,
      boxesPerLine: profile.boxesPerLine,
      lineFactor: profile.lineFactor,
      pricePercent: profile.pricePercent,
      creditLimitYuan: profile.creditLimitYuan,
      paymentTermDays: profile.paymentTermDays,
      // Contacts are other companies' staff: their names may repeat.
      contact: personName(random, new Set()),
      phone: phoneNumber(random),
    });
  });

  return {
    goods,
    goodsSupplier,
    assortment,
    warehouses,
    suppliers,
    offices,
    customers,
    clerk: { username: 'clerk', displayName: personName(random, people) },
    manager: { username: 'manager', displayName: personName(random, people) },
    accountant: { username: 'accountant', displayName: personName(random, people) },
  };
}
