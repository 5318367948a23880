import { z } from 'zod';
import { listAudit } from '../../services/audit/list-audit';
import { defineMethod } from '../method';

export const auditMethods = {
  'audit.list': defineMethod({
    input: z.object({
      action: z.string().trim().optional(),
      actionPrefix: z.string().trim().optional(),
      username: z.string().trim().optional(),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    access: 'audit.view',
    handler: (ctx, query) => listAudit(ctx, query),
  }),
};
