import { z } from 'zod';
import { closeMonth, listMonthCloses, reopenMonth } from '../../services/stock/month-close';
import { backupBeforeMonthClose } from '../../services/system/automatic-backups';
import { defineMethod } from '../method';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 yyyy-MM');

/** 月结 and 反月结 (DOMAIN.md §6.7). */
export const periodMethods = {
  'periods.list': defineMethod({
    input: z.object({}),
    access: 'stock.view',
    handler: (ctx) => listMonthCloses(ctx.db.$client),
  }),

  /**
   * Refused while documents dated in the month are unfinished, unless `force`. With automatic backups on, a
   * backup comes first, and a failed one stops the close: the point of it is a copy from before the close.
   */
  'periods.close': defineMethod({
    input: z.object({ month, force: z.boolean().default(false) }),
    access: 'period.close',
    handler: async (ctx, input) => {
      await backupBeforeMonthClose(ctx, ctx.env);
      return closeMonth(ctx, input.month, input.force);
    },
  }),

  'periods.reopen': defineMethod({
    input: z.object({ month }),
    access: 'period.reopen',
    handler: (ctx, input) => reopenMonth(ctx, input.month),
  }),
};
