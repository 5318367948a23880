import type { MonthRange } from '../../shared/hq-console/console-api';
import type { HeldPeriod } from '../store/console-reads';
import { ConsoleError } from './console-error';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` moved by whole months. */
export function addMonths(month: string, months: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months of the complete periods held, by the month each period ends in. */
export function heldMonths(held: readonly HeldPeriod[]): MonthRange | null {
  const months = held.filter((period) => period.complete).map((period) => period.to.slice(0, 7));
  if (months.length === 0) return null;
  months.sort();
  return { from: months[0]!, to: months[months.length - 1]! };
}

/** How many months the console shows when none are asked for: a year back from the newest held. */
export const defaultMonths = 12;

/**
 * The months asked for (`from`, `to` as YYYY-MM, either may be left out), or by default the last 12
 * months held. Null when nothing is held and nothing was asked.
 */
export function monthRangeOf(
  asked: { from: string | null; to: string | null },
  available: MonthRange | null,
): MonthRange | null {
  for (const month of [asked.from, asked.to]) {
    if (month !== null && !monthPattern.test(month)) {
      throw new ConsoleError(400, `月份 ${month} 无效，应为 YYYY-MM，例如 2026-03`);
    }
  }
  const to = asked.to ?? available?.to ?? null;
  if (to === null) return null;
  const yearBack = addMonths(to, 1 - defaultMonths);
  const from =
    asked.from ?? (available && available.from <= to ? maxMonth(yearBack, available.from) : yearBack);
  if (from > to) {
    throw new ConsoleError(400, `起始月份 ${from} 晚于截止月份 ${to}`);
  }
  return { from, to };
}

function maxMonth(a: string, b: string): string {
  return a > b ? a : b;
}
