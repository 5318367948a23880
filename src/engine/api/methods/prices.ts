import { z } from 'zod';
import { lastPrices, priceHistory, priceSides } from '../../services/documents/price-history';
import { getBranchProfile } from '../../services/branch/branch-profile';
import { defineMethod } from '../method';

export const priceMethods = {
  /** 最近价格: the last price per goods and unit with this counterparty, offered first on new lines. */
  'prices.last': defineMethod({
    input: z.object({
      counterpartyId: z.number().int(),
      side: z.enum(priceSides),
      goodsIds: z.array(z.number().int()).max(500),
    }),
    access: 'documents.view',
    handler: (ctx, input) =>
      lastPrices(ctx.actor, ctx.db.$client, input, getBranchProfile(ctx).quantityDecimals),
  }),

  /** 历史价格 of a goods, with one counterparty or all. */
  'prices.history': defineMethod({
    input: z.object({
      goodsId: z.number().int(),
      side: z.enum(priceSides),
      counterpartyId: z.number().int().optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    access: 'documents.view',
    handler: (ctx, input) =>
      priceHistory(ctx.actor, ctx.db.$client, input, getBranchProfile(ctx).quantityDecimals),
  }),
};
