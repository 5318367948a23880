import { z } from 'zod';
import {
  lifecycleTables,
  moveToRecycleBin,
  purgeFromRecycleBin,
  restoreFromRecycleBin,
  setActive,
  type LifecycleEntity,
} from '../../services/master-data/record-lifecycle';
import { defineMethod } from '../method';

const entity = z.enum(Object.keys(lifecycleTables) as [LifecycleEntity, ...LifecycleEntity[]]);
const target = z.object({ entity, id: z.number().int() });

/** Disabling, the recycle bin and purging work the same way for every master-data list. */
export const masterDataMethods = {
  'masterData.setActive': defineMethod({
    input: target.extend({ active: z.boolean() }),
    access: 'masterData.edit',
    handler: (ctx, { entity, id, active }) => {
      setActive(ctx, entity, id, active);
      return { ok: true as const };
    },
  }),

  'masterData.delete': defineMethod({
    input: target,
    access: 'masterData.delete',
    handler: (ctx, { entity, id }) => {
      moveToRecycleBin(ctx, entity, id);
      return { ok: true as const };
    },
  }),

  'masterData.restore': defineMethod({
    input: target,
    access: 'masterData.delete',
    handler: (ctx, { entity, id }) => {
      restoreFromRecycleBin(ctx, entity, id);
      return { ok: true as const };
    },
  }),

  'masterData.purge': defineMethod({
    input: target,
    access: 'masterData.purge',
    handler: (ctx, { entity, id }) => {
      purgeFromRecycleBin(ctx, entity, id);
      return { ok: true as const };
    },
  }),
};
