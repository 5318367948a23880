import dayjs from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek';
import type { ReportKind } from '../../../shared/channel/channel-report';
import { addDays, isIsoDate, monthEnd, nextMonth } from '../calendar/calendar';
import { addWorkingDays, firstWorkingDayOfMonth, type CalendarExceptions } from '../calendar/working-days';

dayjs.extend(isoWeek);

/**
 * The period a channel report covers (DOMAIN.md §9): a week Monday to Sunday (ISO 8601, as Chinese
 * calendars number weeks), or a calendar month; and its deadlines at the branch — a week's report by 13:00
 * on the Monday after it and imported by 15:00, a month's by 13:00 / 15:00 on the first working day of the
 * next month. A Monday that is a holiday moves the week's deadline to the next working day, as the month's
 * does; "Monday" in the seed is the first working day of the new week.
 */
export interface ReportPeriod {
  kind: ReportKind;
  start: string;
  end: string;
  /** 2026年第10周（03-02—03-08） / 2026年3月. */
  label: string;
}

export const submitByTime = '13:00';
export const importByTime = '15:00';

/** The week (Monday to Sunday) a day is in. */
export function weekOf(date: string): ReportPeriod {
  const day = dayjs(date);
  const start = day.isoWeekday(1).format('YYYY-MM-DD');
  const end = addDays(start, 6);
  return {
    kind: 'weekly',
    start,
    end,
    label: `${day.isoWeekYear()}年第${day.isoWeek()}周（${start.slice(5)}—${end.slice(5)}）`,
  };
}

/** The month `yyyy-MM`. */
export function monthPeriod(month: string): ReportPeriod {
  return {
    kind: 'monthly',
    start: `${month}-01`,
    end: monthEnd(month),
    label: `${month.slice(0, 4)}年${Number(month.slice(5))}月`,
  };
}

export function periodOf(kind: ReportKind, date: string): ReportPeriod {
  return kind === 'weekly' ? weekOf(date) : monthPeriod(date.slice(0, 7));
}

/** The period after this one. */
export function nextPeriod(period: ReportPeriod): ReportPeriod {
  return period.kind === 'weekly'
    ? weekOf(addDays(period.start, 7))
    : monthPeriod(nextMonth(period.start.slice(0, 7)));
}

/** The period before this one. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  return period.kind === 'weekly'
    ? weekOf(addDays(period.start, -7))
    : periodOf('monthly', addDays(period.start, -1));
}

/**
 * A period as an office writes it in its file, or null when it reads as none: for a week a day in it
 * (2026-03-04), 2026-W10 or 2026年第10周; for a month 2026-03, 2026年3月, 2026/3 or a day in it.
 */
export function readPeriod(kind: ReportKind, text: string): ReportPeriod | null {
  const written = text.trim().replace(/\s+/g, '');
  const day = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(written);
  if (day) {
    const date = `${day[1]}-${day[2]!.padStart(2, '0')}-${day[3]!.padStart(2, '0')}`;
    return isIsoDate(date) ? periodOf(kind, date) : null;
  }
  if (kind === 'weekly') {
    const week = /^(\d{4})(?:-?W|年第)(\d{1,2})周?$/i.exec(written);
    if (!week) return null;
    const number = Number(week[2]);
    // ISO week 1 is the week with 4 January in it.
    const monday = dayjs(`${week[1]}-01-04`)
      .isoWeekday(1)
      .add(number - 1, 'week');
    if (number < 1 || monday.isoWeekYear() !== Number(week[1])) return null;
    return weekOf(monday.format('YYYY-MM-DD'));
  }
  const month = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(written);
  if (!month || Number(month[2]) < 1 || Number(month[2]) > 12) return null;
  return monthPeriod(`${month[1]}-${month[2]!.padStart(2, '0')}`);
}

/** When a period's report is due at the branch, and by when it must be imported: wall-clock times. */
export function deadlinesOf(
  period: ReportPeriod,
  exceptions: CalendarExceptions,
): { dueDay: string; submitBy: string; importBy: string } {
  const dueDay =
    period.kind === 'weekly'
      ? addWorkingDays(addDays(period.end, 1), 0, exceptions)
      : firstWorkingDayOfMonth(nextMonth(period.start.slice(0, 7)), exceptions);
  return { dueDay, submitBy: `${dueDay} ${submitByTime}`, importBy: `${dueDay} ${importByTime}` };
}

/** Minutes from one wall-clock time `yyyy-MM-dd HH:mm` to another (the branch keeps no summer time). */
export function minutesBetween(from: string, to: string): number {
  return (Date.parse(`${to.replace(' ', 'T')}:00Z`) - Date.parse(`${from.replace(' ', 'T')}:00Z`)) / 60_000;
}

/** How late, as a clerk says it: 45 分钟, 2 小时 15 分, 1 天 3 小时. */
export function lateness(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`;
  if (hours > 0) return rest > 0 ? `${hours} 小时 ${rest} 分` : `${hours} 小时`;
  return `${rest} 分钟`;
}
