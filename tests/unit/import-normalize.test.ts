import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../../src/engine/domain/master-data/field-spec';
import { counterpartySpec } from '../../src/engine/domain/master-data/counterparty-spec';
import { goodsSpec } from '../../src/engine/domain/master-data/goods-spec';
import { normalizeCell } from '../../src/engine/services/import/normalize-cell';
import type { SheetCell } from '../../src/engine/services/import/read-table';

function field(spec: { fields: readonly FieldSpec[] }, key: string): FieldSpec {
  return spec.fields.find((candidate) => candidate.key === key)!;
}

/** A cell as read-table.ts hands it over: the value, the text Excel shows, the number format. */
function cell(value: string | number | boolean, format: string | null = null): SheetCell {
  return { value, shown: typeof value === 'number' ? String(value) : String(value), format };
}

type Case = [
  input: string | number | boolean | SheetCell,
  value: string | number | boolean | null,
  shown?: string,
];

function check(fieldSpec: FieldSpec, cases: Case[]) {
  it.each(cases)(`${fieldSpec.label}: %j → %j`, (input, value, shown) => {
    const reading = normalizeCell(fieldSpec, typeof input === 'object' ? input : cell(input));
    expect(reading).toEqual({ ok: true, value, shown: shown ?? (value === null ? '' : expect.any(String)) });
  });
}

function refuse(fieldSpec: FieldSpec, cases: [input: string | number, message: RegExp][]) {
  it.each(cases)(`${fieldSpec.label}: %j is refused`, (input, message) => {
    const reading = normalizeCell(fieldSpec, cell(input));
    expect(reading.ok).toBe(false);
    expect(reading.ok ? '' : reading.message).toMatch(message);
  });
}

describe('money, in fen, exact (no float multiplication)', () => {
  const creditLimit = field(counterpartySpec, 'creditLimit');
  check(creditLimit, [
    ['¥1,234.50', 123_450, '1234.50'],
    ['￥1,234.50', 123_450, '1234.50'],
    ['1,234.5元', 123_450, '1234.50'],
    ['12,345.60', 1_234_560, '12345.60'],
    ['１２３', 12_300, '123.00'],
    ['  500000 ', 50_000_000, '500000.00'],
    [12_345.6, 1_234_560, '12345.60'],
    [0.1 + 0.2, 30, '0.30'],
    ['12.340', 1_234, '12.34'],
    ['', null],
  ]);
  refuse(creditLimit, [
    ['12.345', /超过两位小数/],
    ['abc', /不是有效的数字/],
    ['1,2,3.4.5', /不是有效的数字/],
    // Read as a figure typed on a document: a comma that does not group by three is a slipped digit.
    ['1,00', /“1,00”的千分位逗号位置不对/],
    ['12,3456.00', /千分位逗号位置不对/],
    ['99999999999999999', /超出可精确计算的范围/],
  ]);
});

describe('prices, in millionths of a yuan', () => {
  const purchasePrice = field(goodsSpec, 'unit2PurchasePrice');
  check(purchasePrice, [
    ['¥52.80', 52_800_000, '52.80'],
    [38.4, 38_400_000, '38.40'],
    ['35.2294', 35_229_400, '35.2294'],
    ['0.123456', 123_456, '0.123456'],
    ['3', 3_000_000, '3.00'],
  ]);
});

describe('ratios (1 箱 = 24 袋), full-width digits included', () => {
  const ratio = field(goodsSpec, 'unit2Ratio');
  check(ratio, [
    ['１２', 12_000_000, '12'],
    [24, 24_000_000, '24'],
    ['2.5', 2_500_000, '2.5'],
  ]);
  refuse(ratio, [['abc', /“abc”不是有效的数字/]]);
});

