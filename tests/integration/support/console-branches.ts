import type { PackagePeriod, PeriodKind } from '../../../src/shared/upload/package-format';
import { writeTestPackage, type TestPackage, type TestPart } from './test-packages';

/*
 * Two branches as head office's console meets them, written as packages a branch would send:
 *
 * BJ01 北京分公司, monthly: August, then October — September never arrives (a gap). Its categories
 * are a tree: 可口可乐 sits in 饮料/碳酸饮料, 矿泉水 in 饮料 itself, 苏打饼干 in 食品, and 散装糖果 has
 * no category (未分类). Two warehouses. Its trade has sales and a purchase (not a sale).
 *
 * SH02 上海分公司, weekly: ISO weeks 43 (10-19～10-25), 44 (10-26～11-01, across two months) and 45
 * (11-02～11-08). Its 饮料 is a top-level category of its own, so the two branches' drinks meet by name.
 *
 * GZ03 广州分公司 is registered and never sends anything.
 *
 * Quantities in thousandths of the base unit (quantityScale 3), money in fen.
 */

export interface ConsoleBranch {
  code: string;
  name: string;
  secret: string;
  periodKind: PeriodKind;
  /** Each package's parts, in seq order; the first is the snapshot with the master data. */
  packages: { periods: PackagePeriod[]; parts: TestPart[] }[];
}

const month = (key: string, to: string): PackagePeriod => ({ kind: 'month', key, from: `${key}-01`, to });
const week = (key: string, from: string, to: string): PackagePeriod => ({ kind: 'week', key, from, to });

export const august = month('2026-08', '2026-08-31');
export const october = month('2026-10', '2026-10-31');
export const week43 = week('2026-W43', '2026-10-19', '2026-10-25');
export const week44 = week('2026-W44', '2026-10-26', '2026-11-01');
export const week45 = week('2026-W45', '2026-11-02', '2026-11-08');

function stock(goodsUid: string, warehouseUid: string, quantity: number, value: number) {
  return { goodsUid, warehouseUid, quantity, value };
}

function sale(goodsUid: string, quantity: number, amount: number, cost: number, side = 'sales') {
  return {
    side,
    counterpartyUid: side === 'sales' ? 'K-CUSTOMER' : 'K-SUPPLIER',
    goodsUid,
    quantity,
    amount,
    amountWithTax: Math.round(amount * 1.13),
    cost,
    lines: 1,
  };
}

const goods = (uid: string, code: string, name: string, categoryUid: string | null, baseUnit: string) => ({
  uid,
  code,
  name,
  spec: '',
  brand: '',
  categoryUid,
  baseUnit,
  units: [{ name: baseUnit, ratio: 1_000_000 }],
  active: true,
  inRecycleBin: false,
});

export const beijingBranch: ConsoleBranch = {
  code: 'BJ01',
  name: '北京分公司',
  secret: 'console-secret-of-beijing-0123456789',
  periodKind: 'month',
  packages: [
    {
      periods: [august],
      parts: [
        {
          section: 'categories',
          period: null,
          rows: [
            { uid: 'BJ-C0', name: '饮料', path: '饮料', parentUid: null },
            { uid: 'BJ-C1', name: '碳酸饮料', path: '饮料/碳酸饮料', parentUid: 'BJ-C0' },
            { uid: 'BJ-C2', name: '食品', path: '食品', parentUid: null },
          ],
        },
        {
          section: 'goods',
          period: null,
          rows: [
            goods('BJ-G1', '6901', '可口可乐 330ml', 'BJ-C1', '罐'),
            goods('BJ-G2', '6902', '矿泉水 550ml', 'BJ-C0', '瓶'),
            goods('BJ-G3', '6903', '苏打饼干', 'BJ-C2', '袋'),
            goods('BJ-G4', '6904', '散装糖果', null, '千克'),
          ],
        },
        {
          section: 'stock_balances',
          period: august.key,
          rows: [
            stock('BJ-G1', 'BJ-W1', 240_000, 60_000),
            stock('BJ-G1', 'BJ-W2', 120_000, 30_000),
            stock('BJ-G2', 'BJ-W1', 500_000, 75_000),
            stock('BJ-G3', 'BJ-W1', 80_000, 64_000),
            stock('BJ-G4', 'BJ-W1', 12_500, 37_500),
          ],
        },
        {
          section: 'trade',
          period: august.key,
          rows: [
            sale('BJ-G1', 100_000, 35_000, 25_000),
            sale('BJ-G2', 200_000, 40_000, 30_000),
            sale('BJ-G3', 30_000, 36_000, 24_000),
            sale('BJ-G2', 300_000, 45_000, 45_000, 'purchases'),
          ],
        },
      ],
    },
    {
      periods: [october],
      parts: [
        {
          section: 'stock_balances',
          period: october.key,
          rows: [
            stock('BJ-G1', 'BJ-W1', 300_000, 75_000),
            stock('BJ-G2', 'BJ-W1', 420_000, 63_000),
            stock('BJ-G2', 'BJ-W2', 100_000, 15_000),
            stock('BJ-G4', 'BJ-W1', 7_250, 21_750),
          ],
        },
        {
          section: 'trade',
          period: october.key,
          rows: [
            sale('BJ-G1', 150_000, 52_500, 37_500),
            sale('BJ-G3', 50_000, 60_000, 40_000),
            sale('BJ-G4', 5_250, 26_250, 15_750),
          ],
        },
      ],
    },
  ],
};

