import path from 'node:path';
import { z } from 'zod';
import { backupNow } from '../../services/system/backup-now';
import { listBackups } from '../../services/system/backup-list';
import { readBackupPassphrase, setBackupPassphrase } from '../../services/system/backup-passphrase';
import { checkIntegrity } from '../../services/system/check-integrity';
import { previewRestore, restoreLedger } from '../../services/system/restore-ledger';
import { systemInfo } from '../../services/system/system-info';
import { verifyLedger } from '../../services/system/verify-ledger';
import { defineMethod } from '../method';

/** A file on the machine running the engine: its working folder is nobody's business, so a full path. */
function absoluteFile(missing: string, example: string) {
  return z
    .string()
    .trim()
    .min(1, missing)
    .refine((file) => path.isAbsolute(file), `请填写完整路径，例如 ${example}`);
}

const backupFile = absoluteFile('请填写备份文件的路径', 'D:\\备份\\ledger-2026-11-22.db');
const passphrase = z.string().min(1, '请输入备份密码').nullable().default(null);

export const systemMethods = {
  'system.info': defineMethod({
    input: z.object({}),
    access: 'system.view',
    handler: (ctx) => ({
      ...systemInfo(ctx, ctx.env),
      backupEncrypted: readBackupPassphrase(ctx.env) !== null,
    }),
  }),

  /**
   * 校验账簿: the audit log's and the stock ledger's hash chains, and the stock books' sums. Whether the
   * history can be trusted is the auditor's question: the permission of the audit log.
   */
  'system.verify': defineMethod({
    input: z.object({}),
    access: 'audit.view',
    handler: (ctx) => verifyLedger(ctx),
  }),

  'system.backup': defineMethod({
    input: z.object({
      to: absoluteFile('请填写备份文件的路径', 'D:\\备份\\ledger-2026-11-22.db'),
      /** Encrypts this backup with the passphrase given (not stored anywhere). */
      passphrase,
    }),
    access: 'backup.create',
    handler: (ctx, { to, passphrase }) => backupNow(ctx, to, passphrase),
  }),

  /** The backups in the automatic backup folder, newest first. */
  'system.backups': defineMethod({
    input: z.object({}),
    access: 'backup.create',
    handler: (ctx) => listBackups(ctx, ctx.env),
  }),

  /** The passphrase automatic backups are encrypted with; null: no longer encrypted. Never read back. */
  'system.setBackupPassphrase': defineMethod({
    input: z.object({
      passphrase: z.string().min(8, '备份密码至少 8 个字符').max(200, '备份密码最多 200 个字符').nullable(),
    }),
    access: 'settings.edit',
    handler: (ctx, { passphrase }) => {
      setBackupPassphrase(ctx, ctx.env, passphrase);
      return { backupEncrypted: passphrase !== null };
    },
  }),

  /** `PRAGMA integrity_check` and `foreign_key_check` of the live ledger (start-up runs the quick check). */
  'system.checkIntegrity': defineMethod({
    input: z.object({}),
    access: 'backup.create',
    handler: (ctx) => checkIntegrity(ctx),
  }),

  'system.restorePreview': defineMethod({
    input: z.object({ from: backupFile, passphrase }),
    access: 'backup.restore',
    handler: (ctx, { from, passphrase }) => previewRestore(ctx, ctx.env, from, passphrase),
  }),

  /** Replaces the books with a backup's (restore-ledger.ts); signs everyone out. */
  'system.restore': defineMethod({
    input: z.object({ from: backupFile, passphrase, acknowledged: z.boolean().default(false) }),
    access: 'backup.restore',
    handler: (ctx, input) =>
      restoreLedger(
        ctx,
        {
          env: ctx.env,
          gate: ctx.gate,
          // Sessions live in memory (sessions.ts): ending them all ends this caller's too.
          endSessions: () => ctx.auth.sessions.clear(),
        },
        input,
      ),
  }),
};
