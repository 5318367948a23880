import path from 'node:path';
import { z } from 'zod';
import { backupNow } from '../../services/system/backup-now';
import { systemInfo } from '../../services/system/system-info';
import { verifyLedger } from '../../services/system/verify-ledger';
import { defineMethod } from '../method';

export const systemMethods = {
  'system.info': defineMethod({
    input: z.object({}),
    access: 'system.read',
    handler: (ctx) => systemInfo(ctx, ctx.env),
  }),

  /**
   * 校验账簿: the audit log's and the stock ledger's hash chains, and the stock books' sums. Whether the
   * history can be trusted is the auditor's question: the permission of the audit log.
   */
  'system.verify': defineMethod({
    input: z.object({}),
    access: 'audit.read',
    handler: (ctx) => verifyLedger(ctx),
  }),

  'system.backup': defineMethod({
    input: z.object({
      to: z
        .string()
        .trim()
        .min(1, '请填写备份文件的路径')
        // Relative to what? The engine's working folder is nobody's business: ask for the full path.
        .refine(
          (target) => path.isAbsolute(target),
          '请填写备份文件的完整路径，例如 D:\\备份\\ledger-2026-11-22.db',
        ),
    }),
    access: 'backup.run',
    handler: (ctx, { to }) => backupNow(ctx, to),
  }),
};
