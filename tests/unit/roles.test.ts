import { describe, expect, it } from 'vitest';
import { isPermission, permissionLabel, permissions } from '../../src/engine/domain/access/permissions';
import { administratorRole, shippedRoles, type RoleGrant } from '../../src/engine/domain/access/roles';

/**
 * The roles a branch starts with (DOMAIN.md §1): the administrator runs the installation, the manager
 * reads and approves, the information clerk keeps master data, imports and enters documents, the keeper
 * confirms stock for the warehouses they keep, the accountant keeps receivables and payables, closes
 * months and reads profit, the salesperson enters orders without seeing cost, 只读 reads.
 */
const role = (code: string): RoleGrant => shippedRoles.find((candidate) => candidate.code === code)!;
const holders = (permission: string) =>
  shippedRoles.filter((candidate) => candidate.permissions.includes(permission as never)).map((r) => r.code);

describe('the shipped roles', () => {
  it('are the seven of DOMAIN.md, and only known permissions, each once', () => {
    expect(shippedRoles.map((r) => r.name)).toEqual([
      '管理员',
      '经理',
      '信息员',
      '仓管员',
      '会计',
      '业务员',
      '只读',
    ]);
    for (const { code, permissions: granted } of shippedRoles) {
      expect(granted.every(isPermission), code).toBe(true);
      expect(new Set(granted).size, code).toBe(granted.length);
    }
    expect(role(administratorRole).permissions).toEqual(permissions);
  });

  it('leave settings, backups, users and 反月结 to the administrator', () => {
    for (const permission of [
      'settings.edit',
      'backup.create',
      'backup.restore',
      'users.edit',
      'period.reopen',
    ]) {
      expect(holders(permission), permission).toEqual(['admin']);
    }
  });

  it('show cost and purchase prices to whoever prices purchases or reads profit, not to keepers or salespeople', () => {
    expect(holders('cost.view')).toEqual(['admin', 'manager', 'clerk', 'accountant']);
  });

  it('let the clerk enter but not approve, and keep credit limits and minimum prices from the clerk', () => {
    expect(role('clerk').permissions).toEqual(
      expect.arrayContaining(['documents.create', 'documents.edit', 'masterData.import']),
    );
    expect(role('clerk').permissions).not.toContain('documents.approve');
    expect(holders('creditLimit.edit')).toEqual(['admin', 'manager', 'accountant']);
    expect(holders('minSalePrice.edit')).toEqual(['admin', 'manager']);
    expect(holders('warehouseKeepers.edit')).toEqual(['admin']);
  });

  it('scope the keeper to the warehouses they keep, and let 只读 only read', () => {
    expect(role('keeper').warehouseScope).toBe('kept');
    expect(role('readonly').permissions.every((permission) => permission.endsWith('.view'))).toBe(true);
  });

  it('name each permission for people', () => {
    expect(permissionLabel('masterData.edit')).toBe('基础资料·修改');
    expect(permissionLabel('documents.unapprove')).toBe('单据·反审核');
    expect(permissions.map(permissionLabel).every((label) => !label.includes('undefined'))).toBe(true);
  });
});
