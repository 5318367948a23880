import { describe, expect, it } from 'vitest';
import { monthRangeOf, addMonths } from '../../../src/hq/console-api/month-range';
import { periodGaps } from '../../../src/hq/console-api/period-gaps';
import type { HeldPeriod } from '../../../src/hq/store/console-reads';
import { scaledDigits, yuanOfDigits } from '../../../src/shared/hq-console/big-figures';

const held = (kind: string, period: string, from: string, to: string, complete = true): HeldPeriod => ({
  branch: 'BJ01',
  section: 'trade',
  period,
  kind,
  from,
  to,
  complete,
});

describe('period gaps: the days no complete period covers, between the first and the last held', () => {
  it.each([
    {
      name: 'months: September missing',
      periods: [
        held('month', '2026-08', '2026-08-01', '2026-08-31'),
        held('month', '2026-10', '2026-10-01', '2026-10-31'),
      ],
      gaps: [{ from: '2026-09-01', to: '2026-09-30', label: '2026-09' }],
    },
    {
      name: 'months: two missing in a row, held out of order',
      periods: [
        held('month', '2026-12', '2026-12-01', '2026-12-31'),
        held('month', '2026-09', '2026-09-01', '2026-09-30'),
      ],
      gaps: [{ from: '2026-10-01', to: '2026-11-30', label: '2026-10～2026-11' }],
    },
    {
      name: 'ISO weeks across a year end: none missing',
      periods: [
        held('week', '2026-W53', '2026-12-28', '2027-01-03'),
        held('week', '2027-W01', '2027-01-04', '2027-01-10'),
      ],
      gaps: [],
    },
    {
      name: 'days: a leap day missing',
      periods: [
        held('day', '2028-02-28', '2028-02-28', '2028-02-28'),
        held('day', '2028-03-01', '2028-03-01', '2028-03-01'),
      ],
      gaps: [{ from: '2028-02-29', to: '2028-02-29', label: '2028-02-29～2028-02-29' }],
    },
    {
      name: 'a period whose pieces have not all arrived is not held',
      periods: [
        held('month', '2026-08', '2026-08-01', '2026-08-31'),
        held('month', '2026-09', '2026-09-01', '2026-09-30', false),
        held('month', '2026-10', '2026-10-01', '2026-10-31'),
      ],
      gaps: [{ from: '2026-09-01', to: '2026-09-30', label: '2026-09' }],
    },
  ])('$name', ({ periods, gaps }) => {
    expect(periodGaps('trade', periods)).toEqual(gaps.map((gap) => ({ section: 'trade', ...gap })));
  });
});

describe('month range', () => {
  it('defaults to the last 12 months held, never before the first', () => {
    expect(monthRangeOf({ from: null, to: null }, { from: '2024-03', to: '2026-11' })).toEqual({
      from: '2025-12',
      to: '2026-11',
    });
    expect(monthRangeOf({ from: null, to: null }, { from: '2026-08', to: '2026-11' })).toEqual({
      from: '2026-08',
      to: '2026-11',
    });
    expect(monthRangeOf({ from: null, to: null }, null)).toBeNull();
    expect(monthRangeOf({ from: null, to: '2025-01' }, { from: '2026-08', to: '2026-11' })).toEqual({
      from: '2024-02',
      to: '2025-01',
    });
  });

  it('refuses what is not a month, and a range the wrong way round', () => {
    expect(() => monthRangeOf({ from: '2026-1', to: null }, null)).toThrow('月份 2026-1 无效');
    expect(() => monthRangeOf({ from: '2026-11', to: '2026-10' }, null)).toThrow(
      '起始月份 2026-11 晚于截止月份 2026-10',
    );
  });

  it.each([
    ['2026-01', -1, '2025-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-11', -11, '2025-12'],
  ])('%s moved by %i is %s', (month, by, moved) => expect(addMonths(month, by)).toBe(moved));
});

describe('figures on their digits', () => {
  it.each([
    ['123450', 3, '123.45'],
    ['-7250', 3, '-7.25'],
    ['5', 3, '0.005'],
    ['300000', 3, '300'],
  ])('%s at scale %i is %s', (digits, scale, text) => expect(scaledDigits(digits, scale)).toBe(text));

  it.each([
    ['1234567', '¥12,345.67'],
    ['-500', '-¥5.00'],
    ['0', '¥0.00'],
    ['9007199254740993', '¥90,071,992,547,409.93'],
  ])('%s fen is %s', (fen, text) => expect(yuanOfDigits(fen)).toBe(text));
});
