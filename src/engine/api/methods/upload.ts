import path from 'node:path';
import { z } from 'zod';
import { periodKinds } from '../../../shared/upload/package-format';
import { uploadScheduleKinds } from '../../domain/upload/upload-settings';
import { prepared } from '../../db/prepared';
import { LedgerError } from '../../../shared/ledger-error';
import { buildPackages } from '../../services/upload/build-package';
import { exportPackages } from '../../services/upload/export-packages';
import { listOutbox } from '../../services/upload/outbox-list';
import { updateUploadSettings, uploadSettingsView } from '../../services/upload/upload-configuration';
import { uploadOnce } from '../../services/upload/upload-once';
import { writeProgress } from '../../services/upload/upload-progress';
import { runUpload, uploadDepsOf } from '../../services/upload/upload-run';
import { uploadStatus } from '../../services/upload/upload-status';
import { defineMethod } from '../method';

const pem = (what: string) =>
  z
    .string()
    .trim()
    .refine(
      (text) => text === '' || text.startsWith('-----BEGIN'),
      `${what}应为 PEM 格式（以 -----BEGIN 开头）`,
    );

export const uploadMethods = {
  /** The header badge: everyone signed in sees whether the branch's data reaches head office. */
  'upload.status': defineMethod({
    input: z.object({}),
    access: 'signed-in',
    handler: (ctx) => uploadStatus(ctx.db.$client, ctx.clock),
  }),

  'upload.packages': defineMethod({
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }),
    access: 'upload.view',
    handler: (ctx, input) => listOutbox(ctx.db.$client, input.limit),
  }),

  /** 立即上传: builds what is new and sends now, whatever the schedule; clears a refusal waiting for the person. */
  'upload.run': defineMethod({
    input: z.object({}),
    access: 'upload.run',
    handler: async (ctx) => {
      ctx.gate.assertOpen();
      ctx.db.transaction(() =>
        writeProgress(ctx.db.$client, { blocked: false, nextAttemptAt: null }, ctx.clock.now().toISOString()),
      );
      return uploadOnce(ctx.db.$client, () => runUpload(ctx, uploadDepsOf(ctx.env)));
    },
  }),

  /** Builds a package now without sending (the CLI's and the offline branch's). */
  'upload.build': defineMethod({
    input: z.object({ force: z.boolean().default(false) }),
    access: 'upload.run',
    handler: (ctx, input) => buildPackages(ctx, { appVersion: ctx.env.appVersion, force: input.force }),
  }),

  /** 重新上传: a package head office refused is offered again (after the person fixed what the message said). */
  'upload.resend': defineMethod({
    input: z.object({ packageId: z.string().min(1) }),
    access: 'upload.run',
    handler: (ctx, input) =>
      ctx.db.transaction(() => {
        const changed = prepared(
          ctx.db.$client,
          "UPDATE upload_outbox SET state = 'built', next_attempt_at = NULL WHERE package_id = ? AND state = 'rejected'",
        ).run(input.packageId).changes;
        if (changed === 0) throw new LedgerError('CONFLICT', '该上传包不是被总部拒收的状态，无需重新上传。');
        writeProgress(
          ctx.db.$client,
          { blocked: false, nextAttemptAt: null, failuresInRow: 0 },
          ctx.clock.now().toISOString(),
        );
        return { packageId: input.packageId };
      }),
  }),

  /** 导出上传包: the unacknowledged packages into a folder, to carry to head office. */
  'upload.export': defineMethod({
    input: z.object({
      folder: z
        .string()
        .trim()
        .min(1, '请填写导出的文件夹')
        .refine((folder) => path.isAbsolute(folder), '请填写完整路径，例如 D:\\上传包'),
    }),
    access: 'upload.run',
    handler: (ctx, input) => exportPackages(ctx, ctx.env.appVersion, input.folder),
  }),

  'upload.settings.get': defineMethod({
    input: z.object({}),
    access: 'upload.configure',
    handler: (ctx) => uploadSettingsView(ctx, ctx.env),
  }),

  'upload.settings.update': defineMethod({
    input: z.object({
      headOfficeUrl: z
        .union([z.literal(''), z.url({ protocol: /^https$/, error: '总部地址须为 https:// 开头的网址' })])
        .optional(),
      pinnedSpki: z
        .array(
          z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9+/]{43}=$/, '证书指纹应为 44 位 base64（SPKI sha256）'),
        )
        .max(4)
        .optional(),
      caCertificate: pem('CA 证书').optional(),
      clientCertificate: pem('客户端证书').optional(),
      clientKey: pem('客户端私钥').nullable().optional(),
      schedule: z.enum(uploadScheduleKinds).optional(),
      scheduleTime: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 HH:mm，例如 22:00')
        .optional(),
      scheduleWeekday: z.number().int().min(1).max(7).optional(),
      periodKind: z.enum(periodKinds).optional(),
      sendDocuments: z.boolean().optional(),
      keepAckedDays: z.number().int().min(7, '已送达的包至少保留 7 天').max(3650).optional(),
      secret: z.string().trim().min(16, '总部给的密钥至少 16 个字符').nullable().optional(),
    }),
    access: 'upload.configure',
    handler: (ctx, input) => updateUploadSettings(ctx, ctx.env, input),
  }),
};
