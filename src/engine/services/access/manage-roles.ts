import { asc, eq, sql } from 'drizzle-orm';
import { roles, users } from '../../db/schema';
import { isPermission, permissionAreas, type Permission } from '../../domain/access/permissions';
import { administratorRole, type CustomerScope, type WarehouseScope } from '../../domain/access/roles';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { assertUnchangedSince, lastAuditedChange } from '../records/edit-version';

export interface RoleInput {
  code: string;
  name: string;
  permissions: Permission[];
  warehouseScope: WarehouseScope;
  customerScope: CustomerScope;
}

/** The areas and the actions on each that a role's permissions are chosen from, for the roles page. */
export function permissionCatalogue() {
  return Object.entries(permissionAreas).map(([area, actions]) => ({
    area,
    permissions: actions.map((action) => `${area}.${action}` as Permission),
  }));
}

/** 角色: every role with its permissions and how many users hold it. */
export function listRoles(ctx: ServiceContext) {
  const holders = ctx.db
    .select({ role: users.role, count: sql<number>`count(*)` })
    .from(users)
    .groupBy(users.role)
    .all();
  const held = new Map(holders.map((row) => [row.role, row.count]));
  return ctx.db
    .select()
    .from(roles)
    .orderBy(asc(roles.id))
    .all()
    .map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      permissions: row.permissions.filter(isPermission),
      warehouseScope: row.warehouseScope,
      customerScope: row.customerScope,
      shipped: row.shipped,
      version: row.version,
      holders: held.get(row.code) ?? 0,
      /** The administrator role holds every permission, always. */
      fixed: row.code === administratorRole,
    }));
}

export type RoleView = ReturnType<typeof listRoles>[number];

function findRole(ctx: ServiceContext, id: number) {
  const row = ctx.db.select().from(roles).where(eq(roles.id, id)).get();
  if (!row) throw new LedgerError('NOT_FOUND', `角色（编号 ${id}）不存在。`);
  return row;
}

/**
 * Creates a role (no id) or changes one: its name, permissions, warehouse and customer scope; its code stays what
 * users hold it by. The administrator role keeps every permission, so nobody can edit the branch out
 * of its own administration. Holders see a change from their next call (role-grants.ts).
 */
export function saveRole(
  ctx: ServiceContext,
  input: RoleInput,
  id: number | null,
  openedVersion?: number,
): RoleView {
  return ctx.db.transaction((tx) => {
    const now = ctx.clock.now().toISOString();
    const sameName = tx.select({ id: roles.id }).from(roles).where(eq(roles.name, input.name)).get();
    if (sameName && sameName.id !== id)
      throw new LedgerError('CONFLICT', `已有名为【${input.name}】的角色。`);
    const record = {
      name: input.name,
      permissions: [...new Set(input.permissions)],
      warehouseScope: input.warehouseScope,
      customerScope: input.customerScope,
      updatedAt: now,
    };
    let before: unknown = null;
    let code = input.code;
    if (id === null) {
      if (tx.select({ id: roles.id }).from(roles).where(eq(roles.code, input.code)).get())
        throw new LedgerError('CONFLICT', `角色编码 ${input.code} 已存在。`);
      tx.insert(roles)
        .values({ ...record, code, shipped: false, createdAt: now })
        .run();
    } else {
      const existing = findRole(ctx, id);
      code = existing.code;
      assertUnchangedSince(
        ctx,
        { label: `角色【${existing.name}】`, version: existing.version },
        openedVersion,
        () => lastAuditedChange(tx, 'roles', existing.code),
      );
      if (input.code !== existing.code)
        throw new LedgerError('VALIDATION', `角色【${existing.name}】的编码不能修改：用户按编码持有角色。`);
      if (existing.code === administratorRole && input.permissions.length !== existing.permissions.length)
        throw new LedgerError('VALIDATION', '管理员角色始终拥有全部权限，不能修改它的权限。');
      before = {
        name: existing.name,
        permissions: existing.permissions,
        warehouseScope: existing.warehouseScope,
        customerScope: existing.customerScope,
      };
      tx.update(roles)
        .set({ ...record, version: existing.version + 1 })
        .where(eq(roles.id, id))
        .run();
    }
    recordAudit(tx, ctx, {
      action: id === null ? 'roles.create' : 'roles.update',
      entity: 'roles',
      entityKey: code,
      before,
      after: record,
    });
    return listRoles(ctx).find((role) => role.code === code)!;
  });
}

/** Removes a role nobody holds; the shipped ones stay (they can be edited instead). */
export function deleteRole(ctx: ServiceContext, id: number): void {
  ctx.db.transaction((tx) => {
    const role = findRole(ctx, id);
    if (role.shipped)
      throw new LedgerError(
        'CONFLICT',
        `角色【${role.name}】是本软件自带的角色，不能删除；可以修改它的权限。`,
      );
    const holders = tx.select({ name: users.displayName }).from(users).where(eq(users.role, role.code)).all();
    if (holders.length > 0) {
      throw new LedgerError(
        'CONFLICT',
        `角色【${role.name}】还有 ${holders.length} 位用户（${holders.map((user) => user.name).join('、')}），请先给他们换一个角色。`,
      );
    }
    tx.delete(roles).where(eq(roles.id, id)).run();
    recordAudit(tx, ctx, { action: 'roles.delete', entity: 'roles', entityKey: role.code, before: role });
  });
}
