import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/calendar';

/** A calendar day typed as yyyy-MM-dd (2026-02-30 is refused, never rolled over), named in the message. */
export const isoDate = (label = '日期') =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 yyyy-MM-dd`)
    .refine(isIsoDate, `${label}不是有效的日期`);
