import { z } from 'zod';
import { closeMonth, listMonthCloses, reopenMonth } from '../../services/stock/month-close';
import { defineMethod } from '../method';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 yyyy-MM');

/** 月结 and 反月结 (DOMAIN.md §6.7). */
export const periodMethods = {
  'periods.list': defineMethod({
    input: z.object({}),
    access: 'stock.read',
    handler: (ctx) => listMonthCloses(ctx.db.$client),
  }),

  /** Refused while documents dated in the month are unfinished, unless `force`. */
  'periods.close': defineMethod({
    input: z.object({ month, force: z.boolean().default(false) }),
    access: 'period.close',
    handler: (ctx, input) => closeMonth(ctx, input.month, input.force),
  }),

  'periods.reopen': defineMethod({
    input: z.object({ month }),
    access: 'period.reopen',
    handler: (ctx, input) => reopenMonth(ctx, input.month),
  }),
};
