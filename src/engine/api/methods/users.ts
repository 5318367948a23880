import { z } from 'zod';
import { passwordMinLength } from '../../domain/access/password-policy';
import { roles } from '../../domain/access/roles';
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

/** The password policy (domain/access/password-policy.ts) wherever a new password is set. */
export const passwordSchema = z
  .string()
  .min(passwordMinLength, `密码至少 ${passwordMinLength} 位`)
  .max(128, '密码不能超过 128 位');
const displayName = z.string().trim().min(1, '请填写姓名').max(30, '姓名不能超过 30 个字');

/** 用户管理: the administrator's accounts, roles, passwords and lockouts. */
export const userMethods = {
  'users.accounts': defineMethod({
    input: z.object({}),
    access: 'users.manage',
    handler: (ctx) => listAccounts(ctx),
  }),

  'users.create': defineMethod({
    input: z.object({ username: usernameSchema, displayName, role: z.enum(roles), password: passwordSchema }),
    access: 'users.manage',
    handler: (ctx, input) => createUser(ctx, ctx.auth.passwords, input),
  }),

  'users.update': defineMethod({
    input: z.object({
      id: z.number().int(),
      displayName: displayName.optional(),
      role: z.enum(roles).optional(),
      active: z.boolean().optional(),
    }),
    access: 'users.manage',
    handler: (ctx, { id, ...change }) => {
      updateUser(ctx, id, change);
      return { ok: true as const };
    },
  }),

  'users.resetPassword': defineMethod({
    input: z.object({ id: z.number().int(), password: passwordSchema }),
    access: 'users.manage',
    handler: async (ctx, { id, password: newPassword }) => {
      await resetPassword(ctx, ctx.auth.passwords, id, newPassword);
      return { ok: true as const };
    },
  }),

  'users.unlock': defineMethod({
    input: z.object({ id: z.number().int() }),
    access: 'users.manage',
    handler: (ctx, { id }) => {
      unlockUser(ctx, id);
      return { ok: true as const };
    },
  }),

  /** For choosing a warehouse's keepers and an employee's login; never hashes or lockout state. */
  'users.list': defineMethod({
    input: z.object({}),
    access: 'masterData.read',
    handler: (ctx) => listUsers(ctx.db),
  }),
};
