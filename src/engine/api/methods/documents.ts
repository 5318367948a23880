import { z } from 'zod';
import { documentStatuses } from '../../../shared/documents/document-status';
import { documentTypes } from '../../../shared/documents/document-types';
import { numberDateParts, numberResets, sequenceWidthRange } from '../../../shared/documents/numbering';
import {
  approveDocument,
  closeOrder,
  deleteDraft,
  submitDocument,
  unapproveDocument,
  voidDocument,
} from '../../services/documents/document-actions';
import { confirmWarehouse } from '../../services/documents/confirm-warehouse';
import { listDocuments } from '../../services/documents/list-documents';
import { listNumberingRules, saveNumberingRule } from '../../services/documents/numbering';
import { readDocument } from '../../services/documents/read-document';
import { reverseDocument } from '../../services/documents/reverse-document';
import { saveDocument } from '../../services/documents/save-document';
import { draftFromOrder } from '../../services/documents/order-draft';
import { lastPrices, priceHistory, priceSides } from '../../services/documents/price-history';
import { getBranchProfile } from '../../services/branch/branch-profile';
import { availableStock } from '../../services/stock/available-stock';
import { warehouseQueue } from '../../services/documents/warehouse-queue';
import { recordAudit } from '../../services/audit/record-audit';
import { defineMethod } from '../method';
import { documentInputSchema } from '../schemas/document';

const byId = z.object({ id: z.number().int() });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 yyyy-MM-dd');

/** Stock documents (DOMAIN.md §5): entry, the lifecycle, the keeper's confirmation, numbering rules. */
export const documentMethods = {
  'documents.list': defineMethod({
    input: z.object({
      types: z.array(z.enum(documentTypes)).optional(),
      statuses: z.array(z.enum(documentStatuses)).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      search: z.string().optional(),
      warehouseId: z.number().int().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    access: 'documents.read',
    handler: (ctx, query) => listDocuments(ctx.db.$client, query),
  }),

  'documents.get': defineMethod({
    input: byId,
    access: 'documents.read',
    handler: (ctx, { id }) => readDocument(ctx.db, id),
  }),

  /** Creates a draft (no id) or replaces a draft's header and lines (id). */
  'documents.save': defineMethod({
    input: z.object({ id: z.number().int().nullable().default(null), document: documentInputSchema }),
    access: 'documents.edit',
    handler: (ctx, { id, document }) => saveDocument(ctx, document, id),
  }),

  /** `acknowledged`: the person has read the warnings (credit, stock) a first try answered with. */
  'documents.submit': defineMethod({
    input: byId.extend({ acknowledged: z.boolean().default(false) }),
    access: 'documents.edit',
    handler: (ctx, { id, acknowledged }) => submitDocument(ctx, id, acknowledged),
  }),

  'documents.approve': defineMethod({
    input: byId.extend({ acknowledged: z.boolean().default(false) }),
    access: 'documents.approve',
    handler: (ctx, { id, acknowledged }) => approveDocument(ctx, id, acknowledged),
  }),

  /** 强制结案 of an approved order. */
  'documents.close': defineMethod({
    input: byId.extend({ reason: z.string().trim().max(200).default('') }),
    access: 'documents.approve',
    handler: (ctx, { id, reason }) => closeOrder(ctx, id, reason),
  }),

  /** 下推: an unsaved receipt / delivery with what the order still has outstanding, for `documents.save`. */
  'documents.fromOrder': defineMethod({
    input: byId,
    access: 'documents.edit',
    handler: (ctx, { id }) => draftFromOrder(ctx, id),
  }),

  /** 最近价格: the last price per goods and unit with this counterparty, offered first on new lines. */
  'prices.last': defineMethod({
    input: z.object({
      counterpartyId: z.number().int(),
      side: z.enum(priceSides),
      goodsIds: z.array(z.number().int()).max(500),
    }),
    access: 'documents.read',
    handler: (ctx, input) => lastPrices(ctx.db.$client, input, getBranchProfile(ctx).quantityDecimals),
  }),

  /** 历史价格 of a goods, with one counterparty or all. */
  'prices.history': defineMethod({
    input: z.object({
      goodsId: z.number().int(),
      side: z.enum(priceSides),
      counterpartyId: z.number().int().optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    access: 'documents.read',
    handler: (ctx, input) => priceHistory(ctx.db.$client, input, getBranchProfile(ctx).quantityDecimals),
  }),

  /** On hand, reserved and available per warehouse of some goods, for the document page's lines. */
  'stock.available': defineMethod({
    input: z.object({
      goodsIds: z.array(z.number().int()).max(500),
      /** The order a delivery is made from: its own reservation is what the delivery takes. */
      exceptOrderId: z.number().int().optional(),
    }),
    access: 'stock.read',
    handler: (ctx, { goodsIds, exceptOrderId }) => availableStock(ctx, goodsIds, exceptOrderId ?? null),
  }),

  'documents.unapprove': defineMethod({
    input: byId,
    access: 'documents.approve',
    handler: (ctx, { id }) => unapproveDocument(ctx, id),
  }),

  'documents.void': defineMethod({
    input: byId.extend({ reason: z.string().trim().max(200).default('') }),
    access: 'documents.approve',
    handler: (ctx, { id, reason }) => voidDocument(ctx, id, reason),
  }),

  'documents.delete': defineMethod({
    input: byId,
    access: 'documents.edit',
    handler: (ctx, { id }) => deleteDraft(ctx, id),
  }),

  /** 红字冲销 of a completed document. */
  'documents.reverse': defineMethod({
    input: byId.extend({ businessDate: isoDate, reason: z.string().trim().max(200).default('') }),
    access: 'documents.approve',
    handler: (ctx, { id, businessDate, reason }) => reverseDocument(ctx, id, businessDate, reason),
  }),

  /** The keeper's queue: 待入库 / 待出库 for the warehouses they keep. */
  'warehouse.queue': defineMethod({
    input: z.object({ direction: z.enum(['in', 'out']).optional() }),
    access: 'warehouse.confirm',
    handler: (ctx, { direction }) => warehouseQueue(ctx, direction),
  }),

  'warehouse.confirm': defineMethod({
    input: z.object({
      documentId: z.number().int(),
      warehouseId: z.number().int(),
      lines: z
        .array(
          z.object({ lineId: z.number().int(), quantity: z.string().optional(), lot: z.string().optional() }),
        )
        .optional(),
    }),
    access: 'warehouse.confirm',
    handler: (ctx, input) => confirmWarehouse(ctx, input),
  }),

  'numbering.list': defineMethod({
    input: z.object({}),
    access: 'documents.read',
    handler: (ctx) => listNumberingRules(ctx.db.$client),
  }),

  'numbering.save': defineMethod({
    input: z.object({
      documentType: z.enum(documentTypes),
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
