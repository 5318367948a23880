import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

/** The one way a date is typed in this app: the way the books write it. */
export const typedDateFormat = 'YYYY-MM-DD';

/**
 * What is wrong with a date as typed, or null when it is a real day in yyyy-MM-dd. The picker itself
 * would drop a wrong one and keep the old date without a word; the clerk must be told instead
 * (2026-02-30 is not a day; 20261205 is not the format).
 */
export function typedDateProblem(text: string): 'format' | 'noSuchDay' | null {
  const typed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(typed)) return 'format';
  return dayjs(typed, typedDateFormat, true).isValid() ? null : 'noSuchDay';
}
