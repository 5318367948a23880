import type { ApiInput, ApiOutput } from '../../../../shared/api';
import type { EntityFormConfig } from '../../../components/form/entityFormConfig';
import { commonColumns } from '../../../components/list/commonColumns';
import type { EntityListConfig } from '../../../components/list/entityListConfig';
import { listQueryInput } from '../../../components/list/listQueryInput';
import { useUserOptions } from '../options/useRecordOptions';

type WarehouseRow = ApiOutput<'warehouses.list'>['rows'][number];
type WarehouseValues = ApiInput<'warehouses.save'>['warehouse'] & { code: string; name: string };

const warehouseForm: EntityFormConfig<WarehouseValues> = {
  width: 720,
  getMethod: 'warehouses.get',
  load: async (client, id) => {
    const view = await client.call('warehouses.get', { id });
    return {
      version: view.version,
      values: {
        code: view.code,
        name: view.name,
        address: view.address,
        remark: view.remark,
        active: view.active,
        keeperIds: view.keepers.map((keeper) => keeper.id),
      },
    };
  },
  blank: () => ({ code: '', name: '', address: '', remark: '', active: true, keeperIds: [] }),
  save: (client, target, warehouse) => client.call('warehouses.save', { ...target, warehouse }),
  issuePrefix: ['warehouse'],
  describe: (values) => `${values.code} ${values.name}`,
  sections: [
    {
      fields: [
        {
          kind: 'text',
          name: 'code',
          label: 'warehouse.code',
          required: true,
          maxLength: 20,
          autoFocus: true,
        },
        { kind: 'text', name: 'name', label: 'warehouse.name', required: true, maxLength: 30 },
        { kind: 'text', name: 'address', label: 'warehouse.address', maxLength: 120, span: 24 },
        {
          kind: 'select',
          name: 'keeperIds',
          label: 'warehouse.keepers',
          multiple: true,
          useOptions: useUserOptions,
          extra: 'warehouse.keepersHelp',
          span: 24,
        },
        {
          kind: 'switch',
          name: 'active',
          label: 'fields.active',
          checked: 'list.active',
          unchecked: 'list.disabled',
        },
        { kind: 'textarea', name: 'remark', label: 'fields.remark', maxLength: 200, span: 24 },
      ],
    },
  ],
};

/** 仓库, with the keepers who confirm its inbound and outbound. */
export const warehouseList: EntityListConfig<
  WarehouseRow,
  object,
  'code' | 'name' | 'updatedAt',
  WarehouseValues
> = {
  entity: 'warehouses',
  noun: 'nouns.warehouses',
  title: 'page.warehouses',
  listMethod: 'warehouses.list',
  fetchWindow: (client, query, window) =>
    client.call('warehouses.list', { ...listQueryInput(query), ...window }),
  exportList: (client, query, columns) =>
    client.call('export.list', { entity: 'warehouses', query: listQueryInput(query), columns }),
  searchPlaceholder: 'warehouse.searchPlaceholder',
  filters: [],
  columns: [
    commonColumns.code('warehouse.code', 'code', 100),
    commonColumns.name('warehouse.name', 'name', 160),
    { key: 'address', title: 'warehouse.address', width: 260 },
    { key: 'keepers', title: 'warehouse.keepers', width: 200 },
    commonColumns.active(),
    { key: 'remark', title: 'fields.remark', width: 200 },
    commonColumns.updatedAt('updatedAt'),
  ],
  form: warehouseForm,
};
