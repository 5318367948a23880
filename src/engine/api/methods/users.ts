import { z } from 'zod';
import { passwordMinLength } from '../../domain/access/password-policy';
import {
  createUser,
  listAccounts,
  resetPassword,
  unlockUser,
  updateUser,
} from '../../services/users/manage-users';
import { listUsers } from '../../services/master-data/users-list';
import { defineMethod } from '../method';
import { usernameSchema } from './setup';
import { trimmedText } from '../schemas/record-fields';

/** The password policy (domain/access/password-policy.ts) wherever a new password is set. */
export const passwordSchema = z
  .string()
  .min(passwordMinLength, `密码至少 ${passwordMinLength} 位`)
  .max(128, '密码不能超过 128 位');
/** A role's code (roles table); the service refuses one that does not exist. */
const roleCode = z.string().trim().min(1, '请选择角色').max(30, '角色编码不能超过 30 个字');
const displayName = trimmedText('姓名', 30).min(1, '请填写姓名');

/** 用户管理: the administrator's accounts, roles, passwords and lockouts. */
export const userMethods = {
  'users.accounts': defineMethod({
    input: z.object({}),
    access: 'users.edit',
    handler: (ctx) => listAccounts(ctx),
  }),

  'users.create': defineMethod({
    input: z.object({ username: usernameSchema, displayName, role: roleCode, password: passwordSchema }),
    access: 'users.edit',
    handler: (ctx, input) => createUser(ctx, ctx.auth.passwords, input),
  }),

  'users.update': defineMethod({
    input: z.object({
      id: z.number().int(),
      displayName: displayName.optional(),
      role: roleCode.optional(),
      active: z.boolean().optional(),
    }),
    access: 'users.edit',
    handler: (ctx, { id, ...change }) => {
      updateUser(ctx, id, change);
      return { ok: true as const };
    },
  }),

  'users.resetPassword': defineMethod({
    input: z.object({ id: z.number().int(), password: passwordSchema }),
    access: 'users.edit',
    handler: async (ctx, { id, password: newPassword }) => {
      await resetPassword(ctx, ctx.auth.passwords, id, newPassword);
      return { ok: true as const };
    },
  }),

  'users.unlock': defineMethod({
    input: z.object({ id: z.number().int() }),
    access: 'users.edit',
    handler: (ctx, { id }) => {
      unlockUser(ctx, id);
      return { ok: true as const };
    },
  }),

  /** For choosing a warehouse's keepers and an employee's login; never hashes or lockout state. */
  'users.list': defineMethod({
    input: z.object({}),
    access: 'masterData.view',
    handler: (ctx) => listUsers(ctx.db),
  }),
};
