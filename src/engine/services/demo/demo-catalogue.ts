import { LedgerError } from '../../../shared/ledger-error';
import type { SeededRandom } from './seeded-random';

/**
 * The goods a distributor's branch carries (dairy, drinks, instant food, snacks, seasonings), built
 * from product families the way head office's catalogue reads: brand + product + size, packed in 箱.
 * Prices are excluding VAT, in fen.
 */

interface ProductFamily {
  readonly category: string;
  readonly products: readonly string[];
  readonly sizes: readonly string[];
  readonly baseUnit: string;
  readonly boxRatios: readonly number[];
  /** Purchase price of one base unit, in fen, from … to. */
  readonly baseCost: readonly [number, number];
  readonly taxRate: '9' | '13';
  readonly shelfLifeDays: number;
  /** Fresh goods: received and sold by lot (批次), costed first in, first out. */
  readonly lotTracked: boolean;
  readonly brands: readonly string[];
  /** How often it sells against other families. */
  readonly weight: number;
}

const families: readonly ProductFamily[] = [
  {
    category: '乳制品/纯牛奶',
    products: ['纯牛奶', '高钙牛奶', '低脂牛奶', '有机纯牛奶', '早餐奶', '核桃奶'],
    sizes: ['250ml', '200ml', '1L'],
    baseUnit: '盒',
    boxRatios: [12, 16, 24],
    baseCost: [150, 420],
    taxRate: '9',
    shelfLifeDays: 180,
    lotTracked: false,
    brands: ['蒙原', '北冰', '禾田', '晨光'],
    weight: 1.6,
  },
  {
    category: '乳制品/鲜奶',
    products: ['鲜牛奶', '巴氏鲜奶', '袋装鲜奶'],
    sizes: ['200ml', '243ml', '500ml'],
    baseUnit: '袋',
    boxRatios: [24, 30],
    baseCost: [120, 380],
    taxRate: '9',
    shelfLifeDays: 21,
    lotTracked: true,
    brands: ['蒙原', '北冰', '晨光'],
    weight: 0.8,
  },
  {
    category: '乳制品/酸奶',
    products: ['原味酸奶', '草莓酸奶', '黄桃酸奶', '老酸奶', '风味发酵乳'],
    sizes: ['100g', '135g', '200g'],
    baseUnit: '杯',
    boxRatios: [12, 16],
    baseCost: [160, 450],
    taxRate: '13',
    shelfLifeDays: 21,
    lotTracked: true,
    brands: ['蒙原', '北冰', '禾田'],
    weight: 0.9,
  },
  {
    category: '饮料/碳酸饮料',
    products: ['可乐', '雪碧', '橙味汽水', '柠檬汽水', '无糖可乐'],
    sizes: ['330ml', '500ml', '2L'],
    baseUnit: '罐',
    boxRatios: [24, 12, 6],
    baseCost: [140, 520],
    taxRate: '13',
    shelfLifeDays: 365,
    lotTracked: false,
    brands: ['清泉', '山泉', '椰风'],
    weight: 1.4,
  },
  {
    category: '饮料/果汁',
    products: ['橙汁', '苹果汁', '桃汁', '葡萄汁', '芒果汁', '山楂汁'],
    sizes: ['300ml', '450ml', '1L'],
    baseUnit: '瓶',
    boxRatios: [12, 15, 6],
    baseCost: [210, 760],
    taxRate: '13',
    shelfLifeDays: 365,
    lotTracked: false,
    brands: ['果园', '椰风', '清泉'],
    weight: 1,
  },
  {
    category: '饮料/茶饮料',
    products: ['冰红茶', '绿茶', '乌龙茶', '茉莉花茶', '柠檬茶'],
    sizes: ['500ml', '1L', '330ml'],
    baseUnit: '瓶',
    boxRatios: [15, 24, 12],
    baseCost: [180, 420],
    taxRate: '13',
    shelfLifeDays: 365,
    lotTracked: false,
    brands: ['茶语', '山泉', '清泉'],
    weight: 1.3,
  },
  {
    category: '饮用水',
    products: ['矿泉水', '纯净水', '苏打水', '天然水'],
    sizes: ['550ml', '380ml', '1.5L', '5L'],
    baseUnit: '瓶',
    boxRatios: [24, 12, 4],
    baseCost: [60, 820],
    taxRate: '13',
    shelfLifeDays: 540,
    lotTracked: false,
    brands: ['山泉', '清泉', '北冰'],
    weight: 1.5,
  },
  {
    category: '方便食品/方便面',
    products: ['红烧牛肉面', '老坛酸菜面', '香辣牛肉面', '海鲜面', '葱香排骨面'],
    sizes: ['105g', '120g', '五连包'],
    baseUnit: '袋',
    boxRatios: [24, 12],
    baseCost: [150, 1150],
    taxRate: '13',
    shelfLifeDays: 180,
    lotTracked: false,
    brands: ['面道', '麦香', '六谷'],
    weight: 1.1,
  },
  {
    category: '休闲食品/饼干',
    products: ['夹心饼干', '苏打饼干', '薄脆饼干', '消化饼干', '威化饼干'],
    sizes: ['100g', '200g', '400g'],
    baseUnit: '袋',
    boxRatios: [20, 24, 12],
    baseCost: [220, 980],
    taxRate: '13',
    shelfLifeDays: 300,
    lotTracked: false,
    brands: ['麦香', '六谷', '晨光'],
    weight: 0.8,
  },
  {
    category: '休闲食品/膨化食品',
    products: ['薯片', '玉米片', '虾条', '锅巴'],
    sizes: ['45g', '70g', '104g'],
    baseUnit: '袋',
    boxRatios: [22, 36, 20],
    baseCost: [180, 620],
    taxRate: '13',
    shelfLifeDays: 270,
    lotTracked: false,
    brands: ['六谷', '麦香', '椰风'],
    weight: 0.7,
  },
  {
    category: '调味品',
    products: ['生抽酱油', '老抽酱油', '陈醋', '料酒', '蚝油'],
    sizes: ['500ml', '800ml', '1.9L'],
    baseUnit: '瓶',
    boxRatios: [12, 6],
    baseCost: [420, 1580],
    taxRate: '13',
    shelfLifeDays: 720,
    lotTracked: false,
    brands: ['禾田', '六谷'],
    weight: 0.5,
  },
];

