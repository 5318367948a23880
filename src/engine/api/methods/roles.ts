import { z } from 'zod';
import { permissions } from '../../domain/access/permissions';
import { customerScopes, warehouseScopes } from '../../domain/access/roles';
import { deleteRole, listRoles, permissionCatalogue, saveRole } from '../../services/access/manage-roles';
import { defineMethod } from '../method';
import { byId, saveInput } from '../schemas/record-id';

const roleInputSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,29}$/, '角色编码为 2–30 位小写字母、数字或下划线，以字母开头'),
  name: z.string().trim().min(1, '请填写角色名称').max(20, '角色名称不能超过 20 个字'),
  permissions: z.array(z.enum(permissions as [string, ...string[]])).max(permissions.length),
  warehouseScope: z.enum(warehouseScopes),
  customerScope: z.enum(customerScopes),
});

/** 角色与权限: editable permission sets over areas and actions (domain/access/permissions.ts). */
export const roleMethods = {
  'roles.list': defineMethod({
    input: z.object({}),
    access: 'users.edit',
    handler: (ctx) => ({ roles: listRoles(ctx), catalogue: permissionCatalogue() }),
  }),

  'roles.save': defineMethod({
    input: saveInput({ role: roleInputSchema }),
    access: 'users.edit',
    handler: (ctx, { id, version, role }) =>
      saveRole(ctx, role as z.output<typeof roleInputSchema> & { permissions: never[] }, id, version),
  }),

  'roles.delete': defineMethod({
    input: byId,
    access: 'users.edit',
    handler: (ctx, { id }) => {
      deleteRole(ctx, id);
      return { ok: true as const };
    },
  }),
};
