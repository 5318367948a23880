import { zh } from '../text/zh-CN';

/** Head office reads times on Beijing time, whatever the zone of the machine the browser runs on. */
const shanghaiMinutes = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as `2026-11-30 09:05` in Asia/Shanghai. */
export function shanghaiTime(iso: string): string {
  const parts = Object.fromEntries(
    shanghaiMinutes.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** How long ago, in the words of the branches page. */
export function lagText(hours: number): string {
  if (hours < 1) return zh.lag.justNow;
  if (hours < 48) return zh.lag.hours(hours);
  return zh.lag.days(Math.floor(hours / 24), hours % 24);
}
