import type { PackagePeriod, PeriodKind } from '../../../shared/upload/package-format';
import { addDays, daysBetween, monthEnd, monthOf, nextMonth } from '../calendar/calendar';

/**
 * The periods a branch uploads its figures by (UPLOAD.md "Contents": day, week or month, per branch
 * setting). Weeks are ISO weeks, Monday to Sunday, keyed by the year their Thursday falls in.
 */

function weekday(date: string): number {
  // 1 = Monday … 7 = Sunday, from the date alone (no time zone can move it).
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function isoWeekKey(monday: string): string {
  const thursday = addDays(monday, 3);
  const year = thursday.slice(0, 4);
  const firstThursday = (() => {
    const jan4 = `${year}-01-04`;
    return addDays(jan4, 4 - weekday(jan4));
  })();
  const week = daysBetween(firstThursday, thursday) / 7 + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period a business date falls in. */
export function periodOf(kind: PeriodKind, date: string): PackagePeriod {
  if (kind === 'day') return { kind, key: date, from: date, to: date };
  if (kind === 'week') {
    const monday = addDays(date, 1 - weekday(date));
    return { kind, key: isoWeekKey(monday), from: monday, to: addDays(monday, 6) };
  }
  const month = monthOf(date);
  return { kind, key: month, from: `${month}-01`, to: monthEnd(month) };
}

/** Every period from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(kind: PeriodKind, from: string, to: string): PackagePeriod[] {
  const periods: PackagePeriod[] = [];
  let period = periodOf(kind, from);
  const last = periodOf(kind, to).key;
  for (;;) {
    periods.push(period);
    if (period.key === last) return periods;
    period =
      kind === 'month'
        ? periodOf(kind, `${nextMonth(period.key)}-01`)
        : periodOf(kind, addDays(period.to, 1));
  }
}
