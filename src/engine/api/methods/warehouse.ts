import { z } from 'zod';
import { confirmWarehouse } from '../../services/documents/confirm-warehouse';
import { warehouseQueue } from '../../services/documents/warehouse-queue';
import { defineMethod } from '../method';
import { trimmedText } from '../schemas/record-fields';
import { searchText } from '../schemas/search-text';

/** 仓库作业 (DOMAIN.md §5): the keeper's queue and confirmation, where stock moves. */
export const warehouseWorkMethods = {
  /** The keeper's queue: 待入库 / 待出库 for the warehouses they keep. */
  'warehouse.queue': defineMethod({
    input: z.object({ direction: z.enum(['in', 'out']).optional() }),
    access: 'warehouse.confirm',
    handler: (ctx, { direction }) => warehouseQueue(ctx, direction),
  }),

  'warehouse.confirm': defineMethod({
    input: z.object({
      documentId: z.number().int(),
      warehouseId: z.number().int(),
      lines: z
        .array(
          z.object({
            lineId: z.number().int(),
            quantity: searchText('数量').optional(),
            lot: trimmedText('批号', 40).optional(),
          }),
        )
        .optional(),
    }),
    access: 'warehouse.confirm',
    handler: (ctx, input) => confirmWarehouse(ctx, input),
  }),
};
