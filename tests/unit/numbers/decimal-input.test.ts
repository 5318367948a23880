import { describe, expect, it } from 'vitest';
import {
  decimalInputMessage,
  decimalInputText,
  readDecimalInput,
  requireDecimalInput,
} from '../../../src/shared/numbers/decimal-input';
import { LedgerError } from '../../../src/shared/ledger-error';

/** What a clerk types into a figure cell, read once for the document page and the engine's schemas. */
describe('a decimal as a clerk types it', () => {
  it.each([
    // text, scale, value
    ['1000', 0, 1000],
    ['1,000', 0, 1000],
    ['12,345.67', 2, 1_234_567],
    ['1,234,567', 2, 123_456_700],
    ['999', 2, 99_900],
    ['0.5', 2, 50],
    ['.5', 2, 50],
    ['5.', 2, 500],
    ['-5', 2, -500],
    ['+5', 2, 500],
    [' 38.40 ', 2, 3840],
    ['¥1,234.50', 2, 123_450],
    ['￥1,234.50', 2, 123_450],
    ['-¥5.00', 2, -500],
    ['13%', 2, 1300],
    ['1 000', 0, 1000],
    // A Chinese input method's full-width digits, comma, point, sign and percent.
    ['１，０００', 0, 1000],
    ['１２．５', 2, 1250],
    ['－３', 0, -3],
    ['９％', 2, 900],
    // 四舍五入 beyond the scale, half away from zero.
    ['0.125', 2, 13],
    ['-0.125', 2, -13],
    ['1,000.5', 0, 1001],
  ])('%j at scale %i reads %i', (text, scale, value) => {
    expect(readDecimalInput(text, scale)).toEqual({ ok: true, value });
  });

  it.each([
    ['1,00', 'misgrouped'],
    ['1000,000', 'misgrouped'],
    ['12,3456', 'misgrouped'],
    [',100', 'misgrouped'],
    ['1,,000', 'misgrouped'],
    ['1，00', 'misgrouped'],
    ['', 'not_a_number'],
    ['.', 'not_a_number'],
    ['abc', 'not_a_number'],
    ['12a', 'not_a_number'],
    ['1.2.3', 'not_a_number'],
    ['1.000,5', 'not_a_number'],
    ['1e3', 'not_a_number'],
    ['五十', 'not_a_number'],
    ['99999999999999999999', 'too_large'],
  ] as const)('%j is refused: %s', (text, problem) => {
    expect(readDecimalInput(text, 2)).toEqual({ ok: false, problem });
  });

  it.each([
    [38.4, 6, 38_400_000],
    [0.1 + 0.2, 2, 30],
    [1000, 0, 1000],
  ])('the JSON number %d at scale %i reads %i', (value, scale, expected) => {
    expect(readDecimalInput(value, scale)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [Number.NaN, 'not_a_number'],
    [Number.POSITIVE_INFINITY, 'not_a_number'],
    [1e20, 'too_large'],
  ] as const)('the JSON number %d is refused: %s', (value, problem) => {
    expect(readDecimalInput(value, 2)).toEqual({ ok: false, problem });
  });

  it.each([
    ['1,000.50', '1000.50'],
    ['-¥5', '-5'],
    ['１，２３４．５', '1234.5'],
    ['+7', '+7'],
  ])('%j is the plain decimal %j', (text, plain) => {
    expect(decimalInputText(text)).toEqual({ ok: true, text: plain });
  });

  it('says what is wrong with the cell, naming the field and what was typed', () => {
    expect(decimalInputMessage('数量', '1,00', 'misgrouped')).toBe(
      '数量【1,00】的千分位逗号位置不对：应从小数点起每三位一个，如 1,000 或 12,345.67',
    );
    expect(decimalInputMessage('单价', 'abc', 'not_a_number')).toBe('单价【abc】不是有效的数字');
    expect(decimalInputMessage('金额', '1e30', 'too_large')).toBe('金额【1e30】超出可精确计算的范围');
  });

  it('refuses as a validation error with that message', () => {
    expect(() => requireDecimalInput('2,5', 0, '第 1 行实收数量')).toThrow(
      new LedgerError('VALIDATION', decimalInputMessage('第 1 行实收数量', '2,5', 'misgrouped')),
    );
    expect(requireDecimalInput('2,500', 0, '第 1 行实收数量')).toBe(2500);
  });
});
