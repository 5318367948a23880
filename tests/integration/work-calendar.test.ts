import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/engine';
import { calendarMethods } from '../../src/engine/api/methods/calendar';
import {
  addWorkingDays,
  firstWorkingDayOfMonth,
  workingDaysBetween,
} from '../../src/engine/domain/calendar/working-days';
import {
  calendarExceptions,
  listCalendarDays,
  removeCalendarDay,
  setCalendarDay,
} from '../../src/engine/services/calendar/work-calendar';
import type { ServiceContext } from '../../src/engine/services/context';
import { beijingLedger, callOk, type TestLedger } from './support/ledger';

/**
 * 工作日历 kept in the books: 2026's 国庆 set day by day (Thursday 10-01 to Wednesday 10-07 off, Sunday
 * 09-20 and Saturday 10-10 worked), read back by year and as the exceptions a deadline is counted over,
 * days set to what the weekdays say anyway dropped, every change audited. Called as services: the
 * `calendar.*` methods are not in the router yet.
 */

function context(ledger: TestLedger): ServiceContext {
  return { db: ledger.engine.db, actor: cliActor, clock: ledger.clock };
}

const holidays = ['01', '02', '03', '04', '05', '06', '07'].map((day) => `2026-10-${day}`);
/** Saturday 10-03 and Sunday 10-04 are off anyway: the calendar keeps no row for them. */
const keptHolidays = holidays.filter((date) => date !== '2026-10-03' && date !== '2026-10-04');

function setNationalDay(ctx: ServiceContext): void {
  // Out of date order, and a day of the next year, to see the list sort and keep to its year.
  setCalendarDay(ctx, { date: '2026-10-10', isWorkday: true, note: '国庆调休' });
  for (const date of holidays) setCalendarDay(ctx, { date, isWorkday: false, note: ' 国庆节 ' });
  setCalendarDay(ctx, { date: '2026-09-20', isWorkday: true, note: '国庆调休' });
  setCalendarDay(ctx, { date: '2027-01-01', isWorkday: false, note: '元旦' });
}

async function calendarAudit(ledger: TestLedger & { adminSession: string }) {
  const { rows } = await callOk(
    ledger.engine,
    'audit.list',
    { actionPrefix: 'calendar.', limit: 500 },
    ledger.adminSession,
  );
  return rows.reverse().map((row) => [row.action, row.entityKey, row.before, row.after]);
}

