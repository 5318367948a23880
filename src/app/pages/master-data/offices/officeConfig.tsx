import type { ApiInput, ApiOutput } from '../../../../shared/api';
import type { EntityFormConfig } from '../../../components/form/entityFormConfig';
import { commonColumns } from '../../../components/list/commonColumns';
import type { EntityListConfig } from '../../../components/list/entityListConfig';
import { listQueryInput } from '../../../components/list/listQueryInput';
import { EnumLabel } from '../options/EnumLabel';
import { enumLabels, useOfficeKindOptions, type OfficeKind } from '../options/useEnumOptions';
import { useOfficeOptions } from '../options/useRecordOptions';

type OfficeRow = ApiOutput<'offices.list'>['rows'][number];
type OfficeValues = ApiInput<'offices.save'>['office'] & { code: string; name: string };

const officeForm: EntityFormConfig<OfficeValues> = {
  width: 720,
  getMethod: 'offices.get',
  load: async (client, id) => {
    const view = await client.call('offices.get', { id });
    return {
      version: view.version,
      values: {
        code: view.code,
        name: view.name,
        kind: view.kind,
        parentId: view.parentId,
        remark: view.remark,
        active: view.active,
      },
    };
  },
  blank: () => ({ code: '', name: '', kind: 'office', parentId: null, remark: '', active: true }),
  save: (client, target, office) => client.call('offices.save', { ...target, office }),
  issuePrefix: ['office'],
  // Counterparty and employee pickers list offices.
  describe: (values) => `${values.code} ${values.name}`,
  sections: [
    {
      fields: [
        { kind: 'text', name: 'code', label: 'office.code', required: true, maxLength: 20, autoFocus: true },
        { kind: 'text', name: 'name', label: 'office.name', required: true, maxLength: 30 },
        {
          kind: 'select',
          name: 'kind',
          label: 'office.kind',
          required: true,
          useOptions: useOfficeKindOptions,
        },
        { kind: 'select', name: 'parentId', label: 'office.parent', useOptions: useOfficeOptions },
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

/** 办事处/部门: the branch's organisation, a tree. */
export const officeList: EntityListConfig<
  OfficeRow,
  { kind: OfficeKind },
  'code' | 'name' | 'updatedAt',
  OfficeValues
> = {
  entity: 'offices',
  noun: 'nouns.offices',
  title: 'page.offices',
  listMethod: 'offices.list',
  fetchWindow: (client, query, window) =>
    client.call('offices.list', { ...listQueryInput(query), kind: query.filters.kind, ...window }),
  exportList: (client, query, columns) =>
    client.call('export.list', {
      entity: 'offices',
      query: { ...listQueryInput(query), kind: query.filters.kind },
      columns,
    }),
  searchPlaceholder: 'office.searchPlaceholder',
  filters: [
    { key: 'kind', label: 'office.kind', kind: 'select', width: 120, useOptions: useOfficeKindOptions },
  ],
  columns: [
    commonColumns.code('office.code', 'code', 100),
    commonColumns.name('office.name', 'name', 180),
    {
      key: 'kind',
      title: 'office.kind',
      width: 80,
      render: (row) => <EnumLabel labels={enumLabels.officeKind} value={row.kind} />,
    },
    { key: 'parentCode', title: 'office.columns.parentCode', width: 100 },
    { key: 'parentName', title: 'office.columns.parentName', width: 160 },
    commonColumns.active(),
    { key: 'remark', title: 'fields.remark', width: 240 },
    commonColumns.updatedAt('updatedAt'),
  ],
  form: officeForm,
};
