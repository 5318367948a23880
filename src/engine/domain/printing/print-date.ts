/**
 * The ways a branch writes a date on what it prints: 2026-11-20 as the books keep it, or as its forms and
 * customers are used to reading it.
 */
export const printDateFormats = ['yyyy-MM-dd', 'yyyy年M月d日', 'yyyy/MM/dd', 'yyyy.MM.dd'] as const;
export type PrintDateFormat = (typeof printDateFormats)[number];

/**
 * A date of the books (yyyy-MM-dd), or the date at the start of a local time (yyyy-MM-dd HH:mm), in the
 * branch's format; anything else is left as it is.
 */
export function formatPrintDate(text: string, format: PrintDateFormat): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(text);
  if (!match) return text;
  const [, year, month, day, rest = ''] = match;
  const date =
    format === 'yyyy年M月d日'
      ? `${year}年${Number(month)}月${Number(day)}日`
      : format === 'yyyy/MM/dd'
        ? `${year}/${month}/${day}`
        : format === 'yyyy.MM.dd'
          ? `${year}.${month}.${day}`
          : `${year}-${month}-${day}`;
  return `${date}${rest}`;
}
