import { z } from 'zod';
import { officeKinds } from '../../domain/master-data/office-kinds';
import { readOffice, saveOffice } from '../../services/master-data/offices';
import { listOffices, officeSortFields } from '../../services/master-data/offices-list';
import { defineMethod, saveAccess } from '../method';
import { byId, saveInput } from '../schemas/record-id';
import { listQuerySchema } from '../schemas/list-query';
import { officeInputSchema } from '../schemas/office';

export const officeMethods = {
  'offices.list': defineMethod({
    input: listQuerySchema(officeSortFields).extend({ kind: z.enum(officeKinds).optional() }),
    access: 'masterData.view',
    handler: (ctx, query) => listOffices(ctx, query),
  }),

  'offices.get': defineMethod({
    input: byId,
    access: 'masterData.view',
    handler: (ctx, { id }) => readOffice(ctx.db, id),
  }),

  'offices.save': defineMethod({
    input: saveInput({ office: officeInputSchema }),
    access: saveAccess('masterData.create', 'masterData.edit'),
    handler: (ctx, { id, version, office }) => saveOffice(ctx, office, id, version),
  }),
};
