import { z } from 'zod';
import { listCalendarDays, removeCalendarDay, setCalendarDay } from '../../services/calendar/work-calendar';
import { defineMethod } from '../method';
import { isoDate } from '../schemas/iso-date';

/**
 * 工作日历: the public holidays and 调休 workdays deadlines are counted over. Anyone signed in reads it —
 * contracts' and channel reports' deadlines both count in it; keeping it is a setting (设置修改).
 */
export const calendarMethods = {
  'calendar.list': defineMethod({
    input: z.object({
      year: z
        .number()
        .int('年份应为整数')
        .min(2000, '年份应在 2000 至 2099 之间')
        .max(2099, '年份应在 2000 至 2099 之间'),
    }),
    access: 'signed-in',
    handler: (ctx, { year }) => listCalendarDays(ctx, year),
  }),

  /** A day marked as it would be anyway (a weekday worked, a weekend off) leaves no row: null comes back. */
  'calendar.set': defineMethod({
    input: z.object({
      date: isoDate(),
      isWorkday: z.boolean(),
      note: z.string().trim().max(40, '说明不能超过 40 个字').default(''),
    }),
    access: 'settings.edit',
    handler: (ctx, day) => setCalendarDay(ctx, day),
  }),

  'calendar.remove': defineMethod({
    input: z.object({ date: isoDate() }),
    access: 'settings.edit',
    handler: (ctx, { date }) => {
      removeCalendarDay(ctx, date);
      return { ok: true as const };
    },
  }),
};
