import { z } from 'zod';
import { documentStatuses } from '../../../shared/documents/document-status';
import { documentTypes } from '../../../shared/documents/document-types';
import {
  approveDocument,
  closeOrder,
  deleteDraft,
  submitDocument,
  unapproveDocument,
  voidDocument,
} from '../../services/documents/document-actions';
import { listDocuments } from '../../services/documents/list-documents';
import { readDocument } from '../../services/documents/read-document';
import { reverseDocument } from '../../services/documents/reverse-document';
import { saveDocument } from '../../services/documents/save-document';
import { draftFromOrder } from '../../services/documents/order-draft';
import { defineMethod, saveAccess } from '../method';
import { byId, saveInput } from '../schemas/record-id';
import { documentInputSchema } from '../schemas/document';
import { isoDate as isoDateOf } from '../schemas/iso-date';
import { trimmedText } from '../schemas/record-fields';
import { searchText } from '../schemas/search-text';

const isoDate = isoDateOf();

/** Documents (DOMAIN.md §5): entry and the lifecycle; the keeper's confirmation is warehouse.ts. */
export const documentMethods = {
  'documents.list': defineMethod({
    input: z.object({
      types: z.array(z.enum(documentTypes)).optional(),
      statuses: z.array(z.enum(documentStatuses)).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      search: searchText().optional(),
      warehouseId: z.number().int().positive().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    access: 'documents.view',
    handler: (ctx, query) => listDocuments(ctx.actor, ctx.db.$client, query),
  }),

  'documents.get': defineMethod({
    input: byId,
    access: 'documents.view',
    handler: (ctx, { id }) => readDocument(ctx, id),
  }),

  /** Creates a draft (no id) or replaces a draft's header and lines (id). */
  'documents.save': defineMethod({
    input: saveInput({ document: documentInputSchema }),
    access: saveAccess('documents.create', 'documents.edit'),
    handler: (ctx, { id, version, document }) => saveDocument(ctx, document, id, version),
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
    input: byId.extend({ reason: trimmedText('原因', 200).default('') }),
    access: 'documents.approve',
    handler: (ctx, { id, reason }) => closeOrder(ctx, id, reason),
  }),

  /** 下推: an unsaved receipt / delivery with what the order still has outstanding, for `documents.save`. */
  'documents.fromOrder': defineMethod({
    input: byId,
    access: 'documents.create',
    handler: (ctx, { id }) => draftFromOrder(ctx, id),
  }),

  'documents.unapprove': defineMethod({
    input: byId,
    access: 'documents.unapprove',
    handler: (ctx, { id }) => unapproveDocument(ctx, id),
  }),

  'documents.void': defineMethod({
    input: byId.extend({ reason: trimmedText('原因', 200).default('') }),
    access: 'documents.void',
    handler: (ctx, { id, reason }) => voidDocument(ctx, id, reason),
  }),

  'documents.delete': defineMethod({
    input: byId,
    access: 'documents.edit',
    handler: (ctx, { id }) => deleteDraft(ctx, id),
  }),

  /** 红字冲销 of a completed document. */
  'documents.reverse': defineMethod({
    input: byId.extend({ businessDate: isoDate, reason: trimmedText('原因', 200).default('') }),
    access: 'documents.void',
    handler: (ctx, { id, businessDate, reason }) => reverseDocument(ctx, id, businessDate, reason),
  }),
};
