import { z } from 'zod';

/** The input of a method that reads or acts on one record. */
export const byId = z.object({ id: z.number().int() });

/** A save's target: null (or left out) creates the record, an id replaces it. */
export const saveId = z.number().int().nullable().default(null);
