import { describe, expect, it } from 'vitest';
import { periodOf, periodsBetween } from '../../../src/engine/domain/upload/upload-periods';
import {
  backoffMs,
  nextWaitMs,
  retryAfterMs,
  retryCapMs,
} from '../../../src/engine/domain/upload/retry-schedule';
import { latestSlot, nextSlot, scheduleDue } from '../../../src/engine/domain/upload/upload-schedule';

describe('upload periods', () => {
  it('keys months, ISO weeks and days, and lists every period between two dates', () => {
    expect(periodOf('month', '2026-02-14')).toEqual({
      kind: 'month',
      key: '2026-02',
      from: '2026-02-01',
      to: '2026-02-28',
    });
    // 2027-01-01 is a Friday: its ISO week is the last of 2026 (53 weeks that year), Monday 2026-12-28.
    expect(periodOf('week', '2027-01-01')).toEqual({
      kind: 'week',
      key: '2026-W53',
      from: '2026-12-28',
      to: '2027-01-03',
    });
    expect(periodOf('week', '2026-03-02').key).toBe('2026-W10');
    expect(periodOf('day', '2026-03-02')).toMatchObject({
      key: '2026-03-02',
      from: '2026-03-02',
      to: '2026-03-02',
    });
    expect(periodsBetween('month', '2025-11-20', '2026-02-01').map((p) => p.key)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(periodsBetween('week', '2026-03-01', '2026-03-16').map((p) => p.key)).toEqual([
      '2026-W09',
      '2026-W10',
      '2026-W11',
      '2026-W12',
    ]);
  });
});

describe('retry schedule (full jitter, base 2 s, cap 15 min)', () => {
  it('waits a random share of a ceiling that doubles per failure up to the cap', () => {
    expect(backoffMs(1, () => 0.999)).toBe(1998);
    expect(backoffMs(3, () => 0.5)).toBe(4000);
    expect(backoffMs(30, () => 0.999)).toBeLessThan(retryCapMs);
    expect(backoffMs(3, () => 0)).toBe(0);
  });

  it('honours Retry-After as seconds or a date, and probes at the cap after five failures in a row', () => {
    const now = new Date('2026-03-02T01:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Mon, 02 Mar 2026 01:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(nextWaitMs(1, 30_000, () => 0)).toBe(30_000);
    expect(nextWaitMs(5, null, () => 0)).toBe(retryCapMs);
  });
});

describe('upload schedule', () => {
  const daily = { schedule: 'daily' as const, scheduleTime: '22:00', scheduleWeekday: 1 };
  it('finds the latest slot and the next one, daily, weekly, hourly and on the first working day of a month', () => {
    expect(latestSlot(daily, '2026-03-02 21:59')).toBe('2026-03-01 22:00');
    expect(latestSlot(daily, '2026-03-02 22:00')).toBe('2026-03-02 22:00');
    expect(nextSlot(daily, '2026-03-02 22:00')).toBe('2026-03-03 22:00');
    const weekly = { ...daily, schedule: 'weekly' as const, scheduleWeekday: 5 };
    // 2026-03-02 is a Monday: the Friday before is 02-27, the next 03-06.
    expect(latestSlot(weekly, '2026-03-02 08:00')).toBe('2026-02-27 22:00');
    expect(nextSlot(weekly, '2026-03-02 08:00')).toBe('2026-03-06 22:00');
    const hourly = { ...daily, schedule: 'hourly' as const };
    expect(latestSlot(hourly, '2026-03-02 23:15')).toBe('2026-03-02 23:00');
    expect(nextSlot(hourly, '2026-03-02 23:15')).toBe('2026-03-03 00:00');
    // 2026-08-01 is a Saturday: August's first working day is Monday 08-03.
    const monthly = { ...daily, schedule: 'monthly' as const, scheduleTime: '09:00' };
    expect(latestSlot(monthly, '2026-08-02 10:00')).toBe('2026-07-01 09:00');
    expect(nextSlot(monthly, '2026-08-02 10:00')).toBe('2026-08-03 09:00');
  });

  it('is due once per slot', () => {
    expect(scheduleDue(daily, '2026-03-02 22:05', null)).toBe(true);
    expect(scheduleDue(daily, '2026-03-02 22:05', '2026-03-02 22:00')).toBe(false);
    expect(scheduleDue(daily, '2026-03-03 22:00', '2026-03-02 22:00')).toBe(true);
  });
});
