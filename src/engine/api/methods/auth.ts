import { z } from 'zod';
import { permissions } from '../../domain/access/permissions';
import { roleNameOf } from '../../services/access/role-grants';
import { LedgerError } from '../../../shared/ledger-error';
import { changeOwnPassword } from '../../services/auth/change-password';
import { login, logout } from '../../services/auth/login';
import { findBranchRow } from '../../services/branch/branch-profile';
import { defineMethod } from '../method';
import { trimmedText } from '../schemas/record-fields';
import { passwordSchema } from './users';

export const authMethods = {
  'auth.login': defineMethod({
    input: z.object({
      username: trimmedText('用户名', 60).min(1, '请输入用户名'),
      password: z.string().min(1, '请输入密码').max(200, '密码过长'),
    }),
    access: 'public',
    handler: (ctx, credentials) => login(ctx, ctx.auth, credentials, ctx.source),
  }),

  'auth.logout': defineMethod({
    input: z.object({}),
    access: 'signed-in',
    beforePasswordChange: true,
    handler: (ctx) => {
      if (ctx.session) logout(ctx, ctx.auth, ctx.session);
      return { ok: true as const };
    },
  }),

  /** 修改密码: the signed-in user's own; answers the session that replaces the caller's (all others end). */
  'auth.changePassword': defineMethod({
    input: z.object({
      currentPassword: z.string().min(1, '请输入当前密码'),
      newPassword: passwordSchema,
    }),
    access: 'signed-in',
    beforePasswordChange: true,
    handler: (ctx, change) => {
      if (!ctx.session) {
        throw new LedgerError(
          'FORBIDDEN',
          '只有登录的用户才能修改自己的密码；命令行请用 users.resetPassword。',
        );
      }
      return changeOwnPassword(ctx, ctx.auth, { session: ctx.session, source: ctx.source }, change);
    },
  }),

  /** Who is signed in, at which branch, and what they may do (for the navigation; the router still checks). */
  'auth.currentUser': defineMethod({
    input: z.object({}),
    access: 'signed-in',
    beforePasswordChange: true,
    handler: (ctx) => {
      const branch = findBranchRow(ctx.db);
      const role = ctx.actor.role;
      if (!branch || ctx.actor.userId === null || role === null) {
        throw new LedgerError('UNAUTHENTICATED', '请先登录。');
      }
      return {
        user: {
          id: ctx.actor.userId,
          username: ctx.actor.username,
          displayName: ctx.actor.displayName,
          role,
          roleName: roleNameOf(ctx.db, role),
          mustChangePassword: ctx.actor.mustChangePassword === true,
        },
        branch: { code: branch.code, name: branch.name, accountingMode: branch.accountingMode },
        permissions: permissions.filter((permission) => ctx.actor.permissions.has(permission)),
      };
    },
  }),
};
