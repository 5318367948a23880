import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { LedgerDb } from '../../db/connection';
import { roles } from '../../db/schema';
import { prepared } from '../../db/prepared';
import { isPermission, permissions, type Permission } from '../../domain/access/permissions';
import {
  administratorRole,
  shippedRoles,
  type CustomerScope,
  type WarehouseScope,
} from '../../domain/access/roles';

export interface Grant {
  permissions: ReadonlySet<Permission>;
  warehouseScope: WarehouseScope;
  customerScope: CustomerScope;
}

const everything: ReadonlySet<Permission> = new Set(permissions);

/**
 * What a role lets its holders do now: read at every call, so an administrator's change to a role
 * holds from its holders' next call (in this process and in any other on the same file). The
 * administrator role holds every permission whatever its row says. null: no such role.
 */
export function grantOf(sqlite: Database.Database, roleCode: string): Grant | null {
  const row = prepared(
    sqlite,
    'SELECT permissions, warehouse_scope AS warehouseScope, customer_scope AS customerScope FROM roles WHERE code = ?',
  ).get(roleCode) as
    { permissions: string; warehouseScope: WarehouseScope; customerScope: CustomerScope } | undefined;
  if (!row) return null;
  if (roleCode === administratorRole)
    return { permissions: everything, warehouseScope: 'all', customerScope: 'all' };
  // A permission this app does not know (written by a newer one) grants nothing here.
  const named = (JSON.parse(row.permissions) as string[]).filter(isPermission);
  return {
    permissions: new Set(named),
    warehouseScope: row.warehouseScope,
    customerScope: row.customerScope,
  };
}

/**
 * Puts in the shipped roles a ledger lacks (a new ledger; an older one the roles table is new to),
 * leaving alone those it has: an administrator may have edited them.
 */
export function ensureShippedRoles(sqlite: Database.Database, now: Date): void {
  const insert = sqlite.prepare(
    `INSERT INTO roles (code, name, permissions, warehouse_scope, customer_scope, shipped, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (code) DO NOTHING`,
  );
  const at = now.toISOString();
  sqlite.transaction(() => {
    for (const role of shippedRoles) {
      insert.run(
        role.code,
        role.name,
        JSON.stringify(role.permissions),
        role.warehouseScope,
        role.customerScope,
        at,
        at,
      );
    }
  })();
}

/** What people call a role (信息员); its code when the role is gone. */
export function roleNameOf(db: LedgerDb, code: string): string {
  return db.select({ name: roles.name }).from(roles).where(eq(roles.code, code)).get()?.name ?? code;
}
