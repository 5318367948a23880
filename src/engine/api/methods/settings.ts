import path from 'node:path';
import { z } from 'zod';
import { getAppSettings, updateAppSettings } from '../../services/settings/app-settings';
import { limitPolicies, minPricePolicies } from '../../domain/settings/app-settings';
import { defineMethod } from '../method';

export const settingsMethods = {
  'settings.get': defineMethod({
    input: z.object({}),
    access: 'system.view',
    handler: (ctx) => getAppSettings(ctx),
  }),

  'settings.update': defineMethod({
    input: z.object({
      updateFeedUrl: z
        .union([z.literal(''), z.url({ protocol: /^https?$/, error: '更新地址须为 http(s):// 开头的网址' })])
        .optional(),
      creditLimitPolicy: z.enum(limitPolicies).optional(),
      orderStockPolicy: z.enum(limitPolicies).optional(),
      minSalePricePolicy: z.enum(minPricePolicies).optional(),
      forbidSelfApproval: z.boolean().optional(),
      autoBackup: z.boolean().optional(),
      autoBackupFolder: z
        .string()
        .trim()
        .refine(
          (folder) => folder === '' || path.isAbsolute(folder),
          '请填写自动备份文件夹的完整路径，例如 D:\\备份；留空则为数据库旁的 backups 文件夹',
        )
        .optional(),
      autoBackupKeep: z
        .number()
        .int('保留份数应为整数')
        .min(1, '每种自动备份至少保留 1 份')
        .max(365, '每种自动备份最多保留 365 份')
        .optional(),
    }),
    access: 'settings.edit',
    handler: (ctx, change) => updateAppSettings(ctx, change),
  }),
};
