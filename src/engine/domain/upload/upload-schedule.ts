import { addDays, isWorkingDay, monthOf, nextMonth } from '../calendar/calendar';
import type { UploadScheduleKind } from './upload-settings';

/**
 * The branch's upload schedule (hourly / daily at a time / weekly / monthly on the first working day), as
 * slots in the branch's local time, `yyyy-MM-dd HH:mm`: a slot is due once its time has come and no run
 * has taken it yet. Comparing local texts keeps summer time and the machine's zone out of it.
 */
export interface ScheduleRule {
  schedule: UploadScheduleKind;
  /** HH:mm */
  scheduleTime: string;
  /** 1 = Monday … 7 = Sunday */
  scheduleWeekday: number;
}

function weekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function firstWorkingDay(month: string): string {
  let day = `${month}-01`;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The latest slot at or before `nowLocal` (`yyyy-MM-dd HH:mm`). */
export function latestSlot(rule: ScheduleRule, nowLocal: string): string {
  const today = nowLocal.slice(0, 10);
  const time = rule.scheduleTime;
  switch (rule.schedule) {
    case 'hourly':
      return `${nowLocal.slice(0, 13)}:00`;
    case 'daily': {
      const slot = `${today} ${time}`;
      return slot <= nowLocal ? slot : `${addDays(today, -1)} ${time}`;
    }
    case 'weekly': {
      let day = addDays(today, -((weekday(today) - rule.scheduleWeekday + 7) % 7));
      if (`${day} ${time}` > nowLocal) day = addDays(day, -7);
      return `${day} ${time}`;
    }
    case 'monthly': {
      const month = monthOf(today);
      const slot = `${firstWorkingDay(month)} ${time}`;
      if (slot <= nowLocal) return slot;
      const [year, number] = month.split('-').map(Number) as [number, number];
      const previous = number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
      return `${firstWorkingDay(previous)} ${time}`;
    }
  }
}

/** The next slot after `nowLocal`: what 下次上传 shows. */
export function nextSlot(rule: ScheduleRule, nowLocal: string): string {
  const today = nowLocal.slice(0, 10);
  const time = rule.scheduleTime;
  switch (rule.schedule) {
    case 'hourly': {
      const hour = Number(nowLocal.slice(11, 13));
      return hour === 23 ? `${addDays(today, 1)} 00:00` : `${today} ${String(hour + 1).padStart(2, '0')}:00`;
    }
    case 'daily': {
      const slot = `${today} ${time}`;
      return slot > nowLocal ? slot : `${addDays(today, 1)} ${time}`;
    }
    case 'weekly': {
      let day = addDays(today, (rule.scheduleWeekday - weekday(today) + 7) % 7);
      if (`${day} ${time}` <= nowLocal) day = addDays(day, 7);
      return `${day} ${time}`;
    }
    case 'monthly': {
      const slot = `${firstWorkingDay(monthOf(today))} ${time}`;
      return slot > nowLocal ? slot : `${firstWorkingDay(nextMonth(monthOf(today)))} ${time}`;
    }
  }
}

/** Whether a scheduled run is due: the latest slot has come and the last scheduled run was before it. */
export function scheduleDue(rule: ScheduleRule, nowLocal: string, lastSlotRun: string | null): boolean {
  return lastSlotRun === null || latestSlot(rule, nowLocal) > lastSlotRun;
}
