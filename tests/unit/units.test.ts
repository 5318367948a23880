import { describe, expect, it } from 'vitest';
import { assertValidUnits, describeRatio, type UnitDraft } from '../../src/engine/domain/master-data/units';

const bag: UnitDraft = { name: '袋', ratio: 1_000_000, isBase: true, barcode: '6921030000003' };
const box: UnitDraft = { name: '箱', ratio: 24_000_000, isBase: false, barcode: '6921090000005' };

describe('a goods’ units (多单位)', () => {
  it('accepts one base unit and further units with their ratios', () => {
    expect(() => assertValidUnits('纯牛奶', [bag, box])).not.toThrow();
    expect(describeRatio(box, '袋')).toBe('1 箱 = 24 袋');
    expect(describeRatio({ name: '件', ratio: 12_500_000 }, 'kg')).toBe('1 件 = 12.5 kg');
  });

  it.each<[string, UnitDraft[], string]>([
    ['no base unit', [box], '商品【纯牛奶】必须有且只有一个基本单位。'],
    [
      'two base units',
      [bag, { ...bag, name: '瓶', barcode: null }],
      '商品【纯牛奶】必须有且只有一个基本单位。',
    ],
    [
      'a base unit whose ratio is not 1',
      [{ ...bag, ratio: 2_000_000 }],
      '商品【纯牛奶】的基本单位换算率必须为 1。',
    ],
    ['a unit named twice', [bag, box, { ...box, barcode: null }], '商品【纯牛奶】的单位【箱】重复。'],
    ['a zero ratio', [bag, { ...box, ratio: 0 }], '商品【纯牛奶】单位【箱】的换算率必须是正数。'],
    [
      'a negative ratio',
      [bag, { ...box, ratio: -24_000_000 }],
      '商品【纯牛奶】单位【箱】的换算率必须是正数。',
    ],
    [
      'a further unit equal to the base',
      [bag, { ...box, ratio: 1_000_000 }],
      '商品【纯牛奶】单位【箱】与基本单位的换算率相同，不必另设。',
    ],
    [
      'one barcode on two units',
      [bag, { ...box, barcode: bag.barcode }],
      '商品【纯牛奶】的条码 6921030000003 用在了两个单位上。',
    ],
    ['an unnamed unit', [bag, { ...box, name: ' ' }], '商品【纯牛奶】有单位未填名称。'],
  ])('refuses %s', (_case, units, message) => {
    expect(() => assertValidUnits('纯牛奶', units)).toThrow(message);
  });
});