/** Packagings beyond the plain one: how a catalogue reaches thousands of goods. */
const packagings = [
  '',
  '家庭装',
  '促销装',
  '量贩装',
  '经典装',
  '加量装',
  '礼盒装',
  '新包装',
  '特惠装',
  '组合装',
  '便携装',
  '季节限定',
];

/** Brands supplied by head office (总部); the others come from their makers' regional companies. */
export const headOfficeBrands = new Set(['蒙原', '清泉', '果园', '茶语']);

export const brandSuppliers: readonly { brand: string; name: string }[] = [
  { brand: '山泉', name: '山泉饮品（华北）有限公司' },
  { brand: '麦香', name: '麦香食品有限公司' },
  { brand: '面道', name: '面道食品华北销售公司' },
  { brand: '六谷', name: '六谷食品有限公司' },
  { brand: '椰风', name: '椰风饮料销售有限公司' },
  { brand: '北冰', name: '北冰乳业有限公司' },
  { brand: '禾田', name: '禾田调味食品有限公司' },
  { brand: '晨光', name: '晨光乳品有限公司' },
];

export interface DemoGoods {
  readonly code: string;
  readonly name: string;
  readonly spec: string;
  readonly category: string;
  readonly brand: string;
  readonly baseUnit: string;
  readonly boxRatio: number;
  /** Per 箱, excluding VAT, in fen. */
  readonly boxPurchaseFen: number;
  readonly boxSaleFen: number;
  readonly taxRate: '9' | '13';
  readonly shelfLifeDays: number;
  readonly lotTracked: boolean;
  readonly baseBarcode: string;
  readonly boxBarcode: string;
  /** Relative sales frequency: a few goods sell every day, the long tail now and then. */
  readonly popularity: number;
}

