/** What the demo's planner needs of the calendar beyond domain/calendar: weekdays and lot numbers. */
import { addDays } from '../../domain/calendar/calendar';

export { addDays };

/** 0 = Sunday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** 1–12. */
export function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

export function isMonthEnd(date: string): boolean {
  return addDays(date, 1).slice(8, 10) === '01';
}

/** A lot number as printed on the carton: the production date, 20261102. */
export function lotOfProductionDate(date: string): string {
  return date.replaceAll('-', '');
}
