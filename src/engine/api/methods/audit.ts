import { z } from 'zod';
import { listAudit } from '../../services/audit/list-audit';
import { defineMethod } from '../method';
import { searchText } from '../schemas/search-text';

export const auditMethods = {
  'audit.list': defineMethod({
    input: z.object({
      action: searchText('操作').optional(),
      actionPrefix: searchText('操作').optional(),
      username: searchText('用户名').optional(),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    access: 'audit.view',
    handler: (ctx, query) => listAudit(ctx, query),
  }),
};
