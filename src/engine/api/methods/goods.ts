import { z } from 'zod';
import { readGoods, saveGoods } from '../../services/master-data/goods';
import { goodsAsSeenBy, keepHiddenPurchasePrices } from '../../services/master-data/goods-cost-view';
import { goodsSortFields, listGoods } from '../../services/master-data/goods-list';
import { searchGoods } from '../../services/master-data/goods-search';
import { defineMethod, saveAccess } from '../method';
import { goodsInputSchema } from '../schemas/goods';
import { listQuerySchema } from '../schemas/list-query';
import { saveInput } from '../schemas/record-id';
import { searchText } from '../schemas/search-text';

export const goodsMethods = {
  'goods.list': defineMethod({
    input: listQuerySchema(goodsSortFields).extend({
      categoryPath: searchText('商品类别').optional(),
    }),
    access: 'masterData.view',
    handler: (ctx, query) => listGoods(ctx, query),
  }),

  'goods.get': defineMethod({
    input: z.object({ id: z.number().int() }),
    access: 'masterData.view',
    handler: (ctx, { id }) => goodsAsSeenBy(ctx.actor, readGoods(ctx.db, id)),
  }),

  /** Creates a goods (no id) or replaces one (id), with its units and stock lines. */
  'goods.save': defineMethod({
    input: saveInput({ goods: goodsInputSchema }),
    access: saveAccess('masterData.create', 'masterData.edit'),
    handler: (ctx, { id, version, goods }) =>
      goodsAsSeenBy(ctx.actor, saveGoods(ctx, keepHiddenPurchasePrices(ctx, goods, id), id, version)),
  }),

  /** The picker: barcode or code first, then code / name / pinyin matches. */
  'goods.search': defineMethod({
    input: z.object({ term: searchText(), limit: z.number().int().min(1).max(100).default(20) }),
    access: 'masterData.view',
    handler: (ctx, { term, limit }) => searchGoods(ctx, term, limit),
  }),
};
