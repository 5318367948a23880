import { z } from 'zod';

/** The input of a method that reads or acts on one record. */
export const byId = z.object({ id: z.number().int() });

/** A save's target: null (or left out) creates the record, an id replaces it. */
export const saveId = z.number().int().nullable().default(null);

/**
 * A save's input: `{ id, version, …payload }`. A save of an existing record carries the version it was
 * opened at, so that one made after someone else's change is refused rather than overwriting it
 * (services/records/edit-version.ts).
 */
export function saveInput<Shape extends z.ZodRawShape>(payload: Shape) {
  return z
    .object({ id: saveId, version: z.number().int().positive().optional(), ...payload })
    .superRefine((input, context) => {
      // The generic payload hides the two fields' types from TypeScript; they are the ones above.
      const { id, version } = input as { id: number | null; version?: number };
      if (id !== null && version === undefined) {
        context.addIssue({
          code: 'custom',
          message: '修改已有的记录须带上打开它时的版本号（version）。',
          path: ['version'],
        });
      }
    });
}