export const shanghaiBranch: ConsoleBranch = {
  code: 'SH02',
  name: '上海分公司',
  secret: 'console-secret-of-shanghai-0123456789',
  periodKind: 'week',
  packages: [
    {
      periods: [week43, week44],
      parts: [
        {
          section: 'categories',
          period: null,
          rows: [
            { uid: 'SH-D1', name: '饮料', path: '饮料', parentUid: null },
            { uid: 'SH-D2', name: '日化', path: '日化', parentUid: null },
          ],
        },
        {
          section: 'goods',
          period: null,
          rows: [
            goods('SH-G1', 'S-001', '雪碧 500ml', 'SH-D1', '瓶'),
            goods('SH-G2', 'S-002', '洗衣液 2kg', 'SH-D2', '桶'),
          ],
        },
        {
          section: 'stock_balances',
          period: week43.key,
          rows: [stock('SH-G1', 'SH-W1', 600_000, 180_000), stock('SH-G2', 'SH-W1', 40_000, 120_000)],
        },
        {
          section: 'stock_balances',
          period: week44.key,
          rows: [stock('SH-G1', 'SH-W1', 480_000, 144_000), stock('SH-G2', 'SH-W1', 35_000, 105_000)],
        },
        {
          section: 'trade',
          period: week43.key,
          rows: [sale('SH-G1', 120_000, 48_000, 36_000), sale('SH-G2', 6_000, 27_000, 18_000)],
        },
        {
          section: 'trade',
          period: week44.key,
          rows: [sale('SH-G1', 120_000, 48_000, 36_000), sale('SH-G2', 5_000, 22_500, 15_000)],
        },
      ],
    },
    {
      periods: [week45],
      parts: [
        {
          section: 'stock_balances',
          period: week45.key,
          rows: [stock('SH-G1', 'SH-W1', 400_000, 120_000), stock('SH-G2', 'SH-W1', 30_000, 90_000)],
        },
        {
          section: 'trade',
          period: week45.key,
          rows: [sale('SH-G1', 80_000, 32_000, 24_000), sale('SH-G2', 5_000, 22_500, 15_000)],
        },
      ],
    },
  ],
};

export const guangzhouBranch = {
  code: 'GZ03',
  name: '广州分公司',
  secret: 'console-secret-of-guangzhou-0123',
};

/** The branch's packages, chained by sha256 as the branch builds them. */
export function packagesOf(branch: ConsoleBranch): TestPackage[] {
  const written: TestPackage[] = [];
  branch.packages.forEach((pkg, index) => {
    written.push(
      writeTestPackage({
        branchCode: branch.code,
        epoch: 1,
        seq: index + 1,
        prevSha256: written[index - 1]?.sha256 ?? null,
        periods: pkg.periods,
        periodKind: branch.periodKind,
        parts: pkg.parts,
      }),
    );
  });
  return written;
}

/** The package after the branch's last, with control totals that do not match its rows: head office refuses it (422). */
export function refusedPackageOf(branch: ConsoleBranch, after: TestPackage): TestPackage {
  const period = month('2026-11', '2026-11-30');
  return writeTestPackage({
    branchCode: branch.code,
    epoch: 1,
    seq: branch.packages.length + 1,
    prevSha256: after.sha256,
    periods: [period],
    periodKind: branch.periodKind,
    parts: [{ section: 'stock_balances', period: period.key, rows: [stock('BJ-G1', 'BJ-W1', 1_000, 250)] }],
    corrupt: (manifest) => {
      manifest.sections[0]!.totals.value = '999';
    },
  });
}

/** A branch's rows of a section for a period, as it uploaded them. */
export function uploadedRows(
  branch: ConsoleBranch,
  section: string,
  period: string,
): Record<string, unknown>[] {
  return branch.packages.flatMap((pkg) =>
    pkg.parts
      .filter((part) => part.section === section && part.period === period)
      .flatMap((part) => part.rows),
  );
}

/** The branch's top-level category name of each goods uid, read off what it uploaded (未分类 without one). */
export function categoryOfGoods(branch: ConsoleBranch): Map<string, string> {
  const rowsOf = (section: string) =>
    branch.packages.flatMap((pkg) =>
      pkg.parts.filter((part) => part.section === section).flatMap((p) => p.rows),
    );
  const topOf = new Map(rowsOf('categories').map((row) => [row.uid, String(row.path).split('/')[0]!]));
  return new Map(
    rowsOf('goods').map((row) => [String(row.uid), topOf.get(row.categoryUid as string) ?? '未分类']),
  );
}
