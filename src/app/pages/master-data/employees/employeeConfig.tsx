import type { ApiInput, ApiOutput } from '../../../../shared/api';
import type { EntityFormConfig } from '../../../components/form/entityFormConfig';
import { commonColumns } from '../../../components/list/commonColumns';
import type { EntityListConfig } from '../../../components/list/entityListConfig';
import { listQueryInput } from '../../../components/list/listQueryInput';
import { useOfficeOptions, useUserOptions } from '../options/useRecordOptions';

type EmployeeRow = ApiOutput<'employees.list'>['rows'][number];
type EmployeeValues = ApiInput<'employees.save'>['employee'] & { code: string; name: string };

const employeeForm: EntityFormConfig<EmployeeValues> = {
  width: 720,
  getMethod: 'employees.get',
  load: async (client, id) => {
    const view = await client.call('employees.get', { id });
    return {
      version: view.version,
      values: {
        code: view.code,
        name: view.name,
        officeId: view.officeId,
        phone: view.phone,
        title: view.title,
        userId: view.userId,
        remark: view.remark,
        active: view.active,
      },
    };
  },
  blank: () => ({
    code: '',
    name: '',
    officeId: null,
    phone: '',
    title: '',
    userId: null,
    remark: '',
    active: true,
  }),
  save: (client, target, employee) => client.call('employees.save', { ...target, employee }),
  issuePrefix: ['employee'],
  // The salesperson picker lists employees.
  describe: (values) => `${values.code} ${values.name}`,
  sections: [
    {
      fields: [
        {
          kind: 'text',
          name: 'code',
          label: 'employee.code',
          required: true,
          maxLength: 20,
          autoFocus: true,
        },
        { kind: 'text', name: 'name', label: 'employee.name', required: true, maxLength: 20 },
        { kind: 'select', name: 'officeId', label: 'employee.office', useOptions: useOfficeOptions },
        {
          kind: 'text',
          name: 'title',
          label: 'employee.title',
          maxLength: 20,
          placeholder: 'employee.titlePlaceholder',
        },
        { kind: 'text', name: 'phone', label: 'employee.phone', maxLength: 40 },
        {
          kind: 'select',
          name: 'userId',
          label: 'employee.user',
          useOptions: useUserOptions,
          extra: 'employee.userHelp',
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

/** 职员: salespeople, office heads, handlers on documents. */
export const employeeList: EntityListConfig<
  EmployeeRow,
  { officeId: number },
  'code' | 'name' | 'updatedAt',
  EmployeeValues
> = {
  entity: 'employees',
  noun: 'nouns.employees',
  title: 'page.employees',
  listMethod: 'employees.list',
  fetchWindow: (client, query, window) =>
    client.call('employees.list', { ...listQueryInput(query), officeId: query.filters.officeId, ...window }),
  exportList: (client, query, columns) =>
    client.call('export.list', {
      entity: 'employees',
      query: { ...listQueryInput(query), officeId: query.filters.officeId },
      columns,
    }),
  searchPlaceholder: 'employee.searchPlaceholder',
  filters: [
    { key: 'officeId', label: 'employee.office', kind: 'select', width: 150, useOptions: useOfficeOptions },
  ],
  columns: [
    commonColumns.code('employee.code', 'code', 100),
    commonColumns.name('employee.name', 'name', 110),
    { key: 'office', title: 'employee.columns.office', width: 140, render: (row) => row.officeName },
    { key: 'phone', title: 'employee.phone', width: 130 },
    { key: 'title', title: 'employee.title', width: 100 },
    { key: 'username', title: 'employee.columns.username', width: 110 },
    commonColumns.active(),
    { key: 'remark', title: 'fields.remark', width: 200 },
    commonColumns.updatedAt('updatedAt'),
  ],
  form: employeeForm,
};
