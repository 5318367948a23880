import { z } from 'zod';
import { availableStock } from '../../services/stock/available-stock';
import { defineMethod } from '../method';

export const stockMethods = {
  /** On hand, reserved and available per warehouse of some goods, for the document page's lines. */
  'stock.available': defineMethod({
    input: z.object({
      goodsIds: z.array(z.number().int()).max(500),
      /** The order a delivery is made from: its own reservation is what the delivery takes. */
      exceptOrderId: z.number().int().optional(),
    }),
    access: 'stock.view',
    handler: (ctx, { goodsIds, exceptOrderId }) => availableStock(ctx, goodsIds, exceptOrderId ?? null),
  }),
};
