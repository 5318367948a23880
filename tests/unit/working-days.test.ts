import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/engine/domain/calendar/calendar';
import {
  addWorkingDays,
  firstWorkingDayOfMonth,
  isWorkingDay,
  workingDaysBetween,
  type CalendarExceptions,
} from '../../src/engine/domain/calendar/working-days';

/**
 * 2026's 国庆: Thursday 10-01 to Wednesday 10-07 off (10-03 and 10-04 are a weekend anyway), Sunday
 * 09-20 and Saturday 10-10 worked in their place (调休). The days around it:
 *
 *   09-18 Fri  09-19 Sat  09-20 Sun*  09-21 Mon … 09-29 Tue  09-30 Wed
 *   10-01 Thu– 10-07 Wed off   10-08 Thu  10-09 Fri  10-10 Sat*  10-11 Sun  10-12 Mon  10-13 Tue
 *   (* worked)
 */
const nationalDay: CalendarExceptions = new Map([
  ['2026-09-20', true],
  ...['01', '02', '03', '04', '05', '06', '07'].map((day) => [`2026-10-${day}`, false] as const),
  ['2026-10-10', true],
]);

/** 2026's 元旦: Thursday 01-01 to Saturday 01-03 off, Sunday 01-04 worked. */
const newYear: CalendarExceptions = new Map([
  ['2026-01-01', false],
  ['2026-01-02', false],
  ['2026-01-03', false],
  ['2026-01-04', true],
]);

const plainWeeks: CalendarExceptions = new Map();

describe('working days by the 工作日历', () => {
  it.each([
    ['2026-09-30', 'a Wednesday', true],
    ['2026-10-01', '国庆, a Thursday', false],
    ['2026-10-03', '国庆 on a Saturday', false],
    ['2026-10-08', 'the Thursday after 国庆', true],
    ['2026-10-10', 'a 调休 Saturday', true],
    ['2026-10-11', 'the Sunday after it', false],
    ['2026-09-20', 'a 调休 Sunday', true],
    ['2026-09-19', 'the Saturday before it', false],
  ])('%s (%s) is worked: %s', (date, _what, worked) => {
    expect(isWorkingDay(date, nationalDay)).toBe(worked);
  });

  it('without the calendar a working day is Monday to Friday', () => {
    expect(
      ['2026-10-01', '2026-10-09', '2026-10-10', '2026-10-11'].map((day) => isWorkingDay(day, plainWeeks)),
    ).toEqual([true, true, false, false]);
  });

  it.each([
    // Signed Tuesday 09-29, submitted within 5: 09-30 (1), 国庆 off, 10-08 (2), 10-09 (3), Saturday 10-10 (4),
    // Sunday off, Monday 10-12 (5).
    ['2026-09-29', 5, nationalDay, '2026-10-12'],
    // The same signing in a plain week: 09-30, 10-01, 10-02, 10-05, 10-06.
    ['2026-09-29', 5, plainWeeks, '2026-10-06'],
    // Received Friday 10-09, imported within 3: Saturday 10-10 (1), Monday 10-12 (2), Tuesday 10-13 (3).
    ['2026-10-09', 3, nationalDay, '2026-10-13'],
    // The day after 09-30 that is worked is a week later.
    ['2026-09-30', 1, nationalDay, '2026-10-08'],
    // Friday 09-18 + 1: Saturday is off, Sunday 09-20 is worked.
    ['2026-09-18', 1, nationalDay, '2026-09-20'],
    // Counted from the day itself, worked or not: 国庆 10-03 + 1 is the first working day after it.
    ['2026-10-03', 1, nationalDay, '2026-10-08'],
    ['2026-10-03', 2, nationalDay, '2026-10-09'],
  ])('%s + %i working days is %s', (date, count, exceptions, expected) => {
    expect(addWorkingDays(date, count, exceptions)).toBe(expected);
  });

  it('0 working days is the day itself when worked, else the next working day', () => {
    expect(addWorkingDays('2026-09-29', 0, nationalDay)).toBe('2026-09-29');
    expect(addWorkingDays('2026-10-10', 0, nationalDay)).toBe('2026-10-10');
    expect(addWorkingDays('2026-10-01', 0, nationalDay)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-01', 1, nationalDay)).toBe('2026-10-08');
  });

  it.each([
    ['2026-09-29', '2026-10-12', 5],
    ['2026-10-12', '2026-09-29', -5],
    ['2026-09-29', '2026-09-29', 0],
    ['2026-09-30', '2026-10-08', 1],
    ['2026-09-30', '2026-10-07', 0],
    // Friday 09-18 to Monday 09-21: Sunday 09-20 and Monday.
    ['2026-09-18', '2026-09-21', 2],
    // Across the whole of October: 22 weekdays, 5 of them 国庆, and Saturday 10-10.
    ['2026-09-30', '2026-10-31', 18],
  ])('from %s to %s: %i working days', (from, to, expected) => {
    expect(workingDaysBetween(from, to, nationalDay)).toBe(expected);
  });

  it('counts back the days it added, from any day of September to November, worked or not', () => {
    const days = fc.integer({ min: 0, max: 90 }).map((offset) => addDays('2026-09-01', offset));
    fc.assert(
      fc.property(days, fc.integer({ min: 1, max: 25 }), (date, count) => {
        const due = addWorkingDays(date, count, nationalDay);
        expect(isWorkingDay(due, nationalDay)).toBe(true);
        expect(workingDaysBetween(date, due, nationalDay)).toBe(count);
      }),
    );
  });

  it.each([
    ['2026-10', nationalDay, '2026-10-08'],
    ['2026-10', plainWeeks, '2026-10-01'],
    // Sunday 11-01: Monday.
    ['2026-11', nationalDay, '2026-11-02'],
    // Saturday 08-01, Sunday 08-02: Monday.
    ['2026-08', plainWeeks, '2026-08-03'],
    // 元旦 takes Thursday to Saturday; the Sunday after is worked.
    ['2026-01', newYear, '2026-01-04'],
  ])('the first working day of %s is %s', (month, exceptions, expected) => {
    expect(firstWorkingDayOfMonth(month, exceptions)).toBe(expected);
  });

  it('refuses days, months and counts that are not', () => {
    expect(() => isWorkingDay('2026-02-30', plainWeeks)).toThrow('日期【2026-02-30】不是有效的日期');
    expect(() => addWorkingDays('2026-10-1', 1, plainWeeks)).toThrow('日期【2026-10-1】不是有效的日期');
    expect(() => workingDaysBetween('2026-09-29', '2026-13-01', plainWeeks)).toThrow('日期【2026-13-01】');
    expect(() => addWorkingDays('2026-09-29', -1, plainWeeks)).toThrow(
      '工作日天数应为 0 或正整数，而不是 -1。',
    );
    expect(() => addWorkingDays('2026-09-29', 1.5, plainWeeks)).toThrow('而不是 1.5。');
    expect(() => firstWorkingDayOfMonth('2026-13', plainWeeks)).toThrow('月份【2026-13】不是有效的月份');
  });
});
