/**
 * Roles and what each may do (DOMAIN.md §1). Permissions are checked by the API router, never only in the UI.
 */

export const roles = ['admin', 'manager', 'clerk', 'keeper', 'accountant', 'salesperson'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'system.read',
  'settings.edit',
  'audit.read',
  'backup.run',
  /** Replaces the books with a backup's: the administrator's alone (the admin role holds every permission). */
  'backup.restore',
  'users.manage',
  'masterData.read',
  'masterData.edit',
  'masterData.purge',
  'import.run',
  'documents.read',
  'documents.edit',
  'documents.approve',
  'warehouse.confirm',
  'stock.read',
  'period.close',
  'period.reopen',
  'money.read',
  'money.settle',
  'profit.read',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: readonly Permission[] = ['system.read', 'masterData.read', 'documents.read', 'stock.read'];

/**
 * The information clerk keeps master data, imports what offices send and enters documents; approval is
 * someone else's (DOMAIN.md §1); only an administrator reopens a closed month (§6.7).
 */
const grants: Record<Role, readonly Permission[]> = {
  admin: permissions,
  manager: [...everyone, 'audit.read', 'documents.approve', 'money.read', 'profit.read'],
  clerk: [...everyone, 'masterData.edit', 'import.run', 'documents.edit', 'money.read'],
  /** The keeper confirms inbound and outbound for the warehouses they keep (§5). */
  keeper: [...everyone, 'warehouse.confirm'],
  /** Receivables, payables, settlement and profit are the accountant's (§1, §7). */
  accountant: [
    ...everyone,
    'masterData.edit',
    'documents.edit',
    'documents.approve',
    'period.close',
    'money.read',
    'money.settle',
    'profit.read',
  ],
  salesperson: everyone,
};

export function roleMay(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