describe('percentages, in basis points', () => {
  const taxRate = field(goodsSpec, 'taxRate');
  check(taxRate, [
    ['9%', 900, '9%'],
    ['13％', 1_300, '13%'],
    ['9', 900, '9%'],
    ['9.5%', 950, '9.5%'],
    ['0.09', 900, '9%'],
    [9, 900, '9%'],
    [0.13, 1_300, '13%'],
    // Excel keeps a cell typed as 9% as 0.09 with a percent format; 100% is 1 in such a cell.
    [{ value: 0.09, shown: '9%', format: '0%' }, 900, '9%'],
    [{ value: 1, shown: '100%', format: '0%' }, 10_000, '100%'],
    ['0%', 0, '0%'],
  ]);
  refuse(taxRate, [['x%', /不是有效的百分比/]]);
});

describe('dates, to ISO', () => {
  const productionDate = field({ fields: [{ key: 'd', label: '生产日期', type: 'date' }] }, 'd');
  check(productionDate, [
    ['2026年3月4日', '2026-03-04', '2026-03-04'],
    ['2026/3/4', '2026-03-04', '2026-03-04'],
    ['2026.3.4', '2026-03-04', '2026-03-04'],
    ['2026-03-04', '2026-03-04', '2026-03-04'],
    ['20260304', '2026-03-04', '2026-03-04'],
    [20_260_304, '2026-03-04', '2026-03-04'],
    ['２０２６－０３－０４', '2026-03-04', '2026-03-04'],
    ['2026-03-04 00:00:00', '2026-03-04', '2026-03-04'],
    // An Excel date cell arrives as its serial day number.
    [{ value: 46_085, shown: '2026/3/4', format: 'yyyy/m/d' }, '2026-03-04', '2026-03-04'],
    [45_351, '2024-02-29', '2024-02-29'],
    ['2024-02-29', '2024-02-29', '2024-02-29'],
  ]);
  refuse(productionDate, [
    ['2026-02-30', /不是有效的日期/],
    ['2026-13-01', /不是有效的日期/],
    ['2025-02-29', /不是有效的日期/],
    ['下个月', /不是有效的日期/],
  ]);
});

describe('yes / no, as offices write it and as the field labels it', () => {
  const lotTracked = field(goodsSpec, 'lotTracked');
  check(lotTracked, [
    ['是', true, '是'],
    ['否', false, '否'],
    ['Y', true, '是'],
    ['n', false, '否'],
    ['yes', true, '是'],
    ['NO', false, '否'],
    ['1', true, '是'],
    [0, false, '否'],
    ['√', true, '是'],
    ['×', false, '否'],
    [true, true, '是'],
  ]);
  refuse(lotTracked, [['也许', /应填是或否/]]);

  const active = field(goodsSpec, 'active');
  check(active, [
    ['启用', true, '启用'],
    ['停用', false, '停用'],
    ['是', true, '启用'],
  ]);
});

describe('options, by their Chinese label or stored value', () => {
  const channelTier = field(counterpartySpec, 'channelTier');
  check(channelTier, [
    ['经销商', 'dealer', '经销商'],
    ['签约二批商', 'signed_wholesaler', '签约二批商'],
    ['dealer', 'dealer', '经销商'],
    ['DEALER', 'dealer', '经销商'],
  ]);
  refuse(channelTier, [['批发', /不是可选的值，应为：经销商、分销商/]]);
});

describe('text and integers', () => {
  const name = field(goodsSpec, 'name');
  check(name, [
    [' 有机纯牛奶  ', '有机纯牛奶', '有机纯牛奶'],
    ['二号仓（开发区）', '二号仓（开发区）', '二号仓（开发区）'],
    // What the export writes to keep a formula inert reads back as the text it was.
    ["'=1+1", '=1+1', '=1+1'],
    ['   ', null],
  ]);
  const code = field(goodsSpec, 'code');
  check(code, [
    ['ＫＨ０００１', 'KH0001', 'KH0001'],
    [6_921_030_000_003, '6921030000003', '6921030000003'],
  ]);
  const shelfLife = field(goodsSpec, 'shelfLifeDays');
  check(shelfLife, [
    ['45', 45, '45'],
    ['１８０', 180, '180'],
    [365, 365, '365'],
  ]);
  refuse(shelfLife, [['4.5', /不是整数/]]);
});
