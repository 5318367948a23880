import { permissions, type Permission } from './permissions';

export type { Permission } from './permissions';
export { permissions } from './permissions';

/**
 * Which warehouses a role's keepers act on: only those they keep (仓管员, DOMAIN.md §5), or every
 * warehouse (whoever stands in for a keeper).
 */
export const warehouseScopes = ['kept', 'all'] as const;
export type WarehouseScope = (typeof warehouseScopes)[number];

/**
 * Which customers a role's holders see and act on (客户数据范围): 个人, those whose salesperson they are;
 * 本部门, those of their office or department and every office below it; 全部, every customer.
 */
export const customerScopes = ['own', 'office', 'all'] as const;
export type CustomerScope = (typeof customerScopes)[number];

/** A role: a named, editable set of permissions (roles table), and its data scope. */
export interface RoleGrant {
  code: string;
  name: string;
  permissions: readonly Permission[];
  warehouseScope: WarehouseScope;
  customerScope: CustomerScope;
}

/** The role whose permissions are every permission, always: nobody can edit the branch out of its own administration. */
export const administratorRole = 'admin';

const viewing: readonly Permission[] = ['system.view', 'masterData.view', 'documents.view', 'stock.view'];

/**
 * The roles a branch starts with (DOMAIN.md §1); an administrator edits them or adds others. The
 * information clerk keeps master data, imports what offices send and enters documents, approval being
 * someone else's; the keeper confirms for the warehouses they keep; receivables, payables, settlement,
 * month close and profit are the accountant's; the salesperson enters orders, sees neither cost nor
 * purchase prices, and only the customers they are salesperson of; 只读 reads.
 */
export const shippedRoles: readonly RoleGrant[] = [
  { code: administratorRole, name: '管理员', permissions, warehouseScope: 'all', customerScope: 'all' },
  {
    code: 'manager',
    name: '经理',
    permissions: [
      ...viewing,
      'audit.view',
      // Credit limits and minimum prices are the manager's to set, on the records themselves.
      'masterData.edit',
      'masterData.export',
      'documents.approve',
      'documents.unapprove',
      'documents.void',
      'documents.print',
      'documents.export',
      'reports.export',
      'money.view',
      'profit.view',
      'cost.view',
      'creditLimit.edit',
      'minSalePrice.edit',
      // The office head's check of a contract against the paper one (DOMAIN.md §8).
      'contracts.view',
      'contracts.approve',
      'channel.view',
    ],
    warehouseScope: 'all',
    customerScope: 'all',
  },
  {
    code: 'clerk',
    name: '信息员',
    permissions: [
      ...viewing,
      'masterData.create',
      'masterData.edit',
      'masterData.delete',
      'masterData.import',
      'masterData.export',
      'documents.create',
      'documents.edit',
      'documents.print',
      'documents.export',
      'reports.export',
      'money.view',
      // Purchase receipts are entered at their purchase prices.
      'cost.view',
      // Signing tables are the clerk's to import (DOMAIN.md §1).
      'contracts.view',
      'contracts.edit',
      'channel.view',
      'channel.import',
      'channel.review',
    ],
    warehouseScope: 'all',
    customerScope: 'all',
  },
  {
    code: 'keeper',
    name: '仓管员',
    // Stock reports to Excel are the keeper's too (counts, slow movers); money reports stay closed to them.
    permissions: [...viewing, 'warehouse.confirm', 'warehouse.print', 'reports.export'],
    warehouseScope: 'kept',
    customerScope: 'all',
  },
  {
    code: 'accountant',
    name: '会计',
    permissions: [
      ...viewing,
      'masterData.create',
      'masterData.edit',
      'masterData.export',
      'documents.create',
      'documents.edit',
      'documents.approve',
      'documents.unapprove',
      'documents.void',
      'documents.print',
      'documents.export',
      'reports.export',
      'period.close',
      'money.view',
      'money.settle',
      'profit.view',
      'cost.view',
      'creditLimit.edit',
      'contracts.view',
      'contracts.settle',
      'channel.view',
    ],
    warehouseScope: 'all',
    customerScope: 'all',
  },
  {
    code: 'salesperson',
    name: '业务员',
    permissions: [
      ...viewing,
      'documents.create',
      'documents.edit',
      'documents.print',
      'money.view',
      'contracts.view',
      'contracts.edit',
      'channel.view',
    ],
    warehouseScope: 'all',
    customerScope: 'own',
  },
  { code: 'readonly', name: '只读', permissions: viewing, warehouseScope: 'all', customerScope: 'all' },
];
