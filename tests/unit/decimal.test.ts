import { describe, expect, it } from 'vitest';
import { formatScaled, numberToScaled, parseScaled } from '../../src/shared/numbers/decimal';

describe('exact decimals (DOMAIN.md §3: no floating point for money)', () => {
  it.each([
    ['38.4', 6, 38_400_000],
    ['38.40', 2, 3840],
    ['0.1', 2, 10],
    ['12345.60', 2, 1_234_560],
    ['-5', 2, -500],
    ['.5', 2, 50],
    ['24', 6, 24_000_000],
    ['35.2294', 6, 35_229_400],
    // 四舍五入 at the last kept digit, half away from zero.
    ['0.125', 2, 13],
    ['0.124', 2, 12],
    ['-0.125', 2, -13],
    ['2.675', 2, 268],
  ])('parseScaled(%s, %i) = %i', (text, scale, expected) => {
    expect(parseScaled(text, scale)).toBe(expected);
  });

  it.each(['', '.', 'abc', '1.2.3', '1,000', '12a', '9%'])('refuses %j', (text) => {
    expect(parseScaled(text, 2)).toBeNull();
  });

  it('refuses what no integer can hold exactly', () => {
    expect(parseScaled('99999999999999999999', 2)).toBeNull();
  });

  it.each([
    [38.4, 6, 38_400_000],
    [0.1 + 0.2, 2, 30],
    [45.6, 2, 4560],
    [1e-7, 6, 0],
    [2.5e-6, 6, 3],
    [1234567.891, 2, 123_456_789],
  ])('numberToScaled(%d, %i) = %i, never multiplying the float', (value, scale, expected) => {
    expect(numberToScaled(value, scale)).toBe(expected);
  });

  it.each([
    [3840, 2, 0, '38.4'],
    [3840, 2, 2, '38.40'],
    [24_000_000, 6, 0, '24'],
    [35_229_400, 6, 2, '35.2294'],
    [-500, 2, 2, '-5.00'],
    [5, 2, 2, '0.05'],
    [0, 6, 2, '0.00'],
  ])('formatScaled(%i, %i, %i) = %s', (value, scale, minDecimals, expected) => {
    expect(formatScaled(value, scale, minDecimals)).toBe(expected);
  });
});
