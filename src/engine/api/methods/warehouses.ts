import { readWarehouse, saveWarehouse } from '../../services/master-data/warehouses';
import { listWarehouses, warehouseSortFields } from '../../services/master-data/warehouses-list';
import { defineMethod, saveAccess } from '../method';
import { byId, saveInput } from '../schemas/record-id';
import { listQuerySchema } from '../schemas/list-query';
import { warehouseInputSchema } from '../schemas/warehouse';

export const warehouseMethods = {
  'warehouses.list': defineMethod({
    input: listQuerySchema(warehouseSortFields),
    access: 'masterData.view',
    handler: (ctx, query) => listWarehouses(ctx, query),
  }),

  'warehouses.get': defineMethod({
    input: byId,
    access: 'masterData.view',
    handler: (ctx, { id }) => readWarehouse(ctx.db, id),
  }),

  /** Creates a warehouse (no id) or replaces one (id), with its keepers. */
  'warehouses.save': defineMethod({
    input: saveInput({ warehouse: warehouseInputSchema }),
    access: saveAccess('masterData.create', 'masterData.edit'),
    handler: (ctx, { id, version, warehouse }) => saveWarehouse(ctx, warehouse, id, version),
  }),
};
