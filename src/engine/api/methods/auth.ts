import { z } from 'zod';
import { permissions } from '../../domain/access/permissions';
import { roleNameOf } from '../../services/access/role-grants';
import { LedgerError } from '../../../shared/ledger-error';
import { login, logout } from '../../services/auth/login';
import { findBranchRow } from '../../services/branch/branch-profile';
import { defineMethod } from '../method';
import { trimmedText } from '../schemas/record-fields';

export const authMethods = {
  'auth.login': defineMethod({
    input: z.object({
      username: trimmedText('用户名', 60).min(1, '请输入用户名'),
      password: z.string().min(1, '请输入密码').max(200, '密码过长'),
    }),
    access: 'public',
    handler: (ctx, credentials) => login(ctx, ctx.auth, credentials),
  }),

  'auth.logout': defineMethod({
    input: z.object({}),
    access: 'signed-in',
    handler: (ctx) => {
      if (ctx.session) logout(ctx, ctx.auth, ctx.session);
      return { ok: true as const };
    },
  }),

  /** Who is signed in, at which branch, and what they may do (for the navigation; the router still checks). */
  'auth.currentUser': defineMethod({
    input: z.object({}),
    access: 'signed-in',
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
        },
        branch: { code: branch.code, name: branch.name, accountingMode: branch.accountingMode },
        permissions: permissions.filter((permission) => ctx.actor.permissions.has(permission)),
      };
    },
  }),
};
