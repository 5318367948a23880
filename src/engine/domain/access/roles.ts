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
  'users.manage',
  'masterData.read',
  'masterData.edit',
  'masterData.purge',
  'import.run',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: readonly Permission[] = ['system.read', 'masterData.read'];

/** The information clerk keeps master data and imports what offices send (DOMAIN.md §1). */
const grants: Record<Role, readonly Permission[]> = {
  admin: permissions,
  manager: [...everyone, 'audit.read'],
  clerk: [...everyone, 'masterData.edit', 'import.run'],
  keeper: everyone,
  accountant: [...everyone, 'masterData.edit'],
  salesperson: everyone,
};

export function roleMay(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