/** EAN-13 with its check digit, from a 12-digit body (69… is China's prefix). */
function ean13(body: string): string {
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (index % 2 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

function shuffle<T>(items: T[], random: SeededRandom): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

/** Rounds to a price a catalogue would print: whole jiao for box prices. */
function roundToJiao(fen: number): number {
  return Math.max(10, Math.round(fen / 10) * 10);
}

/**
 * `count` goods: plain packagings first (a small branch carries the ordinary goods), shuffled, then
 * special packagings; popularity falls off with rank as sales do (Zipf-like).
 */
export function demoGoods(count: number, random: SeededRandom): DemoGoods[] {
  const tiers: {
    family: ProductFamily;
    product: string;
    size: string;
    brand: string;
    packaging: string;
  }[][] = packagings.map(() => []);
  packagings.forEach((packaging, tier) => {
    // Fresh goods come plain, in family packs or on promotion; never in gift boxes.
    for (const family of families.filter((candidate) => !candidate.lotTracked || tier < 3))
      for (const brand of family.brands)
        for (const product of family.products)
          for (const size of family.sizes) tiers[tier]!.push({ family, product, size, brand, packaging });
  });
  const chosen = tiers.flatMap((tier) => shuffle(tier, random)).slice(0, count);
  if (chosen.length < count)
    throw new LedgerError('VALIDATION', `演示商品目录最多 ${chosen.length} 个商品。`);
  const ranks = shuffle(
    chosen.map((_, index) => index),
    random,
  );
  return chosen.map(({ family, product, size, brand, packaging }, index) => {
    const boxRatio = random.pick(family.boxRatios);
    const baseCost = random.int(family.baseCost[0], family.baseCost[1]);
    const boxPurchaseFen = roundToJiao(baseCost * boxRatio);
    const margin = random.int(108, 126);
    const serial = String(index + 1).padStart(5, '0');
    return {
      code: `SP${serial}`,
      name: `${brand}${product}${size}${packaging ? `（${packaging}）` : ''}`,
      spec: `${size}×${boxRatio}${family.baseUnit}`,
      category: family.category,
      brand,
      baseUnit: family.baseUnit,
      boxRatio,
      boxPurchaseFen,
      boxSaleFen: roundToJiao(Math.round((boxPurchaseFen * margin) / 100)),
      taxRate: family.taxRate,
      shelfLifeDays: family.shelfLifeDays,
      lotTracked: family.lotTracked,
      baseBarcode: ean13(`692${String(4_000_000 + index * 2).padStart(9, '0')}`),
      boxBarcode: ean13(`693${String(4_000_001 + index * 2).padStart(9, '0')}`),
      popularity: family.weight / (ranks[index]! + 3) ** 0.85,
    };
  });
}

/** Place names customers and offices are called after. */
export const places = [
  '和平',
  '新华',
  '建设',
  '解放',
  '人民',
  '朝阳',
  '东风',
  '长安',
  '红旗',
  '光明',
  '幸福',
  '团结',
  '胜利',
  '友谊',
  '文化',
  '中山',
  '前进',
  '青年',
  '五一',
  '振兴',
  '育才',
  '丰收',
  '永安',
  '太平',
];

export const tradeNames = [
  '顺达',
  '鑫源',
  '恒通',
  '宏发',
  '永盛',
  '金利',
  '华泰',
  '嘉禾',
  '福满',
  '百汇',
  '利民',
  '惠丰',
  '聚源',
  '兴隆',
  '万家',
  '安康',
];

const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const givenNames = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀英',
  '建华',
  '志强',
  '海燕',
  '晓东',
  '丽娟',
  '国庆',
  '春梅',
  '红霞',
];

/** A person's name; `taken` keeps names unique within the branch. */
export function personName(random: SeededRandom, taken: Set<string>): string {
  for (;;) {
    const name = random.pick(surnames) + random.pick(givenNames);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
