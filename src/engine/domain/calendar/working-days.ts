import { LedgerError } from '../../../shared/ledger-error';
import { addDays, daysBetween, isIsoDate, isMonth } from './calendar';

/**
 * Working days by the branch's 工作日历. Deadlines are counted in them: an office submits a contract
 * within 5 working days of signing, the branch imports it within 3 of receipt, a channel report is due
 * on the first working day of the month.
 *
 * The calendar keeps only the days that differ from Monday–Friday (services/calendar/work-calendar.ts):
 * date → isWorkday, a public holiday false, a weekend day worked in its place (调休) true. These rules
 * take that map and never read the database, so a caller loads the stretch it needs once (the table
 * holds a few dozen rows a year) and counts as often as it likes.
 */
export type CalendarExceptions = ReadonlyMap<string, boolean>;

/**
 * Refuses what is not a calendar day: `Date` rolls 2026-02-30 over to March 2 and reads a typo as some
 * weekday, so a deadline would be counted from a day nobody wrote.
 */
function assertDate(date: string): void {
  if (!isIsoDate(date)) {
    throw new LedgerError('VALIDATION', `日期【${date}】不是有效的日期，应为 yyyy-MM-dd（如 2026-10-08）。`);
  }
}

/** Whether `date` is worked: as the calendar says where it has a row, else Monday to Friday. */
export function isWorkingDay(date: string, exceptions: CalendarExceptions): boolean {
  assertDate(date);
  const exception = exceptions.get(date);
  if (exception !== undefined) return exception;
  // A calendar day has no zone: read at midnight UTC, getUTCDay is its weekday on every machine, where
  // getDay would name the day before west of Greenwich.
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The `count`-th working day after `date` (count ≥ 0), the day itself not counted: signed on Tuesday
 * 2026-09-29, "within 5 working days" ends on 2026-10-12 when 国庆 takes 10-01 to 10-07 and Saturday
 * 10-10 is worked. So `workingDaysBetween(date, addWorkingDays(date, count))` is `count` for every
 * count ≥ 1, whatever `date` is.
 *
 * `count` 0 is the day itself when it is worked, else the next working day: "on the day, or the first
 * working day after" — what a due date falling on a holiday moves to. For a day that is not worked, 0 and
 * 1 are therefore the same day. (calendar.ts's weekday-only `addWorkingDays` first moves a day off to the
 * next working day and counts from there; this one counts from the day itself, as a deadline does.)
 *
 * The loop ends: past the last exception every day is Monday–Friday again.
 */
export function addWorkingDays(date: string, count: number, exceptions: CalendarExceptions): string {
  if (!Number.isInteger(count) || count < 0) {
    throw new LedgerError('VALIDATION', `工作日天数应为 0 或正整数，而不是 ${count}。`);
  }
  assertDate(date);
  let day = date;
  if (count === 0) {
    while (!isWorkingDay(day, exceptions)) day = addDays(day, 1);
    return day;
  }
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, exceptions)) left--;
  }
  return day;
}

/**
 * Working days after `from` up to and including `to`: how many a deadline has used, or how late it is.
 * Negative, the same count, when `to` is earlier, so swapping the days only flips the sign.
 */
export function workingDaysBetween(from: string, to: string, exceptions: CalendarExceptions): number {
  assertDate(from);
  assertDate(to);
  const span = daysBetween(from, to);
  if (span < 0) return -workingDaysBetween(to, from, exceptions);
  let count = 0;
  for (let offset = 1; offset <= span; offset++) {
    if (isWorkingDay(addDays(from, offset), exceptions)) count++;
  }
  return count;
}

/** The first working day of a month `yyyy-MM`: the day a monthly channel report is due. */
export function firstWorkingDayOfMonth(month: string, exceptions: CalendarExceptions): string {
  if (!isMonth(month)) {
    throw new LedgerError('VALIDATION', `月份【${month}】不是有效的月份，应为 yyyy-MM（如 2026-10）。`);
  }
  return addWorkingDays(`${month}-01`, 0, exceptions);
}
