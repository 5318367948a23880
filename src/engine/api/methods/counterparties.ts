import { z } from 'zod';
import { channelTiers, counterpartyKinds } from '../../domain/master-data/channel';
import { readCounterpartyInReach, saveCounterparty } from '../../services/master-data/counterparties';
import { counterpartySortFields, listCounterparties } from '../../services/master-data/counterparties-list';
import { searchCounterparties } from '../../services/master-data/counterparties-search';
import { defineMethod, saveAccess } from '../method';
import { saveInput } from '../schemas/record-id';
import { counterpartyInputSchema } from '../schemas/counterparty';
import { listQuerySchema } from '../schemas/list-query';
import { searchText } from '../schemas/search-text';

export const counterpartyMethods = {
  'counterparties.list': defineMethod({
    input: listQuerySchema(counterpartySortFields).extend({
      kind: z.enum(counterpartyKinds).optional(),
      channelTier: z.enum(channelTiers).optional(),
      officeId: z.number().int().optional(),
      parentId: z.number().int().optional(),
    }),
    access: 'masterData.view',
    handler: (ctx, query) => listCounterparties(ctx, query),
  }),

  'counterparties.get': defineMethod({
    input: z.object({ id: z.number().int() }),
    access: 'masterData.view',
    handler: (ctx, { id }) => readCounterpartyInReach(ctx, id),
  }),

  /** Creates a counterparty (no id) or replaces one (id), with its contacts. */
  'counterparties.save': defineMethod({
    input: saveInput({ counterparty: counterpartyInputSchema }),
    access: saveAccess('masterData.create', 'masterData.edit'),
    handler: (ctx, { id, version, counterparty }) => saveCounterparty(ctx, counterparty, id, version),
  }),

  /** The picker: the exact code first, then code / name / region / contact / pinyin matches. */
  'counterparties.search': defineMethod({
    input: z.object({
      term: searchText(),
      limit: z.number().int().min(1).max(100).default(20),
      /** `internal`: head office and other branches (内部单位), for inter-branch transfers. */
      kind: z.enum(['customer', 'supplier', 'internal']).optional(),
    }),
    access: 'masterData.view',
    handler: (ctx, { term, limit, kind }) => searchCounterparties(ctx, term, limit, kind),
  }),
};
