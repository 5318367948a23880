import { z } from 'zod';
import { searchText } from './search-text';

/** What every list page asks: search, active / disabled / recycle bin, sort, and a window of rows. */
export function listQuerySchema<Field extends string>(sortFields: readonly [Field, ...Field[]]) {
  return z.object({
    search: searchText().optional(),
    active: z.boolean().optional(),
    recycleBin: z.boolean().default(false),
    sort: z.object({ field: z.enum(sortFields), order: z.enum(['asc', 'desc']) }).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  });
}
