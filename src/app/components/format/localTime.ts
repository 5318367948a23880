import dayjs from 'dayjs';

/** A moment the engine keeps as an ISO instant, as the clerk reads it: local date and time to the minute. */
export function localTime(at: string | null | undefined): string {
  return at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '';
}
