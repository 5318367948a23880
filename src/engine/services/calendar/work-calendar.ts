import type Database from 'better-sqlite3';
import { asc, between, eq } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { workCalendarDays } from '../../db/schema';
import { isIsoDate } from '../../domain/calendar/calendar';
import { isWorkingDay } from '../../domain/calendar/working-days';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';

/**
 * 工作日历: the days that differ from Monday–Friday, as the branch sets them from the State Council's
 * holiday notice each year — a public holiday not worked, a weekend day worked in its place (调休).
 * Deadlines count working days over these (domain/calendar/working-days.ts).
 */
export interface CalendarDay {
  date: string;
  isWorkday: boolean;
  note: string;
}

/**
 * The calendar's days from `from` to `to` (both included), as the working-day rules take them. A caller
 * counting a deadline reads a stretch wide enough for it: a day outside would count as a plain weekday.
 * Taking the connection, not a context, lets a use case read it inside its own transaction.
 */
export function calendarExceptions(
  sqlite: Database.Database,
  from: string,
  to: string,
): Map<string, boolean> {
  const rows = sqlite
    .prepare<[string, string], { date: string; is_workday: number }>(
      'SELECT date, is_workday FROM work_calendar_days WHERE date BETWEEN ? AND ?',
    )
    .all(from, to);
  return new Map(rows.map((row) => [row.date, row.is_workday === 1]));
}

/** The days of `year` that differ from Monday–Friday, in date order: the 工作日历 page. */
export function listCalendarDays(ctx: ServiceContext, year: number): CalendarDay[] {
  return ctx.db
    .select()
    .from(workCalendarDays)
    .where(between(workCalendarDays.date, `${year}-01-01`, `${year}-12-31`))
    .orderBy(asc(workCalendarDays.date))
    .all();
}

const weekdaysOnly: ReadonlyMap<string, boolean> = new Map();

function assertCalendarDate(date: string): void {
  if (!isIsoDate(date)) {
    throw new LedgerError(
      'VALIDATION',
      `工作日历的日期【${date}】不是有效的日期，应为 yyyy-MM-dd（如 2026-10-01）。`,
    );
  }
}

function readDay(tx: LedgerTx, date: string): CalendarDay | null {
  return tx.select().from(workCalendarDays).where(eq(workCalendarDays.date, date)).get() ?? null;
}

function deleteDay(tx: LedgerTx, ctx: ServiceContext, before: CalendarDay): void {
  tx.delete(workCalendarDays).where(eq(workCalendarDays.date, before.date)).run();
  recordAudit(tx, ctx, {
    action: 'calendar.remove',
    entity: 'work_calendar_days',
    entityKey: before.date,
    before,
  });
}

/**
 * Marks a day worked or not. A Monday–Friday marked worked, or a weekend marked off, says what the
 * weekdays already say: no row is kept for it, and one already there is removed, so the calendar lists
 * only real exceptions and setting a day back to its weekday undoes it. Returns the day kept, or null
 * when the day now follows Monday–Friday.
 */
export function setCalendarDay(ctx: ServiceContext, day: CalendarDay): CalendarDay | null {
  assertCalendarDate(day.date);
  const after: CalendarDay = { date: day.date, isWorkday: day.isWorkday, note: day.note.trim() };
  const followsWeekdays = isWorkingDay(day.date, weekdaysOnly) === day.isWorkday;
  return ctx.db.transaction((tx) => {
    const before = readDay(tx, day.date);
    if (followsWeekdays) {
      if (before) deleteDay(tx, ctx, before);
      return null;
    }
    if (before?.isWorkday === after.isWorkday && before.note === after.note) return before;
    tx.insert(workCalendarDays)
      .values(after)
      .onConflictDoUpdate({
        target: workCalendarDays.date,
        set: { isWorkday: after.isWorkday, note: after.note },
      })
      .run();
    recordAudit(tx, ctx, {
      action: 'calendar.set',
      entity: 'work_calendar_days',
      entityKey: day.date,
      before,
      after,
    });
    return after;
  });
}

/** Takes a day off the calendar: it follows Monday–Friday again. */
export function removeCalendarDay(ctx: ServiceContext, date: string): void {
  assertCalendarDate(date);
  ctx.db.transaction((tx) => {
    const before = readDay(tx, date);
    if (!before) throw new LedgerError('NOT_FOUND', `工作日历中没有【${date}】这一天的设置。`);
    deleteDay(tx, ctx, before);
  });
}
