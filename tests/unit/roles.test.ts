import { describe, expect, it } from 'vitest';
import {
  permissions,
  roleMay,
  roles,
  type Permission,
  type Role,
} from '../../src/engine/domain/access/roles';

/**
 * What each role may do (DOMAIN.md §1): the administrator runs the installation, the manager reads
 * the audit and approves, the information clerk keeps master data, imports and enters documents, the
 * keeper confirms stock, the accountant approves, closes months, keeps receivables and payables and reads
 * profit; only the administrator reopens a month.
 */
const expected: Record<Role, Permission[]> = {
  admin: [
    'system.read',
    'settings.edit',
    'audit.read',
    'backup.run',
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
  ],
  manager: [
    'system.read',
    'audit.read',
    'masterData.read',
    'documents.read',
    'documents.approve',
    'stock.read',
    'money.read',
    'profit.read',
  ],
  clerk: [
    'system.read',
    'masterData.read',
    'masterData.edit',
    'import.run',
    'documents.read',
    'documents.edit',
    'stock.read',
    'money.read',
  ],
  keeper: ['system.read', 'masterData.read', 'documents.read', 'warehouse.confirm', 'stock.read'],
  accountant: [
    'system.read',
    'masterData.read',
    'masterData.edit',
    'documents.read',
    'documents.edit',
    'documents.approve',
    'stock.read',
    'period.close',
    'money.read',
    'money.settle',
    'profit.read',
  ],
  salesperson: ['system.read', 'masterData.read', 'documents.read', 'stock.read'],
};

describe('what each role may do', () => {
  it('covers every role and every permission the engine knows', () => {
    expect(Object.keys(expected).sort()).toEqual([...roles].sort());
    expect([...permissions].sort()).toEqual([...expected.admin].sort());
  });

  it.each(roles)('%s holds exactly its permissions', (role) => {
    expect(permissions.filter((permission) => roleMay(role, permission))).toEqual(expected[role]);
  });

  it('a clerk can read system information but not edit settings or read the audit log', () => {
    expect(roleMay('clerk', 'system.read')).toBe(true);
    expect(roleMay('clerk', 'settings.edit')).toBe(false);
    expect(roleMay('clerk', 'audit.read')).toBe(false);
  });

  it('a manager can read the audit log but not edit settings, run backups or manage users', () => {
    expect(roleMay('manager', 'audit.read')).toBe(true);
    expect(roleMay('manager', 'settings.edit')).toBe(false);
    expect(roleMay('manager', 'backup.run')).toBe(false);
    expect(roleMay('manager', 'users.manage')).toBe(false);
  });

  it('only the administrator may edit settings, run backups and manage users', () => {
    for (const permission of ['settings.edit', 'backup.run', 'users.manage'] as const) {
      expect(roles.filter((role) => roleMay(role, permission))).toEqual(['admin']);
    }
  });
});
