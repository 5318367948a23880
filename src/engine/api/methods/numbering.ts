import { z } from 'zod';
import {
  numberDateParts,
  numberedKinds,
  numberResets,
  sequenceWidthRange,
} from '../../../shared/documents/numbering';
import { listNumberingRules, saveNumberingRule } from '../../services/documents/numbering';
import { recordAudit } from '../../services/audit/record-audit';
import { defineMethod } from '../method';

/** 单据编号 rules (DOMAIN.md §5), one per document type and one per kind of contract. */
export const numberingMethods = {
  'numbering.list': defineMethod({
    input: z.object({}),
    access: 'documents.view',
    handler: (ctx) => listNumberingRules(ctx.db.$client),
  }),

  'numbering.save': defineMethod({
    input: z.object({
      documentType: z.enum(numberedKinds),
      prefix: z
        .string()
        .trim()
        .max(8, '前缀不能超过 8 个字符')
        .regex(/^[A-Za-z0-9-]*$/, '前缀只能用字母、数字和 -'),
      datePart: z.enum(numberDateParts),
      separator: z
        .string()
        .max(2)
        .regex(/^[-_/]*$/, '分隔符只能是 - _ / 或空'),
      sequenceWidth: z.number().int().min(sequenceWidthRange.min).max(sequenceWidthRange.max),
      reset: z.enum(numberResets),
      suffix: z
        .string()
        .trim()
        .max(8)
        .regex(/^[A-Za-z0-9-]*$/, '后缀只能用字母、数字和 -'),
    }),
    access: 'settings.edit',
    handler: (ctx, rule) =>
      ctx.db.transaction((tx) => {
        saveNumberingRule(ctx.db.$client, rule);
        recordAudit(tx, ctx, {
          action: 'update',
          entity: 'numbering_rule',
          entityKey: rule.documentType,
          after: rule,
        });
      }),
  }),
};
