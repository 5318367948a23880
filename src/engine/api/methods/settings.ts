import { z } from 'zod';
import { getAppSettings, updateAppSettings } from '../../services/settings/app-settings';
import { limitPolicies, minPricePolicies } from '../../domain/settings/app-settings';
import { defineMethod } from '../method';

export const settingsMethods = {
  'settings.get': defineMethod({
    input: z.object({}),
    access: 'system.read',
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
    }),
    access: 'settings.edit',
    handler: (ctx, change) => updateAppSettings(ctx, change),
  }),
};
