import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/calendar';

/**
 * The days the ledger keeps: a branch's books start after 2000, and nothing it records (a delivery, an
 * expiry date) lies past 2099. A date outside is a typing slip ("0206-03-02", "20260-03-02") that
 * would otherwise sort before or after every real document and period.
 */
export const earliestDate = '2000-01-01';
export const latestDate = '2099-12-31';

/** A calendar day typed as yyyy-MM-dd (2026-02-30 is refused, never rolled over), named in the message. */
export const isoDate = (label = '日期') =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 yyyy-MM-dd`)
    .refine(isIsoDate, `${label}不是有效的日期`)
    .refine(
      (date) => date >= earliestDate && date <= latestDate,
      `${label}应在 ${earliestDate} 至 ${latestDate} 之间`,
    );
