import { z } from 'zod';
import { getBranchProfile, updateBranchProfile } from '../../services/branch/branch-profile';
import { defineMethod } from '../method';
import { branchProfileChangeSchema } from '../schemas/branch-profile';

export const branchMethods = {
  'branch.profile': defineMethod({
    input: z.object({}),
    access: 'system.view',
    handler: (ctx) => getBranchProfile(ctx),
  }),

  'branch.update': defineMethod({
    input: branchProfileChangeSchema,
    access: 'settings.edit',
    handler: (ctx, change) => updateBranchProfile(ctx, change),
  }),
};
