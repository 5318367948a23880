import { describe, expect, it } from 'vitest';
import { formatMixedQuantity } from '../../../src/engine/domain/master-data/mixed-units';

const bag = { name: '袋', ratio: 1_000_000 };
const box = { name: '箱', ratio: 24_000_000 };
const crate = { name: '件', ratio: 96_000_000 }; // 1 件 = 4 箱 = 96 袋
const kilogram = { name: '千克', ratio: 1_000_000 };
const sack = { name: '箱', ratio: 20_000_000 }; // 1 箱 = 20 千克
const gram = { name: '克', ratio: 1_000 };
const halfDozenBag = { name: '件', ratio: 12_500_000 }; // 1 件 = 12.5 of the base unit

type Unit = { name: string; ratio: number };

describe('a quantity in mixed units (多单位, DOMAIN.md §4)', () => {
  it.each<[string, number, Unit[], number, string]>([
    ['boxes and bags', 77, [bag, box], 0, '3箱5袋'],
    ['whole boxes, no "0袋"', 48, [bag, box], 0, '2箱'],
    ['less than a box', 5, [bag, box], 0, '5袋'],
    ['zero, in the base unit', 0, [bag, box], 0, '0袋'],
    ['a negative quantity', -77, [bag, box], 0, '-3箱5袋'],
    ['units listed largest first', 77, [box, bag], 0, '3箱5袋'],
    ['three units given in any order', 221, [bag, crate, box], 0, '2件1箱5袋'],
    ['three units, no bags left', 120, [box, bag, crate], 0, '1件1箱'],
    ['three units, no boxes between', 200, [crate, bag, box], 0, '2件8袋'],
    ['a fractional base remainder', 2_250, [kilogram, sack], 2, '1箱2.5千克'],
    ['a negative fractional remainder', -2_250, [kilogram, sack], 2, '-1箱2.5千克'],
    ['only a fraction of the base unit', 25, [kilogram, sack], 2, '0.25千克'],
    ['whole sacks, decimals trimmed', 2_000, [kilogram, sack], 2, '1箱'],
    ['a unit smaller than the base is not used', 1_500, [gram, kilogram], 3, '1.5千克'],
    ['ratio 12.5, whole counts only', 250, [kilogram, halfDozenBag], 1, '2件'],
    ['ratio 12.5 with a decimal remainder', 130, [kilogram, halfDozenBag], 1, '1件0.5千克'],
    // With whole bags only, an odd count of 12.5-bag 件 would leave half a bag.
    ['ratio 12.5 on whole bags: two 件 exactly', 25, [bag, halfDozenBag], 0, '2件'],
    ['ratio 12.5 on whole bags: 13 bags stay bags', 13, [bag, halfDozenBag], 0, '13袋'],
    ['ratio 12.5 on whole bags: an even count of 件', 38, [bag, halfDozenBag], 0, '2件13袋'],
    ['the largest safe quantity', Number.MAX_SAFE_INTEGER, [bag, box], 0, '375299968947541箱7袋'],
  ])('%s: %i → %s', (_case, baseQuantity, units, quantityDecimals, expected) => {
    expect(formatMixedQuantity(baseQuantity, units, quantityDecimals)).toBe(expected);
  });

  it('refuses a unit list without a base unit', () => {
    expect(() => formatMixedQuantity(77, [box], 0)).toThrow('没有基本单位');
  });

  it('refuses a quantity that is not an exact integer', () => {
    expect(() => formatMixedQuantity(7.5, [bag, box], 0)).toThrow('不是可精确计算的数值');
  });
});
