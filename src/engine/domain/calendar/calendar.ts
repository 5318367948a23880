/**
 * The branch's calendar (CONVENTIONS.md "one calendar"): business dates are calendar days `yyyy-MM-dd`
 * with no time and no zone; every computation on them is here, on whole days, and "today" comes from the
 * clock in the branch's zone (services/context.ts), never from `toISOString()`, which is a UTC date.
 */

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const dayMs = 86_400_000;

/** Whether `text` is a real calendar day as yyyy-MM-dd (2026-02-30 and 2026-13-01 are not). */
export function isIsoDate(text: string): boolean {
  const match = isoDatePattern.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isMonth(text: string): boolean {
  return monthPattern.test(text);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 of a calendar day: a day number, not a moment. */
function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / dayMs;
}

function fromDayNumber(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** `date` moved by whole days. */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The month `yyyy-MM` a day belongs to. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The last day of a month `yyyy-MM`, as yyyy-MM-dd. */
export function monthEnd(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysInMonth(year, number)).padStart(2, '0')}`;
}

export function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/**
 * Monday to Friday. Public holidays and the weekends worked in their place (调休) are the branch's own
 * calendar, which contracts and channel reports bring; until then a working day is a weekday.
 */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(dayNumber(date) * dayMs).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The `count`-th working day after `date` (count ≥ 0; 0 is `date` itself when it is one, else the next). */
export function addWorkingDays(date: string, count: number): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

function partsInZone(moment: Date, timeZone: string | undefined, withTime: boolean) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  }).formatToParts(moment);
  return (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)!.value;
}

/** The calendar day of a moment in a time zone (IANA name; the machine's zone when omitted). */
export function dateInZone(moment: Date, timeZone?: string): string {
  const part = partsInZone(moment, timeZone, false);
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A moment as a clock on the wall there reads it: yyyy-MM-dd HH:mm. */
export function timeInZone(moment: Date, timeZone?: string): string {
  const part = partsInZone(moment, timeZone, true);
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
