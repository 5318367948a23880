import { z } from 'zod';
import { passwordMinLength } from '../../domain/access/password-policy';
import { findBranchRow } from '../../services/branch/branch-profile';
import { setupBranch } from '../../services/branch/setup-branch';
import { defineMethod } from '../method';
import { branchProfileSchema } from '../schemas/branch-profile';
import { trimmedText } from '../schemas/record-fields';

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,32}$/, '用户名须为 2–32 位字母、数字、下划线、点或横线');

const administratorSchema = z
  .object({
    username: usernameSchema,
    displayName: trimmedText('姓名', 30).min(1, '请填写姓名'),
    password: z
      .string()
      .min(passwordMinLength, `密码至少 ${passwordMinLength} 位`)
      .max(128, '密码不能超过 128 位'),
    passwordConfirm: z.string(),
  })
  .refine((admin) => admin.password === admin.passwordConfirm, {
    message: '两次输入的密码不一致',
    path: ['passwordConfirm'],
  });

export const setupMethods = {
  /** Whether this database already has its branch: the app shows setup or login from this. */
  'setup.status': defineMethod({
    input: z.object({}),
    access: 'public',
    handler: (ctx) => {
      const branch = findBranchRow(ctx.db);
      return { isSetUp: branch !== null, branchName: branch?.name ?? null };
    },
  }),

  'setup.createBranch': defineMethod({
    input: z.object({ profile: branchProfileSchema, administrator: administratorSchema }),
    access: 'public',
    handler: (ctx, { profile, administrator }) =>
      setupBranch(
        ctx,
        profile,
        {
          username: administrator.username,
          displayName: administrator.displayName,
          password: administrator.password,
        },
        ctx.auth.passwords,
      ),
  }),
};
