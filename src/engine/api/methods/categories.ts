import { z } from 'zod';
import { listCategories } from '../../services/master-data/categories';
import { defineMethod } from '../method';

export const categoryMethods = {
  'categories.list': defineMethod({
    input: z.object({}),
    access: 'masterData.view',
    handler: (ctx) => listCategories(ctx.db),
  }),
};
