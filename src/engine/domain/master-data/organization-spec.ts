import type { EntitySpec } from './field-spec';
import { officeKindLabels } from './office-kinds';

const status = {
  key: 'active',
  label: '状态',
  type: 'boolean',
  options: { true: '启用', false: '停用' },
  width: 8,
} as const;

export const warehouseSpec: EntitySpec = {
  entity: 'warehouses',
  label: '仓库',
  fields: [
    {
      key: 'code',
      label: '仓库编码',
      type: 'text',
      required: true,
      synonyms: ['编码'],
      example: 'CK01',
      width: 10,
    },
    {
      key: 'name',
      label: '仓库名称',
      type: 'text',
      required: true,
      synonyms: ['仓库', '名称'],
      example: '一号仓',
      width: 16,
    },
    { key: 'address', label: '地址', type: 'text', synonyms: ['仓库地址'], width: 24 },
    { key: 'keepers', label: '仓管员', type: 'text', note: '仓管员的用户名，多个用逗号分隔', width: 16 },
    status,
    { key: 'remark', label: '备注', type: 'text', width: 20 },
  ],
};

export const officeSpec: EntitySpec = {
  entity: 'offices',
  label: '办事处/部门',
  fields: [
    {
      key: 'code',
      label: '编码',
      type: 'text',
      required: true,
      synonyms: ['办事处编码', '部门编码'],
      example: 'BSC01',
      width: 10,
    },
    {
      key: 'name',
      label: '名称',
      type: 'text',
      required: true,
      synonyms: ['办事处', '部门', '办事处名称', '部门名称'],
      example: '城东办事处',
      width: 16,
    },
    {
      key: 'kind',
      label: '类型',
      type: 'enum',
      options: officeKindLabels,
      note: '不填为办事处',
      width: 8,
    },
    { key: 'parentCode', label: '上级编码', type: 'text', width: 10 },
    status,
    { key: 'remark', label: '备注', type: 'text', width: 20 },
  ],
};

export const employeeSpec: EntitySpec = {
  entity: 'employees',
  label: '职员',
  fields: [
    {
      key: 'code',
      label: '职员编码',
      type: 'text',
      required: true,
      synonyms: ['编码', '工号'],
      example: 'ZY001',
      width: 10,
    },
    {
      key: 'name',
      label: '姓名',
      type: 'text',
      required: true,
      synonyms: ['职员姓名', '名称'],
      example: '王强',
      width: 10,
    },
    {
      key: 'office',
      label: '办事处',
      type: 'text',
      synonyms: ['部门', '所属办事处'],
      example: '城东办事处',
      width: 12,
    },
    { key: 'phone', label: '电话', type: 'text', synonyms: ['手机', '联系电话'], width: 14 },
    { key: 'title', label: '职务', type: 'text', synonyms: ['岗位'], example: '业务员', width: 10 },
    {
      key: 'username',
      label: '登录用户名',
      type: 'text',
      note: '此人登录分支账簿用的用户名（可不填）',
      width: 12,
    },
    status,
    { key: 'remark', label: '备注', type: 'text', width: 20 },
  ],
};
