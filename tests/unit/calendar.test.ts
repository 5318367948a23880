import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  dateInZone,
  daysBetween,
  isIsoDate,
  isMonth,
  isWorkingDay,
  monthEnd,
  nextMonth,
} from '../../src/engine/domain/calendar/calendar';

describe('the branch’s calendar', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-04-31', false],
    ['20261205', false],
    ['2026-1-5', false],
  ])('%s is a calendar day: %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });

  it('months are yyyy-MM', () => {
    expect([isMonth('2026-01'), isMonth('2026-12'), isMonth('2026-13'), isMonth('2026-1')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('adds and counts whole days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('month ends and the month after', () => {
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(monthEnd('2026-11')).toBe('2026-11-30');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
  });

  it('working days are Monday to Friday', () => {
    // 2026-12-05 is a Saturday.
    expect(['2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07'].map(isWorkingDay)).toEqual([
      true,
      false,
      false,
      true,
    ]);
    // Three working days after Thursday 2026-12-03: Fri 4, Mon 7, Tue 8.
    expect(addWorkingDays('2026-12-03', 3)).toBe('2026-12-08');
    expect(addWorkingDays('2026-12-05', 0)).toBe('2026-12-07');
  });

  it('today is the day in the branch’s zone, not the UTC date', () => {
    const beijingOneAm = new Date('2026-02-28T17:00:00.000Z');
    expect(dateInZone(beijingOneAm, 'Asia/Shanghai')).toBe('2026-03-01');
    expect(dateInZone(beijingOneAm, 'UTC')).toBe('2026-02-28');
  });
});
