import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { ApiOutput } from '../../../shared/api';

export type UploadStatus = ApiOutput<'upload.status'>;
export type OutboxPackage = ApiOutput<'upload.packages'>[number];

/** How the badge and the page colour the upload: as the person must react to it. */
export type UploadHealth = 'notConfigured' | 'allSent' | 'pending' | 'retrying' | 'blocked';

/**
 * A failed run builds nothing when head office cannot be reached (the state is asked for first), so a
 * branch can be failing with no package waiting: that is retrying, never 已全部上传.
 */
export function uploadHealth(status: UploadStatus): UploadHealth {
  if (!status.configured) return 'notConfigured';
  if (status.blocked) return 'blocked';
  if (status.lastError !== null && (status.failuresInRow > 0 || status.nextAttemptAt !== null)) {
    return 'retrying';
  }
  return status.pending > 0 ? 'pending' : 'allSent';
}

/**
 * A moment in the branch's own time (dayjs reads the local zone). The engine gives ISO instants, and
 * the next schedule slot as a local `yyyy-MM-dd HH:mm`, which dayjs also reads as local.
 */
export function localTime(at: string | null, format: 'short' | 'full' = 'full'): string | null {
  if (at === null) return null;
  return dayjs(at).format(format === 'short' ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm');
}

/** The next time the branch will try on its own: a retry's time when one is due, else the schedule's. */
export function nextTry(status: UploadStatus): { kind: 'retry' | 'schedule'; at: string } | null {
  if (status.nextAttemptAt) return { kind: 'retry', at: status.nextAttemptAt };
  if (status.nextScheduled) return { kind: 'schedule', at: status.nextScheduled };
  return null;
}

/** Below a minute the difference is the signing window's noise, not a clock to set right. */
const noticeableSkewMs = 60_000;

/**
 * 本机时钟比总部慢 2 小时 3 分: skewMs is head office's clock minus this machine's, so a positive skew
 * means this machine is behind (slow).
 */
export function clockSkewText(skewMs: number, t: TFunction): string | null {
  if (Math.abs(skewMs) <= noticeableSkewMs) return null;
  const totalMinutes = Math.round(Math.abs(skewMs) / 60_000);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const duration =
    hours > 0 ? t('upload.hoursMinutes', { hours, minutes }) : t('upload.minutes', { minutes });
  return skewMs > 0 ? t('upload.skewSlow', { duration }) : t('upload.skewFast', { duration });
}

/** The rows a package carries, all sections together. */
export function packageRows(pkg: OutboxPackage): number {
  return Object.values(pkg.sectionRows).reduce((sum, rows) => sum + rows, 0);
}