describe('the 工作日历', () => {
  it('keeps 国庆 2026 and counts a contract’s 5 working days over it', async () => {
    const ledger = await beijingLedger();
    const ctx = context(ledger);
    setNationalDay(ctx);

    expect(listCalendarDays(ctx, 2026)).toEqual([
      { date: '2026-09-20', isWorkday: true, note: '国庆调休' },
      ...keptHolidays.map((date) => ({ date, isWorkday: false, note: '国庆节' })),
      { date: '2026-10-10', isWorkday: true, note: '国庆调休' },
    ]);
    expect(listCalendarDays(ctx, 2027)).toEqual([{ date: '2027-01-01', isWorkday: false, note: '元旦' }]);
    expect(listCalendarDays(ctx, 2025)).toEqual([]);

    // Both ends included; Sunday 09-20 is before the range.
    const exceptions = calendarExceptions(ledger.engine.db.$client, '2026-09-29', '2026-10-10');
    expect([...exceptions]).toEqual([...keptHolidays.map((date) => [date, false]), ['2026-10-10', true]]);
    // Signed Tuesday 09-29: 09-30, 10-08, 10-09, Saturday 10-10, Monday 10-12.
    expect(addWorkingDays('2026-09-29', 5, exceptions)).toBe('2026-10-12');
    expect(workingDaysBetween('2026-09-29', '2026-10-10', exceptions)).toBe(4);
    expect(firstWorkingDayOfMonth('2026-10', exceptions)).toBe('2026-10-08');
  });

  it('keeps only real exceptions: a weekday worked or a weekend off leaves no row', async () => {
    const ledger = await beijingLedger();
    const ctx = context(ledger);
    setNationalDay(ctx);

    // Thursday 10-08 worked is what Monday–Friday says: nothing kept, nothing audited.
    expect(setCalendarDay(ctx, { date: '2026-10-08', isWorkday: true, note: '节后上班' })).toBeNull();
    // Saturday 10-10 set back to off: its 调休 row goes.
    expect(setCalendarDay(ctx, { date: '2026-10-10', isWorkday: false, note: '' })).toBeNull();
    expect(listCalendarDays(ctx, 2026).map((day) => day.date)).toEqual(['2026-09-20', ...keptHolidays]);
    expect(
      firstWorkingDayOfMonth(
        '2026-10',
        calendarExceptions(ledger.engine.db.$client, '2026-10-01', '2026-10-31'),
      ),
    ).toBe('2026-10-08');
    expect(
      addWorkingDays(
        '2026-09-29',
        5,
        calendarExceptions(ledger.engine.db.$client, '2026-09-29', '2026-10-31'),
      ),
    ).toBe('2026-10-13');

    const audit = await calendarAudit(ledger);
    // 10 days set, 2 of them weekends off, and the removal.
    expect(audit).toHaveLength(9);
    expect(audit.slice(-1)).toEqual([
      ['calendar.remove', '2026-10-10', { date: '2026-10-10', isWorkday: true, note: '国庆调休' }, null],
    ]);
  });

  it('changes a day’s note, audits before and after, and writes nothing when nothing changes', async () => {
    const ledger = await beijingLedger();
    const ctx = context(ledger);
    setCalendarDay(ctx, { date: '2026-10-01', isWorkday: false, note: '国庆节' });
    expect(setCalendarDay(ctx, { date: '2026-10-01', isWorkday: false, note: '国庆节、中秋节' })).toEqual({
      date: '2026-10-01',
      isWorkday: false,
      note: '国庆节、中秋节',
    });
    setCalendarDay(ctx, { date: '2026-10-01', isWorkday: false, note: '国庆节、中秋节 ' });

    expect(await calendarAudit(ledger)).toEqual([
      ['calendar.set', '2026-10-01', null, { date: '2026-10-01', isWorkday: false, note: '国庆节' }],
      [
        'calendar.set',
        '2026-10-01',
        { date: '2026-10-01', isWorkday: false, note: '国庆节' },
        { date: '2026-10-01', isWorkday: false, note: '国庆节、中秋节' },
      ],
    ]);
  });

  it('removes a day, and refuses a day it does not have or a date that is not one', async () => {
    const ledger = await beijingLedger();
    const ctx = context(ledger);
    setNationalDay(ctx);

    removeCalendarDay(ctx, '2026-10-07');
    expect(listCalendarDays(ctx, 2026).map((day) => day.date)).not.toContain('2026-10-07');
    expect(() => removeCalendarDay(ctx, '2026-10-07')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: '工作日历中没有【2026-10-07】这一天的设置。' }),
    );
    expect(() => setCalendarDay(ctx, { date: '2026-02-30', isWorkday: false, note: '' })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: '工作日历的日期【2026-02-30】不是有效的日期，应为 yyyy-MM-dd（如 2026-10-01）。',
      }),
    );
    expect(() => removeCalendarDay(ctx, '2026-10-1')).toThrow('工作日历的日期【2026-10-1】不是有效的日期');
    expect((await calendarAudit(ledger)).slice(-1)).toEqual([
      ['calendar.remove', '2026-10-07', { date: '2026-10-07', isWorkday: false, note: '国庆节' }, null],
    ]);
  });
});

describe('the calendar.* methods', () => {
  // Read by anyone signed in: the contracts' and the channel reports' deadlines both count working days.
  it('are read by anyone signed in and kept as a setting', () => {
    expect(Object.entries(calendarMethods).map(([name, method]) => [name, method.access])).toEqual([
      ['calendar.list', 'signed-in'],
      ['calendar.set', 'settings.edit'],
      ['calendar.remove', 'settings.edit'],
    ]);
  });

  it('refuse a date that is not a day and a year out of the books’ range, saying so', () => {
    const set = calendarMethods['calendar.set'].input.safeParse({ date: '2026-02-30', isWorkday: false });
    expect(set.error?.issues.map((issue) => issue.message)).toEqual(['日期不是有效的日期']);
    const list = calendarMethods['calendar.list'].input.safeParse({ year: 20260 });
    expect(list.error?.issues.map((issue) => issue.message)).toEqual(['年份应在 2000 至 2099 之间']);
    expect(calendarMethods['calendar.set'].input.parse({ date: ' 2026-10-01 ', isWorkday: false })).toEqual({
      date: '2026-10-01',
      isWorkday: false,
      note: '',
    });
  });
});
